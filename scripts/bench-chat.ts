// `npm run bench:chat [-- 100,500,1000]`: N concurrent debtor conversations over socket.io on the
// offline engine and PGlite (and PostgreSQL too when TEST_DATABASE_URL names a server), and a bare
// socket.io echo server driven the same way in the same run.
// Reports turn latency (debtor message sent → assistant reply received) p50/p99, turns per second,
// and the ratios to the echo server; writes docs/benchmarks.md. Medians and ratios, not absolutes.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { createInterface } from "node:readline";
import { io, type Socket } from "socket.io-client";

interface Result {
  n: number;
  turns: number;
  p50: number;
  p99: number;
  perSecond: number;
  errors: number;
  /** SQL statements the service sent to PostgreSQL during the run (null on PGlite, echo). */
  statements: { turn: number; connection: number } | null;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function child(
  script: string,
  args: string[],
): Promise<{ proc: ChildProcess; info: { url: string; tokens?: string[] }; lines: string[] }> {
  const proc = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  rl.on("line", (l) => lines.push(l));
  const line = await new Promise<string>((resolve, reject) => {
    rl.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { proc, info: JSON.parse(line), lines };
}

/** Stops a child and returns the statement count it printed on its way out, if any. */
async function stop(proc: ChildProcess, lines: string[]): Promise<Result["statements"]> {
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  for (const l of lines.slice(1)) {
    try {
      const parsed = JSON.parse(l) as { statements?: Result["statements"] };
      if ("statements" in parsed) return parsed.statements ?? null;
    } catch {}
  }
  return null;
}

/** One simulated debtor: waits for the greeting, then sends each line and waits for the reply. */
async function converse(url: string, token: string, lines: string[], latencies: number[]): Promise<number> {
  const socket: Socket = io(`${url}/debtor`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    // Handshakes queue behind conversation turns on the embedded database: wait, do not give up.
    timeout: 600_000,
  });
  let errors = 0;
  let waiting: ((text: string) => void) | undefined;
  let assistantCount = 0;
  // A dropped connection (missed heartbeats while the server is saturated) ends the conversation
  // and counts as an error, instead of hanging the run.
  let dropped = false;
  // A turn that failed is answered with an unstored notice (id "notice-…"): an error, not a wait.
  let failed = false;
  const greeted = new Promise<void>((resolve) => {
    socket.on("message", (m: { id: string; role: string; text: string }) => {
      if (m.role === "system" && m.id.startsWith("notice-")) {
        failed = true;
        resolve();
        waiting?.("");
        return;
      }
      if (m.role !== "assistant") return;
      assistantCount++;
      if (assistantCount === 1) resolve();
      else waiting?.(m.text);
    });
    socket.on("disconnect", () => {
      dropped = true;
      resolve();
      waiting?.("");
    });
  });
  // A thousand simultaneous handshakes can overflow the listen backlog: retry like a browser would
  // (three attempts), then count the debtor as refused rather than abort the run.
  for (let attempt = 1; ; attempt++) {
    const connected = await new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("connect_error", () => resolve(false));
      if (attempt > 1) socket.connect();
    });
    if (connected) break;
    socket.removeAllListeners("connect");
    socket.removeAllListeners("connect_error");
    if (attempt === 3) {
      socket.close();
      return 1;
    }
    await new Promise((r) => setTimeout(r, 1000 * attempt));
  }
  await greeted;
  if (failed) {
    socket.close();
    return 1;
  }
  for (const text of lines) {
    const start = performance.now();
    const replied = new Promise<void>((resolve) => {
      waiting = () => resolve();
    });
    if (dropped) return errors + 1;
    try {
      const ack = (await socket
        .timeout(600_000)
        .emitWithAck("debtor:message", { clientMessageId: randomUUID(), text })) as { ok: boolean };
      if (!ack.ok) errors++;
    } catch {
      return errors + 1;
    }
    await replied;
    if (dropped || failed) return errors + 1;
    latencies.push(performance.now() - start);
  }
  socket.close();
  return errors;
}

type Target = "pglite" | "postgres";

