// `npm run bench:conversation [-- N [pglite|postgres]]`: the CPU one debtor conversation costs each
// process, with conversations run one after another against the real service (the same child
// process, cases and conversation as `npm run bench:chat`: connect, greeting, identity answer,
// monthly proposal). With nothing running concurrently, the figures are the work itself, without
// the preemption and cache effects of a saturated machine that inflate `bench:chat`'s CPU columns
// and move between runs: the measure to compare two versions of the code by (run them alternately).
// The first third of the conversations warms the service up and is not counted. PostgreSQL (the
// default target) needs TEST_DATABASE_URL; its backend CPU is read from /proc (Linux).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { io } from "socket.io-client";
import { processesCpuMs } from "./bench/cpu-meter.js";
import { NODE_FLAGS, START_ENV } from "./bench/start-command.js";

const n = Number(process.argv[2] ?? 600);
const target = process.argv[3] ?? (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
const service = spawn(
  process.execPath,
  [...NODE_FLAGS, "--import", "tsx", "scripts/bench/chat-server.ts", String(n), target],
  { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...START_ENV } },
);
const ready = await new Promise<string>((resolve, reject) => {
  createInterface({ input: service.stdout as NodeJS.ReadableStream }).once("line", resolve);
  service.once("exit", (code) => reject(new Error(`the service exited with ${code}`)));
});
const { url, tokens } = JSON.parse(ready) as { url: string; tokens: string[] };

/** The service process's CPU milliseconds (all its threads), from /proc. */
function serviceCpuMs(): number {
  const stat = readFileSync(`/proc/${service.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function converse(token: string): Promise<void> {
  const socket = io(`${url}/debtor`, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  let replies = 0;
  let wake: (() => void) | undefined;
  socket.on("message", (m: { role: string }) => {
    if (m.role !== "assistant") return;
    replies++;
    wake?.();
  });
  const repliesReach = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (replies >= count) resolve();
        else wake = check;
      };
      check();
    });
  await repliesReach(1);
  const lines = ["75011", "Je peux payer 300 euros par mois."];
  for (const [i, text] of lines.entries()) {
    await socket.emitWithAck("debtor:message", { clientMessageId: randomUUID(), text });
    await repliesReach(2 + i);
  }
  socket.close();
}

const warm = Math.floor(n / 3);
for (let i = 0; i < warm; i++) await converse(tokens[i] as string);
const at = {
  service: serviceCpuMs(),
  database: processesCpuMs("postgres"),
  client: process.cpuUsage(),
  wall: performance.now(),
};
for (let i = warm; i < n; i++) await converse(tokens[i] as string);
const counted = n - warm;
const client = process.cpuUsage(at.client);
const per = (ms: number) => (ms / counted).toFixed(2);
const serviceMs = per(serviceCpuMs() - at.service);
const databaseMs = target === "postgres" ? per(processesCpuMs("postgres") - at.database) : "–";
console.log(
  `${target}, ${counted} conversations one at a time (after ${warm} to warm up), per conversation: ` +
    `service ${serviceMs} ms CPU, database ${databaseMs} ms CPU, client ${per((client.user + client.system) / 1000)} ms CPU, ` +
    `${per(performance.now() - at.wall)} ms wall`,
);
service.kill("SIGTERM");
await new Promise((resolve) => service.once("exit", resolve));
process.exit(0);
