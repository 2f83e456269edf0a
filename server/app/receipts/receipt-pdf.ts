// The written confirmation of a promise (principle 3): creditor, debtor, invoices, the schedule,
// the total, when it was accepted, how to pay (reference, bank details, SEPA QR code) and the notices
// the policy pack requires with an offer; a cancelled promise says so on every page. A header and
// page numbers on every page; nothing internal (ids, hashes) for the debtor to puzzle over: the
// payment reference is the document's number. A pure function of ReceiptData (pdfkit, DejaVu Sans
// embedded so that every name prints).
import type PDFDocument from "pdfkit";
import type { ReceiptData } from "./receipt-data.js";
import { RECEIPT_FONTS } from "./receipt-fonts.js";
import { dateText, fileStem, instantText, kindText, labels, moneyText } from "./receipt-text.js";

type Doc = InstanceType<typeof PDFDocument>;

interface Cell {
  readonly text: string;
  readonly width: number;
  readonly align?: "left" | "right";
}

const MARGIN = 50;
/** Room above the body for the running header. */
const TOP = 80;
const DANGER = "#b42318";
const INK = "#1f2933";
const MUTED = "#52606d";

class Writer {
  constructor(
    readonly doc: Doc,
    /** French typography puts a space before the colon; English does not. */
    readonly colon: string,
  ) {}

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensure(40);
    this.doc.moveDown(0.8).font("Bold").fontSize(12).fillColor(INK).text(text, MARGIN);
    this.doc.moveDown(0.3);
  }

  field(label: string, value: string): void {
    this.ensure(16);
    this.doc
      .font("Bold")
      .fontSize(10)
      .fillColor(MUTED)
      .text(`${label}${this.colon}`, MARGIN, this.doc.y, { continued: true });
    this.doc.font("Body").fillColor(INK).text(value);
  }

  row(cells: readonly Cell[], bold = false): void {
    const doc = this.doc;
    doc
      .font(bold ? "Bold" : "Body")
      .fontSize(10)
      .fillColor(INK);
    const height = Math.max(...cells.map((c) => doc.heightOfString(c.text, { width: c.width }))) + 4;
    this.ensure(height);
    const y = doc.y;
    let x = MARGIN;
    for (const c of cells) {
      doc.text(c.text, x, y, { width: c.width, align: c.align ?? "left" });
      x += c.width + 8;
    }
    doc.x = MARGIN;
    doc.y = y + height;
  }

  rule(): void {
    const y = this.doc.y;
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(this.doc.page.width - MARGIN, y)
      .lineWidth(0.5)
      .strokeColor("#cbd2d9")
      .stroke();
    this.doc.y = y + 4;
  }

  paragraph(text: string, size = 9): void {
    this.ensure(30);
    this.doc
      .font("Body")
      .fontSize(size)
      .fillColor(INK)
      .text(text, MARGIN, this.doc.y, { width: this.doc.page.width - 2 * MARGIN });
    this.doc.moveDown(0.4);
  }
}

