// Links that cannot open the chat (unknown, revoked, locked), the desktop layout, and the embed
// widget on another site: screenshots, axe, and no CSP violation nor third-party request anywhere.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestService } from "../../server/test-support/service.js";
import { ChatPage } from "./pages/chat-page.js";
import { LinkStatusPage } from "./pages/link-page.js";
import { seriousViolations } from "./support/axe.js";
import {
  DESKTOP,
  hasChromium,
  type Launched,
  launchChromium,
  NO_PROBLEMS,
  PageProblems,
  PHONE,
} from "./support/browser.js";
import { createCase, startE2eService } from "./support/service.js";

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!hasChromium)("link pages, desktop and widget", () => {
  let t: TestService;
  let browser: Launched;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startE2eService(), launchChromium({ viewport: PHONE })]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(viewport = PHONE) {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    return { page, problems: new PageProblems(page, [t.url]) };
  }

  it("explains an unknown, a malformed and a revoked link in French and English", async () => {
    const { page, problems } = await newPage();
    const status = new LinkStatusPage(page);
    expect(await status.open(`${t.url}/c/${"x".repeat(43)}`)).toBe(404);
    expect(await status.problem()).toBe("invalid");
    expect(await status.french.textContent()).toContain("Ce lien n'est pas valable");
    expect(await status.english.textContent()).toContain("This link is not valid");
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/phone-link-invalid.png" });
    expect(await status.open(`${t.url}/c/not-a-token`)).toBe(404);

    const c = await createCase(t, {
      creditor: { name: "Lien Révoqué SAS", contactEmail: "aide@revoque.example" },
    });
    await t.api("DELETE", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    expect(await status.open(c.link)).toBe(404);
    expect(await status.problem()).toBe("expired");
    const fr = (await status.french.textContent()) ?? "";
    expect(fr).toContain("Lien Révoqué SAS");
    expect(await status.french.getByRole("link", { name: "aide@revoque.example" }).getAttribute("href")).toBe(
      "mailto:aide@revoque.example",
    );
    expect(fr).not.toMatch(/INV-|Dupont|€/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/phone-link-revoked.png" });
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("locks the link after three wrong answers: the chat says so, and the link then shows the locked page", async () => {
    const c = await createCase(t, { creditor: { name: "Verrou SA", contactEmail: "aide@verrou.example" } });
    const { page, problems } = await newPage();
    const chat = new ChatPage(page);
    await chat.open(c.link);
    await chat.nextAssistant(0);
    await chat.say("11111");
    await chat.say("22222");
    const last = await chat.say("33333");
    expect(last).toMatch(/bloqué/);
    const status = new LinkStatusPage(page);
    expect(await status.open(c.link)).toBe(423);
    expect(await status.problem()).toBe("locked");
    expect(await status.french.textContent()).toContain("Ce lien est verrouillé");
    expect(await status.english.textContent()).toContain("This link is locked");
    expect(await status.french.textContent()).toContain("aide@verrou.example");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/phone-link-locked.png" });
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("lays the chat out on a desktop screen and in English", async () => {
    const c = await createCase(t, {
      debtor: { name: "Sam Taylor", kind: "consumer", locale: "en" },
      jurisdiction: "UK",
      currency: "GBP",
    });
    const { page, problems } = await newPage(DESKTOP);
    const chat = new ChatPage(page);
    await chat.open(c.link);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await chat.talkToPerson.textContent()).toBe("Talk to a person");
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.say("I forgot, I can pay in full");
    await chat.openOffer().waitFor();
    expect(await chat.openOffer().getByRole("button", { name: "Accept" }).isVisible()).toBe(true);
    expect(await chat.openOffer().locator(".offer__total strong").textContent()).toMatch(/^£[\d,]+\.\d\d$/);
    // The counter follows what is typed, up to the limit.
    await chat.input.fill("x".repeat(1990));
    expect(await chat.counter.textContent()).toContain("1990 / 2000");
    await chat.input.fill("");
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await chat.screenshot("desktop-offer-en");
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("opens the chat from the widget on another site, loading nothing from third parties", async () => {
    const c = await createCase(t, { creditor: { name: "Widget & Co" } });
    // The creditor's site: another origin (localhost vs 127.0.0.1) with a strict CSP of its own.
    const chatOrigin = new URL(t.url).origin;
    const site: Server = createServer((_req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader(
        "content-security-policy",
        `default-src 'self'; script-src ${chatOrigin}; frame-src ${chatOrigin}; style-src 'self'`,
      );
      res.end(`<!doctype html><html lang="fr"><head><title>Site du créancier</title></head><body><main><h1>Espace client</h1>
<script src="${t.url}/widget.js" data-link="${c.link}"></script></main></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
    try {
      const page = await browser.context.newPage();
      const problems = new PageProblems(page, [t.url, siteUrl]);
      await page.goto(siteUrl);
      const bubble = page.locator('button[data-amiable="bubble"]');
      await bubble.click();
      expect(await bubble.getAttribute("aria-expanded")).toBe("true");
      const frame = page.frameLocator('div[data-amiable="panel"] iframe');
      await frame.locator(".top__creditor", { hasText: "Widget & Co" }).waitFor();
      await frame.locator('.msg[data-role="assistant"]').first().waitFor();
      await page.screenshot({ path: "test-artifacts/screenshots/phone-widget-open.png" });
      // Escape typed inside the chat (the iframe's own document) closes the panel too.
      await frame.locator("textarea").focus();
      await page.keyboard.press("Escape");
      await page.locator('div[data-amiable="panel"]').waitFor({ state: "hidden" });
      expect(await page.locator('div[data-amiable="panel"]').isHidden()).toBe(true);
      expect(await bubble.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(problems.summary()).toEqual(NO_PROBLEMS);
      await page.close();
    } finally {
      site.closeAllConnections();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    }
  });
});
