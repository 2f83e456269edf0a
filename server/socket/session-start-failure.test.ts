// A debtor whose conversation cannot be greeted when they connect (a real database failure, made by
// a trigger that refuses the greeting's insert) is told so and asked to reload, instead of a page
// that waits in silence; once the database works again, connecting again greets them once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe.each(TEST_TARGETS)("a session that cannot start on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("tells the debtor to reload, and greets them once when they do", async () => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    const caseId = res.body.id as string;
    const prisma = t.service.ctx.db.prisma;
    const fn = `fail_greeting_${caseId.replaceAll("-", "")}`;
    await prisma.$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."conversationId" IN (SELECT id FROM "Conversation" WHERE "caseId" = '${caseId}') THEN RAISE EXCEPTION 'simulated storage failure'; END IF; RETURN NEW; END $$`,
    );
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER ${fn} BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
    let first: DebtorClient | undefined;
    try {
      first = await DebtorClient.connect(t.url, res.body.token);
      const debtor = first;
      const notice = await debtor.waitFor(
        () => debtor.messages.find((m) => m.role === "system"),
        "the notice that the conversation could not load",
      );
      expect(notice.id).toMatch(/^notice-/);
      expect(notice.text).toContain("Rechargez la page");
      expect(debtor.assistant()).toHaveLength(0);
    } finally {
      first?.close();
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${fn} ON "Message"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }

    // The page reloads: a new connection greets them, once, and the notice was never stored.
    const again = await DebtorClient.connect(t.url, res.body.token);
    await again.waitFor(() => again.lastAssistant(), "the greeting");
    await t.service.chat.idle();
    const transcript = await t.api("GET", `/api/cases/${caseId}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.messages.map((m: { role: string }) => m.role)).toEqual(["assistant"]);
    again.close();
  });
});
