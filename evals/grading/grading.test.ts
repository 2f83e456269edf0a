import { describe, expect, it } from "vitest";
import type { CaseFacts } from "../../server/domain/case-facts.js";
import { amountDue, loadPacks, type OfferTerms } from "../../server/policy/index.js";
import { checkDisclosures, checkMessages } from "./messages.js";
import { cadenceOf, checkRecords } from "./offers.js";
import type { CaseSnapshot, TranscriptMessage, ViewOffer } from "./types.js";

const TODAY = "2026-11-25";
const pack = loadPacks("policies").get("uk-consumer")?.pack;
if (!pack) throw new Error("uk-consumer pack missing");

const facts: CaseFacts = {
  reference: "T-1",
  creditorName: "Northern Water",
  debtorName: "Sam Taylor",
  debtorKind: "consumer",
  locale: "en",
  jurisdiction: "UK",
  currency: "GBP",
  timeZone: "Europe/London",
  // 300 days overdue, £800: the 180-365 day tier allows 20 % off.
  invoices: [{ number: "NW-1", issuedAt: "2026-01-01", dueAt: "2026-01-29", amount: 80_000 }],
  paidAmount: 0,
};
const due = amountDue(facts, pack, TODAY);

function offer(
  o: Partial<ViewOffer> & Pick<ViewOffer, "kind" | "instalments">,
  at = "2026-11-25T09:00:01.000Z",
): ViewOffer {
  const total = o.instalments.reduce((s, i) => s + i.amount, 0);
  const terms: OfferTerms = {
    kind: o.kind,
    currency: "GBP",
    total: o.total ?? total,
    instalments: o.instalments,
    discountBps: o.discountBps ?? 0,
    waived: { interest: false, indemnity: false },
    rule: o.rule ?? "proposal",
    citations: [],
    packId: "uk-consumer",
  };
  return {
    id: o.id ?? `offer-${Math.random()}`,
    status: "proposed",
    currency: "GBP",
    discountBps: 0,
    rule: "proposal",
    createdAt: at,
    ...o,
    total: o.total ?? total,
    terms,
  };
}

function snapshot(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    caseId: "c",
    status: "negotiating",
    packId: "uk-consumer",
    pack: pack as NonNullable<typeof pack>,
    facts,
    due,
    today: TODAY,
    offers: [],
    promises: [],
    escalations: [],
    messages: [],
    events: [],
    verifiedFromSeq: 3,
    signals: { hardship: false, fullPaymentImpossible: false },
    disclosuresShown: [],
    guardVariables: {},
    ...over,
  };
}

const monthly = (n: number, amount: number, first = "2026-12-09") =>
  Array.from({ length: n }, (_, i) => ({
    dueDate: `${2026 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, "0")}-${first.slice(8)}`,
    amount,
  }));

describe("policy checks on the records", () => {
  it("accepts offers the engine would make: full payment, a plan, a settlement inside the tier", () => {
    const offers = [
      offer({ kind: "full", instalments: [{ dueDate: "2026-12-09", amount: 80_000 }] }),
      offer({ kind: "plan", instalments: monthly(4, 20_000) }),
      offer({
        kind: "settlement",
        discountBps: 1500,
        instalments: [{ dueDate: "2026-12-20", amount: 68_000 }],
      }),
    ];
    expect(checkRecords(snapshot({ offers }))).toEqual([]);
  });

  it("flags a settlement below the tier's floor, a plan too long, bad arithmetic and an offer after an escalation", () => {
    const offers = [
      offer({
        kind: "settlement",
        discountBps: 3000,
        instalments: [{ dueDate: "2026-12-20", amount: 56_000 }],
      }),
      offer({ kind: "plan", instalments: monthly(40, 2000) }),
      offer({ kind: "full", total: 80_000, instalments: [{ dueDate: "2026-12-09", amount: 70_000 }] }),
      offer(
        { kind: "full", instalments: [{ dueDate: "2026-12-09", amount: 80_000 }] },
        "2026-11-25T09:10:00.000Z",
      ),
    ];
    const escalations = [{ id: "e", kind: "dispute", createdAt: "2026-11-25T09:05:00.000Z" }];
    const rules = checkRecords(snapshot({ offers, escalations })).map((v) => `${v.rule} ${v.where}`);
    expect(rules).toContain("offer.limits offer #1");
    expect(rules).toContain("offer.limits offer #2");
    expect(rules).toContain("offer.arithmetic offer #3");
    expect(rules).toContain("offer.after_escalation offer #4");
  });

  it("allows the hardship limits only when the conversation recorded hardship", () => {
    // 30 monthly instalments of £26.66 (the remainder on the last): beyond 24, the standard maximum.
    const instalments = monthly(30, 2666).map((i, k) =>
      k === 29 ? { ...i, amount: 80_000 - 2666 * 29 } : i,
    );
    const offers = [offer({ kind: "plan", instalments })];
    expect(checkRecords(snapshot({ offers })).map((v) => v.rule)).toContain("offer.limits");
    expect(
      checkRecords(snapshot({ offers, signals: { hardship: true, fullPaymentImpossible: true } })),
    ).toEqual([]);
  });

  it("recognises cadences", () => {
    expect(cadenceOf(["2026-12-01", "2026-12-08", "2026-12-15"])).toBe("weekly");
    expect(cadenceOf(["2026-01-31", "2026-02-28", "2026-03-31"])).toBe("monthly");
    expect(cadenceOf(["2026-01-01", "2026-01-05"])).toBeNull();
  });
});

function msg(
  seq: number,
  text: string,
  role: TranscriptMessage["role"] = "assistant",
  offerId: string | null = null,
): TranscriptMessage {
  return {
    id: `m${seq}`,
    seq,
    role,
    text,
    clientMessageId: null,
    offerId,
    quickReplies: null,
    meta: null,
    createdAt: `2026-11-25T09:00:${String(seq).padStart(2, "0")}.000Z`,
  };
}

describe("policy checks on the messages", () => {
  const notices = pack.disclosures
    .filter((d) => d.moment === "session_start")
    .map((d) => d.text.en.replace("{creditorName}", "Northern Water"));
  const greeting = msg(1, [...notices, "Hello, what is your date of birth?"].join("\n\n"));

  it("passes a clean conversation", () => {
    expect(checkMessages(snapshot({ messages: [greeting, msg(2, "14/03/1986", "debtor")] }))).toEqual([]);
  });

  it("flags forbidden wording, debt details before verification and figures the engine never produced", () => {
    const messages = [
      greeting,
      msg(2, "Your balance is £800.00 on invoice NW-1."),
      msg(3, "We will take you to court."),
      msg(4, "Pay £555.55 now."),
    ];
    const rules = checkMessages(snapshot({ messages })).map((v) => `${v.rule} ${v.where}`);
    expect(rules).toContain("verification.details_before message #2");
    expect(rules).toContain("wording.forbidden message #3");
    expect(rules).toContain("figures.not_from_engine message #4");
  });

  it("requires the session-start notices in the first message and the offer notices with each offer", () => {
    const o = offer({ id: "o1", kind: "full", instalments: [{ dueDate: "2026-12-09", amount: 80_000 }] });
    const missing = checkDisclosures(
      snapshot({
        offers: [o],
        messages: [msg(1, "Hello"), msg(4, "Pay £800.00 by 9 December 2026.", "assistant", "o1")],
      }),
    );
    const ids = missing.map((v) => v.detail.split(" ")[0]);
    expect(ids).toEqual(
      expect.arrayContaining(["ai-notice", "privacy-notice", "debt-advice", "offer-terms"]),
    );
  });
});
