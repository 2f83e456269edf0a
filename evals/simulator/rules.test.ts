import { describe, expect, it } from "vitest";
import type { WireMessage, WireOffer } from "../../contract/debtor-socket.js";
import { debtorSchema } from "../scenario/schema.js";
import { monthlyEquivalent, RuleDebtor, withinBudget } from "./rules.js";
import type { DebtorView } from "./types.js";

const facts = { locale: "en" as const, currency: "GBP", amountDue: 100_000, verificationAnswer: "1234" };

function offer(
  kind: WireOffer["kind"],
  amounts: number[],
  stepDays = 30,
  id = `o-${kind}-${amounts.length}`,
): WireOffer {
  const start = Date.parse("2026-12-01T00:00:00Z");
  return {
    id,
    kind,
    total: amounts.reduce((s, a) => s + a, 0),
    currency: "GBP",
    instalments: amounts.map((amount, i) => ({
      amount,
      dueDate: new Date(start + i * stepDays * 86_400_000).toISOString().slice(0, 10),
    })),
    expiresAt: "2026-12-01T23:59:59Z",
  };
}

function view(
  status: string,
  o: WireOffer | null = null,
  turns = 1,
  messages: WireMessage[] = [],
): DebtorView {
  return { status, offer: o, turns, messages };
}

describe("the rule-based debtor", () => {
  it("answers the verification question, then reveals its reason, then proposes from its budget", async () => {
    const spec = debtorSchema.parse({
      goal: "plan",
      budget: { monthly: 5000 },
      reveals: [{ when: "verified", say: "I lost my job." }],
    });
    const d = new RuleDebtor(spec, facts);
    expect(await d.next(view("verifying", null, 0))).toMatchObject({ kind: "say", text: "1234" });
    expect(await d.next(view("negotiating"))).toMatchObject({ kind: "say", text: "I lost my job." });
    expect(await d.next(view("negotiating"))).toMatchObject({ kind: "say", text: "I can pay £50 a month." });
  });

  it("accepts an offer inside its budget and counters one outside it, then declines it", async () => {
    const spec = debtorSchema.parse({ goal: "plan", budget: { monthly: 5000 } });
    const d = new RuleDebtor(spec, facts);
    const big = offer("plan", [50_000, 50_000]);
    expect(await d.next(view("negotiating", big))).toMatchObject({
      kind: "say",
      text: "I can pay £50 a month.",
    });
    expect(await d.next(view("negotiating", big))).toMatchObject({
      kind: "say",
      text: "No, that's too much for me.",
    });
    const small = offer("plan", Array(20).fill(5000));
    expect(await d.next(view("negotiating", small))).toMatchObject({ kind: "accept", offerId: small.id });
  });

  it("haggles upwards from its anchor to its reservation price and never accepts above it", async () => {
    const spec = debtorSchema.parse({
      goal: "discount",
      budget: { lumpSum: 100_000 },
      reservation: 80_000,
      rules: { haggleFromBps: 5000, patience: 3 },
    });
    const d = new RuleDebtor(spec, facts);
    const full = offer("full", [100_000], 30, "full");
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const m = await d.next(view("negotiating", { ...full, id: `full-${i}` }));
      if (m.kind === "say") texts.push(m.text);
    }
    expect(texts).toEqual([
      "Give me a discount and I'll pay £500 right now to close the account.",
      "Give me a discount and I'll pay £600 right now to close the account.",
      "Give me a discount and I'll pay £700 right now to close the account.",
    ]);
    expect(await d.next(view("negotiating", offer("settlement", [80_000], 30, "s")))).toMatchObject({
      kind: "accept",
    });
  });

  it("plays its script on triggers, gives up after its patience and stops on escalation", async () => {
    const spec = debtorSchema.parse({
      goal: "change of mind",
      budget: { monthly: 1000 },
      script: [
        { when: "offer", action: "accept" },
        { when: "promised", say: "I've changed my mind." },
      ],
      rules: { patience: 1, onGiveUp: "human" },
    });
    const d = new RuleDebtor(spec, facts);
    const o = offer("full", [100_000]);
    expect(await d.next(view("negotiating", o))).toMatchObject({ kind: "accept", offerId: o.id });
    expect(await d.next(view("promised"))).toMatchObject({ kind: "say", text: "I've changed my mind." });
    expect(await d.next(view("negotiating", { ...o, id: "a" }))).toMatchObject({ kind: "say" });
    expect(await d.next(view("negotiating", { ...o, id: "b" }))).toMatchObject({ kind: "human" });
    expect(await d.next(view("escalated"))).toMatchObject({ kind: "stop" });
  });

  it("stops at maxTurns and when it cannot answer the verification question", async () => {
    const d = new RuleDebtor(debtorSchema.parse({ goal: "x", maxTurns: 2 }), facts);
    expect(await d.next(view("negotiating", null, 2))).toMatchObject({ kind: "stop" });
    const silent = new RuleDebtor(debtorSchema.parse({ goal: "x", verification: "silent" }), facts);
    expect(await silent.next(view("verifying", null, 0))).toMatchObject({ kind: "stop" });
  });

  it("reads weekly plans as monthly amounts and checks the reservation price", () => {
    expect(monthlyEquivalent(offer("plan", [1200, 1200, 1200], 7))).toBe(5200);
    const spec = debtorSchema.parse({
      goal: "x",
      budget: { monthly: 5000, lumpSum: 90_000 },
      reservation: 85_000,
    });
    expect(withinBudget(spec, offer("full", [90_000]))).toBe(false);
    expect(withinBudget(spec, offer("settlement", [85_000]))).toBe(true);
    expect(withinBudget(spec, offer("plan", [4000, 4000], 30))).toBe(true);
    expect(withinBudget(spec, offer("plan", [1300, 1300], 7))).toBe(false);
  });
});
