// "Accept and pay now" on an offer card, in Chromium, with Stripe configured (msw stands in for the
// Stripe API in this process, which runs the service): the commitment dialog, the promise recorded
// through accept_offer, then a tab sent to the Checkout Session for the first instalment. Without
// Stripe the button is not there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockStripe } from "../../server/app/payments/test-support/stripe-mock.js";
import { startTestService, type TestService } from "../../server/test-support/service.js";
import { ChatPage } from "./pages/chat-page.js";
import { hasChromium, type Launched, launchChromium, PHONE } from "./support/browser.js";
import { caseView, createCase } from "./support/service.js";

const stripe = mockStripe();
const UK_CASE = {
  jurisdiction: "UK",
  currency: "GBP",
  debtor: { name: "Grace Hopper", kind: "consumer", locale: "en" },
  creditor: { name: "Payfast Ltd", payment: { ukSortCode: "123456", ukAccountNumber: "12345678" } },
};

describe.skipIf(!hasChromium)("Accept and pay now on the offer card, in Chromium", () => {
  let t: TestService;
  let off: TestService;
  let browser: Launched;

  beforeAll(async () => {
    stripe.listen();
    [t, off, browser] = await Promise.all([
      startTestService("pglite", { STRIPE_SECRET_KEY: "sk_test_offercard" }),
      startTestService("pglite"),
      launchChromium({ viewport: PHONE }),
    ]);
    // The browser never reaches the real Stripe: Checkout is a stand-in page.
    await browser.context.route("https://checkout.stripe.com/**", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<title>Checkout</title>" }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await off?.close();
    stripe.server.close();
  });

  async function toOffer(service: TestService) {
    const c = await createCase(service, UK_CASE);
    const page = await browser.context.newPage();
    await page.clock.setFixedTime(service.clock.now());
    const chat = new ChatPage(page);
    await chat.open(c.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await chat.say("Money is tight at the moment, I lost some hours at work");
    await chat.say("I could pay £300 a month");
    const card = chat.openOffer();
    await card.waitFor();
    return { c, page, chat, card };
  }

  it("confirms the commitment, records the promise, then opens Checkout for the first instalment", async () => {
    const { c, page, chat, card } = await toOffer(t);
    const payButton = card.getByRole("button", { name: "Accept and pay now" });
    await payButton.waitFor();
    const before = stripe.requests.length;
    await payButton.click();
    // The same explicit commitment as Accept: nothing is recorded nor charged before it.
    await chat.dialog.waitFor();
    expect(stripe.requests.length).toBe(before);
    expect((await caseView(t, c.id)).promises).toHaveLength(0);

    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      chat.dialog.getByRole("button", { name: /confirm/i }).click(),
    ]);
    await expect
      .poll(() => popup.url(), { timeout: 20_000 })
      .toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_\d+$/);

    const view = await caseView(t, c.id);
    const promise = view.promises[0];
    expect(view.promises).toHaveLength(1);
    expect(view.offers.find((o) => o.status === "accepted")?.kind).toBe("plan");
    const sent = stripe.requests.at(-1);
    expect(stripe.requests.length).toBe(before + 1);
    expect(sent?.form.get("metadata[caseId]")).toBe(c.id);
    expect(sent?.form.get("metadata[instalmentId]")).toBeTruthy();
    expect(sent?.form.get("line_items[0][price_data][unit_amount]")).toBe(
      String(promise?.instalments[0]?.amount),
    );
    // The chat shows the recorded promise as usual.
    await chat.confirmation.waitFor();
    // (`card` matched the open offer; the same offer is now shown accepted.)
    expect(await chat.offers().last().getAttribute("data-state")).toBe("accepted");
    await popup.close();
    await page.close();
  });

  it("cancelling the dialog records nothing and opens nothing", async () => {
    const { c, page, chat, card } = await toOffer(t);
    const before = stripe.requests.length;
    let popups = 0;
    page.on("popup", () => popups++);
    await card.getByRole("button", { name: "Accept and pay now" }).click();
    await chat.dialog.getByRole("button", { name: /cancel/i }).click();
    expect(await chat.dialog.isVisible()).toBe(false);
    expect(await card.getAttribute("data-state")).toBe("open");
    expect((await caseView(t, c.id)).promises).toHaveLength(0);
    expect(stripe.requests.length).toBe(before);
    expect(popups).toBe(0);
    await page.close();
  });

  it("without Stripe configured, the card offers Accept but no pay-now", async () => {
    const { page, card } = await toOffer(off);
    await card.getByRole("button", { name: "Accept", exact: true }).waitFor();
    expect(await card.getByRole("button", { name: "Accept and pay now" }).count()).toBe(0);
    await page.close();
  });
});
