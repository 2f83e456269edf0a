// A collector's desk during a live chat, at 1440 px: a browser notification announces the new
// escalation, taking over assigns it, the chat runs oldest to newest down to the composer, the
// debtor's waiting time shows, a canned reply goes out, an internal note stays inside the team,
// "Hand back" says why it is disabled, and the offer form shows the engine's answer before sending.
import { beforeAll, describe, expect, it } from "vitest";
import { sampleCase } from "../../../server/test-support/service.js";
import { ChatPage } from "../pages/chat-page.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { ConsoleCasePage, QueuePage } from "./pages/console-pages.js";
import { CONSOLE_DESKTOP, DEBTOR_PHONE, loggedIn, useConsoleBrowser } from "./support.js";

const WIDE = { width: 1440, height: 900 };

describe.skipIf(!hasChromium)("collector console: the desk during a live chat", () => {
  const e2e = useConsoleBrowser({
    contexts: { debtorContext: DEBTOR_PHONE, collectorContext: { ...CONSOLE_DESKTOP, viewport: WIDE } },
    prepare: (t) => {
      t.clock.set(new Date().toISOString());
    },
  });
  beforeAll(async () => {
    // Headless Chromium shows no notifications: record what the page asks for instead.
    await e2e.collectorContext.addInitScript(() => {
      const shown: { title: string; body: string }[] = [];
      (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
      class RecordingNotification {
        static permission = "granted";
        static requestPermission() {
          return Promise.resolve("granted");
        }
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push({ title, body: options?.body ?? "" });
        }
      }
      (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
    });
  });

  it("works a live chat from the notification to the offer", async () => {
    const created = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({ reference: "E2E-DESK" }),
    });
    const { page: desk, problems: deskProblems } = await loggedIn(
      e2e.collectorContext,
      e2e.t.url,
      "collector@test.local",
    );
    await expect.poll(() => desk.locator(".live").textContent(), { timeout: 10_000 }).toBe("Live");

    const phone = await e2e.debtorContext.newPage();
    const chat = new ChatPage(phone);
    await chat.open(created.body.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.talkToPerson.click();

    // The notification names the kind and the case.
    const queue = new QueuePage(desk);
    await queue.escalation("E2E-DESK").waitFor({ timeout: 15_000 });
    await expect
      .poll(() =>
        desk.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications),
      )
      .toEqual([{ title: expect.stringMatching(/^New escalation: /), body: "Case E2E-DESK" }]);

    // Taking over from the case page assigns the escalation.
    await queue.escalation("E2E-DESK").getByRole("link", { name: "Open case and transcript" }).click();
    const casePage = new ConsoleCasePage(desk);
    await casePage.transcript.waitFor();
    await casePage.takeOver();
    await expect
      .poll(() => desk.locator("article.escalation .escalation__assignee").first().textContent(), {
        timeout: 10_000,
      })
      .toContain("Assigned to you");

    // The debtor writes: the waiting time shows, the newest message sits right above the composer.
    await chat.type("Bonjour, je voudrais un délai de paiement.");
    const chatLog = casePage.chat();
    await chatLog.getByText("je voudrais un délai").waitFor({ timeout: 10_000 });
    await casePage.takeover.getByRole("status").filter({ hasText: "waiting for an answer" }).waitFor();
    const lastBox = await chatLog.locator("li.chat__msg").last().boundingBox();
    const composerBox = await casePage.takeover.getByLabel("Message to the debtor").boundingBox();
    expect(lastBox && composerBox && lastBox.y < composerBox.y).toBe(true);
    expect(await chatLog.locator("li.chat__msg").last().textContent()).toContain("je voudrais un délai");
    // The debtor's button press reads as words, not as its stored code.
    expect(await chatLog.textContent()).toContain("The debtor asked for a person");
    expect(await chatLog.textContent()).not.toContain("[request_human]");

    // A canned reply in the debtor's language, sent as it is.
    await casePage.takeover.getByRole("button", { name: "Échéancier" }).click();
    expect(await casePage.takeover.getByLabel("Message to the debtor").inputValue()).toContain(
      "étaler le paiement",
    );
    await casePage.takeover.getByRole("button", { name: "Send", exact: true }).click();
    await chat.messages("agent").filter({ hasText: "étaler le paiement" }).waitFor({ timeout: 10_000 });
    await expect
      .poll(() => casePage.takeover.getByRole("status").filter({ hasText: "waiting for an answer" }).count())
      .toBe(0);

    // An internal note: for the team only.
    await casePage.addNote("Débiteur de bonne foi, déjà payé en retard en 2025.");
    expect(await chat.log.textContent()).not.toContain("bonne foi");

    // Hand back says why it is disabled.
    const handBack = casePage.takeover.getByRole("button", { name: "Hand back to the assistant" });
    expect(await handBack.isDisabled()).toBe(true);
    expect(await desk.locator("#handback-hint").textContent()).toContain(
      "Write a note for the transcript first",
    );

    // The offer form: the engine's answer before sending.
    const first = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await casePage.fillOffer({ kind: "Instalment plan", count: 40 });
    const tooMany = await casePage.checkOffer();
    expect(["counter", "refuse"]).toContain(tooMany.decision);
    expect(await casePage.offerForm().getByRole("button", { name: "Send the offer" }).isDisabled()).toBe(
      true,
    );
    await casePage.fillOffer({ count: 3, firstDate: first, firstAmount: "500.00" });
    const ok = await casePage.checkOffer();
    expect(ok.decision).toBe("accept");
    expect(ok.text).toContain(`first €500.00 on ${first}`);
    await desk.screenshot({ path: "test-artifacts/screenshots/console-desk-1440.png", fullPage: true });
    expect(await seriousViolations(desk)).toEqual([]);
    await casePage.offerForm().getByRole("button", { name: "Send the offer" }).click();
    await casePage.offerForm().getByRole("status").filter({ hasText: "Offer sent" }).waitFor();
    const card = chat.openOffer();
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator("tbody tr").count()).toBe(3);
    // The first instalment is the collector's own amount; the rest split over the other two.
    expect(await card.locator("tbody tr").first().textContent()).toMatch(/500[,.]00/);
    await chat.screenshot("console-desk-debtor-offer");
    // The page fits the width: nothing scrolls sideways at 1440 px.
    expect(await desk.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(deskProblems.summary()).toEqual(NO_PROBLEMS);
    await desk.close();
    await phone.close();
  });
});
