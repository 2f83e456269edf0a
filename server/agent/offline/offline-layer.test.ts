// The offline engine over the real fr-business pack and the real NLU, through the policy toolbox the
// LLM tests use: how it walks a haggler's lump sums along the pack's counter-offer rounds.
import { describe, expect, it } from "vitest";
import type { InvoiceFacts } from "../../domain/case-facts.js";
import { FACTS, toolbox, turn } from "../llm/test-support/fixtures.js";
import { understand } from "./nlu/index.js";
import { OfflineLanguageLayer } from "./offline-layer.js";

const HALF = "Je paie 2100 € tout de suite, pas plus.";

/** A haggler who offers half the balance every turn, on a case whose plan was already declined. */
function haggler(invoices: readonly InvoiceFacts[]) {
  const tb = toolbox({ facts: { ...FACTS, invoices: [...invoices] }, declinedKinds: ["full", "plan"] });
  const layer = new OfflineLanguageLayer();
  let memory = { askedForProposal: true, proposalsOutside: 0, abuseCount: 0, unclearCount: 0 };
  const say = async (text: string) => {
    const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
    const r = await layer.respond(
      turn(tb, { debtorText: text, understanding: u, pendingOffer: tb.offers.at(-1) ?? null, memory }),
    );
    memory = { ...memory, ...r.memory };
    return r.text;
  };
  return { tb, say };
}

describe("offline engine with a haggler", () => {
  it.each([
    // About six months overdue: the 10 % tier is reached in three rounds.
    ["the tier's limit", FACTS.invoices, [250, 500, 750, 1000]],
    // Over a year overdue: the tier allows more than three rounds of 2.5 points can reach.
    [
      "the pack's rounds",
      FACTS.invoices.map((i) => ({ ...i, issuedAt: "2024-05-01", dueAt: "2024-06-01" })),
      [250, 500, 750, 1000],
    ],
  ] as const)(
    "concedes step by step up to %s, says the last offer stands, then hands a new proposal to a person",
    async (_what, invoices, steps) => {
      const { tb, say } = haggler(invoices);
      for (let i = 0; i < 4; i++) await say(HALF);
      expect(tb.offers.map((o) => o.discountBps)).toEqual(steps);
      expect(tb.escalations).toEqual([]);

      // No further counter: the assistant says where things stand, not plan limits nobody asked about.
      const stand = await say(HALF);
      expect(stand).toMatch(/aussi loin que je le peux/);
      expect(stand).not.toMatch(/versements|étaler/);
      expect(tb.offers).toHaveLength(4);
      expect(tb.escalations).toEqual([]);
      // The next proposal it cannot meet goes to a person: the machine never refuses a debtor alone.
      await say(HALF);
      expect(tb.escalations.map((e) => e.kind)).toEqual(["counter_offer"]);
    },
  );
});

describe("offline engine with a debtor who asks for a little off", () => {
  it("counters in one-point steps from the smallest concession, not at the pack's opening rate, then takes the ask", async () => {
    const { tb, say } = haggler(FACTS.invoices);
    const due = tb.due.total;
    // 5 % off, asked five times: 1 % off first (the pack would open at 2.5 %), a point a round,
    // and the debtor's own figure once it is within a point.
    const ask = Math.round((due * 0.95) / 100) * 100;
    const text = `Je paie ${(ask / 100).toFixed(0)} € tout de suite, pas plus.`;
    for (let i = 0; i < 5; i++) await say(text);
    expect(tb.offers).toHaveLength(5);
    const totals = tb.offers.map((o) => o.total);
    expect(tb.offers.every((o) => o.kind === "settlement")).toBe(true);
    expect(due - (totals[0] ?? 0)).toBeLessThanOrEqual(Math.ceil(due / 100));
    for (let i = 1; i < totals.length; i++) {
      const step = (totals[i - 1] ?? 0) - (totals[i] ?? 0);
      expect(step).toBeGreaterThan(0);
      expect(step).toBeLessThanOrEqual(Math.ceil((due * 150) / 10_000));
    }
    expect(totals.every((t) => t >= ask)).toBe(true);
    expect(totals.at(-1)).toBe(ask);
    expect(tb.escalations).toEqual([]);
  });
});

