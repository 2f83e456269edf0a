// Escalation triggers: what the engine does when the conversation reveals a dispute, a payment
// already made, vulnerability, a request for a person, and so on. Detection belongs to the language
// layer; the pack says what follows and the exact words the debtor is told.
import type { Locale } from "../domain/case-facts.js";
import type { AssistantEscalationKind } from "../domain/escalation-kinds.js";
import type { PolicyPack } from "./schema.js";
import type { EscalationKind, EscalationTrigger } from "./schema-text.js";
import type { AmountDue } from "./types.js";

/** The fixed notice a debtor is shown when the assistant opens an escalation the pack describes. */
export interface PolicyNotice {
  readonly kind: EscalationKind;
  readonly text: string;
  readonly rules: readonly string[];
  /** What the pack expects of the collector who picks the case up. */
  readonly action: EscalationTrigger["action"];
  readonly stopCollection: boolean;
  /** Minutes during which the debtor may take it back when it was misunderstood (absent: never). */
  readonly correctableWithinMinutes?: number;
}

/** The pack's name for an assistant escalation; null for kinds no pack has a rule for. */
function packEscalationKind(kind: AssistantEscalationKind): EscalationKind | null {
  if (kind === "hardship") return "hardship_beyond_ladder";
  if (kind === "counter_offer" || kind === "third_party" || kind === "abuse") return null;
  return kind;
}

/**
 * The pack's handling of an escalation, its words verbatim, when the pack lists that kind. A kind it
 * does not list (breathing space in a French pack, a counter-offer) has no policy text: the
 * assistant's catalogue says it instead, and the collector decides what follows.
 */
export function policyNotice(
  pack: PolicyPack,
  kind: AssistantEscalationKind,
  locale: Locale,
): PolicyNotice | null {
  const packKind = packEscalationKind(kind);
  const trigger = packKind && pack.escalation.find((e) => e.kind === packKind);
  if (!trigger) return null;
  return {
    kind: trigger.kind,
    text: trigger.handling[locale],
    rules: trigger.rules,
    action: trigger.action,
    stopCollection: trigger.stopCollection,
    ...(trigger.correctableWithinMinutes !== undefined
      ? { correctableWithinMinutes: trigger.correctableWithinMinutes }
      : {}),
  };
}

/** Escalations the engine itself raises from the amounts (today: the time bar, when the pack says so). */
export function automaticEscalations(pack: PolicyPack, due: AmountDue): EscalationKind[] {
  return due.timeBarred && pack.limitation.timeBarred.escalate ? ["time_barred"] : [];
}
