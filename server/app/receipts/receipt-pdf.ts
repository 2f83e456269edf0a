// The written confirmation of a promise (principle 3): creditor, debtor, invoices, the schedule,
// the total, when it was accepted, the policy version that produced the offer, and the notices the
// policy pack requires with an offer. A pure function of ReceiptData (pdfkit, standard fonts).
import PDFDocument from "pdfkit";
import type { ReceiptData } from "./receipt-data.js";
import { dateText, fileStem, instantText, kindText, labels, moneyText } from "./receipt-text.js";

type Doc = InstanceType<typeof PDFDocument>;

interface Cell {
  readonly text: string;
  readonly width: number;
  readonly align?: "left" | "right";
}

const MARGIN = 50;
const INK = "#1f2933";
const MUTED = "#52606d";

class Writer {
  constructor(
    readonly doc: Doc,
    /** French typography puts a space before the colon; English does not. */
    readonly colon: string,
  ) {}

  private get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string): void {
    this.ensure(40);
    this.doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor(INK).text(text, MARGIN);
    this.doc.moveDown(0.3);
  }

  field(label: string, value: string): void {
    this.ensure(16);
    this.doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .fillColor(MUTED)
      .text(`${label}${this.colon}`, MARGIN, this.doc.y, { continued: true });
    this.doc.font("Helvetica").fillColor(INK).text(value);
  }

  row(cells: readonly Cell[], bold = false): void {
    const doc = this.doc;
    doc
      .font(bold ? "Helvetica-Bold" : "Helvetica")
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
      .font("Helvetica")
      .fontSize(size)
      .fillColor(INK)
      .text(text, MARGIN, this.doc.y, { width: this.doc.page.width - 2 * MARGIN });
    this.doc.moveDown(0.4);
  }
}

export function buildReceiptPdf(data: ReceiptData): Promise<Buffer> {
  const l = labels(data.locale);
  const money = (amount: number) => moneyText(amount, data.currency, data.locale);
  const date = (iso: string) => dateText(iso, data.locale);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
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
  const w = new Writer(doc, data.locale === "fr" ? " : " : ": ");
  const field = (label: string, value: string) => w.field(label, value);

  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK).text(l.title, MARGIN, MARGIN);
  doc.moveDown(0.5);
  field(l.reference, data.reference);
  field(l.promiseId, data.promiseId);
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
  w.paragraph(l.commitment(money(data.total)), 10);

  w.heading(l.policy);
  w.paragraph(`${data.policy.packId}, ${l.version} ${data.policy.versionId}, ${l.hash} ${data.policy.hash}`);

  if (data.disclosures.length) {
    w.heading(l.disclosures);
    for (const d of data.disclosures) w.paragraph(d.text);
  }
  doc.moveDown(1);
  doc.font("Helvetica-Oblique").fontSize(8).fillColor(MUTED).text(l.generated, MARGIN);
  doc.end();
  return done;
}
