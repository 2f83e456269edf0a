// The two blockers a collector met at the desk, as the debtor and the collector live them:
// (a) an offer a collector makes during a takeover (the case is `escalated` then) can be accepted on
// the debtor's card, and records a promise; (b) resolving the escalation from the queue while owning
// the conversation hands it back: the debtor is told the assistant is back and it answers again.
import { describe, expect, it } from "vitest";
import { sampleCase } from "../../../server/test-support/service.js";
import { ChatPage } from "../pages/chat-page.js";
import { hasChromium, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleCasePage, QueuePage } from "./pages/console-pages.js";
import { CONSOLE_DESKTOP, DEBTOR_PHONE, loggedIn, useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: the takeover blockers", () => {
  const e2e = useConsoleBrowser({
    contexts: { debtorContext: DEBTOR_PHONE, collectorContext: CONSOLE_DESKTOP },
    // The page compares an offer's expiry with the browser's clock: the server's must agree.
    prepare: (t) => {
      t.clock.set(new Date().toISOString());
    },
  });

  /** A verified debtor who asks for a person: the case is escalated and waits in the queue. */
  async function escalatedCase(reference: string) {
    const created = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({ reference }),
    });
    expect(created.status).toBe(201);
    const phone = await e2e.debtorContext.newPage();
    const chat = new ChatPage(phone);
    await chat.open(created.body.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.talkToPerson.click();
    return { id: created.body.id as string, phone, chat };
  }

  /** The collector's desk, logged in and watched for problems. */
  const collectorDesk = () => loggedIn(e2e.collectorContext, e2e.t.url, "collector@test.local");

  it("lets the debtor accept an offer the collector made during a takeover", async () => {
    const { id, phone, chat } = await escalatedCase("E2E-HAND-OFFER");
    const phoneProblems = new PageProblems(phone, [e2e.t.url]);
    const { page: desk, problems: deskProblems } = await collectorDesk();
    await desk.goto(`${e2e.t.url}/console/cases/${id}`);
    const casePage = new ConsoleCasePage(desk);
    await casePage.takeOver();
    await expect
      .poll(
        async () =>
          (await e2e.t.api("GET", `/api/cases/${id}`, { token: e2e.t.tokens.collector })).body.status,
      )
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
    const view = await e2e.t.api("GET", `/api/cases/${id}`, { token: e2e.t.tokens.collector });
    expect(view.body.promises).toHaveLength(1);
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(phoneProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });

  it("hands the conversation back to the assistant when the owner resolves the escalation from the queue", async () => {
    const { id, phone, chat } = await escalatedCase("E2E-RESOLVE-OWNED");
    const phoneProblems = new PageProblems(phone, [e2e.t.url]);
    const { page: desk, problems: deskProblems } = await collectorDesk();
    await desk.goto(`${e2e.t.url}/console/cases/${id}`);
    const casePage = new ConsoleCasePage(desk);
    await casePage.takeOver();
    await casePage.send("Bonjour, je regarde votre dossier.");
    await chat.messages("agent").filter({ hasText: "je regarde votre dossier" }).waitFor({ timeout: 10_000 });

    await desk.goto(`${e2e.t.url}/console/queue`);
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

    const view = await e2e.t.api("GET", `/api/cases/${id}`, { token: e2e.t.tokens.collector });
    expect(view.body.conversation.humanOwnerId).toBeNull();
    await desk.goto(`${e2e.t.url}/console/cases/${id}`);
    await desk.getByRole("heading", { name: "The assistant is talking" }).waitFor();
    await desk.screenshot({ path: "test-artifacts/screenshots/blocker-resolved-case.png" });
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    expect(phoneProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });
});
