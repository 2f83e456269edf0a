// Words people read in the console, at 1440 px: money in major units with the currency (the debt
// breakdown included), plain-language names for kinds, statuses and rules with the code in a
// tooltip, the offers table within the page, and the whole frame in French or English.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifiedDebtor } from "../../../server/test-support/console-fixtures.js";
import type { ConsoleTestService } from "../../../server/test-support/console-service.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, launchBrowser, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleLogin, ConsoleNav } from "./pages/console-pages.js";
import { PASSWORD, startConsoleE2e } from "./support.js";

describe.skipIf(!hasChromium)("collector console: words people read", () => {
  let t: ConsoleTestService;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startConsoleE2e(), launchBrowser()]);
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "en-GB",
      timezoneId: "Europe/Paris",
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
  });

  it("shows money, kinds and rules in plain words, in English and in French", async () => {
    const { c, debtor } = await verifiedDebtor(t);
    const offered = await debtor.say("je peux payer 300 euros par mois");
    expect(offered.offer?.kind).toBe("plan");
    await debtor.say("je voudrais parler à une personne");
    debtor.close();

    const page = await context.newPage();
    const problems = new PageProblems(page, [t.url]);
    const login = new ConsoleLogin(page);
    await login.open(t.url);
    await login.logIn("admin@test.local", PASSWORD);
    await page.goto(`${t.url}/console/cases/${c.id}`);
    const breakdown = page.locator("table.breakdown");
    await breakdown.waitFor();
    const text = (await breakdown.textContent()) ?? "";
    expect(text).toContain("fixed 40.00 EUR per overdue invoice");
    expect(text).toMatch(/1200\.00 EUR × Σ/);
    expect(text).not.toMatch(/fixed 4000 |120000 ×/);
    expect(text).toContain("Late interest");
    // The rule's code stays one hover away.
    expect(await breakdown.locator('abbr[title="fees.lateInterest"]').count()).toBeGreaterThan(0);
    const offers = page.locator("table.offers");
    await offers.waitFor();
    expect(await offers.textContent()).toContain("Instalment plan");
    expect(await offers.locator("abbr.code-label").first().getAttribute("title")).toMatch(
      /^(ladder|proposal)\./,
    );
    // The offers table stays inside its column and the page does not scroll sideways.
    const table = await offers.boundingBox();
    const column = await page.locator(".case-grid__side").boundingBox();
    expect(table && column && table.x + table.width <= column.x + column.width + 1).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: "test-artifacts/screenshots/console-case-words-en.png", fullPage: true });

    // French: the frame, the codes and the statuses.
    await page.getByRole("button", { name: "FR", exact: true }).click();
    const nav = new ConsoleNav(page);
    await expect
      .poll(() => nav.items())
      .toEqual([
        "Escalades",
        "Dossiers",
        "Envois",
        "Relevés",
        "Créanciers",
        "Indicateurs",
        "Politiques",
        "Équipe",
        "Journal d'audit",
      ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await expect.poll(() => page.locator("table.breakdown").textContent()).toContain("Pénalités de retard");
    expect(await page.locator("table.offers").textContent()).toContain("Échéancier");
    expect(await page.locator(".page__head .badge").first().textContent()).toBe("Chez un conseiller");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/console-case-words-fr.png", fullPage: true });
    await nav.go("Escalades");
    await expect
      .poll(() => page.locator("article.escalation .badge--kind").first().textContent())
      .toBe("A demandé une personne");
    // The choice is kept for the next visit.
    await page.reload();
    await expect.poll(() => nav.items()).toContain("Dossiers");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await expect.poll(() => nav.items()).toContain("Cases");
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
