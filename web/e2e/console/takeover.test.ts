// Two browser contexts, a debtor on a phone and a collector at a desk: the collector logs in, sees
// a new escalation appear live, reads its summary and the annotated transcript, takes over, the two
// talk both ways (the debtor sees that a person joined and the collector's messages as a person's),
// and the collector hands back to the assistant, which answers the debtor's next message.
import { describe, expect, it } from "vitest";
import { sampleCase } from "../../../server/test-support/service.js";
import { ChatPage } from "../pages/chat-page.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleCasePage, ConsoleLogin, ConsoleNav, QueuePage } from "./pages/console-pages.js";
import { CONSOLE_DESKTOP, DEBTOR_PHONE, PASSWORD, useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: live escalation, takeover and hand-back", () => {
  const e2e = useConsoleBrowser({
    contexts: { debtorContext: DEBTOR_PHONE, collectorContext: CONSOLE_DESKTOP },
  });

  it("takes a disputed case from the live queue to a takeover, messages both ways, and hands back", async () => {
    const created = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({ reference: "E2E-TAKEOVER" }),
    });
    expect(created.status).toBe(201);

    // The collector logs in and watches the queue.
    const desk = await e2e.collectorContext.newPage();
    const deskProblems = new PageProblems(desk, [e2e.t.url]);
    const login = new ConsoleLogin(desk);
    await login.open(e2e.t.url);
    expect(new URL(desk.url()).pathname).toBe("/console/login");
    await login.logIn("collector@test.local", PASSWORD);
    const nav = new ConsoleNav(desk);
    expect(await nav.items()).toEqual(["Escalations", "Cases", "Outbox", "Statements", "Creditors", "KPIs"]);
    await desk.getByRole("heading", { name: "Escalations" }).waitFor();
    await expect.poll(() => nav.live.textContent(), { timeout: 10_000 }).toBe("Live");
    const queue = new QueuePage(desk);
    expect(await queue.escalation("E2E-TAKEOVER").count()).toBe(0);

    // The debtor verifies and disputes the invoice.
    const phone = await e2e.debtorContext.newPage();
    const phoneProblems = new PageProblems(phone, [e2e.t.url]);
    const chat = new ChatPage(phone);
    await chat.open(created.body.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.say("Je conteste cette facture, la marchandise n'a jamais été livrée");

    // The escalation appears in the queue without a reload, with its handoff summary.
    const card = queue.escalation("E2E-TAKEOVER");
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator(".badge--new").count()).toBe(1);
    expect(await card.textContent()).toContain("Dispute");
    const summary = await card.locator(".summary").textContent();
    expect(summary).toContain("jamais été livrée");
    // The pack's trigger: what it asks of the collector, and its words the debtor read.
    expect(summary).toContain(
      "Stop collecting and take the case over; payment requests stop at once (FR-7, FR-2)",
    );
    expect(summary).toContain("Je note votre contestation.");
    await desk.screenshot({ path: "test-artifacts/screenshots/console-queue.png" });
    expect(await seriousViolations(desk)).toEqual([]);
    await card.getByRole("button", { name: "Assign to me" }).click();
    await expect
      .poll(() => card.locator(".escalation__assignee").textContent(), { timeout: 10_000 })
      .toContain("Assigned to you");

    // The case page: the annotated transcript.
    await card.getByRole("link", { name: "Open case and transcript" }).click();
    const casePage = new ConsoleCasePage(desk);
    await casePage.transcript.waitFor();
    expect(await casePage.messages("debtor").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("jamais été livrée")]),
    );
    expect(await casePage.messages("assistant").first().locator(".msg__meta").textContent()).toMatch(
      /System template|Offline engine/,
    );
    expect(await casePage.transcript.textContent()).toMatch(/prompt offline-fr@/);
    expect(await casePage.events("disclosure.added").count()).toBeGreaterThan(0);
    expect(await casePage.events("policy.decision").count()).toBeGreaterThan(0);
    expect(await casePage.events("escalation.opened").count()).toBe(1);

    // Takeover: the debtor sees that a person joined.
    await casePage.takeOver();
    await chat
      .messages("system")
      .filter({ hasText: "Une personne de notre équipe a rejoint la conversation." })
      .waitFor();

    // Messages both ways.
    const assistantBefore = await chat.assistantCount();
    await casePage.send("Bonjour, je suis Claire. Je vérifie la livraison avec vous.");
    const agentMessage = chat.messages("agent").filter({ hasText: "Je vérifie la livraison avec vous." });
    await agentMessage.waitFor({ timeout: 10_000 });
    await chat.type("Merci, le colis n'est jamais arrivé à l'entrepôt.");
    await casePage
      .messages("debtor")
      .filter({ hasText: "jamais arrivé à l'entrepôt" })
      .waitFor({ timeout: 10_000 });
    await phone.waitForTimeout(500);
    expect(await chat.assistantCount()).toBe(assistantBefore);
    // Nobody is "typing" for the assistant while a person holds the conversation, and the header
    // says a person answers instead of offering one.
    expect(await phone.locator(".typing").count()).toBe(0);
    expect(await phone.locator(".top__ai").textContent()).toContain(
      "Une personne de notre équipe vous répond ici",
    );
    expect(await chat.talkToPerson.count()).toBe(0);
    await phone.screenshot({ path: "test-artifacts/screenshots/console-debtor-agent.png" });
    await desk.screenshot({ path: "test-artifacts/screenshots/console-takeover.png", fullPage: true });
    expect(await seriousViolations(desk)).toEqual([]);

    // Hand back: the debtor is told, and the assistant answers the next message.
    await casePage.handBack("Preuve de livraison demandée au transporteur.");
    await chat.messages("system").filter({ hasText: "l'assistant reprend" }).waitFor({ timeout: 10_000 });
    await chat.talkToPerson.waitFor();
    await casePage
      .events("takeover.ended")
      .filter({ hasText: "Preuve de livraison demandée" })
      .waitFor({ timeout: 10_000 });
    const reply = await chat.say("D'accord, j'attends votre retour.");
    expect(reply.length).toBeGreaterThan(0);
    expect(await chat.assistantCount()).toBe(assistantBefore + 1);

    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(phoneProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });

  it("shows policy editors their KPIs and policies only, and admins the audit log", async () => {
    const page = await e2e.collectorContext.newPage();
    const problems = new PageProblems(page, [e2e.t.url]);
    const login = new ConsoleLogin(page);
    await login.open(e2e.t.url);
    await login.logIn("editor@test.local", PASSWORD);
    const nav = new ConsoleNav(page);
    expect(await nav.items()).toEqual(["KPIs", "Policies"]);
    await page.getByRole("heading", { name: "KPIs" }).waitFor();
    await page.locator(".tile").first().waitFor();
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(1);
    expect(await page.textContent("main")).not.toContain("E2E-TAKEOVER");
    await page.goto(`${e2e.t.url}/console/cases`);
    await page.getByRole("heading", { name: "Not available for your role" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("heading", { name: "amiable console" }).waitFor();

    await login.logIn("admin@test.local", PASSWORD);
    expect(await nav.items()).toEqual([
      "Escalations",
      "Cases",
      "Outbox",
      "Statements",
      "Creditors",
      "KPIs",
      "Policies",
      "Team",
      "Audit log",
    ]);
    await nav.go("Audit log");
    await page.getByRole("table").waitFor();
    // Actions in words, their code in the tooltip.
    expect(await page.locator('table.audit abbr[title="case.create"]').first().textContent()).toBe(
      "Case created",
    );
    expect(await page.getByRole("status").filter({ hasText: "Hash chain" }).count()).toBe(1);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
