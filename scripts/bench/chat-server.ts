// Child process of bench-chat: the real service (offline engine) with `count` fresh cases, on an
// in-memory PGlite or on a fresh PostgreSQL database (argument "postgres", needs TEST_DATABASE_URL).
// Prints one JSON line {url, tokens} on stdout, then serves until killed; on SIGTERM it prints a
// second line {statements, usage}: the SQL statements sent to PostgreSQL through the pg driver while
// it served, turns and connections apart (null on PGlite, which runs in-process), and its CPU time
// and resident memory.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createCase } from "../../server/app/cases/case-service.js";
import { CONNECTION_STATEMENT_TAG } from "../../server/app/ports/chat.js";
import { loadEnv } from "../../server/config/env.js";
import { createLogger } from "../../server/logging/logger.js";
import { startService } from "../../server/service.js";
import { openTestDatabase, type TestTarget } from "../../server/test-support/databases.js";

const count = Number(process.argv[2] ?? 100);
const target = (process.argv[3] ?? "pglite") as TestTarget;
const db = await openTestDatabase(target);
const env = loadEnv({
  PORT: "0",
  DATA_DIR: "memory://bench",
  LOG_LEVEL: "silent",
  ADMIN_EMAIL: "bench@amiable.local",
  ADMIN_PASSWORD: "bench-password-123",
  // As production on PostgreSQL is configured (README): answers under a key, not scrypt.
  ANSWER_KEY: randomBytes(32).toString("base64"),
});
// On PostgreSQL a new instance relays every broadcast to other instances for its first heartbeat
// timeout (10 s), until it knows whether it is alone (decision 0090): the benchmark measures a
// running service, so it starts once that window has passed.
const steadyAt = Date.now() + 10_000;
const service = await startService({
  env,
  log: createLogger("silent"),
  db,
  // Simulated debtors type faster than people: lift the per-connection limit for the benchmark.
  debtorRateLimit: { burst: 1000, perSecond: 1000 },
});
const tokens: string[] = [];
for (let i = 0; i < count; i++) {
  const created = await createCase(service.ctx, {
    reference: `BENCH-${i}`,
    creditor: { name: "Bench Creditor" },
    debtor: { name: `Debtor ${i}`, kind: "business", locale: "fr" },
    jurisdiction: "FR",
    currency: "EUR",
    invoices: [{ number: `B-${i}`, issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 120_000 + i }],
    verification: { answer: "75011" },
  });
  tokens.push(created.token);
}
if (target === "postgres") await new Promise((r) => setTimeout(r, Math.max(0, steadyAt - Date.now())));
// Statements of the connections (the link opened and the history read, db/debtor-connection.ts, whose
// statements carry its tag; Prisma's model queries, which no connection sends any more but anything
// else on the way would) and of the turns (the turn pipeline's own SQL, db/turns.ts, with BEGIN and
// COMMIT, and the socket.io adapter's notifications), counted apart.
let statements: { turn: number; connection: number } | null = null;
if (target === "postgres") {
  const counts = { turn: 0, connection: 0 };
  statements = counts;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    const text = typeof q === "string" ? q : (q?.text ?? "");
    if (
      text.startsWith(CONNECTION_STATEMENT_TAG) ||
      /^\s*(SELECT|INSERT|UPDATE|DELETE)\s+.*"public"\./s.test(text)
    )
      counts.connection++;
    else counts.turn++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}
// The service's own CPU time (user + system) while it serves the benchmark, and its memory: work
// counted in the process, less sensitive than latencies to other load on the machine.
// BENCH_PROFILE=<folder>: a CPU profile of the serving window only (not the boot and the cases'
// creation that --cpu-prof would also record), written there on SIGTERM.
let profiler: { stop(): Promise<void> } | undefined;
// BENCH_FUNCTION_STATS=1 (PostgreSQL, track_functions = 'pl' on the server): each of the turn's SQL
// functions' calls and its total and self time while the service served, on stderr.
let functionStats: (() => Promise<void>) | undefined;
const rssAtBoot = process.memoryUsage().rss;
let cpuAtStart = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ url: service.url, tokens })}\n`);
// SIGUSR2: the warm-up round is over (bench-chat.ts); the measured window starts now.
process.on("SIGUSR2", async () => {
  if (process.env.BENCH_PROFILE) profiler = await startProfile();
  if (process.env.BENCH_FUNCTION_STATS && db.url) functionStats = await startFunctionStats(db.url);
  cpuAtStart = process.cpuUsage();
  if (statements) {
    statements.turn = 0;
    statements.connection = 0;
  }
  process.stdout.write(`${JSON.stringify({ measuring: true })}\n`);
});
process.on("SIGTERM", async () => {
  const cpu = process.cpuUsage(cpuAtStart);
  const served = statements && { ...statements };
  if (profiler) await profiler.stop();
  if (functionStats) await functionStats();
  const usage = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssAtBootMb: rssAtBoot / 1048576,
    rssAfterMb: process.memoryUsage().rss / 1048576,
  };
  process.stdout.write(`${JSON.stringify({ statements: served, usage })}\n`);
  void service.close().then(() => db.close().then(() => process.exit(0)));
});

async function startProfile(): Promise<{ stop(): Promise<void> }> {
  const { Session } = await import("node:inspector/promises");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  // BENCH_HEAP=1: where the serving window allocates (every sampled allocation, collected or not:
  // the young generation's churn is what the garbage collector pays for), instead of CPU time.
  const heap = process.env.BENCH_HEAP === "1";
  if (heap) {
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  } else {
    await session.post("Profiler.enable");
    await session.post("Profiler.start");
  }
  return {
    async stop() {
      const { profile } = heap
        ? await session.post("HeapProfiler.stopSampling")
        : await session.post("Profiler.stop");
      const dir = process.env.BENCH_PROFILE as string;
      mkdirSync(dir, { recursive: true });
      const file = `serving-${target}-${process.pid}.${heap ? "heapprofile" : "cpuprofile"}`;
      writeFileSync(`${dir}/${file}`, JSON.stringify(profile));
    },
  };
}

async function startFunctionStats(url: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const read = async () =>
    new Map(
      (
        await client.query<{ funcname: string; calls: string; total_time: number; self_time: number }>(
          "SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions",
        )
      ).rows.map((r) => [r.funcname, r]),
    );
  // Statistics reach the views when a backend's transaction ends; a fresh snapshot per read.
  await client.query("SELECT pg_stat_clear_snapshot()");
  const before = await read();
  return async () => {
    await new Promise((r) => setTimeout(r, 1200));
    await client.query("SELECT pg_stat_clear_snapshot()");
    const after = await read();
    for (const [name, r] of after) {
      const b = before.get(name);
      const calls = Number(r.calls) - Number(b?.calls ?? 0);
      if (calls === 0) continue;
      const total = r.total_time - (b?.total_time ?? 0);
      const self = r.self_time - (b?.self_time ?? 0);
      process.stderr.write(
        `${name}: ${calls} calls, ${(total / calls).toFixed(3)} ms total, ${(self / calls).toFixed(3)} ms self per call\n`,
      );
    }
    await client.end();
  };
}
