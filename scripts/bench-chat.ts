// `npm run bench:chat [-- 100,500,1000]`: N concurrent debtor conversations over socket.io on the
// offline engine and PGlite (and PostgreSQL too when TEST_DATABASE_URL names a server), and a bare
// socket.io echo server driven the same way in the same run.
// Reports turn latency (debtor message sent → assistant reply received) p50/p99, turns per second,
// and the ratios to the echo server; rewrites the table between the markers in docs/benchmarks.md
// (the prose around it is kept). Medians and ratios, not absolutes.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { createInterface } from "node:readline";
import { io, type Socket } from "socket.io-client";
import { machineBusyMs, processesCpuMs } from "./bench/cpu-meter.js";
import { NODE_FLAGS, START_ENV } from "./bench/start-command.js";

interface Result {
  n: number;
  /** Conversations measured (N per round). */
  conversations: number;
  turns: number;
  p50: number;
  p99: number;
  /** Turns per second: the median of the rounds' rates. */
  perSecond: number;
  errors: number;
  /** SQL statements the service sent to PostgreSQL during the run (null on PGlite, echo). */
  statements: { turn: number; connection: number } | null;
  /** The service's CPU time while it served, and its resident memory (null for the echo server). */
  usage: { cpuMs: number; rssAtBootMb: number; rssAfterMb: number } | null;
  /** CPU time during the conversations: the database server's processes, and the machine's busy share. */
  elsewhere: { databaseMs: number; machineBusy: number };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function child(
  script: string,
  args: string[],
): Promise<{ proc: ChildProcess; info: { url: string; tokens?: string[] }; lines: string[] }> {
  // BENCH_NODE_OPTIONS: extra node flags for the service (e.g. "--cpu-prof --cpu-prof-dir=prof").
  const extra = script.includes("chat-server")
    ? (process.env.BENCH_NODE_OPTIONS ?? "").split(" ").filter(Boolean)
    : [];
  // The service runs with the node flags and variables of `npm start` (young generation, malloc).
  const service = script.includes("chat-server");
  const proc = spawn(
    process.execPath,
    [...(service ? NODE_FLAGS : []), ...extra, "--import", "tsx", script, ...args],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...(service ? START_ENV : {}) } },
  );
  const lines: string[] = [];
  const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  rl.on("line", (l) => lines.push(l));
  const line = await new Promise<string>((resolve, reject) => {
    rl.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { proc, info: JSON.parse(line), lines };
}

/** Stops a child and returns the statement count and usage it printed on its way out, if any. */
async function stop(proc: ChildProcess, lines: string[]): Promise<Pick<Result, "statements" | "usage">> {
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  for (const l of lines.slice(1)) {
    try {
      const parsed = JSON.parse(l) as Partial<Pick<Result, "statements" | "usage">>;
      if ("statements" in parsed)
        return { statements: parsed.statements ?? null, usage: parsed.usage ?? null };
    } catch {}
  }
  return { statements: null, usage: null };
}

/** Tells a server its warm-up is over and waits until it has reset its counters. */
async function measuring(proc: ChildProcess, lines: string[]): Promise<void> {
  const from = lines.length;
  proc.kill("SIGUSR2");
  while (!lines.slice(from).some((l) => l.includes('"measuring"')))
    await new Promise((r) => setTimeout(r, 20));
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

/** Measured rounds per server process (BENCH_ROUNDS): the throughput is their median. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function run(kind: "amiable" | "echo", n: number, target: Target = "pglite"): Promise<Result> {
  const {
    proc,
    info,
    lines: out,
  } = kind === "amiable"
    ? await child("scripts/bench/chat-server.ts", [String((ROUNDS + 1) * n), target])
    : await child("scripts/bench/echo-server.ts", []);
  const lines = ["75011", "Je peux payer 300 euros par mois."];
  const token = (round: number, i: number) => info.tokens?.[round * n + i] ?? "echo";
  // A warm-up round first, on the same server process (the service has N cases for each round):
  // the benchmark measures a running server, whose code V8 has compiled and whose database
  // connections hold their prepared statements, not a cold start. The echo server gets the same
  // round. The server then resets its counters (SIGUSR2) and the measured rounds start.
  const warmUp: number[] = [];
  await Promise.all(Array.from({ length: n }, (_, i) => converse(info.url, token(ROUNDS, i), lines, warmUp)));
  await measuring(proc, out);
  // Then ROUNDS rounds of N new conversations at once, one after the other: a round lasts about a
  // second, so one round's rate moves with whatever else the machine does in that second; the
  // median of the rounds' rates is the throughput, the latencies are those of every round.
  const latencies: number[] = [];
  const rates: number[] = [];
  let errors = 0;
  const started = performance.now();
  const machineAt = machineBusyMs();
  const databaseAt = processesCpuMs("postgres");
  let result: Omit<Result, "statements" | "usage">;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const from = latencies.length;
      const roundStart = performance.now();
      const failed = await Promise.all(
        Array.from({ length: n }, (_, i) => converse(info.url, token(round, i), lines, latencies)),
      );
      errors += failed.reduce((sum, e) => sum + e, 0);
      rates.push((latencies.length - from) / ((performance.now() - roundStart) / 1000));
    }
    const seconds = (performance.now() - started) / 1000;
    const elsewhere = {
      databaseMs: processesCpuMs("postgres") - databaseAt,
      machineBusy: (machineBusyMs() - machineAt) / (seconds * 1000 * cpus().length),
    };
    console.log(
      `${kind} N=${n} ${kind === "amiable" ? target : ""}: rounds at ${rates.map((r) => r.toFixed(0)).join(", ")} per second`,
    );
    latencies.sort((a, b) => a - b);
    rates.sort((a, b) => a - b);
    result = {
      n,
      conversations: n * ROUNDS,
      turns: latencies.length,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      perSecond: quantile(rates, 0.5),
      errors,
      elsewhere,
    };
  } catch (error) {
    await stop(proc, out);
    throw error;
  }
  return { ...result, ...(await stop(proc, out)) };
}

const sizes = (process.argv[2] ?? "100,500,1000").split(",").map(Number);
// BENCH_TARGETS=postgres (or pglite) runs one database only (profiling, quick comparisons).
const targets: Target[] = (
  process.env.TEST_DATABASE_URL ? (["pglite", "postgres"] as Target[]) : (["pglite"] as Target[])
).filter((t) => !process.env.BENCH_TARGETS || process.env.BENCH_TARGETS.split(",").includes(t));
const rows: string[] = [];
for (const n of sizes) {
  const echo = await run("echo", n);
  for (const target of targets) {
    const amiable = await run("amiable", n, target);
    // A greeting plus two replies per debtor; each connection's own reads counted apart. Under load
    // one statement commits many turns (decision 0118): two decimals.
    const perTurn = amiable.statements
      ? (amiable.statements.turn / (amiable.turns + amiable.conversations)).toFixed(2)
      : "–";
    const perConnection = amiable.statements
      ? (amiable.statements.connection / amiable.conversations).toFixed(1)
      : "–";
    // The service's CPU per turn, greetings (and each connection's handshake) included.
    const cpuPerTurn = amiable.usage
      ? (amiable.usage.cpuMs / (amiable.turns + amiable.conversations)).toFixed(1)
      : "–";
    // The PostgreSQL server's CPU per turn (its processes on this machine), and how busy the cores were.
    const databasePerTurn =
      target === "postgres"
        ? (amiable.elsewhere.databaseMs / (amiable.turns + amiable.conversations)).toFixed(1)
        : "–";
    const busy = `${(amiable.elsewhere.machineBusy * 100).toFixed(0)} %`;
    const rss = amiable.usage
      ? `${amiable.usage.rssAtBootMb.toFixed(0)} → ${amiable.usage.rssAfterMb.toFixed(0)}`
      : "–";
    const row = `| ${target} | ${n} | ${amiable.turns} | ${amiable.p50.toFixed(1)} | ${amiable.p99.toFixed(1)} | ${amiable.perSecond.toFixed(0)} | ${echo.p50.toFixed(2)} | ${echo.p99.toFixed(2)} | ${echo.perSecond.toFixed(0)} | ${(amiable.p50 / echo.p50).toFixed(0)}× | ${(echo.perSecond / amiable.perSecond).toFixed(1)}× | ${amiable.errors} | ${perTurn} | ${perConnection} | ${cpuPerTurn} | ${databasePerTurn} | ${busy} | ${rss} |`;
    rows.push(row);
    console.log(
      `N=${n} ${target}: amiable p50 ${amiable.p50.toFixed(1)} ms p99 ${amiable.p99.toFixed(1)} ms ${amiable.perSecond.toFixed(0)} turns/s, ${cpuPerTurn} CPU ms/turn (database ${databasePerTurn}, cores ${busy} busy), RSS ${rss} MB; echo p50 ${echo.p50.toFixed(2)} ms ${echo.perSecond.toFixed(0)} turns/s`,
    );
  }
}

// Only the generated part of docs/benchmarks.md is replaced: the table between the markers. The
// prose around it (readings, comparisons, other benchmarks) is written by hand and kept.
const START = "<!-- bench:chat:start -->";
const END = "<!-- bench:chat:end -->";
const generated = `${START}
Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version} (\`npm run bench:chat -- ${sizes.join(",")}\`${process.env.BENCH_TARGETS ? `, BENCH_TARGETS=${process.env.BENCH_TARGETS}` : ""}), ${ROUNDS} measured rounds of N conversations per server after one warm-up round; turns/s and msgs/s are the rounds' medians.

| database | N | turns | p50 ms | p99 ms | turns/s | echo p50 ms | echo p99 ms | echo msgs/s | p50 ratio | throughput ratio | errors (refused, dropped or failed) | SQL per turn | SQL per connection | service CPU ms per turn | database CPU ms per turn | cores busy | service RSS MB (boot → after) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
${END}`;
const path = "docs/benchmarks.md";
const current = existsSync(path) ? readFileSync(path, "utf8") : "";
const from = current.indexOf(START);
const to = current.indexOf(END);
if (from >= 0 && to > from) {
  writeFileSync(path, current.slice(0, from) + generated + current.slice(to + END.length));
  console.log(`updated the generated table in ${path}`);
} else {
  console.log(`${path} has no ${START} … ${END} markers: the table is printed, not written\n${generated}`);
}
process.exit(0);
