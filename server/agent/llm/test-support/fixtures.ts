// A French B2B case under the real fr-business pack, and a TurnContext builder over PolicyToolbox.
import type { CaseFacts } from "../../../domain/case-facts.js";
import { loadPacks } from "../../../policy/index.js";
import type { LanguageLayer, TurnContext, TurnResult } from "../../language-layer.js";
import { understand } from "../../offline/nlu/index.js";
import type { LlmSettings } from "../llm-config.js";
import { PolicyToolbox, type PolicyToolboxOptions } from "./policy-toolbox.js";

export const TODAY = "2025-09-15";

/** 4 200,00 EUR principal, about six months overdue: settlements up to the 180-365 day tier. */
export const FACTS: CaseFacts = {
  reference: "ACME-2025-0042",
  creditorName: "Acme Fournitures SAS",
  debtorName: "Boulangerie Martin SARL",
  debtorKind: "business",
  locale: "fr",
  jurisdiction: "FR",
  currency: "EUR",
  timeZone: "Europe/Paris",
  invoices: [
    { number: "F-2025-017", issuedAt: "2025-02-01", dueAt: "2025-03-03", amount: 240_000 },
    { number: "F-2025-023", issuedAt: "2025-02-15", dueAt: "2025-03-17", amount: 180_000 },
  ],
};

const packs = loadPacks("policies");
const loaded = packs.get("fr-business");
if (!loaded) throw new Error("policies/fr-business.yaml is missing");
export const PACK = loaded.pack;
export const PACK_HASH = loaded.hash;

export function toolbox(o: Partial<PolicyToolboxOptions> = {}): PolicyToolbox {
  return new PolicyToolbox({
    facts: FACTS,
    pack: PACK,
    policyVersionId: `fr-business@${PACK_HASH.slice(0, 12)}`,
    today: TODAY,
    verificationAnswer: "75011",
    ...o,
  });
}

export const MOCK_BASE_URL = "http://llm.mock/v1";

export const SETTINGS: LlmSettings = {
  apiKey: "sk-test",
  baseUrl: MOCK_BASE_URL,
  model: "gpt-4o-mini",
  timeoutMs: 2000,
  maxRetries: 2,
};

/** A verified turn in the negotiating phase unless overridden. */
export function turn(tb: PolicyToolbox, o: Partial<TurnContext> = {}): TurnContext {
  const debtorText = o.debtorText ?? "Bonjour, je ne peux pas tout payer d'un coup.";
  return {
    conversationId: "conv-1",
    locale: "fr",
    phase: "negotiating",
    facts: FACTS,
    due: tb.due,
    verificationQuestion: "Quel est le code postal de votre siège ?",
    pendingOffer: null,
    history: [],
    debtorText,
    // As the turn runner does: the offline NLU's reading of the debtor's text (tool grounds use it).
    understanding: understand(debtorText, { locale: "fr", currency: FACTS.currency, today: "2025-09-15" }),
    turn: 1,
    availability: { onDuty: true, nextAt: "2025-09-15T08:00:00.000Z", when: "" },
    memory: { askedForProposal: false, proposalsOutside: 0, abuseCount: 0, unclearCount: 0 },
    tools: tb,
    ...o,
  };
}

/** Stands in for the offline engine (another team's): a fixed answer, and a count of its calls. */
export class FixedLayer implements LanguageLayer {
  readonly name = "offline" as const;
  calls = 0;
  constructor(readonly text = "Réponse du moteur hors ligne.") {}
  async respond(): Promise<TurnResult> {
    this.calls++;
    return { text: this.text, meta: { layer: "offline" } };
  }
}
