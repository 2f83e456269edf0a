// Accuracy of the NLU over a labelled corpus: per-intent precision, recall, F1 and
// support, per-slot accuracy, and the misses. Pure: the caller loads the corpus.

import type { CorpusItem } from "../corpus/load.js";
import { INTENTS, type Intent, type NluContext, type Slots, type Understanding } from "../types.js";

export const CORPUS_TODAY = "2026-11-22";

export interface IntentScore {
  intent: Intent;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SlotScore {
  slot: string;
  correct: number;
  total: number;
}

export interface Miss {
  item: CorpusItem;
  got: Understanding;
  /** "intent" or the name of the slot that differs. */
  what: string;
}

export interface CorpusReport {
  total: number;
  accuracy: number;
  intents: IntentScore[];
  slots: SlotScore[];
  misses: Miss[];
}

export function contextFor(item: CorpusItem): NluContext {
  const ctx: NluContext = {
    locale: item.locale,
    currency: item.currency ?? (item.locale === "fr" ? "EUR" : "GBP"),
    today: CORPUS_TODAY,
  };
  if (item.expecting) ctx.expecting = item.expecting;
  return ctx;
}

type Expected = NonNullable<CorpusItem["slots"]>;

/** Each expected slot compared with what was read; keys absent from the label are not scored. */
function slotResults(expected: Expected, got: Slots): Array<[string, boolean]> {
  const out: Array<[string, boolean]> = [];
  if (expected.amounts) {
    const ok =
      expected.amounts.length === got.amounts.length &&
      expected.amounts.every((e, i) => {
        const g = got.amounts[i];
        return (
          g !== undefined &&
          g.amount === e.amount &&
          (e.currency === undefined || g.currency === e.currency) &&
          g.perPeriod === e.perPeriod
        );
      });
    out.push(["amounts", ok]);
  }
  if (expected.dates) out.push(["dates", JSON.stringify(expected.dates) === JSON.stringify(got.dates)]);
  for (const key of ["count", "percent", "disputeReason", "reasonForNonPayment"] as const) {
    if (expected[key] !== undefined) out.push([key, expected[key] === got[key]]);
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function scoreCorpus(
  items: readonly CorpusItem[],
  run: (text: string, ctx: NluContext) => Understanding,
): CorpusReport {
  const tp = new Map<Intent, number>();
  const fp = new Map<Intent, number>();
  const fn = new Map<Intent, number>();
  const slotTotals = new Map<string, { correct: number; total: number }>();
  const misses: Miss[] = [];
  let correct = 0;
  const inc = (m: Map<Intent, number>, k: Intent) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const item of items) {
    const got = run(item.text, contextFor(item));
    if (got.intent === item.intent) {
      correct++;
      inc(tp, item.intent);
    } else {
      inc(fn, item.intent);
      inc(fp, got.intent);
      misses.push({ item, got, what: "intent" });
    }
    for (const [slot, ok] of slotResults(item.slots ?? {}, got.slots)) {
      const s = slotTotals.get(slot) ?? { correct: 0, total: 0 };
      s.total++;
      if (ok) s.correct++;
      else misses.push({ item, got, what: slot });
      slotTotals.set(slot, s);
    }
  }
  const intents = INTENTS.map((intent) => {
    const t = tp.get(intent) ?? 0;
    const precision = ratio(t, t + (fp.get(intent) ?? 0));
    const recall = ratio(t, t + (fn.get(intent) ?? 0));
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { intent, support: t + (fn.get(intent) ?? 0), precision, recall, f1 };
  }).filter((s) => s.support > 0);
  const slots = [...slotTotals.entries()].map(([slot, s]) => ({ slot, ...s }));
  return { total: items.length, accuracy: ratio(correct, items.length), intents, slots, misses };
}
