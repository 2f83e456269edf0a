// CSV import (row-by-row report; nothing imported from a file with errors unless mode=import_valid),
// CSV export (import format, formula cells neutralised) and the console's case filters.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalatedDispute, newCase, promiseOn } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { TEST_TARGETS } from "../../test-support/databases.js";

const HEADER =
  "reference,creditor_name,debtor_name,debtor_kind,debtor_email,debtor_locale,jurisdiction,currency,invoice_number,invoice_issued_at,invoice_due_at,invoice_amount,verification_question,verification_answer";

const GOOD = [
  HEADER,
  "CSV-1,Import Co,Martin SARL,business,compta@martin.example,fr,FR,EUR,F-1,2026-07-01,2026-07-31,1200.50,Code postal ?,75011",
  "CSV-1,Import Co,Martin SARL,business,compta@martin.example,fr,FR,EUR,F-2,2026-08-01,2026-08-31,300,Code postal ?,75011",
  'CSV-2,Import Co,"Smith, Jane",consumer,,en,UK,GBP,A-1,2026-06-01,2026-06-30,"450,00",,',
].join("\n");

const BAD = [
  HEADER,
  "OK-1,Import Co,Valid Ltd,business,,en,UK,GBP,V-1,2026-06-01,2026-06-30,99.99,,",
  "BAD-1,Import Co,Bad Amount SARL,business,,fr,FR,EUR,B-1,2026-06-01,2026-06-30,12.345,,",
  "BAD-2,Import Co,,business,,fr,FR,EUR,B-2,2026-06-01,2026-05-01,10,,",
  "BAD-3,Import Co,Mixed SARL,business,,fr,FR,EUR,B-3,2026-06-01,2026-06-30,10,,",
  "BAD-3,Import Co,Mixed SARL,business,,en,FR,EUR,B-4,2026-06-01,2026-06-30,10,,",
  "BAD-4,Import Co,Currency SARL,business,,fr,FR,EUX,B-5,2026-06-01,2026-06-30,10,,",
].join("\n");

