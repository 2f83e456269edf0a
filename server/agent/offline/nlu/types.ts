// Public types of the offline natural-language understanding (NLU).
// They are the contract between the NLU and the offline dialogue engine: keep them stable.

export type Intent =
  | "greeting"
  | "pay_full"
  | "want_plan"
  | "propose"
  | "ask_discount"
  | "accept"
  | "decline"
  | "dispute"
  | "already_paid"
  | "hardship"
  | "vulnerability"
  | "request_human"
  | "stop"
  | "question_debt"
  | "identity_answer"
  | "abuse"
  | "injection"
  | "off_topic"
  | "forgot"
  | "admin_problem"
  | "attorney"
  | "surendettement"
  | "breathing_space"
  | "bankruptcy"
  | "third_party"
  | "time_barred_claim"
  | "thanks"
  | "how_to_pay"
  /** Asks why a fee, penalty or charge is there: answered in the conversation. */
  | "ask_fees"
  | "unknown";

export const INTENTS: readonly Intent[] = [
  "greeting",
  "pay_full",
  "want_plan",
  "propose",
  "ask_discount",
  "accept",
  "decline",
  "dispute",
  "already_paid",
  "hardship",
  "vulnerability",
  "request_human",
  "stop",
  "question_debt",
  "identity_answer",
  "abuse",
  "injection",
  "off_topic",
  "forgot",
  "admin_problem",
  "attorney",
  "surendettement",
  "breathing_space",
  "bankruptcy",
  "third_party",
  "time_barred_claim",
  "thanks",
  "how_to_pay",
  "ask_fees",
  "unknown",
];

export type DisputeReason =
  | "not_mine"
  | "wrong_amount"
  | "goods_or_service"
  | "never_received"
  | "charged_twice"
  | "other";

export type NonPaymentReason = "forgot" | "admin" | "dispute" | "hardship";

export interface AmountSlot {
  /** Integer minor units of `currency` (or of the case currency when `currency` is absent). */
  amount: number;
  /** ISO-4217 code when the text names a currency ("€", "dollars", "GBP"). */
  currency?: string;
  perPeriod?: "month" | "week";
  /** The amount as written, taken from the normalised text (lower case, accents removed). */
  raw: string;
}

export interface Slots {
  amounts: AmountSlot[];
  /** Number of instalments or months: "en 6 fois", "six months", "3 mensualités". */
  count?: number;
  /** ISO dates (YYYY-MM-DD) resolved against the context's `today`, in text order. */
  dates: string[];
  /** "50%", "moitié", "half off" -> 50. */
  percent?: number;
  disputeReason?: DisputeReason;
  reasonForNonPayment?: NonPaymentReason;
}

export type Locale = "fr" | "en";

export interface Understanding {
  intent: Intent;
  /** Every intent detected, the primary first, then by priority. */
  intents: Intent[];
  slots: Slots;
  /** Language the message is written in (falls back to the context locale). */
  locale: Locale;
  /** 0..1: how sure the rules are about the primary intent. */
  confidence: number;
}

/** What the previous assistant turn asked for; it disambiguates short answers. */
export type Expecting = "identity" | "reason" | "proposal" | "confirmation";

export interface NluContext {
  locale: Locale;
  /** Case currency (ISO-4217), used when an amount names none. */
  currency: string;
  /** YYYY-MM-DD, the debtor's today. Relative dates resolve against it. */
  today: string;
  expecting?: Expecting;
}
