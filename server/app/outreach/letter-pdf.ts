// A letter step as a plain PDF for a person to print and post (e.g. the French formal notice by
// recorded delivery). Deliberately plain: nothing that could pass for a judicial act (FR-3, UK-3).
import { dateText } from "../receipts/receipt-text.js";

export interface LetterData {
  readonly locale: "fr" | "en";
  readonly creditorName: string;
  readonly debtorName: string;
  readonly date: string;
  readonly subject: string;
  readonly text: string;
}

export async function buildLetterPdf(l: LetterData): Promise<Buffer> {
  // pdfkit (with fontkit, brotli and its fonts) is loaded on the first PDF, not at boot (decision 0106).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: l.locale === "fr" ? "fr-FR" : "en-GB",
    info: { Title: l.subject, Author: l.creditorName, Creator: "amiable" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // The standard PDF fonts have no narrow no-break space.
  const clean = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
  doc.font("Helvetica-Bold").fontSize(12).text(clean(l.creditorName));
  doc.moveDown(2);
  doc.font("Helvetica").fontSize(11).text(clean(l.debtorName), { align: "right" });
  doc.moveDown(1);
  doc.text(dateText(l.date, l.locale), { align: "right" });
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(12).text(clean(l.subject));
  doc.moveDown(1);
  doc.font("Helvetica").fontSize(10.5);
  for (const paragraph of l.text.split("\n\n")) {
    doc.text(clean(paragraph));
    doc.moveDown(0.6);
  }
  doc.end();
  return done;
}
