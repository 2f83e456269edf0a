// The outside banking sets through the whole offline path (NLU, routing, policy toolbox): prints
// dispute recall, handoff recall and the share of other banking lines escalated as disputes, with
// the lines that decide each figure. Exits non-zero when a target is missed.
//   npm run nlu:outside [-- --quiet]   (EVAL_SHARED_DATA=/path/to/shared/data when not ../shared/data)

import {
  ROUTED_DISPUTE_RECALL,
  ROUTED_HANDOFF_RECALL,
  ROUTED_OTHER_AS_DISPUTE,
} from "../server/agent/offline/nlu/corpus/gates.js";
import { SHARED_DATA_DIR, sharedDataAvailable } from "../server/agent/offline/nlu/eval/outside.js";
import { routeOutsideSets, type Share } from "../server/agent/offline/test-support/routed-outside.js";

const quiet = process.argv.includes("--quiet");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

if (!sharedDataAvailable()) {
  console.log(`outside sets not found at ${SHARED_DATA_DIR} (set EVAL_SHARED_DATA): nothing measured`);
  process.exit(0);
}

function print(label: string, s: Share, ok: boolean, target: string): void {
  console.log(
    `${label.padEnd(40)} ${String(s.hits).padStart(3)}/${s.total}  ${pct(s.rate).padStart(7)}  target ${target}  ${ok ? "ok" : "MISSED"}`,
  );
  if (quiet) return;
  for (const r of s.examples.slice(0, 40))
    console.log(`    [${r.escalation ?? "none"} / ${r.intent}] ${r.text}  =>  ${r.reply.slice(0, 80)}`);
}

const r = await routeOutsideSets(SHARED_DATA_DIR);
const checks = [
  r.disputeRecall.rate >= ROUTED_DISPUTE_RECALL,
  r.handoffRecall.rate >= ROUTED_HANDOFF_RECALL,
  r.otherAsDispute.rate <= ROUTED_OTHER_AS_DISPUTE,
];
print(
  "dispute-like -> dispute escalation",
  r.disputeRecall,
  checks[0] as boolean,
  `>= ${pct(ROUTED_DISPUTE_RECALL)}`,
);
print("handoff -> a person", r.handoffRecall, checks[1] as boolean, `>= ${pct(ROUTED_HANDOFF_RECALL)}`);
print(
  "other banking -> dispute escalation",
  r.otherAsDispute,
  checks[2] as boolean,
  `<= ${pct(ROUTED_OTHER_AS_DISPUTE)}`,
);
// Reported, not gated: a payment claim reaches a person on the "already paid" path, not a dispute.
print("other banking -> already-paid escalation", r.otherAsAlreadyPaid, true, "(reported)");
process.exit(checks.every(Boolean) ? 0 : 1);