async function run(kind: "amiable" | "echo", n: number, target: Target = "pglite"): Promise<Result> {
  const {
    proc,
    info,
    lines: out,
  } = kind === "amiable"
    ? await child("scripts/bench/chat-server.ts", [String(n), target])
    : await child("scripts/bench/echo-server.ts", []);
  const lines = ["75011", "Je peux payer 300 euros par mois."];
  const latencies: number[] = [];
  const started = performance.now();
  let result: Omit<Result, "statements">;
  try {
    const errors = await Promise.all(
      Array.from({ length: n }, (_, i) => converse(info.url, info.tokens?.[i] ?? "echo", lines, latencies)),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    result = {
      n,
      turns: latencies.length,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      perSecond: latencies.length / seconds,
      errors: errors.reduce((s, e) => s + e, 0),
    };
  } catch (error) {
    await stop(proc, out);
    throw error;
  }
  return { ...result, statements: await stop(proc, out) };
}

const sizes = (process.argv[2] ?? "100,500,1000").split(",").map(Number);
const targets: Target[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
const rows: string[] = [];
for (const n of sizes) {
  const echo = await run("echo", n);
  for (const target of targets) {
    const amiable = await run("amiable", n, target);
    // A greeting plus two replies per debtor; each connection's own reads counted apart.
    const perTurn = amiable.statements ? (amiable.statements.turn / (amiable.turns + n)).toFixed(1) : "–";
    const perConnection = amiable.statements ? (amiable.statements.connection / n).toFixed(1) : "–";
    const row = `| ${target} | ${n} | ${amiable.turns} | ${amiable.p50.toFixed(1)} | ${amiable.p99.toFixed(1)} | ${amiable.perSecond.toFixed(0)} | ${echo.p50.toFixed(2)} | ${echo.p99.toFixed(2)} | ${echo.perSecond.toFixed(0)} | ${(amiable.p50 / echo.p50).toFixed(0)}× | ${(echo.perSecond / amiable.perSecond).toFixed(1)}× | ${amiable.errors} | ${perTurn} | ${perConnection} |`;
    rows.push(row);
    console.log(
      `N=${n} ${target}: amiable p50 ${amiable.p50.toFixed(1)} ms p99 ${amiable.p99.toFixed(1)} ms ${amiable.perSecond.toFixed(0)} turns/s; echo p50 ${echo.p50.toFixed(2)} ms ${echo.perSecond.toFixed(0)} turns/s`,
    );
  }
}

const doc = `# Benchmarks

## Debtor chat turns (\`npm run bench:chat\`)

N debtors connect at once over socket.io (websocket transport) to the real service running on the
offline engine, in a child process, on an in-memory PGlite database and, when \`TEST_DATABASE_URL\`
names a PostgreSQL server, on a fresh PostgreSQL database too. Each debtor waits for the greeting,
then sends two messages (the identity answer, then a monthly-payment proposal that the policy engine
turns into a plan offer), each time waiting for the assistant's reply. A turn's latency is the time
from sending the message to receiving the reply: storage before the ack, understanding, the policy
engine, the output guard, persistence and the broadcast. The denominator is a bare socket.io server
that acknowledges and echoes each message, driven by the same client code in the same run (one echo
run per N, shared by both databases). Absolute times depend on the machine; the ratios are the
comparable figures.

Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version} (\`npm run bench:chat -- ${sizes.join(",")}\`).

| database | N | turns | p50 ms | p99 ms | turns/s | echo p50 ms | echo p99 ms | echo msgs/s | p50 ratio | throughput ratio | errors (refused, dropped or failed) | SQL per turn | SQL per connection |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}

Reading:
- SQL per turn is counted on PostgreSQL through the pg driver in the service's process (BEGIN and
  COMMIT included): the debtor's message stored with one statement that also reads the
  conversation, the case read once and cached between turns (read again after a turn that changed
  case data), then one transaction of two statements (the claim, and every write of the turn). SQL
  per connection is the handshake and history (link, conversation, locale, messages, status).
  \`server/app/chat/turn-statements.test.ts\` asserts at most 6 per greeting, verification and
  negotiation turn.
- PGlite has one connection, so turns queue behind each other and the latency grows with N while the
  rate stays flat; PostgreSQL's pool serves several turns at once from another process.
- All debtors connect and are greeted at the same instant, so the first turns wait behind a
  thousand greetings: the p50 at large N is mostly queueing, not work.
- PGlite runs its WebAssembly on the server's main thread. The service yields to the event loop
  between queries (\`server/db/open.ts\`), so that socket.io heartbeats and HTTP keep being served
  while the database is saturated, and waits as long as needed for a transaction to start instead
  of failing the turn: no connection is dropped and no turn is lost at N = 1000.
- The embedded database is for trying the product and for small volumes; production runs on
  PostgreSQL (\`DATABASE_URL\`).
`;
writeFileSync("docs/benchmarks.md", doc);
console.log("wrote docs/benchmarks.md");
process.exit(0);