describe("offline engine answering questions about fees", () => {
  async function ask(text: string, locale: "fr" | "en" = "fr") {
    const tb = toolbox();
    const u = understand(text, { locale, currency: "EUR", today: "2025-09-15" });
    const r = await new OfflineLanguageLayer().respond(
      turn(tb, { phase: "reason", locale, debtorText: text, understanding: u }),
    );
    return { tb, u, text: r.text };
  }

  it.each(["c quoi ces penalites??", "pourquoi des frais de recouvrement ?", "d'ou viennent ces interets"])(
    "explains each charge with its rule for %j, and opens nothing",
    async (text) => {
      const { tb, u, text: reply } = await ask(text);
      expect(u.intent).toBe("ask_fees");
      expect(tb.escalations).toEqual([]);
      expect(tb.offers).toEqual([]);
      expect(reply).toMatch(/pénalités de retard/);
      expect(reply).toMatch(/indemnité forfaitaire/);
      // The pack's own rule ids, not invented ones.
      const cited = [...new Set(tb.due.lines.flatMap((l) => l.citations))];
      expect(cited.length).toBeGreaterThan(0);
      for (const id of cited) expect(reply).toContain(id);
    },
  );

  it("still sends a charge the debtor never made to a person", async () => {
    const { tb } = await ask("il y a des frais que je n'ai jamais acceptés, je conteste");
    expect(tb.escalations.map((e) => e.kind)).toEqual(["dispute"]);
  });
});

