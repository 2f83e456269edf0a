// The collector's case work in the browser: the creation form (the API's validation shown before
// sending), CSV import with a row-by-row report, a payment recorded on the case page that makes the
// promise kept, and the KPIs reflecting it.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promiseOn } from "../../../server/test-support/console-fixtures.js";
import type { ConsoleTestService } from "../../../server/test-support/console-service.js";
import { sampleCase } from "../../../server/test-support/service.js";
import { seriousViolations } from "../support/axe.js";
import { DESKTOP, hasChromium, launchBrowser, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleLogin, ConsoleNav } from "./pages/console-pages.js";
import { PASSWORD, startConsoleE2e } from "./support.js";

const CSV = [
  "reference,creditor_name,debtor_name,debtor_kind,debtor_locale,jurisdiction,currency,invoice_number,invoice_issued_at,invoice_due_at,invoice_amount",
  "UI-CSV-1,Import Co,Good SARL,business,fr,FR,EUR,G-1,2026-06-01,2026-06-30,250.00",
  "UI-CSV-2,Import Co,Bad SARL,business,fr,FR,EUR,B-1,2026-06-01,2026-05-01,12.345",
].join("\n");

describe.skipIf(!hasChromium)("collector console: cases, import, payments and KPIs", () => {
  let t: ConsoleTestService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startConsoleE2e(), launchBrowser()]);
    context = await browser.newContext({ viewport: DESKTOP, locale: "en-GB", timezoneId: "Europe/Paris" });
    page = await context.newPage();
    problems = new PageProblems(page, [t.url]);
    const login = new ConsoleLogin(page);
    await login.open(t.url);
    await login.logIn("collector@test.local", PASSWORD);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it("validates the creation form like the API, then creates the case and shows its link once", async () => {
    await new ConsoleNav(page).go("Cases");
    await page.getByRole("button", { name: "New case" }).click();
    const form = page.getByRole("form", { name: "New case" });
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
    expect(await t.db.prisma.case.count({ where: { reference: "UI-FORM-1" } })).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel("Debtor name").fill("Formulaire SARL");
    await form.getByLabel("Currency").fill("EUR");
    await form.getByLabel("Number").fill("FF-1");
    await form.getByLabel("Issued").fill("2026-06-01");
    await form.getByLabel("Due").fill("2026-06-30");
    await form.getByLabel("Amount (EUR)").fill("1200.50");
    await form.getByLabel("Expected answer (stored hashed)").fill("75011");
    await form.getByRole("button", { name: "Create the case" }).click();
    await page.getByRole("heading", { name: "Case created" }).waitFor();
    expect(await page.getByLabel("Debtor link").inputValue()).toMatch(/\/c\/[\w-]{43}$/);
    const created = await t.db.prisma.case.findFirstOrThrow({ where: { reference: "UI-FORM-1" } });
    expect(created.principal).toBe(120_050n);
  });

  it("imports a CSV with good and bad rows: the report lists each error, nothing is imported until asked", async () => {
    await page.getByRole("button", { name: "Import CSV" }).click();
    const panel = page.getByRole("region", { name: "Import cases from CSV" });
    await panel.getByLabel("Or paste the CSV").fill(CSV);
    await panel.getByRole("button", { name: "Import", exact: true }).click();
    const report = panel.getByLabel("Import report");
    await report.waitFor();
    expect(await panel.getByRole("alert").first().textContent()).toMatch(/nothing was imported/);
    expect(await report.locator('tr[data-status="invalid"]').textContent()).toMatch(
      /Row 3, invoice_(amount|due_at)/,
    );
    expect(await t.db.prisma.case.count({ where: { reference: { startsWith: "UI-CSV" } } })).toBe(0);
    await panel.getByRole("button", { name: "Import the valid cases only" }).click();
    await report.locator('tr[data-status="imported"]').waitFor();
    expect(await report.getByRole("status").textContent()).toContain("1 imported");
    expect(await t.db.prisma.case.count({ where: { reference: { startsWith: "UI-CSV" } } })).toBe(1);
    await page.getByRole("form", { name: "Filter cases" }).getByLabel("Search").fill("UI-CSV");
    await page.getByRole("form", { name: "Filter cases" }).getByRole("button", { name: "Search" }).click();
    await page.locator("table.cases tbody tr").filter({ hasText: "UI-CSV-1" }).waitFor();
  });

  it("records a payment on the case page: the promise becomes kept and the KPIs show it", async () => {
    const res = await t.api("POST", "/api/cases", {
      token: t.tokens.collector,
      body: sampleCase({ reference: "UI-PAY-1" }),
    });
    // A conversation exists once the debtor opened the link; the promise is the chat's, made here directly.
    await t.service.chat.openSession(res.body.token);
    await promiseOn(t, res.body.id, [
      { dueDate: "2026-12-01", amount: 50_000 },
      { dueDate: "2027-01-01", amount: 100_050 },
    ]);
    await page.goto(`${t.url}/console/cases/${res.body.id}`);
    const promise = page.locator("article.promise");
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
    await expect.poll(() => page.locator("h1 .badge").textContent(), { timeout: 10_000 }).toBe("Closed");
    await page.screenshot({ path: "test-artifacts/screenshots/console-case-kept.png", fullPage: true });

    await new ConsoleNav(page).go("KPIs");
    const kept = page.locator(".tile").filter({ hasText: "Kept rate" });
    await expect.poll(() => kept.locator(".tile__value").textContent(), { timeout: 10_000 }).toBe("100 %");
    expect(
      await page.getByRole("img", { name: /Kept rate by who obtained the promise: Assistant 100 %/ }).count(),
    ).toBe(1);
    await page.screenshot({ path: "test-artifacts/screenshots/console-kpis.png", fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
  });
});
