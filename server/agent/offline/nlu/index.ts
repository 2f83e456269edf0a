// Offline natural-language understanding for debtor messages, French and English.
// Deterministic and pure: the default language layer when no model is configured, and
// the fallback when the model fails. See understand.ts for the pipeline:
// normalise -> lex -> expand SMS forms -> rules (typo-tolerant) -> slots -> classify.

export type {
  AmountSlot,
  DisputeReason,
  Expecting,
  Intent,
  Locale,
  NluContext,
  NonPaymentReason,
  Slots,
  Understanding,
} from "./types.js";
export { INTENTS } from "./types.js";
export { understand } from "./understand.js";
