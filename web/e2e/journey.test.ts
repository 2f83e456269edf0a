// A French debtor on a phone, from the link to a receipt: verification, the debt, a plan offer,
// the commitment dialog, the confirmation card, the PDF receipt and the calendar file. Then the
// dispute journey and hostile message text, on the same service and browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  parseAmount,
  parseCalendar,
  pdfText,
} from "../../server/app/receipts/test-support/read-documents.js";
import type { TestService } from "../../server/test-support/service.js";
import { ChatPage } from "./pages/chat-page.js";
import { seriousViolations } from "./support/axe.js";
import {
  hasChromium,
  type Launched,
  launchChromium,
  NO_PROBLEMS,
  PageProblems,
  PHONE,
} from "./support/browser.js";
import { caseView, createCase, startE2eService } from "./support/service.js";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const euros = (amount: number, locale = "fr-FR") =>
  nbsp(new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount / 100));
const longDate = (iso: string, locale = "fr-FR") =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T12:00:00Z`),
  );

describe.skipIf(!hasChromium)("debtor journeys in Chromium", () => {
  let t: TestService;
  let browser: Launched;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startE2eService(), launchChromium({ viewport: PHONE })]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openChat(overrides: Record<string, unknown> = {}) {
    const c = await createCase(t, overrides);
    const page = await browser.context.newPage();
    // The page reads an offer's validity against its own clock: give it the server's test date, or
    // the offers of a fixed test date look expired once the real date has moved past them.
    await page.clock.setFixedTime(t.clock.now());
    const problems = new PageProblems(page, [t.url]);
    const chat = new ChatPage(page);
    await chat.open(c.link);
    return { c, page, chat, problems };
  }

  it("verifies, negotiates a plan, confirms the commitment and downloads the receipt and the calendar (FR, phone)", async () => {
    const { c, page, chat, problems } = await openChat({
      creditor: { name: "Acme Fournitures", contactEmail: "recouvrement@acme.example" },
    });
    await expect.poll(() => chat.creditor.textContent(), { timeout: 10_000 }).toBe("Acme Fournitures");
    expect(await chat.aiNotice.textContent()).toContain("Assistant IA");
    expect(await chat.aiNotice.textContent()).toContain("Vous échangez avec un assistant automatisé");
    expect(await chat.talkToPerson.isVisible()).toBe(true);
    const greeting = await chat.nextAssistant(0);
    expect(greeting).toContain("Code postal ?");
    await chat.screenshot("phone-01-greeting");

    const summary = await chat.say("75011");
    expect(await chat.focusedIs(chat.input)).toBe(true);
    expect(await chat.input.inputValue()).toBe("");
    expect(summary).toContain("F-1001");
    await expect
      .poll(() => chat.page.locator(".top__ref").textContent(), { timeout: 10_000 })
      .toMatch(/^Dossier INV-/);

    await chat.say("je peux payer 300 euros par mois");
    const card = chat.openOffer();
    await card.waitFor();
    const view = await caseView(t, c.id);
    const offer = view.offers.at(-1);
    expect(offer?.kind).toBe("plan");
    expect(await card.locator(".offer__title").textContent()).toContain("Échéancier");
    expect(nbsp((await card.locator(".offer__total strong").textContent()) ?? "")).toBe(
      euros(offer?.total ?? 0),
    );
    const rows = card.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(1);
    await chat.screenshot("phone-02-offer");

    // The same card in English: labels and formats follow the language switch.
    await chat.setLocale("en");
    await expect
      .poll(() => card.locator(".offer__title").textContent(), { timeout: 10_000 })
      .toContain("Instalment plan");
    expect(nbsp((await card.locator(".offer__total strong").textContent()) ?? "")).toBe(
      euros(offer?.total ?? 0, "en-GB"),
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await chat.setLocale("fr");

    // Keyboard only: reach Accept with Tab, open the dialog, cancel, focus comes back.
    const accept = card.getByRole("button", { name: "Accepter" });
    await chat.tabTo(accept);
    await page.keyboard.press("Enter");
    await chat.dialog.waitFor();
    expect(await chat.focusedIsInside("dialog.confirm")).toBe(true);
    const commitment = (await chat.dialog.locator(".confirm__text").textContent()) ?? "";
    expect(nbsp(commitment)).toContain(`Je m'engage à payer ${euros(offer?.total ?? 0)} en`);
    expect(await seriousViolations(page)).toEqual([]);
    await chat.screenshot("phone-03-confirm");
    await page.keyboard.press("Escape");
    await chat.dialog.waitFor({ state: "hidden" });
    expect(await chat.focusedIs(accept)).toBe(true);

    await page.keyboard.press("Enter");
    await chat.dialog.waitFor();
    await chat.tabTo(chat.dialog.getByRole("button", { name: "Je confirme mon engagement" }));
    await page.keyboard.press("Enter");
    await chat.confirmation.waitFor({ timeout: 20_000 });
    expect(await chat.focusedIs(chat.input)).toBe(true);
    expect(await chat.offers().last().getAttribute("data-state")).toBe("accepted");
    await chat.screenshot("phone-04-confirmation");

    const promise = (await caseView(t, c.id)).promises[0];
    expect(promise).toBeDefined();
    if (!promise) return;
    expect(promise.total).toBe(offer?.total);

    const pdf = await chat.download(chat.confirmation.getByRole("link", { name: /reçu/ }));
    expect(pdf.name).toMatch(/^engagement-INV-.*\.pdf$/);
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(view.reference);
    // The debtor's copy names the payment reference, not internal ids.
    expect(text).not.toContain(promise.id);
    expect(text).toMatch(/Référence de paiement : RF\d\d/);
    expect(text).toContain(euros(promise.total));
    for (const i of promise.instalments) {
      expect(text).toContain(longDate(i.dueDate));
      expect(text).toContain(euros(i.amount));
    }

    const ics = await chat.download(chat.confirmation.getByRole("link", { name: /agenda/ }));
    expect(ics.name).toMatch(/\.ics$/);
    const events = parseCalendar(ics.bytes.toString("utf8"));
    // A regular plan is one repeating event (plus an odd last payment): expand the occurrences.
    expect(events.flatMap((e) => e.occurrences)).toEqual(promise.instalments.map((i) => i.dueDate));
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const sum = events.reduce(
      (s, e) => s + parseAmount(e.summary.split(" : ")[1]?.split(" — ")[0] ?? "") * e.occurrences.length,
      0,
    );
    expect(sum).toBe(promise.total);

    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("says so when an offer is no longer open at acceptance, and shows the fresh offer that follows", async () => {
    const { page, chat, problems } = await openChat();
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.say("J'ai oublié, je peux tout payer");
    const first = chat.openOffer();
    await first.waitFor();
    const firstId = await first.getAttribute("data-offer-id");
    // The server's clock moves past the offer's validity; the page still shows it open.
    t.clock.advanceDays(15);
    try {
      await first.getByRole("button", { name: "Accepter" }).click();
      await chat.dialog.getByRole("button", { name: "Je confirme mon engagement" }).click();
      const notice = page.locator('[data-notice="offer_unavailable"]');
      await notice.waitFor();
      expect(await notice.textContent()).toContain("Cette proposition n'est plus disponible");
      expect(
        await chat.log.locator(`section.offer[data-offer-id="${firstId}"]`).getAttribute("data-state"),
      ).toBe("closed");
      const fresh = chat.openOffer();
      await fresh.waitFor({ timeout: 20_000 });
      expect(await fresh.getAttribute("data-offer-id")).not.toBe(firstId);
      await chat.screenshot("phone-07-offer-unavailable");
      await notice.getByRole("button", { name: "Fermer" }).click();
      expect(await notice.count()).toBe(0);
      expect(await chat.focusedIs(chat.input)).toBe(true);
    } finally {
      t.clock.advanceDays(-15);
    }
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("stops at a dispute: the conversation is handed to a person and no offer is open", async () => {
    const { c, page, chat, problems } = await openChat();
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.say("Je conteste cette facture");
    await chat.escalatedBanner.waitFor();
    expect(await chat.openOffer().count()).toBe(0);
    const view = await caseView(t, c.id);
    expect(view.status).toBe("escalated");
    expect(view.escalations.map((e) => e.kind)).toContain("dispute");

    const before = await chat.assistantCount();
    await chat.talkToPerson.click();
    await chat.messages("system").filter({ hasText: "Vous avez demandé à parler à une personne." }).waitFor();
    await chat.nextAssistant(before);
    await chat.screenshot("phone-05-dispute");
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("shows hostile markup in messages as plain text, live and after a reload", async () => {
    const { page, chat, problems } = await openChat();
    await chat.nextAssistant(0);
    await chat.say("75011");
    const payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];
    for (const p of payloads) await chat.say(p);
    const check = async () => {
      const debtor = (await chat.shown()).filter((m) => m.role === "debtor").map((m) => m.text);
      for (const p of payloads) expect(debtor.filter((text) => text === p)).toHaveLength(1);
      for (const p of payloads) expect(await chat.log.getByText(p, { exact: true }).isVisible()).toBe(true);
      expect(await chat.log.locator("img, script").count()).toBe(0);
    };
    await check();
    await page.reload();
    await chat.messages("debtor").nth(2).waitFor();
    await check();
    await page.waitForTimeout(300);
    expect(problems.dialogs).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
