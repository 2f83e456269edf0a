// `npm run fuzz [-- --seconds 60 --seed 42 --postgres]`: fuzz and fault run against throwaway services
// on loopback (in-memory PGlite, or with --postgres a fresh database on TEST_DATABASE_URL's server,
// dropped afterwards; 127.0.0.1 only, a fake model server on 127.0.0.1; nothing leaves the host).
//  1. Fuzz (2/3 of the time): fuzzed payloads over every HTTP route (bodies, queries, path segments,
//     CSV) and every socket event (debtor and console), mutated from valid ones or random; hostile
//     text (NUL, lone surrogates, controls), wrong types, deep nesting, huge strings.
//  2. Faults (1/3): debtors chat while the model server hangs, answers slowly, sends 429 with
//     Retry-After, 500, garbage or drops the connection; every message must get exactly one reply
//     within TURN_DEADLINE_MS plus a margin.
// The time budget counts from each service's boot; booting takes some seconds more.
// Prints one summary line with the counts and exits 1 on any crash, server error, hang, missing or
// double reply. Reproduce with the printed seed.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { io, type Socket } from "socket.io-client";
import { loadEnv } from "../server/config/env.js";
import { createLogger } from "../server/logging/logger.js";
import { type RunningService, startService } from "../server/service.js";
import { openTestDatabase } from "../server/test-support/databases.js";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.FUZZ_SECONDS ?? "60" },
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    /** Run against a fresh database on the PostgreSQL server of TEST_DATABASE_URL instead of PGlite. */
    postgres: { type: "boolean", default: false },
  },
});
const SECONDS = Math.max(5, Number(values.seconds));
const SEED = Number(values.seed);
const PASSWORD = "fuzz-password-123456";
const ACK_TIMEOUT_MS = 15_000;

const counts = {
  http: 0,
  socket: 0,
  crashes: 0,
  serverErrors: 0,
  hangs: 0,
  turns: 0,
  lateReplies: 0,
  missingReplies: 0,
  doubleReplies: 0,
};
const statuses = new Map<string, number>();
const problems: string[] = [];
const note = (kind: string, detail: string) => {
  if (problems.length < 20) problems.push(`${kind}: ${detail.slice(0, 300)}`);
};
const bump = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);

process.on("uncaughtException", (e) => {
  counts.crashes++;
  note("uncaught exception", String(e?.stack ?? e));
});
process.on("unhandledRejection", (e) => {
  counts.crashes++;
  note("unhandled rejection", String((e as Error)?.stack ?? e));
});

// ---------------------------------------------------------------- generators

/** A small seeded generator (mulberry32): the run is reproducible from the printed seed. */
class Rand {
  constructor(private state: number) {}
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max], or any 31-bit integer (a seed for fast-check) without bounds. */
  nextInt(min = 0, max = 0x7fffffff): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

const hostile = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\u0007",
  "\u001b[2J",
  "\u0085",
  "%",
  "_",
  "%%",
  "\\",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "{{7*7}}",
  "$" + "{process.env}",
  "../../etc/passwd",
  "😀".repeat(500),
  "a".repeat(5000),
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
);
const loneSurrogateString = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
  .map((units) => String.fromCharCode(...units));
const fuzzString = fc.oneof(hostile, loneSurrogateString, fc.string({ unit: "binary", maxLength: 60 }));
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fuzzString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e21),
);
const anyJson = fc.oneof(
  leaf,
  fc.array(leaf, { maxLength: 5 }),
  fc.dictionary(fuzzString, leaf, { maxKeys: 5 }),
  fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 3 })),
  })).node,
);

/** A valid body with one leaf replaced (or removed, or an extra field added). */
function mutate(body: unknown, rand: Rand): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
  };
  walk(copy, []);
  const path = paths[rand.nextInt(0, paths.length - 1)] ?? [];
  const value = fc.sample(anyJson, { numRuns: 1, seed: rand.nextInt() })[0];
  if (path.length === 0) return value;
  let target = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const op = rand.nextInt(0, 2);
  if (op === 0) target[last] = value;
  else if (op === 1) delete target[last];
  else target[`x${rand.nextInt(0, 99)}`] = value;
  return copy;
}

// ---------------------------------------------------------------- HTTP and socket helpers

