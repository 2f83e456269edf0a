// The outside banking sets (../shared/data/nlu) sent through the whole offline path a debtor's
// message takes once identity is verified: the NLU, the engine's routing and the real policy toolbox
// under the UK consumer pack. What counts is what the conversation DID (the escalation it opened,
// or the reply it gave), not the intent label. The sets are inputs, never rules.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CaseFacts } from "../../../domain/case-facts.js";
import { loadPacks } from "../../../policy/index.js";
import { turn } from "../../llm/test-support/fixtures.js";
import { PolicyToolbox } from "../../llm/test-support/policy-toolbox.js";
import { type Understanding, understand } from "../nlu/index.js";
import { OfflineLanguageLayer } from "../offline-layer.js";

export const TODAY = "2026-11-22";

const FACTS: CaseFacts = {
  reference: "UK-2026-0007",
  creditorName: "Northwind Energy Ltd",
  debtorName: "Alex Doe",
  debtorKind: "consumer",
  locale: "en",
  jurisdiction: "UK",
  currency: "GBP",
  timeZone: "Europe/London",
  invoices: [{ number: "NW-4411", issuedAt: "2026-07-01", dueAt: "2026-08-01", amount: 84_000 }],
};

const pack = (() => {
  const loaded = loadPacks("policies").get("uk-consumer");
  if (!loaded) throw new Error("policies/uk-consumer.yaml is missing");
  return loaded;
})();

export interface Routed {
  readonly text: string;
  /** The escalation the turn opened, if any. */
  readonly escalation: string | null;
  readonly offers: number;
  readonly intent: string;
  readonly reply: string;
}

/** How a message is read: the rules by default; the classifier comparison passes another reader. */
export type Reader = (text: string) => Understanding | Promise<Understanding>;

const rules: Reader = (text) => understand(text, { locale: "en", currency: "GBP", today: TODAY });

/** One debtor message, first thing after verification (the assistant just asked why the bill is unpaid). */
export async function route(text: string, read: Reader = rules): Promise<Routed> {
  const tb = new PolicyToolbox({
    facts: FACTS,
    pack: pack.pack,
    policyVersionId: `uk-consumer@${pack.hash.slice(0, 12)}`,
    today: TODAY,
  });
  const u = await read(text);
  const r = await new OfflineLanguageLayer().respond(
    turn(tb, {
      locale: "en",
      phase: "reason",
      facts: FACTS,
      due: tb.due,
      debtorText: text,
      understanding: u,
      verificationQuestion: "What is your postcode?",
    }),
  );
  return {
    text,
    escalation: tb.escalations[0]?.kind ?? null,
    offers: tb.offers.length,
    intent: u.intent,
    reply: r.text,
  };
}

export interface Share {
  readonly hits: number;
  readonly total: number;
  readonly rate: number;
  /** The lines that decide the figure (misses for a recall, hits for a false-positive share). */
  readonly examples: readonly Routed[];
}

function share(rows: readonly Routed[], hit: (r: Routed) => boolean, showHits: boolean): Share {
  const hits = rows.filter(hit);
  return {
    hits: hits.length,
    total: rows.length,
    rate: rows.length ? hits.length / rows.length : 0,
    examples: showHits ? hits : rows.filter((r) => !hit(r)),
  };
}

const DISPUTE_PATH = new Set(["dispute", "already_paid"]);

export interface OutsideRouting {
  /** Dispute-like lines that opened a dispute (or "already paid") escalation. */
  readonly disputeRecall: Share;
  /** Requests for a person that reached one (any escalation puts a person on the case). */
  readonly handoffRecall: Share;
  /** Other banking lines that opened a dispute escalation. */
  readonly otherAsDispute: Share;
  /**
   * Other banking lines that opened an "already paid" escalation ("I made a transfer but my balance
   * hasn't been updated"): in a debt conversation that is a payment claim, reported apart.
   */
  readonly otherAsAlreadyPaid: Share;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export interface OutsideRows {
  readonly disputes: readonly string[];
  readonly others: readonly string[];
  readonly handoffs: readonly string[];
}

/** The outside sets' lines, by what they should do in a conversation. */
export function outsideRows(dataDir: string): OutsideRows {
  const disputeRows = readJsonl<{ text: string; dispute_like: boolean }>(
    path.join(dataDir, "nlu/banking-dispute-like.en.jsonl"),
  );
  const handoffRows = readJsonl<{ text: string; intents: string[] }>(
    path.join(dataDir, "nlu/banking-handoff-affirm-deny.en.jsonl"),
  );
  return {
    disputes: disputeRows.filter((r) => r.dispute_like).map((r) => r.text),
    others: disputeRows.filter((r) => !r.dispute_like).map((r) => r.text),
    handoffs: handoffRows.filter((r) => r.intents.includes("handoff")).map((r) => r.text),
  };
}

export async function routeOutsideSets(
  dataDir: string,
  opts: { read?: Reader; keep?: (text: string) => boolean } = {},
): Promise<OutsideRouting> {
  const rows = outsideRows(dataDir);
  const keep = opts.keep ?? (() => true);
  const all = async (texts: readonly string[]) =>
    Promise.all(texts.filter(keep).map((t) => route(t, opts.read)));
  const disputes = await all(rows.disputes);
  const others = await all(rows.others);
  const handoffs = await all(rows.handoffs);
  const onDisputePath = (r: Routed) => r.escalation !== null && DISPUTE_PATH.has(r.escalation);
  return {
    disputeRecall: share(disputes, onDisputePath, false),
    handoffRecall: share(handoffs, (r) => r.escalation !== null, false),
    otherAsDispute: share(others, (r) => r.escalation === "dispute", true),
    otherAsAlreadyPaid: share(others, (r) => r.escalation === "already_paid", true),
  };
}
