// The collector's case work in the browser: the creation form (the API's validation shown before
// sending), CSV import with a row-by-row report, a payment recorded on the case page that makes the
// promise kept, and the KPIs reflecting it.
import { describe, expect, it } from "vitest";
import { promiseOn } from "../../../server/test-support/console-fixtures.js";
import { sampleCase } from "../../../server/test-support/service.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { ConsoleNav } from "./pages/console-pages.js";
import { useConsoleBrowser } from "./support.js";

const CSV = [
  "reference,creditor_name,debtor_name,debtor_kind,debtor_locale,jurisdiction,currency,invoice_number,invoice_issued_at,invoice_due_at,invoice_amount",
  "UI-CSV-1,Import Co,Good SARL,business,fr,FR,EUR,G-1,2026-06-01,2026-06-30,250.00",
  "UI-CSV-2,Import Co,Bad SARL,business,fr,FR,EUR,B-1,2026-06-01,2026-05-01,12.345",
].join("\n");

describe.skipIf(!hasChromium)("collector console: cases, import, payments and KPIs", () => {
  const e2e = useConsoleBrowser({ page: { logIn: "collector@test.local" } });

  it("validates the creation form like the API, then creates the case and shows its link once", async () => {
    await new ConsoleNav(e2e.page).go("Cases");
    await e2e.page.getByRole("button", { name: "New case" }).click();
    const form = e2e.page.getByRole("form", { name: "New case" });
    await form.getByLabel("Reference").fill("UI-FORM-1");
    await form.getByLabel("Creditor").fill("Form Co");
    await form.getByLabel("Currency").fill("EUX");
    await form.getByLabel("Amount (EUX)").fill("12.5.0");
    await form.getByRole("button", { name: "Create the case" }).click();
    await form.getByText("Please correct the highlighted fields.").waitFor();
    expect(await form.locator(".field-error").allTextContents()).toEqual(
      expect.arrayContaining([
        "must not be empty",
        "must be an ISO-4217 currency code such as EUR",
        "must be an amount such as 1200.50",
        "must be a date as YYYY-MM-DD",
      ]),
    );
    expect(await e2e.t.db.prisma.case.count({ where: { reference: "UI-FORM-1" } })).toBe(0);
    expect(await seriousViolations(e2e.page)).toEqual([]);

    await form.getByLabel("Debtor name").fill("Formulaire SARL");
    await form.getByLabel("Currency").fill("EUR");
    await form.getByLabel("Number").fill("FF-1");
    await form.getByLabel("Issued").fill("2026-06-01");
    await form.getByLabel("Due").fill("2026-06-30");
    await form.getByLabel("Amount (EUR)").fill("1200.50");
    await form.getByLabel("Expected answer (stored hashed)").fill("75011");
    await form.getByRole("button", { name: "Create the case" }).click();
    await e2e.page.getByRole("heading", { name: "Case created" }).waitFor();
    expect(await e2e.page.getByLabel("Debtor link").inputValue()).toMatch(/\/c\/[\w-]{43}$/);
    const created = await e2e.t.db.prisma.case.findFirstOrThrow({ where: { reference: "UI-FORM-1" } });
    expect(created.principal).toBe(120_050n);
  });

  it("imports a CSV with good and bad rows: the report lists each error, nothing is imported until asked", async () => {
    await e2e.page.getByRole("button", { name: "Import CSV" }).click();
    const panel = e2e.page.getByRole("region", { name: "Import cases from CSV" });
    await panel.getByLabel("Or paste the CSV").fill(CSV);
    await panel.getByRole("button", { name: "Import", exact: true }).click();
    const report = panel.getByLabel("Import report");
    await report.waitFor();
    expect(await panel.getByRole("alert").first().textContent()).toMatch(/nothing was imported/);
    expect(await report.locator('tr[data-status="invalid"]').textContent()).toMatch(
      /Row 3, invoice_(amount|due_at)/,
    );
    expect(await e2e.t.db.prisma.case.count({ where: { reference: { startsWith: "UI-CSV" } } })).toBe(0);
    await panel.getByRole("button", { name: "Import the valid cases only" }).click();
    await report.locator('tr[data-status="imported"]').waitFor();
    expect(await report.getByRole("status").textContent()).toContain("1 imported");
    expect(await e2e.t.db.prisma.case.count({ where: { reference: { startsWith: "UI-CSV" } } })).toBe(1);
    await e2e.page.getByRole("form", { name: "Filter cases" }).getByLabel("Search").fill("UI-CSV");
    await e2e.page
      .getByRole("form", { name: "Filter cases" })
      .getByRole("button", { name: "Search" })
      .click();
    await e2e.page.locator("table.cases tbody tr").filter({ hasText: "UI-CSV-1" }).waitFor();
  });

  it("records a payment on the case page: the promise becomes kept and the KPIs show it", async () => {
    const res = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({ reference: "UI-PAY-1" }),
    });
    // A conversation exists once the debtor opened the link; the promise is the chat's, made here directly.
    await e2e.t.service.chat.openSession(res.body.token);
    await promiseOn(e2e.t, res.body.id, [
      { dueDate: "2026-12-01", amount: 50_000 },
      { dueDate: "2027-01-01", amount: 100_050 },
    ]);
    await e2e.page.goto(`${e2e.t.url}/console/cases/${res.body.id}`);
    const promise = e2e.page.locator("article.promise");
    await promise.waitFor();
    const form = promise.getByRole("form", { name: "Record a payment" });
    await form.getByLabel("Amount (EUR)").fill("500");
    await form.getByLabel("Paid on").fill("2026-11-21");
    await form.getByRole("button", { name: "Record the payment" }).click();
    await expect
      .poll(() => promise.locator('tr[data-instalment="1"]').textContent(), { timeout: 10_000 })
      .toContain("Paid");
    await form.getByLabel("Amount (EUR)").fill("1000.50");
    await form.getByLabel("Bank reference (optional)").fill("BANK-UI-1");
    await form.getByRole("button", { name: "Record the payment" }).click();
    await expect.poll(() => promise.locator("header .badge").textContent(), { timeout: 10_000 }).toBe("Kept");
    await expect.poll(() => e2e.page.locator("h1 .badge").textContent(), { timeout: 10_000 }).toBe("Closed");
    await e2e.page.screenshot({ path: "test-artifacts/screenshots/console-case-kept.png", fullPage: true });

    await new ConsoleNav(e2e.page).go("KPIs");
    const kept = e2e.page.locator(".tile").filter({ hasText: "Kept rate" });
    await expect.poll(() => kept.locator(".tile__value").textContent(), { timeout: 10_000 }).toBe("100 %");
    expect(
      await e2e.page
        .getByRole("img", { name: /Kept rate by who obtained the promise: Assistant 100 %/ })
        .count(),
    ).toBe(1);
    await e2e.page.screenshot({ path: "test-artifacts/screenshots/console-kpis.png", fullPage: true });
    expect(await seriousViolations(e2e.page)).toEqual([]);
    expect(e2e.problems.summary()).toEqual(NO_PROBLEMS);
  });
});
