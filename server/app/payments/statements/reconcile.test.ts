// Bank statement reconciliation over the real service: CSV and CAMT.053 files with matched,
// partial, unmatched and debit lines; a re-import changes nothing; a person assigns and dismisses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPaymentReference } from "../../../domain/payments/payment-reference.js";
import { TEST_TARGETS } from "../../../test-support/databases.js";
import { sampleCase, startTestService, type TestService } from "../../../test-support/service.js";

const euros = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

describe.each(TEST_TARGETS)("bank statement import on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newCase() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const view = await t.api("GET", `/api/cases/${res.body.id}`, { token: t.tokens.collector });
    const row = await t.db.prisma.case.findUniqueOrThrow({ where: { id: res.body.id } });
    return {
      id: res.body.id as string,
      due: view.body.amountDue.total as number,
      ref: row.paymentReference ?? "",
    };
  }
  const upload = (body: string, type = "text/csv") =>
    t.api("POST", "/api/statements", {
      token: t.tokens.collector,
      raw: body,
      headers: { "content-type": type },
    });
  const paid = async (caseId: string) =>
    (await t.db.prisma.payment.findMany({ where: { caseId } })).reduce((s, p) => s + Number(p.amount), 0);

  it("matches on reference and amount, records partial payments for review and lists the unmatched lines", async () => {
    const [a, b, c] = [await newCase(), await newCase(), await newCase()];
    const csv = [
      "date,amount,currency,text,counterparty,bank_ref",
      `2026-11-20,${euros(a.due)},EUR,VIR SEPA ${formatPaymentReference(a.ref).toLowerCase()} FACT F-1001,DUPONT TRANSPORT,BNK-1`,
      `21/11/2026,"${euros(50_000).replace(".", ",")}",EUR,Virement ref ${b.ref},DUPONT,BNK-2`,
      "2026-11-21,120.00,EUR,virement sans reference,INCONNU SARL,BNK-3",
      "2026-11-21,80.00,EUR,ref RF18 5390 0754 7034,AUTRE,BNK-4",
      "2026-11-21,-35.00,EUR,FRAIS BANCAIRES,,BNK-5",
      "2026-13-45,10.00,EUR,bad date,,BNK-6",
    ].join("\n");
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      format: "csv",
      matched: 1,
      partial: 1,
      unmatched: 2,
      duplicate: 0,
      skipped: 1,
    });
    expect(res.body.errors).toEqual([{ lineNo: 7, message: "date: must be YYYY-MM-DD or DD/MM/YYYY" }]);
    const byLine = Object.fromEntries(res.body.lines.map((l: { lineNo: number }) => [l.lineNo, l]));
    expect(byLine[2]).toMatchObject({ status: "matched", caseId: a.id, amount: a.due });
    expect(byLine[3]).toMatchObject({
      status: "partial",
      caseId: b.id,
      amount: 50_000,
      note: "less than the amount due now",
    });
    expect(byLine[4]).toMatchObject({
      status: "unmatched",
      caseId: null,
      note: "no payment reference found",
    });
    expect(byLine[5]).toMatchObject({
      status: "unmatched",
      note: "reference RF18539007547034 matches no case",
    });
    expect(await paid(a.id)).toBe(a.due);
    expect(await paid(b.id)).toBe(50_000);
    const sources = await t.db.prisma.payment.findMany({ where: { caseId: { in: [a.id, b.id] } } });
    expect(sources.every((p) => p.source === "statement")).toBe(true);

    // The same file again: nothing new is recorded, nothing new waits for a person.
    const again = await upload(csv);
    expect(again.body).toMatchObject({ matched: 0, partial: 0, unmatched: 0, duplicate: 4 });
    expect(await paid(a.id)).toBe(a.due);

    const open = await t.api("GET", "/api/statements/lines?status=open", { token: t.tokens.collector });
    expect(open.status).toBe(200);
    expect(open.body.items.map((l: { bankRef: string }) => l.bankRef).sort()).toEqual([
      "BNK-2",
      "BNK-3",
      "BNK-4",
    ]);

    // A person recognises line BNK-3 as case c's payment, and checks the partial one.
    const unknown = byLine[4].id;
    const assigned = await t.api("POST", `/api/statements/lines/${unknown}/assign`, {
      token: t.tokens.collector,
      body: { caseId: c.id, note: "the debtor phoned: paid for case c" },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ status: "assigned", caseId: c.id });
    expect(await paid(c.id)).toBe(12_000);
    const twice = await t.api("POST", `/api/statements/lines/${unknown}/assign`, {
      token: t.tokens.collector,
      body: { caseId: c.id, note: "again" },
    });
    expect(twice.status).toBe(409);
    const reviewed = await t.api("POST", `/api/statements/lines/${byLine[3].id}/dismiss`, {
      token: t.tokens.collector,
      body: { note: "first part of a payment plan agreed by phone" },
    });
    expect(reviewed.body.status).toBe("reviewed");
    const left = await t.api("GET", "/api/statements/lines", { token: t.tokens.collector });
    expect(left.body.items.map((l: { bankRef: string }) => l.bankRef)).toEqual(["BNK-4"]);
    const denied = await t.api("GET", "/api/statements/lines", { token: t.tokens.policy_editor });
    expect(denied.status).toBe(403);
  });

  it("reads a CAMT.053 statement: credits with their structured reference, debits left out", async () => {
    const d = await newCase();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-11-22T06:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1-1</Id>
      <Ntry>
        <Amt Ccy="EUR">${euros(d.due)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-21</Dt></BookgDt>
        <AcctSvcrRef>CAMT-REF-1</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <RltdPties><Dbtr><Nm>Łukasz Wiśniewski</Nm></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${d.ref}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">12.50</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <BookgDt><Dt>2026-11-21</Dt></BookgDt>
        <AcctSvcrRef>CAMT-REF-2</AcctSvcrRef>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">40.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <BookgDt><Dt>2026-11-21</Dt></BookgDt>
        <AcctSvcrRef>CAMT-REF-3</AcctSvcrRef>
        <NtryDtls><TxDtls><RmtInf><Ustrd>remboursement trop percu</Ustrd></RmtInf></TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
    const res = await upload(xml, "application/xml");
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: "camt.053", matched: 1, unmatched: 1, skipped: 1 });
    expect(res.body.lines[0]).toMatchObject({
      counterparty: "Łukasz Wiśniewski",
      bankRef: "CAMT-REF-1",
      caseId: d.id,
    });
    expect(res.body.lines[1]).toMatchObject({ text: "remboursement trop percu", status: "unmatched" });
    expect(await paid(d.id)).toBe(d.due);
    const bad = await upload("not,a,statement\n1,2,3");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toContain("missing column(s)");
  });
});
