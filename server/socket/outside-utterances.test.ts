// Language the project was not tuned on (../shared/data/nlu, public banking sets), sent inside
// live conversations: dispute-like messages must reach the dispute path and requests for a person
// must reach a person, at least 85 % of the time each. The offline NLU's own tests measure the
// full sets; here a seeded sample goes through the real socket, server, engine and database.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";
import { sharedDataDir, sharedDataMissing, titled } from "../test-support/shared-data.js";

const DATA = resolve(sharedDataDir(), "nlu");
const missing = sharedDataMissing("nlu");

function lines(file: string): Record<string, unknown>[] {
  return readFileSync(resolve(DATA, file), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A deterministic sample (every k-th item) so the run is the same every time. */
function every<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}

describe.skipIf(missing !== null)(titled("outside utterances in live conversations", missing), () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService("pglite", {}, {}, { debtorRateLimit: { burst: 100, perSecond: 100 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Opens a verified English conversation, sends the line, returns the escalation kind (if any). */
  async function escalationAfter(text: string): Promise<string | null> {
    const body = sampleCase({
      jurisdiction: "UK",
      currency: "GBP",
      debtor: { name: "Alex Doe", kind: "consumer", locale: "en" },
    });
    const created = await t.api("POST", "/api/cases", { token: t.tokens.collector, body });
    const debtor = await DebtorClient.connect(t.url, created.body.token);
    try {
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
      await debtor.say("75011");
      const reply = await debtor.say(text);
      const view = await t.api("GET", `/api/cases/${created.body.id}`, { token: t.tokens.collector });
      if (view.body.escalations.length) expect(reply.offer).toBeUndefined();
      return view.body.escalations[0]?.kind ?? null;
    } finally {
      debtor.close();
    }
  }

  it("routes dispute-like messages to the dispute path", { timeout: 240_000 }, async () => {
    const sample = every(
      lines("banking-dispute-like.en.jsonl").filter((l) => l.dispute_like === true),
      24,
    );
    let reached = 0;
    const missed: string[] = [];
    for (const l of sample) {
      const kind = await escalationAfter(String(l.text));
      if (kind === "dispute" || kind === "already_paid") reached++;
      else missed.push(`${kind ?? "none"}: ${String(l.text)}`);
    }
    expect(reached / sample.length, missed.join("\n")).toBeGreaterThanOrEqual(0.85);
  });

  it("hands requests for a person to a person", { timeout: 240_000 }, async () => {
    const sample = lines("banking-handoff-affirm-deny.en.jsonl").filter((l) =>
      (l.intents as string[]).includes("handoff"),
    );
    let reached = 0;
    const missed: string[] = [];
    for (const l of sample) {
      const kind = await escalationAfter(String(l.text));
      if (kind !== null) reached++;
      else missed.push(String(l.text));
    }
    expect(reached / sample.length, missed.join("\n")).toBeGreaterThanOrEqual(0.85);
  });
});
