// `npm run bench:turn [-- N [ROUNDS]]`: the application code's own CPU per chat turn, without sockets or
// storage. N conversations of `npm run bench:chat`'s script (a French business case: the greeting,
// the identity answer, then a monthly-payment proposal that becomes a plan offer) run through the
// chat service's pure steps: the case bundle built from the rows a turn reads, the greeting, and
// prepareTurn (understanding, the policy engine through the toolbox, the offline reply, the output
// guard). Nothing is written. Prints the main thread's CPU per turn (scrypt's verification of the
// identity answer runs on libuv's threads and is not counted), and a digest of every reply, event
// and state the turns produced: the same digest before and after a change means the same output.
import { createHash } from "node:crypto";
import { normaliseAnswer } from "../contract/case-input.js";
import { OfflineLanguageLayer } from "../server/agent/offline/offline-layer.js";
import { buildBundle } from "../server/app/chat/case-bundle.js";
import { composeGreeting } from "../server/app/chat/system-replies.js";
import { type Layers, type PreparedTurn, prepareTurn } from "../server/app/chat/turn-runner.js";
import type { HistoryEntry, TurnCase, TurnConversation } from "../server/app/ports/chat.js";
import { loadEnv } from "../server/config/env.js";
import { createLogger } from "../server/logging/logger.js";
import { openCore } from "../server/service.js";

const n = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 5);
const warmup = Math.min(100, n);
// The clock runs from a fixed morning, so that dates in replies are the same in every run while
// nothing keyed by the instant can stay warm across turns the way a frozen clock would let it.
const START = Date.parse("2026-11-23T09:30:00Z");
const started = performance.now();
const clock = { now: () => new Date(START + Math.floor(performance.now() - started)) };
const LINES = ["75011", "Je peux payer 300 euros par mois."];

const env = loadEnv({
  PORT: "0",
  DATA_DIR: "memory://bench-turn",
  LOG_LEVEL: "silent",
  ADMIN_EMAIL: "bench@amiable.local",
  ADMIN_PASSWORD: "bench-password-123",
});
const core = await openCore({ env, log: createLogger("silent"), clock });
const app = core.ctx;
const offline = new OfflineLanguageLayer();
const layers: Layers = { offline, primary: offline };
const policy = (await app.policies.published()).find((p) => p.packId === "fr-business");
if (!policy) throw new Error("the fr-business pack is not published");
// Hashed as the service stores it (decision 0111: a keyed hash, no scrypt on the turn path).
const answerHash = await app.answers.hash(normaliseAnswer("75011"));

/** The case row a turn reads, as bench:chat's chat-server creates it (one per debtor). */
function caseRow(i: number): TurnCase {
  return {
    id: `case-${i}`,
    reference: `BENCH-${i}`,
    jurisdiction: "FR",
    usState: null,
    currency: "EUR",
    status: "verifying",
    policyVersionId: policy?.versionId ?? "",
    verificationQuestion: "Quel est le code postal de votre établissement ?",
    verificationAnswer: answerHash,
    creditor: { name: "Bench Creditor" },
    debtor: { name: `Debtor ${i}`, kind: "business", locale: "fr", timeZone: "Europe/Paris" },
    invoices: [
      {
        number: `B-${i}`,
        issuedAt: new Date("2026-07-01T00:00:00Z"),
        dueAt: new Date("2026-07-31T00:00:00Z"),
        amount: BigInt(120_000 + i),
      },
    ],
    offers: [],
    payments: [],
  };
}

/** Ids are random and instants move with the clock: the digest reads everything else. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
const stable = (value: unknown) =>
  JSON.stringify(value, (_k, v) =>
    typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v,
  )
    .replace(UUID, "<id>")
    .replace(INSTANT, "$1");

/** One debtor's conversation: greeting, identity answer, proposal. Returns what it produced. */
async function conversation(i: number): Promise<unknown[]> {
  const detail = caseRow(i);
  let conv: TurnConversation = {
    id: `conv-${i}`,
    state: null,
    verifyAttempts: 0,
    verifiedAt: null,
    lockedAt: null,
    humanOwnerId: null,
    answeredSeq: 0,
    version: 0,
  };
  const out: unknown[] = [];
  const history: HistoryEntry[] = [];
  const greeting = composeGreeting(app, await buildBundle(app, detail, "fp", conv));
  out.push({ message: greeting.message, events: greeting.events, state: greeting.state });
  history.push({ seq: 1, role: "assistant", text: greeting.message.text });
  conv = { ...conv, state: greeting.state, version: conv.version + 1 };
  for (const text of LINES) {
    history.push({ seq: history.length + 1, role: "debtor", text });
    const bundle = await buildBundle(app, detail, "fp", conv);
    const prepared: PreparedTurn = await prepareTurn(app, layers, bundle, history, text);
    const { turn, reply } = prepared;
    out.push({ reply, events: prepared.events, state: turn.state, offers: turn.offerWrites });
    history.push({ seq: history.length + 1, role: "assistant", text: reply?.text ?? "" });
    conv = {
      ...conv,
      state: turn.state,
      verifyAttempts: turn.verifyAttempts,
      verifiedAt: turn.verifiedAt,
      lockedAt: turn.lockedAt,
      answeredSeq: history.length - 1,
      version: conv.version + 1,
    };
  }
  return out;
}

const turnsPer = 1 + LINES.length;
for (let i = 0; i < warmup; i++) await conversation(n + i);
// Several rounds of the same conversations: the median is the figure, the spread shows the noise
// (the machine is shared; CPU time is steadier than wall time but not immune).
const perTurn: number[] = [];
let wallPerTurn = 0;
let outputs: unknown[][] = [];
for (let round = 0; round < rounds; round++) {
  outputs = [];
  const cpuStart = process.threadCpuUsage();
  const wallStart = performance.now();
  for (let i = 0; i < n; i++) outputs.push(await conversation(i));
  const cpu = process.threadCpuUsage(cpuStart);
  wallPerTurn = (performance.now() - wallStart) / (n * turnsPer);
  perTurn.push((cpu.user + cpu.system) / 1000 / (n * turnsPer));
}
const digest = createHash("sha256");
for (const parts of outputs) for (const part of parts) digest.update(stable(part));
const sorted = [...perTurn].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] as number;
console.log(
  `${n * turnsPer} turns × ${rounds} rounds (${n} conversations of ${turnsPer}, after ${warmup} to warm up): ` +
    `${median.toFixed(3)} ms of main-thread CPU per turn (median; rounds ${perTurn.map((x) => x.toFixed(3)).join(", ")}), ` +
    `${wallPerTurn.toFixed(2)} ms wall in the last round (scrypt on libuv's threads included)`,
);
console.log(`output digest ${digest.digest("hex").slice(0, 16)}`);
await core.close();
process.exit(0);
