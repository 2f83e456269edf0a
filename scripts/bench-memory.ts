// `npm run bench:memory`: the resident memory of the service as `npm start` runs it on the embedded
// PGlite (the built `dist/server/main.js`; run `npm run build` first). It boots once on a fresh data
// folder (creating the database and the demo case), stops, boots again on the same folder — the
// ordinary start — and reads the process's RSS from /proc: after boot (idle), then after the demo
// debtor's conversation (greeting and two turns over socket.io: the demo case's verification answer,
// then a monthly offer, so that the negotiation runs too), then idle again. The environment
// variables and node flags are those of the start script.

import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { io } from "socket.io-client";
import { NODE_FLAGS, START_COMMAND, START_ENV } from "./bench/start-command.js";

const MAIN = "dist/server/main.js";
if (!existsSync(MAIN)) {
  console.error(`${MAIN} is missing: run \`npm run build\` first`);
  process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), "amiable-memory-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...START_ENV,
  DATA_DIR: dataDir,
  PORT: "0",
  LOG_LEVEL: "warn",
  ADMIN_EMAIL: "memory@amiable.local",
  ADMIN_PASSWORD: "memory-password-123",
};
delete env.DATABASE_URL;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function boot(): Promise<{ proc: ChildProcess; demoLink: string }> {
  const proc = spawn(process.execPath, [...NODE_FLAGS, MAIN], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  const demoLink = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const link = /demo debtor: (\S+)/.exec(out)?.[1];
      if (link) resolve(link);
    });
    proc.once("exit", (code) => reject(new Error(`the service exited with ${code}:\n${out}`)));
  });
  return { proc, demoLink };
}

async function stop(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once("exit", r));
  proc.kill("SIGTERM");
  await exited;
}

/** The highest and the last RSS over `seconds`, sampled each second. */
async function settle(pid: number, seconds: number): Promise<{ max: number; last: number }> {
  let max = 0;
  let last = 0;
  for (let i = 0; i < seconds; i++) {
    await sleep(1000);
    last = rssMb(pid);
    max = Math.max(max, last);
  }
  return { max, last };
}

async function converse(link: string): Promise<void> {
  const url = new URL(link);
  const token = url.pathname.split("/").at(-1) ?? "";
  const socket = io(`${url.origin}/debtor`, { auth: { token }, transports: ["websocket"], forceNew: true });
  let replies = 0;
  // The reply can arrive before the message's ack (decision 0116): count from before the send.
  const reach = (target: number) =>
    new Promise<void>((resolve) => {
      const check = () => (replies >= target ? resolve() : setTimeout(check, 20));
      check();
    });
  socket.on("message", (m: { role: string }) => {
    if (m.role === "assistant") replies++;
  });
  await reach(1);
  for (const text of ["69002", "Je peux payer 300 euros par mois."]) {
    const target = replies + 1;
    await socket.emitWithAck("debtor:message", { clientMessageId: randomUUID(), text });
    await reach(target);
  }
  socket.close();
}

/** `work`, or an error naming what did not happen within `ms`: a hung service fails the benchmark. */
function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const running = new Set<ChildProcess>();
try {
  const first = await withDeadline(boot(), 120_000, "first boot");
  running.add(first.proc);
  await stop(first.proc);
  running.delete(first.proc);
  const { proc, demoLink } = await withDeadline(boot(), 120_000, "second boot");
  running.add(proc);
  const pid = proc.pid as number;
  const idle = await settle(pid, 10);
  await withDeadline(converse(demoLink), 60_000, "the demo conversation");
  const afterChat = await settle(pid, 5);
  const idleAgain = await settle(pid, 10);
  await stop(proc);
  running.delete(proc);
  const result = {
    node: process.version,
    command: START_COMMAND,
    idleAfterBootMb: Math.round(idle.last),
    peakDuringBootIdleMb: Math.round(idle.max),
    afterConversationMb: Math.round(afterChat.last),
    idleAfterConversationMb: Math.round(idleAgain.last),
  };
  console.log(JSON.stringify(result));
  console.log(
    `\n| RSS idle after boot | after the demo conversation | idle 10 s later |\n|---|---|---|\n| ${result.idleAfterBootMb} MB | ${result.afterConversationMb} MB | ${result.idleAfterConversationMb} MB |`,
  );
} catch (error) {
  console.error(`bench:memory failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  for (const proc of running) proc.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit();