describe.each(TEST_TARGETS)("CSV and case filters on %s", (target) => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (csv: string, mode?: string, token = t.tokens.collector) =>
    t.api("POST", `/api/cases/import${mode ? `?mode=${mode}` : ""}`, {
      token,
      raw: csv,
      headers: { "content-type": "text/csv" },
    });
  const countCases = () => t.db.prisma.case.count();

  it("validates a good file without importing it, then imports it", async () => {
    const before = await countCases();
    const dry = await upload(GOOD, "validate");
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      mode: "validate",
      ok: true,
      rows: 3,
      cases: 2,
      valid: 2,
      invalid: 0,
      imported: 0,
      errors: [],
    });
    expect(dry.body.results.map((r: { reference: string; rows: number[] }) => [r.reference, r.rows])).toEqual(
      [
        ["CSV-1", [2, 3]],
        ["CSV-2", [4]],
      ],
    );
    expect(await countCases()).toBe(before);

    const real = await upload(GOOD);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ mode: "import", ok: true, imported: 2 });
    for (const r of real.body.results) {
      expect(r.status).toBe("imported");
      expect(r.link).toMatch(/\/c\/[\w-]{43}$/);
    }
    const first = await t.api("GET", `/api/cases/${real.body.results[0].id}`, { token: t.tokens.collector });
    expect(first.body).toMatchObject({
      reference: "CSV-1",
      principal: { amount: 150_050, currency: "EUR" },
      verification: { hasAnswer: true },
    });
    expect(first.body.invoices.map((i: { number: string }) => i.number)).toEqual(["F-1", "F-2"]);
    const second = await t.api("GET", `/api/cases/${real.body.results[1].id}`, { token: t.tokens.collector });
    expect(second.body).toMatchObject({
      debtor: { name: "Smith, Jane", kind: "consumer", locale: "en" },
      principal: { amount: 45_000 },
    });
    const audit = await t.db.prisma.auditLog.findMany({ where: { action: "case.import" } });
    expect(audit).toHaveLength(1);

    const again = await upload(GOOD, "validate");
    expect(again.body.invalid).toBe(2);
    expect(again.body.errors[0]).toMatchObject({
      row: 2,
      column: "reference",
      message: expect.stringContaining("already exists"),
    });
  });

  it("reports bad rows by row and column, and imports nothing from a file with errors", async () => {
    const before = await countCases();
    const refused = await upload(BAD);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("validation_failed");
    const report = refused.body.error.details.report;
    expect(report).toMatchObject({ ok: false, cases: 5, valid: 1, invalid: 4, imported: 0 });
    expect(report.results.find((r: { reference: string }) => r.reference === "OK-1").status).toBe("skipped");
    const where = report.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "3:invoice_amount",
        "4:debtor_name",
        "4:invoice_due_at",
        "6:debtor_locale",
        "7:currency",
      ]),
    );
    expect(await countCases()).toBe(before);

    const validated = await upload(BAD, "validate");
    expect(validated.status).toBe(200);
    expect(validated.body.errors).toEqual(report.errors);
    expect(await countCases()).toBe(before);

    const partial = await upload(BAD, "import_valid");
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ imported: 1, invalid: 4, ok: false });
    expect(
      partial.body.results.map((r: { reference: string; status: string }) => [r.reference, r.status]),
    ).toEqual([
      ["OK-1", "imported"],
      ["BAD-1", "invalid"],
      ["BAD-2", "invalid"],
      ["BAD-3", "invalid"],
      ["BAD-4", "invalid"],
    ]);
    expect(await countCases()).toBe(before + 1);
  });

  it("refuses an unreadable file, a wrong header, a JSON body and a bad mode", async () => {
    const missing = await upload("reference,creditor_name\nX,Y", "validate");
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["debtor_name", "invoice_amount"]),
    );
    const unknown = await upload(`${HEADER},surprise\n`, "validate");
    expect(unknown.body.error.details).toEqual(
      expect.arrayContaining([{ path: "column 15", message: 'unknown column "surprise"' }]),
    );
    const ragged = await upload(`${HEADER}\nA,B,C`, "validate");
    expect(ragged.status).toBe(400);
    expect(ragged.body.error.message).toMatch(/not readable CSV/);
    const empty = await upload(HEADER, "validate");
    expect(empty.body.error.message).toMatch(/no data rows/);
    const json = await t.api("POST", "/api/cases/import", { token: t.tokens.collector, body: { csv: GOOD } });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe("bad_request");
    expect((await upload(GOOD, "yolo")).body.error.details[0].path).toBe("mode");
  });

  it("exports cases in the import format, neutralising formula cells, and the file reads back", async () => {
    const hostile = await newCase(t, {
      reference: "EXP-1",
      debtor: { name: '=HYPERLINK("http://evil")', kind: "business", locale: "fr" },
    });
    const res = await fetch(`${t.url}/api/cases/export.csv?q=EXP-1`, {
      headers: { authorization: `Bearer ${t.tokens.collector}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = await res.text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      reference: "EXP-1",
      case_id: hostile.id,
      debtor_name: '\'=HYPERLINK("http://evil")',
      invoice_number: "F-1001",
      invoice_amount: "1200.00",
      currency: "EUR",
      status: "verifying",
      escalated: "false",
    });
    const readBack = await upload(text, "validate");
    expect(readBack.status).toBe(200);
    // Every column reads back; only the verification answer cannot (it is stored hashed, never exported).
    expect(readBack.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: "verification_answer",
        message: "is required when verification_question is given",
      }),
    ]);
    expect(
      (await t.api("GET", "/api/cases/export.csv?status=nope", { token: t.tokens.collector })).status,
    ).toBe(400);
  });

  it("filters the case list by status, escalated, promise status, jurisdiction and text", async () => {
    const { c: disputed, debtor } = await escalatedDispute(t, { reference: "FLT-ESC" });
    debtor.close();
    const promised = await newCase(t, { reference: "FLT-PROM" });
    await promiseOn(t, promised.id, [{ dueDate: "2026-12-01", amount: 150_050 }]);
    const uk = await newCase(t, {
      reference: "FLT-UK",
      jurisdiction: "UK",
      currency: "GBP",
      debtor: { name: "Flt Ltd", kind: "business", locale: "en" },
    });
    const list = async (qs: string) => {
      const res = await t.api("GET", `/api/cases?q=FLT-&${qs}`, { token: t.tokens.collector });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((c: { id: string }) => c.id).sort();
    };
    expect(await list("escalated=true")).toEqual([disputed.id]);
    expect(await list("escalated=false")).toEqual([promised.id, uk.id].sort());
    expect(await list("promise=active")).toEqual([promised.id]);
    expect(await list("promise=none")).toEqual([disputed.id, uk.id].sort());
    expect(await list("jurisdiction=UK")).toEqual([uk.id]);
    expect(await list("status=promised")).toEqual([promised.id]);
    const row = (await t.api("GET", "/api/cases?q=FLT-ESC", { token: t.tokens.collector })).body.items[0];
    expect(row).toMatchObject({
      escalated: true,
      escalationKinds: ["dispute"],
      promise: null,
      status: "escalated",
    });
    const page = await t.api("GET", "/api/cases?q=FLT-&pageSize=2&page=2", { token: t.tokens.collector });
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page.body.items).toHaveLength(1);
    const bad = await t.api("GET", "/api/cases?escalated=maybe&promise=x&jurisdiction=DE", {
      token: t.tokens.collector,
    });
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["escalated", "promise", "jurisdiction"]),
    );
  });
});
