// The two blockers a collector met at the desk, as the debtor and the collector live them:
// (a) an offer a collector makes during a takeover (the case is `escalated` then) can be accepted on
// the debtor's card, and records a promise; (b) resolving the escalation from the queue while owning
// the conversation hands it back: the debtor is told the assistant is back and it answers again.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConsoleTestService } from "../../../server/test-support/console-service.js";
import { sampleCase } from "../../../server/test-support/service.js";
import { ChatPage } from "../pages/chat-page.js";
import { DESKTOP, hasChromium, launchBrowser, NO_PROBLEMS, PageProblems, PHONE } from "../support/browser.js";
import { ConsoleCasePage, ConsoleLogin, QueuePage } from "./pages/console-pages.js";
import { PASSWORD, startConsoleE2e } from "./support.js";

describe.skipIf(!hasChromium)("collector console: the takeover blockers", () => {
  let t: ConsoleTestService;
  let browser: Browser;
  let debtorContext: BrowserContext;
  let collectorContext: BrowserContext;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startConsoleE2e(), launchBrowser()]);
    // The page compares an offer's expiry with the browser's clock: the server's must agree.
    t.clock.set(new Date().toISOString());
    debtorContext = await browser.newContext({
      viewport: PHONE,
      locale: "fr-FR",
      timezoneId: "Europe/Paris",
    });
    collectorContext = await browser.newContext({
      viewport: DESKTOP,
      locale: "en-GB",
      timezoneId: "Europe/Paris",
    });
  });
  afterAll(async () => {
    await debtorContext?.close();
    await collectorContext?.close();
    await browser?.close();
    await t?.close();
  });

  /** A verified debtor who asks for a person: the case is escalated and waits in the queue. */
  async function escalatedCase(reference: string) {
    const created = await t.api("POST", "/api/cases", {
      token: t.tokens.collector,
      body: sampleCase({ reference }),
    });
    expect(created.status).toBe(201);
    const phone = await debtorContext.newPage();
    const chat = new ChatPage(phone);
    await chat.open(created.body.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.talkToPerson.click();
    return { id: created.body.id as string, phone, chat };
  }

  async function collectorDesk() {
    const desk = await collectorContext.newPage();
    const login = new ConsoleLogin(desk);
    await login.open(t.url);
    await login.logIn("collector@test.local", PASSWORD);
    return desk;
  }

  it("lets the debtor accept an offer the collector made during a takeover", async () => {
    const { id, phone, chat } = await escalatedCase("E2E-HAND-OFFER");
    const phoneProblems = new PageProblems(phone, [t.url]);
    const desk = await collectorDesk();
    const deskProblems = new PageProblems(desk, [t.url]);
    await desk.goto(`${t.url}/console/cases/${id}`);
    const casePage = new ConsoleCasePage(desk);
    await casePage.takeOver();
    await expect
      .poll(async () => (await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector })).body.status)
      .toBe("escalated");

    const status = await casePage.makeOffer("Full payment");
    expect(status).toContain("Offer sent");

    // The debtor's card is open although the case is escalated, and accepting records the promise.
    const card = chat.openOffer();
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator(".offer__status").count()).toBe(0);
    await chat.screenshot("blocker-hand-offer-open");
    await card.getByRole("button", { name: "Accepter" }).click();
    await chat.dialog.getByRole("button", { name: "Je confirme mon engagement" }).click();
    await chat.confirmation.waitFor({ timeout: 20_000 });
    expect(await chat.offers().last().getAttribute("data-state")).toBe("accepted");
    await chat.screenshot("blocker-hand-offer-accepted");
    const view = await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector });
    expect(view.body.promises).toHaveLength(1);
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(phoneProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });

  it("hands the conversation back to the assistant when the owner resolves the escalation from the queue", async () => {
    const { id, phone, chat } = await escalatedCase("E2E-RESOLVE-OWNED");
    const phoneProblems = new PageProblems(phone, [t.url]);
    const desk = await collectorDesk();
    const deskProblems = new PageProblems(desk, [t.url]);
    await desk.goto(`${t.url}/console/cases/${id}`);
    const casePage = new ConsoleCasePage(desk);
    await casePage.takeOver();
    await casePage.send("Bonjour, je regarde votre dossier.");
    await chat.messages("agent").filter({ hasText: "je regarde votre dossier" }).waitFor({ timeout: 10_000 });

    await desk.goto(`${t.url}/console/queue`);
    const queue = new QueuePage(desk);
    await queue.escalation("E2E-RESOLVE-OWNED").waitFor({ timeout: 10_000 });
    await queue.resolve("E2E-RESOLVE-OWNED", "No action needed", "Le débiteur voulait une confirmation.");
    await queue.escalation("E2E-RESOLVE-OWNED").waitFor({ state: "detached", timeout: 10_000 });

    // The debtor is told the assistant is back, may ask for a person again, and gets answers.
    await chat.messages("system").filter({ hasText: "l'assistant reprend" }).waitFor({ timeout: 10_000 });
    await chat.talkToPerson.waitFor();
    const before = await chat.assistantCount();
    const reply = await chat.say("Je peux payer en trois fois ?");
    expect(reply.length).toBeGreaterThan(0);
    expect(await chat.assistantCount()).toBeGreaterThan(before);
    await chat.screenshot("blocker-resolved-handback");

    const view = await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector });
    expect(view.body.conversation.humanOwnerId).toBeNull();
    await desk.goto(`${t.url}/console/cases/${id}`);
    await desk.getByRole("heading", { name: "The assistant is talking" }).waitFor();
    await desk.screenshot({ path: "test-artifacts/screenshots/blocker-resolved-case.png" });
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(phoneProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });
});