export async function buildReceiptPdf(data: ReceiptData): Promise<Buffer> {
  // pdfkit (with fontkit, brotli and its fonts) is loaded on the first PDF, not at boot (decision 0106).
  const { default: PDFDocument } = await import("pdfkit");
  const l = labels(data.locale);
  const money = (amount: number) => moneyText(amount, data.currency, data.locale);
  const date = (iso: string) => dateText(iso, data.locale);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: TOP, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: data.locale === "fr" ? "fr-FR" : "en-GB",
    info: {
      Title: `${l.title} — ${data.reference}`,
      Author: data.creditor.name,
      Subject: fileStem(data),
      Creator: "amiable",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Body", RECEIPT_FONTS.regular);
  doc.registerFont("Bold", RECEIPT_FONTS.bold);
  doc.registerFont("Italic", RECEIPT_FONTS.italic);
  const w = new Writer(doc, data.locale === "fr" ? " : " : ": ");
  const field = (label: string, value: string) => w.field(label, value);
  const cancelled = data.status === "cancelled";

  doc.font("Bold").fontSize(18).fillColor(INK).text(l.title, MARGIN, TOP);
  if (cancelled) {
    doc.moveDown(0.3).font("Bold").fontSize(14).fillColor(DANGER).text(l.cancelledBanner, MARGIN);
    doc
      .font("Body")
      .fontSize(10)
      .text(l.cancelledNote, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  }
  doc.moveDown(0.5);
  field(l.reference, data.reference);
  if (data.payment) field(l.paymentReference, data.payment.referenceText);
  field(l.acceptedAt, instantText(data.acceptedAt, data.locale, data.timeZone));

  w.heading(l.creditor);
  w.paragraph(data.creditor.name, 10);
  const contact = [data.creditor.contactEmail, data.creditor.contactPhone].filter(Boolean).join(" — ");
  if (contact) field(l.contact, contact);
  w.heading(l.debtor);
  w.paragraph(data.debtor.name, 10);

  w.heading(l.invoices);
  const inv: [number, number, number, number] = [150, 100, 100, 111];
  w.row(
    [
      { text: l.invoice, width: inv[0] },
      { text: l.issuedAt, width: inv[1] },
      { text: l.dueAt, width: inv[2] },
      { text: l.amount, width: inv[3], align: "right" },
    ],
    true,
  );
  w.rule();
  for (const i of data.invoices) {
    w.row([
      { text: i.number, width: inv[0] },
      { text: date(i.issuedAt), width: inv[1] },
      { text: date(i.dueAt), width: inv[2] },
      { text: money(i.amount), width: inv[3], align: "right" },
    ]);
  }

  w.heading(`${l.agreement}${w.colon}${kindText(data)}`);
  const sch: [number, number, number] = [60, 250, 169];
  w.row(
    [
      { text: l.number, width: sch[0] },
      { text: l.dueDate, width: sch[1] },
      { text: l.amount, width: sch[2], align: "right" },
    ],
    true,
  );
  w.rule();
  for (const i of data.instalments) {
    w.row([
      { text: String(i.seq), width: sch[0] },
      { text: date(i.dueDate), width: sch[1] },
      { text: money(i.amount), width: sch[2], align: "right" },
    ]);
  }
  w.rule();
  w.row(
    [
      { text: l.total, width: sch[0] },
      { text: "", width: sch[1] },
      { text: money(data.total), width: sch[2], align: "right" },
    ],
    true,
  );
  doc.moveDown(0.5);
  w.paragraph(cancelled ? l.cancelledNote : l.commitment(money(data.total)), 10);

  if (data.payment && !cancelled) {
    w.heading(l.howToPay);
    w.paragraph(data.payment.text, 10);
    if (data.payment.epc) {
      const { default: QRCode } = await import("qrcode");
      const png = await QRCode.toBuffer(data.payment.epc, {
        type: "png",
        errorCorrectionLevel: "M",
        margin: 2,
        width: 240,
      });
      w.ensure(150);
      const y = doc.y;
      doc.image(png, MARGIN, y, { width: 120, height: 120 });
      doc
        .font("Body")
        .fontSize(9)
        .fillColor(MUTED)
        .text(l.qrCaption, MARGIN + 135, y + 40, { width: doc.page.width - 2 * MARGIN - 135 });
      doc.x = MARGIN;
      doc.y = y + 130;
    }
  }

  if (data.disclosures.length) {
    w.heading(l.disclosures);
    for (const d of data.disclosures) w.paragraph(d.text);
  }
  doc.moveDown(1);
  doc.font("Italic").fontSize(8).fillColor(MUTED).text(l.generated, MARGIN);
  runningHeadAndFoot(doc, data, cancelled);
  doc.end();
  return done;
}

/** Every page: the title, the case reference (and CANCELLED) above; "Page n of N" below. */
function runningHeadAndFoot(doc: Doc, data: ReceiptData, cancelled: boolean): void {
  const l = labels(data.locale);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    // Writing in the margins must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const head = `${l.title} — ${data.reference}${cancelled ? ` — ${l.cancelledBanner}` : ""}`;
    doc
      .font("Body")
      .fontSize(8)
      .fillColor(cancelled ? DANGER : MUTED)
      .text(head, MARGIN, 30, { width: width - 2 * MARGIN, lineBreak: false });
    doc
      .moveTo(MARGIN, 44)
      .lineTo(width - MARGIN, 44)
      .lineWidth(0.5)
      .strokeColor("#cbd2d9")
      .stroke();
    doc
      .font("Body")
      .fontSize(8)
      .fillColor(MUTED)
      .text(l.page(i - range.start + 1, range.count), MARGIN, height - 40, {
        width: width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
