// The SQL work of opening a debtor's conversation, counted for real on PostgreSQL (decisions 0105,
// 0117): a socket connection (the link checked and its use recorded, the conversation got or
// created, the language, the history with its offer cards, the case's status, a turn's context for
// the resume check) is one statement, read in the handshake, and the page's inline history one; so
// that the count cannot creep back up.
// PostgreSQL only: PGlite runs in-process and does not go through the driver.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Router as makeRouter, type Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debtorPageRoutes } from "../../http/routes/debtor-pages.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";
import { isAdapterNotify, statementsDuring } from "../../test-support/statements.js";
import { CONNECTION_STATEMENT_TAG } from "../ports/chat.js";
import { openFirstPage } from "./first-page.js";

const MAX_STATEMENTS_PER_CONNECTION = 1;
const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl)
  console.warn(
    "connection-statements.test.ts skipped: set TEST_DATABASE_URL to count statements on PostgreSQL",
  );

const isConnectionWork = (q: string) => q.startsWith(CONNECTION_STATEMENT_TAG);

describe.skipIf(!postgresUrl)("SQL statements per debtor connection on PostgreSQL", () => {
  let t: TestService;
  let dist: string;
  beforeAll(async () => {
    // The chat page's route on a stand-in build (the page's own markup is not what is counted).
    dist = await mkdtemp(join(tmpdir(), "amiable-web-"));
    await mkdir(join(dist, "debtor"));
    await writeFile(join(dist, "debtor", "index.html"), "<!doctype html><title>chat</title><body></body>");
    let pages: Router | undefined;
    const lazy = makeRouter();
    lazy.use((req, res, next) => (pages ? pages(req, res, next) : next()));
    // The policy studio's job worker polls the database every second: not a connection's work.
    t = await startTestService("postgres", {}, { extraRoutes: [lazy] }, { console: { jobPollMs: 0 } });
    pages = debtorPageRoutes(t.service.ctx, {
      webDist: dist,
      history: (token) => openFirstPage(t.service.chat, token, 5_000, () => {}),
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  async function newCase() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  }

  /** The statements of `work`, and of whatever the connection left running (a resume, a greeting). */
  async function counted(work: () => Promise<void>): Promise<string[]> {
    const all = await statementsDuring(async () => {
      await work();
      await t.service.chat.idle();
      // Anything the connection started after the history (the resume) has queued by now.
      await new Promise((r) => setTimeout(r, 100));
      await t.service.chat.idle();
    });
    return all.filter((q) => !isAdapterNotify(q));
  }

  /** A socket connection until the history and the state have arrived. */
  async function connect(token: string, extra: { after?: string } = {}) {
    const debtor = await DebtorClient.connect(t.url, token, extra);
    await debtor.waitFor(() => debtor.states.length > 0, "state");
    return debtor;
  }

  it(`opens a returning debtor's conversation in at most ${MAX_STATEMENTS_PER_CONNECTION} statements`, async () => {
    const c = await newCase();
    // The first visit: the connection's own statements, then the greeting turn (counted by
    // turn-statements.test.ts).
    let first: DebtorClient | undefined;
    const firstVisit = await counted(async () => {
      first = await connect(c.token);
      await first.waitFor(() => first?.lastAssistant(), "greeting");
    });
    first?.close();
    const firstConnection = firstVisit.filter(isConnectionWork);
    expect(firstConnection.length, JSON.stringify(firstVisit, null, 1)).toBe(MAX_STATEMENTS_PER_CONNECTION);
    const greeting = first?.lastAssistant();
    expect(greeting?.text).toContain("Code postal ?");

    // A returning debtor: everything the connection does, whatever its kind of statement.
    let again: DebtorClient | undefined;
    const returning = await counted(async () => {
      again = await connect(c.token);
    });
    expect(again?.messages.map((m) => m.id)).toEqual([greeting?.id]);
    expect(again?.states).toEqual(["verifying"]);
    again?.close();
    console.info("statements of a returning debtor's connection:", returning);
    expect(returning.length, JSON.stringify(returning, null, 1)).toBe(MAX_STATEMENTS_PER_CONNECTION);

    // The page already shows the greeting: nothing older is sent, and no more is read.
    let after: DebtorClient | undefined;
    const withAfter = await counted(async () => {
      after = await connect(c.token, { after: greeting?.id ?? "" });
    });
    expect(after?.messages).toEqual([]);
    after?.close();
    expect(withAfter.length).toBe(MAX_STATEMENTS_PER_CONNECTION);

    // The last use of the link is recorded by these statements.
    const token = await t.db.prisma.debtorAccessToken.findFirstOrThrow({ where: { caseId: c.id } });
    expect(token.lastUsedAt).not.toBeNull();
  });

  it("answers a message left unanswered on reconnection, the connection itself still in one statement", async () => {
    const c = await newCase();
    const debtor = await connect(c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    debtor.close();
    // A debtor message stored without its turn (a crash before the reply).
    const conversation = await t.db.prisma.conversation.findUniqueOrThrow({ where: { caseId: c.id } });
    await t.db.stores.chat.storeDebtorMessage(conversation.id, "lost-turn", "75011");
    let back: DebtorClient | undefined;
    const statements = await counted(async () => {
      back = await connect(c.token);
      await back.waitFor(() => (back?.assistant().length ?? 0) >= 2, "the answer to the stored message");
    });
    back?.close();
    expect(statements.filter(isConnectionWork).length).toBe(MAX_STATEMENTS_PER_CONNECTION);
  });

  it("serves the page's inline history in one statement, and refuses dead links in one", async () => {
    const c = await newCase();
    const chat = t.service.chat;
    type View = Awaited<ReturnType<Awaited<ReturnType<typeof openFirstPage>>>>;
    let firstView = null as View;
    const firstVisit = await counted(async () => {
      firstView = await (await openFirstPage(chat, c.token, 5_000, () => {}))();
    });
    expect(firstView?.messages.map((m) => m.role)).toEqual(["assistant"]);
    // Opening (with the history) and the history read again after the greeting; the greeting
    // turn's own statements come in between.
    expect(firstVisit.filter(isConnectionWork)).toHaveLength(2);

    let view = null as View;
    const returning = await counted(async () => {
      view = await (await openFirstPage(chat, c.token, 5_000, () => {}))();
    });
    expect(view).toEqual(firstView);
    expect(returning).toHaveLength(1);

    // The chat page itself: a returning debtor's GET /c/:token is that one statement too.
    let page = "";
    const pageRequest = await counted(async () => {
      const res = await fetch(`${t.url}/c/${c.token}`);
      expect(res.status).toBe(200);
      page = await res.text();
    });
    expect(page).toContain('id="amiable-history"');
    expect(pageRequest).toHaveLength(1);

    await t.api("DELETE", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    const deadPage = await fetch(`${t.url}/c/${c.token}`);
    expect(deadPage.status).toBe(404);
    const refused = await counted(async () => {
      await expect(DebtorClient.connect(t.url, c.token)).rejects.toMatchObject({
        data: { code: "link_invalid" },
      });
    });
    expect(refused).toHaveLength(1);
  });
});
