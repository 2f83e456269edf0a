// Compares a trainable intent classifier (NLP.js) with the rules on the outside banking sets, through
// the same path as `npm run nlu:outside` (the offline engine's routing and the real policy toolbox):
// dispute recall, handoff recall and other banking lines escalated as disputes.
//   npx tsx scripts/nlu-classifier-compare.ts   (needs `npm install --no-save @nlpjs/basic@4`)
//
// Readers compared:
//   rules       the offline NLU (what ships);
//   nlpjs-own   NLP.js trained on our own labelled phrases only (server/agent/offline/nlu/corpus);
//   nlpjs-2fold NLP.js trained on our phrases plus one half of the outside sets, measured on the
//               other half, both ways (never measured on a line it was trained on);
//   rules+nlpjs the rules, plus the 2-fold classifier's dispute / person reading when the rules
//               find nothing that needs a person (the combination).
// Figures and the decision: docs/decisions/0098-intent-classifier-vs-rules.md. NLP.js is not a
// dependency of the project: it did not measure better (see there).
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { SAFETY_ESCALATIONS } from "../server/agent/offline/intent-routing.js";
import { loadCorpus } from "../server/agent/offline/nlu/corpus/load.js";
import { SHARED_DATA_DIR, sharedDataAvailable } from "../server/agent/offline/nlu/eval/outside.js";
import { type Intent, type Understanding, understand } from "../server/agent/offline/nlu/index.js";
import {
  type OutsideRouting,
  outsideRows,
  type Reader,
  routeOutsideSets,
  TODAY,
} from "../server/agent/offline/test-support/routed-outside.js";

interface NlpJs {
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
  settings: Record<string, unknown>;
}

if (!sharedDataAvailable()) {
  console.log(`outside sets not found at ${SHARED_DATA_DIR} (set EVAL_SHARED_DATA): nothing measured`);
  process.exit(0);
}

const require = createRequire(import.meta.url);
let basic: {
  containerBootstrap: () => Promise<{ use(x: unknown): void; get(name: string): unknown }>;
  Nlp: unknown;
  LangEn: unknown;
};
try {
  basic = require("@nlpjs/basic");
} catch {
  console.log("@nlpjs/basic is not installed: npm install --no-save @nlpjs/basic@4, then run again");
  process.exit(0);
}

/** Minimum classifier score for its reading to count; below it the message is "unknown". */
const THRESHOLD = Number(process.env.NLPJS_THRESHOLD ?? 0.6);

async function train(docs: readonly { text: string; intent: string }[]): Promise<NlpJs> {
  const container = await basic.containerBootstrap();
  container.use(basic.Nlp);
  container.use(basic.LangEn);
  const nlp = container.get("nlp") as NlpJs;
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage("en");
  for (const d of docs) nlp.addDocument("en", d.text, d.intent);
  // NLP.js prints every training epoch on the console: keep the figures readable.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith("Epoch ")) log(...args);
  };
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return nlp;
}

const rulesRead = (text: string) => understand(text, { locale: "en", currency: "GBP", today: TODAY });

/** The classifier decides the intent; the rules still read the amounts and dates (slots). */
function classifierReader(nlp: NlpJs): Reader {
  return async (text) => {
    const u = rulesRead(text);
    const r = await nlp.process("en", text);
    const intent = (r.score >= THRESHOLD && r.intent !== "None" ? r.intent : "unknown") as Intent;
    return { ...u, intent, intents: [intent], confidence: r.score };
  };
}

/** The rules, with the classifier's safety reading added only where the rules saw none. */
function combinedReader(nlp: NlpJs): Reader {
  return async (text) => {
    const u = rulesRead(text);
    if (u.intents.some((i) => i in SAFETY_ESCALATIONS)) return u;
    const r = await nlp.process("en", text);
    const extra = r.intent as Intent;
    if (r.score < THRESHOLD || !(extra in SAFETY_ESCALATIONS)) return u;
    const merged: Understanding = { ...u, intent: extra, intents: [extra, ...u.intents] };
    return merged;
  };
}

// Our own phrases: every English corpus line with its intent.
const own = loadCorpus("en").map((c) => ({ text: c.text, intent: c.intent }));

// The outside lines as training labels for the folds: what each should do in a debt conversation.
const rows = outsideRows(SHARED_DATA_DIR);
const fold = (text: string) => (createHash("sha1").update(text).digest()[0] as number) % 2;
const labelled = [
  ...rows.disputes.map((text) => ({ text, intent: "dispute" })),
  ...rows.others.map((text) => ({ text, intent: "off_topic" })),
  ...rows.handoffs.map((text) => ({ text, intent: "request_human" })),
];

function add(a: OutsideRouting, b: OutsideRouting): OutsideRouting {
  const sum = (x: OutsideRouting["disputeRecall"], y: OutsideRouting["disputeRecall"]) => {
    const hits = x.hits + y.hits;
    const total = x.total + y.total;
    return { hits, total, rate: total ? hits / total : 0, examples: [...x.examples, ...y.examples] };
  };
  return {
    disputeRecall: sum(a.disputeRecall, b.disputeRecall),
    handoffRecall: sum(a.handoffRecall, b.handoffRecall),
    otherAsDispute: sum(a.otherAsDispute, b.otherAsDispute),
    otherAsAlreadyPaid: sum(a.otherAsAlreadyPaid, b.otherAsAlreadyPaid),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
function line(name: string, r: OutsideRouting): void {
  const f = (s: OutsideRouting["disputeRecall"]) =>
    `${String(s.hits).padStart(3)}/${s.total} ${pct(s.rate).padStart(7)}`;
  console.log(
    `${name.padEnd(12)} dispute recall ${f(r.disputeRecall)}   handoff recall ${f(r.handoffRecall)}   other as dispute ${f(r.otherAsDispute)}`,
  );
}

console.log(
  `NLP.js threshold ${THRESHOLD}; targets: dispute >= 95 %, handoff >= 95 %, other as dispute <= 3 %`,
);
line("rules", await routeOutsideSets(SHARED_DATA_DIR));

const ownModel = await train(own);
line("nlpjs-own", await routeOutsideSets(SHARED_DATA_DIR, { read: classifierReader(ownModel) }));

const halves = [0, 1] as const;
const models = await Promise.all(
  halves.map((h) => train([...own, ...labelled.filter((l) => fold(l.text) !== h)])),
);
const perFold = async (make: (nlp: NlpJs) => Reader) => {
  const [a, b] = await Promise.all(
    halves.map((h) =>
      routeOutsideSets(SHARED_DATA_DIR, {
        read: make(models[h] as NlpJs),
        keep: (text) => fold(text) === h,
      }),
    ),
  );
  return add(a as OutsideRouting, b as OutsideRouting);
};
line("nlpjs-2fold", await perFold(classifierReader));
line("rules+nlpjs", await perFold(combinedReader));
