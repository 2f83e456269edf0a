// CSV as spreadsheets write it: French Excel's ";" with decimal commas, "1 250,00", dd/mm/yyyy
// dates and a BOM import as is, with a per-line report for what is wrong; the export opens in
// French Excel (BOM, ";", decimal comma), has one row per invoice with case figures once, and
// neutralises formulas but leaves phone numbers alone.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCase } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { neutraliseCell, parseCsvDate, parseMajorAmount } from "./csv-columns.js";
import { detectDelimiter } from "./csv-import.js";

describe("spreadsheet cells", () => {
  it("detects the separator of the header row, outside quotes", () => {
    expect(detectDelimiter("\uFEFFreference;creditor_name;invoice_amount\r\nA;B;1250,00")).toBe(";");
    expect(detectDelimiter('reference,"a;b;c",x\n')).toBe(",");
    expect(detectDelimiter("reference\tcreditor_name\n")).toBe("\t");
  });
  it.each([
    ["1250,00", 125_000],
    ["1 250,00", 125_000],
    ["1\u00a0250,5", 125_050],
    ["1\u202f250,50", 125_050],
    ["1.250,00", 125_000],
    ["1,250.00", 125_000],
    ["1200.5", 120_050],
    ["300", 30_000],
  ])("reads the amount %j", (text, minor) => {
    expect(parseMajorAmount(text, "EUR")).toBe(minor);
  });
  it.each(["12,345", "1,250,00", "abc", "-5", "1.2.3"])("refuses the amount %j", (text) => {
    expect(parseMajorAmount(text, "EUR")).toBeNull();
  });
  it("reads ISO and day-first dates, refuses impossible ones", () => {
    expect(parseCsvDate("2026-07-31")).toBe("2026-07-31");
    expect(parseCsvDate("31/07/2026")).toBe("2026-07-31");
    expect(parseCsvDate("1/7/2026")).toBe("2026-07-01");
    expect(parseCsvDate("31.07.2026")).toBe("2026-07-31");
    expect(parseCsvDate("2026-07-31 00:00:00")).toBe("2026-07-31");
    expect(parseCsvDate("31/02/2026")).toBeNull();
    expect(parseCsvDate("07/31/26")).toBeNull();
  });
  it("neutralises formulas, not phone numbers or signed numbers", () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliseCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseCell("-2+3+cmd|x")).toBe("'-2+3+cmd|x");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\tx")).toBe("'\tx");
    expect(neutraliseCell("+33 6 12 34 56 78")).toBe("+33 6 12 34 56 78");
    expect(neutraliseCell("+1 (415) 555-0100")).toBe("+1 (415) 555-0100");
    expect(neutraliseCell("Dupont")).toBe("Dupont");
  });
});

const FRENCH = [
  "\uFEFFreference;creditor_name;debtor_name;debtor_kind;debtor_phone;debtor_locale;jurisdiction;currency;invoice_number;invoice_issued_at;invoice_due_at;invoice_amount;verification_question;verification_answer",
  "XL-1;Électricité Dupuis;Lefèvre, Martin & Fils;business;+33 6 12 34 56 78;fr;FR;EUR;F-1;01/07/2026;31/07/2026;1 250,00;Code postal ?;69002",
  "XL-1;Électricité Dupuis;Lefèvre, Martin & Fils;business;+33 6 12 34 56 78;fr;FR;EUR;F-2;2026-08-01;2026-08-31;300,5;Code postal ?;69002",
  'XL-2;Électricité Dupuis;"Durand; SAS";business;;fr;FR;EUR;F-3;15/06/2026;15/07/2026;"1.234,56";;',
  "",
].join("\r\n");