async function http(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: string; contentType?: string } = {},
): Promise<{ status: number; json: unknown }> {
  counts.http++;
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: opts.body } : {}),
      signal: AbortSignal.timeout(ACK_TIMEOUT_MS),
    });
    const text = await res.text();
    bump(String(res.status));
    // The console and debtor pages answer 503 until the web app is built (`npm run build`): a fact
    // of the checkout, not a fault of the service.
    const unbuiltPage = res.status === 503 && /^\/(?:console|c\/[^/?]+(?:\?|$))/.test(path);
    if (res.status >= 500 && !unbuiltPage) {
      counts.serverErrors++;
      note(
        `HTTP ${res.status}`,
        `${method} ${path} ${opts.body?.slice(0, 200) ?? ""} -> ${text.slice(0, 200)}`,
      );
    }
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, json };
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError") {
      counts.hangs++;
      note("HTTP hang", `${method} ${path}`);
    } else {
      counts.crashes++;
      note("HTTP connection failed", `${method} ${path}: ${String(e)}`);
    }
    return { status: 0, json: null };
  }
}

function connect(base: string, nsp: string, token: unknown): Promise<Socket | null> {
  const socket = io(`${base}${nsp}`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", () => {
      socket.close();
      resolve(null);
    });
  });
}

async function emit(socket: Socket, event: string, payload: unknown): Promise<void> {
  counts.socket++;
  try {
    const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as {
      ok?: boolean;
      error?: { code?: string };
    };
    bump(ack?.ok ? "ack:ok" : `ack:${ack?.error?.code ?? "?"}`);
    if (ack?.error?.code === "internal") {
      counts.serverErrors++;
      note("socket internal error", `${event} ${JSON.stringify(payload)?.slice(0, 200)}`);
    }
  } catch {
    if (!socket.connected) {
      bump("socket:disconnected");
      return;
    }
    counts.hangs++;
    note("socket ack missing", `${event} ${JSON.stringify(payload)?.slice(0, 200)}`);
  }
}

const sampleCase = (n: number) => ({
  reference: `FUZZ-${n}-${randomUUID().slice(0, 8)}`,
  creditor: { name: "Acme Fournitures" },
  debtor: { name: "Dupont SARL", kind: "business", email: "compta@dupont.example", locale: "fr" },
  jurisdiction: "FR",
  currency: "EUR",
  invoices: [{ number: `F-${n}`, issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 120_000 }],
  verification: { question: "Code postal ?", answer: "75011" },
});

async function boot(
  extraEnv: Record<string, string> = {},
): Promise<{ service: RunningService; token: string }> {
  const env = loadEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: "fuzz@amiable.local",
    ADMIN_PASSWORD: PASSWORD,
    ...extraEnv,
  });
  const db = await openTestDatabase(values.postgres ? "postgres" : "pglite");
  const service = await startService({
    env,
    log: createLogger("silent"),
    db,
    http: { loginLimit: 1_000_000, apiLimit: 1_000_000_000 },
    debtorRateLimit: { burst: 1000, perSecond: 1000 },
  });
  const login = await http(service.url, "POST", "/api/login", {
    body: JSON.stringify({ email: "fuzz@amiable.local", password: PASSWORD }),
  });
  const token = (login.json as { token?: string })?.token;
  if (!token) throw new Error(`fuzz: could not log in: ${JSON.stringify(login.json)}`);
  const originalClose = service.close.bind(service);
  return {
    service: {
      ...service,
      async close() {
        await originalClose();
        await db.close();
      },
    },
    token,
  };
}

// ---------------------------------------------------------------- phase 1: fuzz

