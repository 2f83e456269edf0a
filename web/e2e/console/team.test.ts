// Setting up a team from the console: the admin invites a collector, the collector opens the one-time
// link, chooses a password and logs in to the queue; the admin changes the role and disables the
// account, and the collector's open page is sent back to the login.
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleLogin, ConsoleNav, PasswordLinkPage, TeamPage } from "./pages/console-pages.js";
import { CONSOLE_DESKTOP, loggedIn, PASSWORD, useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: the team", () => {
  const e2e = useConsoleBrowser({
    contexts: { adminContext: CONSOLE_DESKTOP, memberContext: CONSOLE_DESKTOP },
  });

  it("invites a collector who sets a password and logs in; role change and disabling take effect", async () => {
    const { page: desk, problems: deskProblems } = await loggedIn(
      e2e.adminContext,
      e2e.t.url,
      "admin@test.local",
    );
    await new ConsoleNav(desk).go("Team");
    const team = new TeamPage(desk);
    await team.table.waitFor();
    const link = await team.inviteMember("nadia@example.com", "Collector");
    expect(link).toMatch(/\/console\/password#token=/);
    await team.member("nadia@example.com").waitFor();
    expect(await team.member("nadia@example.com").locator(".member__state").textContent()).toContain(
      "Invited",
    );
    await desk.screenshot({ path: "test-artifacts/screenshots/console-team.png", fullPage: true });
    expect(await seriousViolations(desk)).toEqual([]);

    // The new collector opens the link, chooses a password, logs in and sees the queue.
    const page = await e2e.memberContext.newPage();
    const problems = new PageProblems(page, [e2e.t.url]);
    await new PasswordLinkPage(page).choose(link, "nadia-long-password");
    await page.screenshot({ path: "test-artifacts/screenshots/console-password-set.png" });
    await new ConsoleLogin(page).logIn("nadia@example.com", "nadia-long-password");
    const nav = new ConsoleNav(page);
    expect(await nav.items()).toEqual(["Escalations", "Cases", "Outbox", "Statements", "Creditors", "KPIs"]);
    // The link works once.
    const reused = await e2e.memberContext.newPage();
    await reused.goto(link);
    await reused.getByRole("alert").filter({ hasText: "expired or was already used" }).waitFor();
    await reused.close();

    // The admin makes her a policy editor: her next request sees the new role.
    await desk.reload();
    await team.member("nadia@example.com").waitFor();
    await team.setRole("nadia@example.com", "Policy editor");
    await expect
      .poll(
        async () =>
          (await e2e.t.db.prisma.user.findUniqueOrThrow({ where: { email: "nadia@example.com" } })).role,
      )
      .toBe("policy_editor");
    await page.goto(`${e2e.t.url}/console/cases`);
    await page.getByRole("heading", { name: /Not available for your role|Cases/ }).waitFor();

    // Disabled: her session ends at once.
    await team.member("nadia@example.com").getByRole("button", { name: "Disable" }).click();
    await expect
      .poll(() => team.member("nadia@example.com").locator(".member__state").textContent())
      .toBe("Disabled");
    await page.goto(`${e2e.t.url}/console/kpis`);
    await page.getByRole("heading", { name: "amiable console" }).waitFor({ timeout: 10_000 });
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(problems.errors).toEqual([]);
    await desk.close();
    await page.close();
  });

  it("lets a user change their own password from My account", async () => {
    const page = await e2e.memberContext.newPage();
    const login = new ConsoleLogin(page);
    await login.open(e2e.t.url);
    await login.logIn("editor@test.local", PASSWORD);
    await page.getByRole("link", { name: /editor@test\.local/ }).click();
    const form = page.getByRole("form", { name: "Change my password" });
    await form.getByLabel("Current password").fill("wrong-password");
    await form.getByLabel(/New password/).fill("editor-new-password");
    await form.getByRole("button", { name: "Change the password" }).click();
    await form.getByRole("alert").waitFor();
    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByRole("button", { name: "Change the password" }).click();
    await form.getByRole("status").filter({ hasText: "Password changed" }).waitFor();
    await page.screenshot({ path: "test-artifacts/screenshots/console-account.png" });
    const res = await e2e.t.api("POST", "/api/login", {
      body: { email: "editor@test.local", password: "editor-new-password" },
    });
    expect(res.status).toBe(200);
    await page.close();
  });
});
