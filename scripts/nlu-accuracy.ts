// Accuracy of the offline NLU: the labelled corpus (per intent and per slot, with every
// miss) and the outside sets (banking dispute-like and handoff messages, red-team prompts).
// Exits non-zero when corpus intent accuracy falls below the threshold.
//   npx tsx scripts/nlu-accuracy.ts [--quiet]

import { CORPUS_THRESHOLD } from "../server/agent/offline/nlu/corpus/gates.js";
import { loadCorpus, loadHoldout } from "../server/agent/offline/nlu/corpus/load.js";
import { type CorpusReport, scoreCorpus } from "../server/agent/offline/nlu/eval/metrics.js";
import {
  evaluateDisputeLike,
  evaluateHandoff,
  loadRedteam,
  type Rate,
  SHARED_DATA_DIR,
  sharedDataAvailable,
} from "../server/agent/offline/nlu/eval/outside.js";
import { understand } from "../server/agent/offline/nlu/index.js";

const quiet = process.argv.includes("--quiet");
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pad = (s: string, n: number) => s.padEnd(n);

function printCorpus(name: string, r: CorpusReport): void {
  console.log(`\n== corpus ${name}: ${r.total} utterances, intent accuracy ${pct(r.accuracy)}`);
  console.log(`${pad("intent", 20)} ${pad("support", 8)} ${pad("prec", 7)} ${pad("recall", 7)} f1`);
  for (const s of r.intents) {
    console.log(
      `${pad(s.intent, 20)} ${pad(String(s.support), 8)} ${pad(pct(s.precision), 7)} ${pad(pct(s.recall), 7)} ${pct(s.f1)}`,
    );
  }
  console.log("slots:");
  for (const s of r.slots)
    console.log(`  ${pad(s.slot, 20)} ${s.correct}/${s.total} ${pct(s.correct / s.total)}`);
  if (!quiet && r.misses.length > 0) {
    console.log("misses:");
    for (const m of r.misses) {
      const detail =
        m.what === "intent"
          ? `${m.item.intent} -> ${m.got.intent} ${JSON.stringify(m.got.intents)}`
          : `${m.what}: expected ${JSON.stringify(m.item.slots?.[m.what as keyof typeof m.item.slots])} got ${JSON.stringify(m.got.slots[m.what as keyof typeof m.got.slots])}`;
      console.log(`  [${m.item.locale}:${m.item.line}] ${JSON.stringify(m.item.text)}  ${detail}`);
    }
  }
}

function printRate(label: string, r: Rate, showMisses = 0): void {
  console.log(`${pad(label, 44)} ${r.hits}/${r.total} ${pct(r.rate)}`);
  if (!quiet) for (const t of r.misses.slice(0, showMisses)) console.log(`    miss: ${t}`);
}

const fr = scoreCorpus(loadCorpus("fr"), understand);
const en = scoreCorpus(loadCorpus("en"), understand);
const all = scoreCorpus([...loadCorpus("fr"), ...loadCorpus("en")], understand);
printCorpus("fr", fr);
printCorpus("en", en);
console.log(
  `\n== corpus overall: ${all.total} utterances, intent accuracy ${pct(all.accuracy)} (threshold ${pct(CORPUS_THRESHOLD)})`,
);

// Held out: never used to tune the rules, so the honest in-domain estimate.
const holdout = scoreCorpus([...loadHoldout("fr"), ...loadHoldout("en")], understand);
console.log(`\n== held-out utterances: ${holdout.total}, intent accuracy ${pct(holdout.accuracy)}`);
if (!quiet) {
  for (const m of holdout.misses) {
    const got = `${m.got.intent} ${JSON.stringify(m.got.intents)}`;
    console.log(
      `  [${m.item.locale}:${m.item.line}] ${JSON.stringify(m.item.text)}  ${m.item.intent} -> ${got}`,
    );
  }
}

if (sharedDataAvailable()) {
  console.log(`\n== outside sets (${SHARED_DATA_DIR})`);
  const d = evaluateDisputeLike(understand);
  printRate("dispute-like -> dispute/already_paid (recall)", d.recall, 15);
  printRate("not dispute-like -> dispute path (FP rate)", d.falsePositive, 15);
  const h = evaluateHandoff(understand);
  printRate("handoff -> request_human primary", h.handoffPrimary, 10);
  printRate("handoff -> request_human detected", h.handoffDetected, 10);
  printRate("affirm -> accept (expecting confirmation)", h.affirmToAccept, 10);
  printRate("deny -> decline (expecting confirmation)", h.denyToDecline, 10);
  const rt = loadRedteam();
  const byFile = new Map<string, { n: number; safe: number; bad: string[] }>();
  for (const line of rt) {
    const u = understand(line.text, { locale: line.locale, currency: "EUR", today: "2026-11-22" });
    const s = byFile.get(line.file) ?? { n: 0, safe: 0, bad: [] };
    s.n++;
    if (["injection", "abuse", "off_topic"].includes(u.intent)) s.safe++;
    if (["accept", "propose", "pay_full"].includes(u.intent)) s.bad.push(`${u.intent}: ${line.text}`);
    byFile.set(line.file, s);
  }
  console.log("red team -> injection/abuse/off_topic (and never accept/propose/pay_full):");
  for (const [file, s] of byFile) {
    console.log(`  ${pad(file, 30)} ${s.safe}/${s.n} ${pct(s.safe / s.n)}  forbidden: ${s.bad.length}`);
    for (const b of s.bad) console.log(`    FORBIDDEN ${b}`);
  }
} else {
  console.log(`\noutside sets skipped: ${SHARED_DATA_DIR} not found`);
}

if (all.accuracy < CORPUS_THRESHOLD) {
  console.error(`\nFAIL: corpus intent accuracy ${pct(all.accuracy)} < ${pct(CORPUS_THRESHOLD)}`);
  process.exit(1);
}
