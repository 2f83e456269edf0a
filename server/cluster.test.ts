// Two instances on one PostgreSQL behave as one service: a debtor on instance A and a collector's
// console on instance B see each other's messages live, B's takeover silences the assistant on A
// (the lock lives in the database), the promise review runs once across both, and revocation on
// one instance closes sockets on the other. Needs TEST_DATABASE_URL (CI sets it); skipped without.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEnv } from "./config/env.js";
import { openDatabase } from "./db/open.js";
import { createLogger } from "./logging/logger.js";
import { startService } from "./service.js";
import { conversationRoom } from "./socket/debtor-namespace.js";
import { ConsoleClient } from "./test-support/console-client.js";
import { openTestDatabase, type TestDatabase } from "./test-support/databases.js";
import { DebtorClient } from "./test-support/debtor-client.js";
import { disconnection } from "./test-support/disconnection.js";
import { PASSWORD, sampleCase, startTestService, type TestService } from "./test-support/service.js";

const postgres = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgres)(
  postgres ? "two instances on one PostgreSQL" : "two instances (skipped: set TEST_DATABASE_URL)",
  () => {
    let shared: TestDatabase;
    let secondDb: TestDatabase;
    let a: TestService;
    let b: TestService;
    const reviews = { a: 0, b: 0 };

    beforeAll(async () => {
      shared = await openTestDatabase("postgres");
      // Instance B opens its own connections to the same database, as another process would.
      const other = await openDatabase({ url: shared.url });
      secondDb = { ...other, url: shared.url };
      const instance = (db: TestDatabase, name: "a" | "b") =>
        startTestService(
          "postgres",
          { STAFF_SESSION_TTL_HOURS: "2160" },
          {},
          {
            db,
            console: {
              reviewManual: true,
              onReview: () => {
                reviews[name]++;
              },
            },
          },
        );
      a = await instance(shared, "a");
      b = await instance(secondDb, "b");
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await secondDb?.close();
      await shared?.close();
    });

    it("wires the PostgreSQL adapter on both", () => {
      expect(a.service.cluster).toBe("postgres");
      expect(b.service.cluster).toBe("postgres");
    });

    it("a debtor on A and a collector on B see each other live; B's takeover holds on A", async () => {
      const created = await a.api("POST", "/api/cases", { token: a.tokens.collector, body: sampleCase() });
      expect(created.status).toBe(201);
      const caseId = created.body.id as string;
      const debtor = await DebtorClient.connect(a.url, created.body.token);
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");

      const collector = await ConsoleClient.connect(b.url, b.tokens.collector);
      expect((await collector.emit("console:join_case", { caseId })).ok).toBe(true);

      // The debtor's message on A and the assistant's reply (from A) reach the console on B.
      await debtor.say("75011");
      await collector.waitFor(
        () =>
          collector
            .named("case.message")
            .find((e) => e.message.role === "debtor" && e.message.text === "75011"),
        "the debtor's message on B",
      );
      await collector.waitFor(
        () => collector.named("case.message").find((e) => e.message.role === "assistant"),
        "the assistant's reply on B",
      );

      // Takeover on B: the notice and the collector's message reach the debtor on A.
      const taken = await b.api("POST", `/api/cases/${caseId}/takeover`, {
        token: b.tokens.collector,
        body: {},
      });
      expect(taken.status).toBe(200);
      await debtor.waitFor(
        () => debtor.messages.find((m) => m.notice === "takeover"),
        "takeover notice on A",
      );
      const sent = await b.api("POST", `/api/cases/${caseId}/messages`, {
        token: b.tokens.collector,
        body: { text: "Bonjour, ici Claire." },
      });
      expect(sent.status).toBe(201);
      await debtor.waitFor(
        () => debtor.messages.find((m) => m.role === "agent" && m.text === "Bonjour, ici Claire."),
        "the collector's message on A",
      );

      // The lock is in the database: A's assistant stays silent, and nobody on A can take over.
      const before = debtor.assistant().length;
      expect((await debtor.send("Je préfère parler avec vous")).ok).toBe(true);
      await collector.waitFor(
        () =>
          collector
            .named("case.message")
            .find((e) => e.message.role === "debtor" && e.message.text === "Je préfère parler avec vous"),
        "the debtor's answer on B",
      );
      await a.service.chat.idle();
      await new Promise((r) => setTimeout(r, 200));
      expect(debtor.assistant()).toHaveLength(before);
      const admin = await a.api("POST", `/api/cases/${caseId}/takeover`, { token: a.tokens.admin, body: {} });
      expect(admin.status).toBe(409);

      // A broadcast over NOTIFY's 8000-byte limit travels through socket_io_attachments.
      const conversation = await a.db.prisma.conversation.findFirstOrThrow({ where: { caseId } });
      const big = "x".repeat(20_000);
      const received = new Promise<string>((resolve) => debtor.socket.once("probe", resolve));
      b.service.io.of("/debtor").to(conversationRoom(conversation.id)).emit("probe", big);
      expect(await received).toBe(big);

      debtor.close();
      collector.close();
    });

    it("runs the promise review once across both instances", async () => {
      const before = reviews.a + reviews.b;
      const ticks = await Promise.all(
        Array.from({ length: 5 }, () => [
          a.service.console.reviews?.tick(),
          b.service.console.reviews?.tick(),
        ]).flat(),
      );
      expect(ticks.filter((ran) => ran === true)).toHaveLength(before === 0 ? 1 : 0);
      expect(reviews.a + reviews.b).toBe(1);
    });

    it("revocation on one instance closes the sockets on the other", async () => {
      // A debtor link revoked through B closes the debtor's socket on A.
      const created = await a.api("POST", "/api/cases", { token: a.tokens.collector, body: sampleCase() });
      const debtor = await DebtorClient.connect(a.url, created.body.token);
      const debtorClosed = disconnection(debtor.socket);
      expect(
        (await b.api("DELETE", `/api/cases/${created.body.id}/link`, { token: b.tokens.collector })).status,
      ).toBe(204);
      expect(await debtorClosed).toBe("io server disconnect");

      // A logout on B closes that session's console socket on A.
      const login = await b.api("POST", "/api/login", {
        body: { email: "collector@test.local", password: PASSWORD },
      });
      const consoleOnA = await ConsoleClient.connect(a.url, login.body.token);
      const consoleClosed = disconnection(consoleOnA.socket);
      expect((await b.api("POST", "/api/logout", { token: login.body.token })).status).toBe(204);
      expect(await consoleClosed).toBe("io server disconnect");
    });

    it("an instance booting with a new ADMIN_PASSWORD ends the admin's sessions and sockets everywhere", async () => {
      const adminOnA = await ConsoleClient.connect(a.url, a.tokens.admin);
      const closed = disconnection(adminOnA.socket, 10_000);
      const third = await startService({
        env: loadEnv({
          PORT: "0",
          LOG_LEVEL: "silent",
          DATABASE_URL: shared.url,
          ADMIN_EMAIL: "admin@test.local",
          ADMIN_PASSWORD: "a-brand-new-password-456",
        }),
        log: createLogger("silent"),
      });
      try {
        expect(await closed).toBe("io server disconnect");
        expect((await a.api("GET", "/api/me", { token: a.tokens.admin })).status).toBe(401);
      } finally {
        await third.close();
      }
    });
  },
);
