// Whether a case may still receive reminders: not once it is closed or handed off, and not while an
// escalation that stops collection is open (a dispute, a stop request, a vulnerability, ...), as the
// case's own policy pack says (escalation[].stopCollection). Pure.
import type { PolicyPack } from "../../policy/index.js";

export type StopReason = `case:${string}` | `escalation:${string}`;

const PACK_KIND: Record<string, string> = { hardship: "hardship_beyond_ladder" };
/**
 * Kinds that stop all reminders whatever the pack says (issue 16: no message to a debtor whose case
 * is escalated for a stop request, a dispute or a vulnerability), and kinds a pack has no trigger for.
 */
const ALWAYS_STOP = new Set(["dispute", "stop_request", "vulnerability", "abuse", "third_party"]);

export function stopReason(
  caseStatus: string,
  openEscalationKinds: readonly string[],
  pack: PolicyPack,
): StopReason | null {
  if (caseStatus === "closed" || caseStatus === "handed_off") return `case:${caseStatus}`;
  for (const kind of openEscalationKinds) {
    const trigger = pack.escalation.find((t) => t.kind === (PACK_KIND[kind] ?? kind));
    if (trigger?.stopCollection || ALWAYS_STOP.has(kind)) return `escalation:${kind}`;
  }
  return null;
}
