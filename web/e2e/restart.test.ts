// The server restarts in the middle of a conversation: the page says it is offline, queues what
// the debtor types, and once a new server runs on the same database (PGlite in a folder) every
// queued message is stored exactly once and the page shows each message once, in the server's
// order. A second restart with a page reload proves the queue survives in sessionStorage.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "../../server/config/env.js";
import { createLogger } from "../../server/logging/logger.js";
import { type RunningService, startService } from "../../server/service.js";
import { ChatPage } from "./pages/chat-page.js";
import { hasChromium, type Launched, launchChromium, PHONE } from "./support/browser.js";
import { createCase, transcript } from "./support/service.js";

const PASSWORD = "restart-test-password";

describe.skipIf(!hasChromium)("a server restart during a conversation", () => {
  let dataDir: string;
  let browser: Launched;
  let service: RunningService | undefined;
  let port = 0;

  async function boot(): Promise<RunningService> {
    const env = loadEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ADMIN_EMAIL: "admin@restart.local",
      ADMIN_PASSWORD: PASSWORD,
    });
    const started = await startService({
      env,
      log: createLogger("silent"),
      http: { loginLimit: 1000, apiLimit: 100_000 },
    });
    port = Number(new URL(started.url).port);
    return started;
  }

  async function staff(s: RunningService) {
    const login = await fetch(`${s.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@restart.local", password: PASSWORD }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const api = async (method: string, path: string, options: { body?: unknown } = {}) => {
      const res = await fetch(`${s.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
    };
    return { api, tokens: { collector: token, admin: token, policy_editor: token } };
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "amiable-restart-"));
    [service, browser] = await Promise.all([boot(), launchChromium({ viewport: PHONE })]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** The page shows exactly the stored messages, each once, in the stored order. */
  async function expectPageMatchesDatabase(chat: ChatPage, caseId: string) {
    const api = await staff(service as RunningService);
    await expect
      .poll(
        async () => {
          const stored = (await transcript(api, caseId)).messages.map((m) => m.id);
          const shown = (await chat.shown()).map((m) => m.id);
          const pending = await chat.messages("pending").count();
          return { shown, pending, same: JSON.stringify(shown) === JSON.stringify(stored) };
        },
        { timeout: 30_000, interval: 250 },
      )
      .toMatchObject({ pending: 0, same: true });
    const shown = await chat.shown();
    expect(new Set(shown.map((m) => m.id)).size).toBe(shown.length);
  }

  async function storedTexts(caseId: string, text: string) {
    const api = await staff(service as RunningService);
    return (await transcript(api, caseId)).messages.filter((m) => m.role === "debtor" && m.text === text);
  }

  it("loses nothing, duplicates nothing, and delivers offline messages exactly once", async () => {
    const api = await staff(service as RunningService);
    const c = await createCase(api);
    const page = await browser.context.newPage();
    const chat = new ChatPage(page);
    await chat.open(c.link);
    await chat.nextAssistant(0);
    await chat.say("75011");
    await expectPageMatchesDatabase(chat, c.id);

    // Restart 1: the page stays open; two messages typed while the server is down.
    await service?.close();
    service = undefined;
    await chat.offlineBanner.waitFor({ timeout: 15_000 });
    const offline = ["J'ai eu un souci de trésorerie", "je peux payer 300 euros par mois"];
    for (const text of offline) await chat.type(text);
    await expect.poll(() => chat.messages("pending").count()).toBe(2);
    expect(await chat.messages("pending").first().textContent()).toContain("En attente de connexion");
    const queued = await page.evaluate(() =>
      Object.keys(sessionStorage)
        .filter((k) => k.startsWith("amiable:outbox:"))
        .map((k) => JSON.parse(sessionStorage.getItem(k) ?? "[]").length),
    );
    expect(queued).toEqual([2]);
    await chat.screenshot("phone-06-offline");

    service = await boot();
    await chat.offlineBanner.waitFor({ state: "hidden", timeout: 30_000 });
    await chat.openOffer().waitFor({ timeout: 30_000 });
    await expectPageMatchesDatabase(chat, c.id);
    for (const text of offline) expect(await storedTexts(c.id, text)).toHaveLength(1);

    // Restart 2: a message typed offline, then the page reloaded while the server is still down.
    await service.close();
    service = undefined;
    await chat.offlineBanner.waitFor({ timeout: 15_000 });
    const later = "Je préfère être rappelé demain";
    await chat.type(later);
    await chat.messages("pending").first().waitFor();
    await page.reload().catch(() => undefined); // the server is down: Chromium's error page
    service = await boot();
    await chat.open(c.link);
    await expectPageMatchesDatabase(chat, c.id);
    expect(await storedTexts(c.id, later)).toHaveLength(1);
    expect((await chat.shown()).filter((m) => m.text === later)).toHaveLength(1);
    await page.close();
  });
});
