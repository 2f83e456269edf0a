// Single sign-on against a real OpenID Connect provider on loopback: a team member signs in through
// the provider's pages and lands in the console with their team role; someone the team does not
// know (or a disabled member) is sent back to the login page with the reason.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { startConsoleTestService } from "../../../server/test-support/console-service.js";
import { DESKTOP, hasChromium } from "../support/browser.js";
import { type LocalProvider, listenLocalProvider } from "../support/oidc.js";
import { lazyDebtorPages } from "../support/service.js";
import { ConsoleNav } from "./pages/console-pages.js";
import { useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: single sign-on", () => {
  let provider: LocalProvider;
  const e2e = useConsoleBrowser({
    contexts: { context: { viewport: DESKTOP, locale: "en-GB" } },
    start: async () => {
      provider = await listenLocalProvider();
      const debtorPages = lazyDebtorPages();
      const t = await startConsoleTestService("pglite", {
        extraRoutes: [debtorPages.router],
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: "amiable-test",
          OIDC_CLIENT_SECRET: "a-long-test-secret-value",
        },
      });
      debtorPages.attach(t.service.ctx);
      provider.start({
        clientId: "amiable-test",
        clientSecret: "a-long-test-secret-value",
        redirectUri: `${t.url}/api/sso/callback`,
      });
      return t;
    },
  });
  afterAll(async () => {
    await provider?.close();
  });

  /** Through the provider's development pages: login name, then consent. */
  async function signInAt(page: Page, login: string): Promise<void> {
    await page.goto(`${e2e.t.url}/console/login`);
    await page.getByRole("link", { name: "Log in with single sign-on" }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]');
    if (new URL(page.url()).origin === provider.issuer) await consent.click();
  }

  it("signs a team member in with their team role", async () => {
    const page = await e2e.context.newPage();
    await signInAt(page, "collector@test.local");
    await page.getByRole("navigation", { name: "Main" }).waitFor({ timeout: 15_000 });
    expect(await new ConsoleNav(page).items()).toEqual([
      "Escalations",
      "Cases",
      "Outbox",
      "Statements",
      "Creditors",
      "KPIs",
    ]);
    expect(new URL(page.url()).hash).toBe("");
    await page.screenshot({ path: "test-artifacts/screenshots/console-sso.png" });
    expect(
      await e2e.t.db.prisma.auditLog.count({
        where: { action: "user.sso_login", entityId: e2e.t.userIds.collector },
      }),
    ).toBe(1);
    await page.close();
  });

  it("refuses someone the team does not know, and a disabled member", async () => {
    // A fresh browser each time: the provider would otherwise remember the previous login.
    const strangerContext = await e2e.browser.newContext({ viewport: DESKTOP, locale: "en-GB" });
    const stranger = await strangerContext.newPage();
    await signInAt(stranger, "stranger@example.com");
    await stranger
      .getByRole("alert")
      .filter({ hasText: "ask an admin to invite you" })
      .waitFor({ timeout: 15_000 });
    await strangerContext.close();

    await e2e.t.db.prisma.user.update({ where: { id: e2e.t.userIds.collector2 }, data: { disabled: true } });
    const disabledContext = await e2e.browser.newContext({ viewport: DESKTOP, locale: "en-GB" });
    const disabled = await disabledContext.newPage();
    await signInAt(disabled, "collector2@test.local");
    await disabled
      .getByRole("alert")
      .filter({ hasText: "ask an admin to invite you" })
      .waitFor({ timeout: 15_000 });
    await disabledContext.close();
  });
});