async function fuzz(durationMs: number, rand: Rand): Promise<void> {
  const { service, token } = await boot();
  // The time budget starts once the service is up (booting PGlite and migrating takes a while).
  const until = Date.now() + durationMs;
  const base = service.url;
  try {
    const cases: { id: string; token: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await http(base, "POST", "/api/cases", { token, body: JSON.stringify(sampleCase(i)) });
      const c = res.json as { id?: string; token?: string };
      if (c.id && c.token) cases.push({ id: c.id, token: c.token });
    }
    const pick = <T>(xs: readonly T[]): T => xs[rand.nextInt(0, xs.length - 1)] as T;
    const str = () => fc.sample(fuzzString, { numRuns: 1, seed: rand.nextInt() })[0] as string;
    const segment = () =>
      pick([
        cases[0]?.id ?? randomUUID(),
        randomUUID(),
        encodeURIComponent(str().replace(/[\ud800-\udfff]/g, "")),
        "%00",
        "%ED%A0%80",
        "%",
        "..%2F..",
      ]);
    const bodies: Record<string, () => unknown> = {
      "POST /api/login": () => ({ email: "fuzz@amiable.local", password: "x" }),
      "POST /api/cases": () => sampleCase(rand.nextInt(0, 1e6)),
      "POST /api/escalations/:id/resolve": () => ({ outcome: "other", note: "n" }),
      "POST /api/cases/:id/messages": () => ({ text: "hello", clientMessageId: randomUUID() }),
      "POST /api/cases/:id/handback": () => ({ note: "back" }),
      "POST /api/cases/:id/offers": () => ({ kind: "plan", count: 3, text: "offer" }),
      "POST /api/payments": () => ({
        caseId: cases[0]?.id,
        amount: 100,
        currency: "EUR",
        paidAt: "2026-01-01",
      }),
      "POST /api/escalations/:id/assign": () => ({}),
      "POST /api/cases/:id/takeover": () => ({}),
      "POST /api/cases/:id/link": () => ({}),
    };
    const getRoutes = [
      "/api/cases?q=:s",
      "/api/cases?creditor=:s&status=:s",
      "/api/cases/export.csv?q=:s",
      "/api/cases/:id",
      "/api/cases/:id/transcript",
      "/api/escalations?kind=:s&status=:s",
      "/api/kpis?from=:s",
      "/api/kpis/filters",
      "/api/audit?action=:s&page=:s",
      "/api/me",
      "/c/:t",
      "/c/:t/info",
      "/c/:t/receipt/:s",
      "/c/:t/calendar/:s",
      "/console/:s",
      "/healthz",
    ];
    const debtorSockets = (await Promise.all(cases.map((c) => connect(base, "/debtor", c.token)))).filter(
      (s): s is Socket => s !== null,
    );
    const consoleSocket = await connect(base, "/console", token);

    while (Date.now() < until) {
      const kind = rand.nextInt(0, 9);
      if (kind <= 3) {
        const [route, make] = pick(Object.entries(bodies));
        const [method, template] = route.split(" ") as [string, string];
        const path = template.replace(":id", segment());
        const body =
          rand.nextInt(0, 4) === 0
            ? JSON.stringify(fc.sample(anyJson, { numRuns: 1, seed: rand.nextInt() })[0])
            : JSON.stringify(mutate(make(), rand));
        await http(base, method, path, { token, body: body ?? "null" });
      } else if (kind <= 5) {
        const template = pick(getRoutes);
        const path = template
          .replace(/:s/g, () => encodeURIComponent(str().replace(/[\ud800-\udfff]/g, "")).slice(0, 300))
          .replace(":id", segment())
          .replace(":t", pick([cases[0]?.token ?? "x", segment()]));
        await http(base, pick(["GET", "GET", "DELETE", "POST"]), path, { token });
      } else if (kind === 6) {
        const rows = Array.from({ length: rand.nextInt(1, 4) }, () =>
          [
            str(),
            "Acme",
            str(),
            "business",
            "a@b.example",
            "fr",
            "FR",
            "EUR",
            str(),
            "2026-01-01",
            "2026-01-31",
            "100.00",
          ]
            .map((v) => `"${String(v).replace(/"/g, '""')}"`)
            .join(","),
        );
        const header =
          "reference,creditor_name,debtor_name,debtor_kind,debtor_email,debtor_locale,jurisdiction,currency,invoice_number,invoice_issued_at,invoice_due_at,invoice_amount";
        await http(base, "POST", `/api/cases/import?mode=${pick(["validate", "import_valid"])}`, {
          token,
          body: rand.nextInt(0, 3) === 0 ? str() : [header, ...rows].join("\n"),
          contentType: "text/csv",
        });
      } else if (kind <= 8 && debtorSockets.length) {
        const socket = pick(debtorSockets);
        if (!socket.connected) continue;
        const event = pick([
          "debtor:message",
          "debtor:action",
          "debtor:message",
          `debtor:${str().slice(0, 10)}`,
        ]);
        const valid =
          event === "debtor:action"
            ? {
                clientMessageId: randomUUID(),
                type: pick(["accept_offer", "decline_offer", "request_human"]),
                offerId: randomUUID(),
              }
            : { clientMessageId: randomUUID(), text: pick(["75011", "je peux payer 100 € par mois", str()]) };
        await emit(
          socket,
          event,
          rand.nextInt(0, 3) === 0
            ? fc.sample(anyJson, { numRuns: 1, seed: rand.nextInt() })[0]
            : mutate(valid, rand),
        );
      } else if (consoleSocket?.connected) {
        const event = pick(["console:join_case", "console:leave_case", `console:${str().slice(0, 10)}`]);
        await emit(consoleSocket, event, mutate({ caseId: cases[0]?.id ?? randomUUID() }, rand));
      }
    }
    for (const s of debtorSockets) s.close();
    consoleSocket?.close();
    // The service must still answer after all that.
    const health = await http(base, "GET", "/healthz");
    if (health.status !== 200) {
      counts.crashes++;
      note("health", `healthz answered ${health.status} after the fuzz`);
    }
  } finally {
    await service.close();
  }
}

