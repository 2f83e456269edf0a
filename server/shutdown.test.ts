// Graceful shutdown of the real process (server/main.ts, spawned): with debtor sockets whose
// clients stopped answering (their process frozen with SIGSTOP, connections left open) and a turn
// in progress, SIGTERM exits with code 0 in under 2 s, after telling live clients to reconnect
// (their transport closes without a socket.io disconnect packet) and closing the database.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./config/paths.js";
import { openDatabase } from "./db/open.js";
import { DebtorClient } from "./test-support/debtor-client.js";

const children: ChildProcess[] = [];
const dirs: string[] = [];

function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

/** Collects a child's stdout and resolves with the first match of `pattern`. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, ms = 90_000) {
  let output = "";
  const match = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}:\n${output}`)), ms);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(pattern);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`${what}: exited with ${code}\n${output}`)));
  });
  return { match, output: () => output };
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("graceful shutdown", () => {
  it("exits 0 in under 2 s on SIGTERM with unresponsive clients connected and a turn in progress", {
    timeout: 180_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "amiable-shutdown-"));
    dirs.push(dataDir);
    const server = run(["server/main.ts"], {
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "info",
      ADMIN_EMAIL: "admin@shutdown.local",
      ADMIN_PASSWORD: "shutdown-password-123",
    });
    const serverOut = waitForOutput(server, /demo debtor: (http:\/\/\S+)\/c\/(\S+)/, "the server's URL");
    const [, url, token] = (await serverOut.match) as unknown as [string, string, string];

    // Six debtors whose device then stops answering: connected, then frozen.
    const frozen = run(["server/test-support/debtor-sockets.ts", url, token, "6"]);
    await waitForOutput(frozen, /ready/, "the debtor sockets").match;
    frozen.kill("SIGSTOP");

    // A live debtor, mid-conversation: its message is being answered when SIGTERM arrives.
    const live = await DebtorClient.connect(url, token);
    await live.waitFor(() => live.lastAssistant(), "greeting");
    const reason = new Promise<string>((resolve) => live.socket.once("disconnect", resolve));
    void live.send("69002", randomUUID()).catch(() => {});

    const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
      const started = Date.now();
      server.once("exit", (code) => resolve({ code, ms: Date.now() - started }));
    });
    server.kill("SIGTERM");
    const { code, ms } = await exited;
    frozen.kill("SIGKILL");

    expect(code, serverOut.output()).toBe(0);
    expect(ms).toBeLessThan(2000);
    // Told to reconnect: the transport closed, no "io server disconnect" (which clients do not retry).
    expect(await reason).toBe("transport close");
    // The database was closed before the exit, and reopens with the turn whole or absent: the
    // debtor's message at most once.
    expect(serverOut.output()).toMatch(/"msg":"service stopped"/);
    live.close();
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.prisma.message.count({ where: { role: "debtor", text: "69002" } })).toBeLessThanOrEqual(
        1,
      );
    } finally {
      await db.close();
    }
  });
});