describe.each(TEST_TARGETS)("French Excel CSV on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });
  const upload = (csv: string, mode = "import") =>
    t.api("POST", `/api/cases/import?mode=${mode}`, {
      token: t.tokens.collector,
      raw: csv,
      headers: { "content-type": "text/csv" },
    });

  it("imports a French Excel file as is", async () => {
    const res = await upload(FRENCH);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ok: true, rows: 3, cases: 2, imported: 2, errors: [] });
    const xl1 = await t.db.prisma.case.findFirstOrThrow({
      where: { reference: "XL-1" },
      include: { invoices: { orderBy: { number: "asc" } }, debtor: true },
    });
    expect(xl1.debtor).toMatchObject({ name: "Lefèvre, Martin & Fils", phone: "+33 6 12 34 56 78" });
    expect(
      xl1.invoices.map((i) => [i.number, i.issuedAt.toISOString().slice(0, 10), Number(i.amount)]),
    ).toEqual([
      ["F-1", "2026-07-01", 125_000],
      ["F-2", "2026-08-01", 30_050],
    ]);
    const xl2 = await t.db.prisma.case.findFirstOrThrow({
      where: { reference: "XL-2" },
      include: { invoices: true },
    });
    expect(Number(xl2.invoices[0]?.amount)).toBe(123_456);
  });

  it("reports each wrong line with its row, column and what was read", async () => {
    const bad = [
      "reference;creditor_name;debtor_name;debtor_kind;debtor_locale;jurisdiction;currency;invoice_number;invoice_issued_at;invoice_due_at;invoice_amount",
      "XB-1;Import FR;A SARL;business;fr;FR;EUR;B-1;31/02/2026;31/03/2026;10,00",
      "XB-2;Import FR;B SARL;business;fr;FR;EUR;B-2;01/02/2026;01/03/2026;dix euros",
    ].join("\n");
    const res = await upload(bad, "validate");
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: "invoice_issued_at",
        message: expect.stringContaining('"31/02/2026"'),
      }),
      expect.objectContaining({
        row: 3,
        column: "invoice_amount",
        message: expect.stringContaining('"dix euros"'),
      }),
    ]);
  });

  it("exports for French Excel: BOM, ';', decimal comma, case figures once, phones untouched, and reads back", async () => {
    const c = await newCase(t, {
      reference: "XE-1",
      creditor: { name: "Export FR" },
      debtor: {
        name: '=HYPERLINK("http://evil")',
        kind: "business",
        phone: "+33 6 99 88 77 66",
        locale: "fr",
      },
      // The export leaves the verification answer out (a secret): a case without one reads back whole.
      verification: undefined,
    });
    const res = await fetch(`${t.url}/api/cases/export.csv?dialect=excel-fr&q=XE-1`, {
      headers: { authorization: `Bearer ${t.tokens.collector}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFreference;creditor_name;/);
    const rows = parse(text, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.invoice_amount)).toEqual(["1200,00", "300,50"]);
    expect(rows[0]).toMatchObject({
      case_id: c.id,
      status: "verifying",
      paid_amount: "0,00",
      debtor_phone: "+33 6 99 88 77 66",
    });
    expect(rows[0]?.debtor_name).toBe('\'=HYPERLINK("http://evil")');
    // The second invoice row does not repeat the case's figures.
    expect(rows[1]).toMatchObject({
      status: "",
      paid_amount: "",
      promise_total: "",
      created_at: "",
      reference: "XE-1",
    });

    // The file reads back (as a new reference: the case exists).
    const back = await upload(text.replace(/XE-1/g, "XE-1-BACK"), "validate");
    expect(back.body, JSON.stringify(back.body.errors)).toMatchObject({ ok: true, cases: 1, valid: 1 });
    // The default dialect: BOM and commas.
    const plainRes = await fetch(`${t.url}/api/cases/export.csv?q=XE-1`, {
      headers: { authorization: `Bearer ${t.tokens.collector}` },
    });
    const plain = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await plainRes.arrayBuffer());
    expect(plain.startsWith("\uFEFFreference,creditor_name,")).toBe(true);
    expect(plain).toContain(",1200.00,");
    expect(
      (await t.api("GET", "/api/cases/export.csv?dialect=lotus", { token: t.tokens.collector })).status,
    ).toBe(400);
  });
});
