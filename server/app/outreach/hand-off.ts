// Beyond amicable recovery (issue 16): one action hands the case to a collection agency, a bailiff or
// a court order for payment. The case moves to handed_off (all contact stops) and the collector gets
// a case file: a PDF summary and a ZIP of the originals (invoices, every reminder as sent with its
// delivery status, the formal notice, the transcript, promises, payments, receipts, policy versions).
import { strToU8, zipSync } from "fflate";
import { z } from "zod";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { amountDue } from "../../policy/index.js";
import { caseFacts } from "../cases/case-view.js";
import type { Actor, AppContext } from "../context.js";
import type { HandOffCase } from "../ports/outreach.js";
import { loadReceipt } from "../receipts/receipt-data.js";
import { buildReceiptPdf } from "../receipts/receipt-pdf.js";
import { moneyText } from "../receipts/receipt-text.js";

export const handOffInput = z
  .object({
    recipient: z.enum(["collection_agency", "bailiff", "court_order"]),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function handOff(ctx: AppContext, actor: Actor, caseId: string, body: unknown) {
  const input = parseOrThrow(handOffInput, body, "hand-off");
  const c = await ctx.stores.outreach.caseForHandOff(caseId);
  if (!c) throw notFound("case");
  if (c.status === "handed_off") throw new AppError("conflict", "This case is already handed off.");
  await ctx.stores.outreach.markHandedOff(caseId, actor.userId, input, ctx.clock.now());
  ctx.events.publish({ type: "case.status", caseId, status: "handed_off" });
  return {
    caseId,
    status: "handed_off",
    recipient: input.recipient,
    caseFile: `/api/cases/${caseId}/case-file.zip`,
  };
}

async function summaryPdf(c: HandOffCase, dueText: string[], transcriptLines: number): Promise<Buffer> {
  // pdfkit (with fontkit, brotli and its fonts) is loaded on the first PDF, not at boot (decision 0106).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `Case file ${c.reference}`, Creator: "amiable" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const clean = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
  const h = (s: string) =>
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).text(clean(s)).font("Helvetica").fontSize(9.5);
  const p = (s: string) => doc.text(clean(s));
  const money = (v: bigint) => moneyText(Number(v), c.currency, c.debtor.locale);
  doc.font("Helvetica-Bold").fontSize(16).text(`Case file — ${c.reference}`);
  doc.font("Helvetica").fontSize(9.5);
  p(`Creditor: ${c.creditor.name}. Debtor: ${c.debtor.name} (${c.debtor.kind}), ${c.jurisdiction}.`);
  p(`Status: ${c.status}. Case opened ${day(c.createdAt)}.`);
  h("Invoices");
  for (const i of c.invoices)
    p(`${i.number}: issued ${day(i.issuedAt)}, due ${day(i.dueAt)}, ${money(i.amount)}`);
  h("Amount due");
  for (const line of dueText) p(line);
  h("Reminders and messages");
  for (const m of c.outreachMessages)
    p(
      `${day(m.createdAt)} ${m.stepKey.replace(/:[0-9a-f-]{36}/g, "")} (${m.channel}): ${m.status}${m.sentAt ? ` ${m.sentAt.toISOString()}` : ""}${m.error ? ` — ${m.error}` : ""}`,
    );
  if (c.outreachMessages.length === 0) p("None.");
  h("Promises");
  for (const pr of c.promises) {
    p(`${day(pr.acceptedAt)}: ${money(pr.total)}, ${pr.status} (obtained by ${pr.obtainedBy})`);
    for (const i of pr.instalments)
      p(`   #${i.seq} ${day(i.dueDate)} ${money(i.amount)} paid ${money(i.paidAmount)} — ${i.status}`);
  }
  if (c.promises.length === 0) p("None.");
  h("Payments");
  for (const pay of c.payments)
    p(`${day(pay.paidAt)}: ${money(pay.amount)}${pay.externalRef ? ` (${pay.externalRef})` : ""}`);
  if (c.payments.length === 0) p("None.");
  h("Policy versions");
  for (const v of policyVersions(c)) p(`${v.packId} sha256:${v.hash}`);
  h("Transcript");
  p(`${transcriptLines} messages, in transcript.txt of the ZIP.`);
  doc.end();
  return done;
}

function policyVersions(c: HandOffCase) {
  const all = [c.policyVersion, ...c.offers.map((o) => o.policyVersion)];
  return [...new Map(all.map((v) => [v.id, v])).values()];
}

/** The ZIP: case-file.pdf plus the originals. */
export async function caseFileZip(
  ctx: AppContext,
  caseId: string,
): Promise<{ zip: Buffer; filename: string }> {
  const c = await ctx.stores.outreach.caseForHandOff(caseId);
  if (!c) throw notFound("case");
  const pack = (await ctx.policies.forVersion(c.policyVersionId)).pack;
  const due = amountDue(caseFacts(c), pack, day(ctx.clock.now()));
  const m = (v: number) => moneyText(v, due.currency, c.debtor.locale);
  const dueText = [
    `Principal ${m(due.principal)}, interest ${m(due.interest)}, indemnity and fees ${m(due.fees)}, paid ${m(due.paid)}`,
    `Total due on ${due.asOf}: ${m(due.total)}`,
  ];
  const transcript = await ctx.stores.cases.transcript(caseId);
  const transcriptText = (transcript?.messages ?? [])
    .map((x) => `[${x.createdAt}] ${x.role}: ${x.text}`)
    .join("\n");
  const files: Record<string, Uint8Array> = {
    "case-file.pdf": await summaryPdf(c, dueText, transcript?.messages.length ?? 0),
    "invoices.csv": strToU8(
      [
        "number,issuedAt,dueAt,amountMinor,currency",
        ...c.invoices.map((i) => `${i.number},${day(i.issuedAt)},${day(i.dueAt)},${i.amount},${c.currency}`),
      ].join("\n"),
    ),
    "transcript.txt": strToU8(transcriptText),
    "promises.json": strToU8(
      JSON.stringify(c.promises, (_k, v) => (typeof v === "bigint" ? Number(v) : v), 2),
    ),
    "payments.json": strToU8(
      JSON.stringify(c.payments, (_k, v) => (typeof v === "bigint" ? Number(v) : v), 2),
    ),
  };
  c.outreachMessages.forEach((msg, n) => {
    const stem = `messages/${String(n + 1).padStart(2, "0")}-${msg.stepKey.replace(/[^a-z0-9-]+/gi, "-")}`;
    files[`${stem}.txt`] = strToU8(
      [
        `Channel: ${msg.channel}`,
        `Status: ${msg.status}`,
        `Composed: ${msg.createdAt.toISOString()}`,
        `Sent: ${msg.sentAt?.toISOString() ?? "-"}`,
        `Subject: ${msg.subject ?? ""}`,
        "",
        msg.text,
      ].join("\n"),
    );
    if (msg.html) files[`${stem}.html`] = strToU8(msg.html);
  });
  for (const v of policyVersions(c))
    files[`policies/${v.packId}-${v.hash.slice(0, 12)}.yaml`] = strToU8(v.content);
  for (const pr of c.promises) {
    const data = await loadReceipt(ctx, caseId, pr.id);
    if (data) files[`receipts/${pr.id}.pdf`] = await buildReceiptPdf(data);
  }
  return {
    zip: Buffer.from(zipSync(files, { level: 6 })),
    filename: `case-file-${c.reference.replace(/[^\w.-]+/g, "-")}.zip`,
  };
}