// ---------------------------------------------------------------- phase 2: faults

/** A model server that misbehaves at random, per request. */
async function misbehavingModel(rand: Rand) {
  const open = new Set<ServerResponse>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for await (const _ of req) {
      // drain the body
    }
    open.add(res);
    res.on("close", () => open.delete(res));
    const mode = rand.nextInt(0, 6);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (mode === 0) return; // hang
    if (mode === 1)
      return json(429, { error: { message: "slow down" } }, { "retry-after": String(rand.nextInt(0, 3)) });
    if (mode === 2) return json(500, { error: { message: "boom" } });
    if (mode === 3) return res.destroy(); // dropped connection
    if (mode === 4) return json(200, { not: "a completion" });
    await new Promise((r) => setTimeout(r, rand.nextInt(0, 1500)));
    json(200, {
      id: `chatcmpl-${randomUUID()}`,
      object: "chat.completion",
      created: 1_757_900_000,
      model: "fake",
      choices: [
        { index: 0, message: { role: "assistant", content: "D'accord, je note." }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    async close() {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function faults(durationMs: number, rand: Rand): Promise<void> {
  const deadlineMs = 2000;
  const margin = 3000;
  const model = await misbehavingModel(rand);
  const { service, token } = await boot({
    OPENAI_API_KEY: "sk-fuzz",
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_TIMEOUT_MS: "60000",
    TURN_DEADLINE_MS: String(deadlineMs),
  });
  const until = Date.now() + durationMs;
  const base = service.url;
  try {
    const debtor = async (n: number) => {
      const res = await http(base, "POST", "/api/cases", { token, body: JSON.stringify(sampleCase(n)) });
      const caseToken = (res.json as { token?: string }).token;
      const socket = await connect(base, "/debtor", caseToken);
      if (!socket) return;
      const assistant: string[] = [];
      socket.on("message", (m: { role: string; id: string }) => {
        if (m.role === "assistant" && !assistant.includes(m.id)) assistant.push(m.id);
      });
      const waitFor = async (count: number, ms: number) => {
        const end = Date.now() + ms;
        while (assistant.length < count && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
        return assistant.length >= count;
      };
      await waitFor(1, 10_000);
      const lines = ["75011", "Je ne peux pas tout payer.", "Je peux payer 200 € par mois.", "D'accord."];
      for (const text of lines) {
        if (Date.now() >= until) break;
        const before = assistant.length;
        const started = Date.now();
        await emit(socket, "debtor:message", { clientMessageId: randomUUID(), text });
        counts.turns++;
        if (!(await waitFor(before + 1, deadlineMs + margin))) {
          if (await waitFor(before + 1, 20_000)) {
            counts.lateReplies++;
            note("late reply", `${Date.now() - started} ms for "${text}"`);
          } else {
            counts.missingReplies++;
            note("missing reply", `"${text}"`);
          }
        }
        // Give a second reply the time to show up before the next message.
        await new Promise((r) => setTimeout(r, 200));
        if (assistant.length > before + 1) {
          counts.doubleReplies++;
          note("double reply", `"${text}" got ${assistant.length - before} replies`);
        }
      }
      socket.close();
    };
    let n = 1000;
    while (Date.now() < until) await Promise.all(Array.from({ length: 4 }, () => debtor(n++)));
  } finally {
    await service.close();
    await model.close();
  }
}

// ---------------------------------------------------------------- main

const started = Date.now();
const rand = new Rand(SEED);
await fuzz((SECONDS * 2000) / 3, rand);
await faults((SECONDS * 1000) / 3, rand);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const failed =
  counts.crashes +
  counts.serverErrors +
  counts.hangs +
  counts.missingReplies +
  counts.doubleReplies +
  counts.lateReplies;
for (const p of problems) console.error(`  ${p}`);
console.log(
  `fuzz: ${counts.http + counts.socket} payloads (${counts.http} http, ${counts.socket} socket) and ${counts.turns} turns under model faults in ${seconds} s, seed ${SEED}: ` +
    `${counts.crashes} crashes, ${counts.serverErrors} server errors, ${counts.hangs} hangs, ` +
    `${counts.missingReplies} missing, ${counts.doubleReplies} double and ${counts.lateReplies} late replies; ` +
    `outcomes ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
);
process.exit(failed ? 1 : 0);
