// Taking back a misunderstood escalation in the offline engine: which words are a denial, and what
// the engine does with one under a pack that allows it (fr-business) and one that does not
// (us-consumer), through the policy toolbox over the real packs.
import { describe, expect, it } from "vitest";
import { buildInstructions } from "../../domain/payments/instructions.js";
import { loadPacks } from "../../policy/index.js";
import { FACTS, toolbox, turn } from "../llm/test-support/fixtures.js";
import { deniedEscalation } from "./escalation-correction.js";
import { understand } from "./nlu/index.js";
import { OfflineLanguageLayer } from "./offline-layer.js";

describe("deniedEscalation", () => {
  it.each([
    ["non je conteste pas", "dispute"],
    ["Non, je ne conteste pas la facture", "dispute"],
    ["mais non jconteste rien moi", "dispute"],
    ["je la conteste pas hein", "dispute"],
    ["pas de contestation, je voulais juste comprendre", "dispute"],
    ["no I'm not disputing it", "dispute"],
    ["I don't dispute the debt", "dispute"],
    ["im not contesting anything", "dispute"],
    ["non j'ai pas encore payé", "already_paid"],
    ["no I haven't paid yet", "already_paid"],
    ["c pas ce que j'ai dit", "any"],
    ["ce n'est pas ce que je voulais dire", "any"],
    ["vous avez mal compris", "any"],
    ["that's not what I said", "any"],
    ["I didn't say that", "any"],
    ["you misunderstood me", "any"],
    // Not denials: a plain no, thanks, a new claim, an affirmation.
    ["non", null],
    ["ok merci", null],
    ["je conteste cette facture", null],
    ["I dispute this debt", null],
    ["j'ai payé le 3 novembre", null],
  ] as const)("%s → %s", (text, expected) => {
    expect(deniedEscalation(text)).toBe(expected);
  });
});

describe("the offline engine while an escalation is open", () => {
  const layer = new OfflineLanguageLayer();
  const say = (tb: ReturnType<typeof toolbox>, text: string, phase: "negotiating" | "escalated") =>
    layer.respond(
      turn(tb, {
        phase,
        debtorText: text,
        understanding: understand(text, { locale: "fr", currency: "EUR", today: "2025-09-15" }),
      }),
    );

  it("says what it understood, then takes the dispute back and asks what the debtor can pay", async () => {
    const tb = toolbox();
    const opened = await say(tb, "je conteste ces frais c'est abusé", "negotiating");
    expect(tb.escalations.map((e) => e.kind)).toEqual(["dispute"]);
    expect(opened.text).toContain("J'ai compris que vous contestez cette somme");

    const back = await say(tb, "non je conteste pas", "escalated");
    expect(tb.escalationWithdrawals).toEqual([{ kind: "dispute", words: "non je conteste pas" }]);
    expect(back.text).toContain("j'avais mal compris");
    expect(back.text).toContain("qu'est-ce qui serait possible pour vous");
    expect(back.quickReplies?.length).toBeGreaterThan(0);
    expect(back.memory).toMatchObject({ askedForProposal: true });
  });

  it("takes the correction and the proposal in the same message", async () => {
    const tb = toolbox();
    await say(tb, "je conteste cette facture", "negotiating");
    const back = await say(tb, "non je conteste pas, je peux payer 500 € par mois", "escalated");
    expect(tb.escalationWithdrawals).toHaveLength(1);
    expect(tb.offers.at(-1)?.kind).toBe("plan");
    expect(tb.offers.at(-1)?.instalments[0]?.amount).toBe(50_000);
    expect(back.text).toContain("j'avais mal compris");
  });

  it("on hold with a recorded commitment, says that its instalments stay due (not that nothing is asked)", async () => {
    const planned = (what: "instalment" | "total") =>
      toolbox({
        payment: {
          text: "",
          data: buildInstructions({
            payee: { name: "Acme", iban: "FR7630006000011234567890189" },
            currency: "EUR",
            now:
              what === "instalment"
                ? { what, amount: 50_000, dueDate: "2025-10-01", seq: 1, count: 3 }
                : { what, amount: 150_000, dueDate: null },
            reference: "RF18539007547034",
            payNowAvailable: false,
          }),
        },
      });
    const withPlan = (await say(planned("instalment"), "c quoi la suite ?", "escalated")).text;
    expect(withPlan).toContain("Votre engagement enregistré reste valable");
    expect(withPlan).not.toContain("aucune demande de paiement");
    const without = (await say(planned("total"), "c quoi la suite ?", "escalated")).text;
    expect(without).toContain("aucune demande de paiement n'est faite");
  });

  it("stays on hold for a plain message, and for a denial that raises another reason", async () => {
    const tb = toolbox();
    await say(tb, "je conteste cette facture", "negotiating");
    expect((await say(tb, "ok merci", "escalated")).text).toContain("entre les mains d'une personne");
    await say(tb, "c pas ce que j'ai dit, je suis en dépression", "escalated");
    expect(tb.escalationWithdrawals).toEqual([]);
  });

  it("keeps an escalation the pack never lets the debtor take back", async () => {
    const tb = toolbox();
    const opened = await say(tb, "je veux parler à un humain", "negotiating");
    expect(tb.escalations.map((e) => e.kind)).toEqual(["human_request"]);
    expect(opened.text).not.toContain("J'ai compris");
    const kept = await say(tb, "c pas ce que j'ai dit", "escalated");
    expect(tb.escalationWithdrawals).toEqual([]);
    expect(kept.text).toContain("Je ne peux plus retirer cette demande moi-même");
  });

  it("keeps a dispute under a pack that allows no correction (us-consumer: a chat dispute is written, US-5)", async () => {
    const us = loadPacks("policies").get("us-consumer");
    if (!us) throw new Error("policies/us-consumer.yaml is missing");
    const tb = toolbox({
      pack: us.pack,
      facts: {
        ...FACTS,
        jurisdiction: "US",
        currency: "USD",
        debtorKind: "consumer",
        timeZone: "America/New_York",
      },
    });
    const opened = await say(tb, "je conteste cette facture", "negotiating");
    expect(tb.escalations.map((e) => e.kind)).toEqual(["dispute"]);
    expect(opened.text).not.toContain("J'ai compris que vous contestez");
    const kept = await say(tb, "non je conteste pas", "escalated");
    expect(tb.escalationWithdrawals).toEqual([]);
    expect(kept.text).toContain("Je ne peux plus retirer cette demande moi-même");
  });
});