describe("offline engine keeping what the debtor asked for", () => {
  /** A conversation over the fixture toolbox; history holds the debtor's earlier messages. */
  function talk(options: Parameters<typeof toolbox>[0] = {}) {
    const tb = toolbox(options);
    const layer = new OfflineLanguageLayer();
    const history: { role: "debtor" | "assistant"; text: string }[] = [];
    const say = async (text: string) => {
      const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
      history.push({ role: "debtor", text });
      const r = await layer.respond(
        turn(tb, {
          debtorText: text,
          understanding: u,
          history: [...history],
          pendingOffer: tb.offers.at(-1) ?? null,
        }),
      );
      history.push({ role: "assistant", text: r.text });
      return r.text;
    };
    return { tb, say };
  }

  it("offers the debtor's own 500 € a month, and a later amount keeps the day they asked for", async () => {
    const { tb, say } = talk();
    await say("je voudrais payer le 5 de chaque mois");
    await say("je peux payer 500 € par mois");
    const plan = tb.offers.at(-1);
    expect(plan?.kind).toBe("plan");
    expect(plan?.instalments[0]?.dueDate).toBe("2025-10-05");
    expect(plan?.instalments.slice(0, -1).every((i) => i.amount === 50000)).toBe(true);
  });

  it("keeps the rest's own day, and never takes a rest's day for a first payment's", async () => {
    const { tb, say } = talk();
    await say("je peux mettre 5 euros maintenant et le reste le mois prochain");
    await say("bon alors 500 maintenant et le reste en décembre");
    const plan = tb.offers.at(-1);
    expect(plan?.instalments.map((i) => i.amount)).toEqual([50000, (plan?.total ?? 0) - 50000]);
    // "next month" (October) was the earlier rest's day, not a first payment's.
    expect((plan?.instalments[0]?.dueDate ?? "") < "2025-10-01").toBe(true);
    expect(plan?.instalments[1]?.dueDate).toBe("2025-12-31");
  });

  it("puts a first payment said to be now on today, and the rest on its own day", async () => {
    const { tb, say } = talk();
    await say("jpeux mettre 500 maintenant et le reste en décembre ca irait ?");
    const plan = tb.offers.at(-1);
    expect(plan?.instalments.map((i) => [i.dueDate, i.amount])).toEqual([
      [tb.due.asOf, 50000],
      ["2025-12-31", (plan?.total ?? 0) - 50000],
    ]);
  });

  it("says which limit a counter keeps, with the offer's own figures", async () => {
    const { tb, say } = talk();
    const text = await say("je peux mettre 5 euros maintenant et le reste le mois prochain");
    const plan = tb.offers.at(-1);
    expect(plan?.instalments[0]?.amount).toBeGreaterThan(500);
    // The fixture's pack asks for a down payment: the counter raised the first payment to it.
    const first = (plan?.instalments[0]?.amount ?? 0) / 100;
    const firstText = first.toFixed(2).replace(".", ",");
    expect(text).toContain(
      `Je ne peux pas accepter exactement cela, mais voici la proposition la plus proche que je puisse faire. Le premier versement doit être d'au moins ${firstText} €.`,
    );
  });

  it("reads a share the debtor offers to pay as a reduction asked for, and says why it is countered", async () => {
    // Before any hardship, the pack offers no reduction: the counter is the full amount, and says so.
    const { tb, say } = talk();
    const text = await say("je paye la moitié tout de suite et on n'en parle plus ?");
    expect(text).not.toMatch(/^C'est possible/);
    expect(text).toContain("Je ne peux pas proposer de réduction du montant dû à ce stade.");
    expect(tb.offers.at(-1)?.kind).toBe("full");
    // Once a plan was declined a reduction is possible, but not one of half: the counter keeps the pack's most.
    const hard = talk({ declinedKinds: ["full", "plan"] });
    const countered = await hard.say("je paye la moitié tout de suite et on n'en parle plus ?");
    expect(countered).toContain("Je ne peux pas accorder une réduction aussi importante.");
    const offer = hard.tb.offers.at(-1);
    expect(offer?.kind).toBe("settlement");
    expect(offer?.total).toBeGreaterThan(Math.round(hard.tb.due.total / 2));
    // Half now and the rest later is a first payment of half, not a reduction.
    const split = talk();
    await split.say("je peux payer la moitie maintenant et le reste en décembre");
    expect(split.tb.offers.at(-1)?.instalments.map((i) => i.amount)).toEqual([
      Math.round(split.tb.due.total / 2),
      split.tb.due.total - Math.round(split.tb.due.total / 2),
    ]);
  });

  it("moves the proposed plan to the day named next", async () => {
    const { tb, say } = talk();
    await say("je peux payer 500 € par mois");
    expect(tb.offers.at(-1)?.instalments[0]?.amount).toBe(50000);
    await say("le 5 du mois plutot ?");
    const plan = tb.offers.at(-1);
    expect(tb.offers).toHaveLength(2);
    expect(plan?.instalments[0]?.dueDate).toBe("2025-10-05");
    expect(plan?.instalments.slice(0, -1).every((i) => i.amount === 50000)).toBe(true);
  });
});

describe("offline engine answering the questions debtors ask", () => {
  async function ask(text: string, locale: "fr" | "en" = "fr") {
    const tb = toolbox();
    const u = understand(text, { locale, currency: "EUR", today: "2025-09-15" });
    const r = await new OfflineLanguageLayer().respond(
      turn(tb, { phase: "negotiating", locale, debtorText: text, understanding: u }),
    );
    return { tb, text: r.text };
  }

  it.each([
    ["et si on rate une echeance il se passe quoi ?", /dans les 7 jours/],
    ["vous allez m'envoyer un huissier ?", /un conseiller vous contacte/],
    ["c pour quoi exactement cette facture ?", /^La facture F-2025-017 du 1er février 2025/],
    ["c une arnaque ?", /pour le compte d'Acme Fournitures SAS\..*auprès d'Acme/],
    ["on peut changer ?", /rien ne change sans votre confirmation/],
    ["vous pouvez m'envoyer une copie de la facture ?", /copie des factures du dossier ACME-2025-0042/],
    ["what happens if I miss a payment?", /within 7 days/],
  ] as const)("answers %j from the case and the pack, opening nothing", async (question, expected) => {
    const { tb, text } = await ask(question, /[a-z]+ happens/.test(question) ? "en" : "fr");
    expect(text).toMatch(expected);
    expect(tb.escalations).toEqual([]);
    expect(tb.offers).toEqual([]);
  });

  it("takes 'non je ne conteste pas' and 'I don't dispute it' as no dispute", () => {
    for (const [text, locale] of [
      ["non je ne conteste pas", "fr"],
      ["I don't dispute it", "en"],
    ] as const)
      expect(understand(text, { locale, currency: "EUR", today: "2025-09-15" }).intents).not.toContain(
        "dispute",
      );
  });

  it("hands 'i don't want to talk to you!' to a person", async () => {
    const { tb } = await ask("i don't want to talk to you!", "en");
    expect(tb.escalations.map((e) => e.kind)).toEqual(["human_request"]);
  });

  it("sums a long plan up in one sentence: count, amount, cadence, first and last date", async () => {
    const { tb, text } = await ask("je peux payer 500 € par mois");
    const plan = tb.offers.at(-1);
    expect(plan?.instalments.length).toBeGreaterThan(5);
    expect(text).toMatch(/\d+ mensuels de 500,00 €/);
    expect(text).toMatch(/du 29 septembre 2025 au 29 mai 2026/);
    // Not every instalment date: the card shows the schedule.
    expect(text).not.toMatch(/29 janvier 2026/);
    expect(text.length).toBeLessThan(450);
  });
});

describe("offline engine following the debtor's language", () => {
  it("answers in English once a French case's debtor writes in English, and stays there on 'ok'", async () => {
    const tb = toolbox();
    const layer = new OfflineLanguageLayer();
    const history: { role: "debtor" | "assistant"; text: string }[] = [];
    const say = async (text: string) => {
      const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
      history.push({ role: "debtor", text });
      const r = await layer.respond(turn(tb, { debtorText: text, understanding: u, history: [...history] }));
      history.push({ role: "assistant", text: r.text });
      return r.text;
    };
    expect(await say("what is this debt for?")).toMatch(/^Invoice F-2025-017 of 1 February 2025/);
    expect(await say("ok")).toMatch(/[A-Za-z]/);
    expect(await say("ok")).not.toMatch(/ Je |Désolé|Pouvez-vous/);
    expect(await say("et si on rate une echeance il se passe quoi ?")).toMatch(/Si une échéance/);
  });
});

describe("offline engine after a promise", () => {
  it("cancels a recorded commitment only on an explicit yes to its own question", async () => {
    const tb = toolbox();
    const layer = new OfflineLanguageLayer();
    const history: { role: "debtor" | "assistant"; text: string }[] = [];
    const say = async (text: string) => {
      const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
      history.push({ role: "debtor", text });
      const r = await layer.respond(
        turn(tb, { phase: "promised", debtorText: text, understanding: u, history: [...history] }),
      );
      history.push({ role: "assistant", text: r.text });
      return r;
    };
    const asked = await say("je veux annuler l'échéancier");
    expect(asked.text).toMatch(/Voulez-vous annuler l'engagement/);
    expect(asked.quickReplies).toEqual(["Oui, annuler", "Non, garder"]);
    expect(tb.withdrawals).toBe(0);
    expect((await say("Non, garder")).text).toMatch(/reste tel qu'enregistré/);
    expect(tb.withdrawals).toBe(0);
    // A bare "oui" out of that question cancels nothing.
    await say("oui");
    expect(tb.withdrawals).toBe(0);
    await say("en fait je voudrais arreter mon echeancier");
    expect((await say("oui")).text).toMatch(/j'annule l'engagement/);
    expect(tb.withdrawals).toBe(1);
  });

  it("answers a request for English in English with 'of course', not with thanks", async () => {
    const tb = toolbox();
    const text = "can we speak english please";
    const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
    const r = await new OfflineLanguageLayer().respond(
      turn(tb, { phase: "promised", debtorText: text, understanding: u }),
    );
    expect(r.text).toMatch(/^Of course, let's continue in English/);
    expect(r.text).not.toMatch(/welcome/i);
    expect(tb.withdrawals).toBe(0);
    // A plain thank-you is still thanked, in the conversation's language.
    const thanks = "merci beaucoup";
    const t = await new OfflineLanguageLayer().respond(
      turn(tb, {
        phase: "promised",
        debtorText: thanks,
        understanding: understand(thanks, { locale: "fr", currency: "EUR", today: "2025-09-15" }),
      }),
    );
    expect(t.text).toMatch(/^Avec plaisir/);
  });

  it("answers 'on peut changer ?' instead of thanking", async () => {
    const tb = toolbox();
    const text = "on peut changer ?";
    const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
    const r = await new OfflineLanguageLayer().respond(
      turn(tb, { phase: "promised", debtorText: text, understanding: u }),
    );
    expect(r.text).toMatch(/rien ne change sans votre confirmation/);
    expect(tb.withdrawals).toBe(0);
  });
});

describe("offline engine and a waiver request", () => {
  it("grants the FR business pack's first concession (charges waived for prompt payment), opening nothing", async () => {
    const tb = toolbox();
    const text = "on est client depuis 10 ans, vous pouvez enlever les penalites ?";
    const u = understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" });
    const r = await new OfflineLanguageLayer().respond(turn(tb, { debtorText: text, understanding: u }));
    expect(tb.escalations).toEqual([]);
    const offer = tb.offers.at(-1);
    expect(offer).toMatchObject({
      kind: "full",
      total: tb.due.principal,
      waived: { interest: true, indemnity: true },
    });
    expect(offer?.rule).toBe("ladder.full-waived");
    expect(r.text).not.toMatch(/Je ne peux pas réduire/);
  });
});
