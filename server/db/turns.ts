// The debtor chat turn's storage, built to be cheap and atomic: a debtor message is stored in one
// statement (which also reads what the turn needs of the conversation), a case is read in one
// statement, and a turn's writes (claim, assistant message, events, offers, case status, promise)
// go in one transaction of two statements. See docs/decisions/0001-one-transaction-per-turn.md.
import { randomUUID } from "node:crypto";
import {
  type ClaimInput,
  type ClaimResult,
  HISTORY_SIZE,
  type HistoryEntry,
  type RepeatedMessage,
  type StoreDebtorMessageResult,
  type TurnCase,
  type TurnContextRow,
  type TurnConversation,
  type TurnOfferRow,
  type TurnWrites,
  type WrittenMessage,
} from "../app/ports/chat.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

/** A transaction handle, opaque to the use cases that pass it back to these functions. */
export type TurnTx = P.TransactionClient;

/** Runs `work` in one database transaction: all of its writes commit, or none. */
export function inTransaction<T>(prisma: Prisma, work: (tx: TurnTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(work);
}

// A fingerprint of everything a turn reads of the case besides the conversation: the case row, its
// debtor and creditor, invoices, offers (with their statuses) and payments. A turn checks it when it
// commits, so a collector's payment or offer made meanwhile is never written over (the turn reruns).
const caseFingerprint = (caseIdSql: string) => `(
  SELECT md5(concat_ws('|', fc.status, fc."updatedAt", fc."policyVersionId", fc."verificationQuestion",
      fc."verificationAnswer", fc."usState", fc.currency, d.name, d.kind, d.locale, d."timeZone", cr.name,
      (SELECT string_agg(o.id || ':' || o.status || ':' || o."expiresAt", ',' ORDER BY o."createdAt", o.id)
         FROM "Offer" o WHERE o."caseId" = fc.id),
      (SELECT count(*) || ':' || coalesce(sum(p.amount), 0) || ':' || coalesce(max(p."paidAt")::text, '')
         FROM "Payment" p WHERE p."caseId" = fc.id),
      (SELECT count(*) || ':' || coalesce(sum(i.amount), 0) || ':' || coalesce(max(i."dueAt")::text, '')
         FROM "Invoice" i WHERE i."caseId" = fc.id)))
    FROM "Case" fc JOIN "Debtor" d ON d.id = fc."debtorId" JOIN "Creditor" cr ON cr.id = fc."creditorId"
   WHERE fc.id = ${caseIdSql})`;

const conversationJson = (alias: string) => `jsonb_build_object(
  'id', ${alias}.id, 'state', ${alias}.state, 'verifyAttempts', ${alias}."verifyAttempts",
  'verifiedAt', ${alias}."verifiedAt", 'lockedAt', ${alias}."lockedAt",
  'humanOwnerId', ${alias}."humanOwnerId", 'answeredSeq', ${alias}."answeredSeq", 'version', ${alias}.version)`;

// The last messages, oldest first; an action's record (meta.action) is not conversation text.
const historyJson = (conversationIdSql: string) => `COALESCE((
  SELECT jsonb_agg(jsonb_build_object('seq', h.seq, 'role', h.role, 'text', h.text) ORDER BY h.seq)
    FROM (SELECT seq, role, text FROM "Message"
           WHERE "conversationId" = ${conversationIdSql} AND NOT (meta ? 'action')
           ORDER BY seq DESC LIMIT ${HISTORY_SIZE}) h), '[]'::jsonb)`;

// Timestamps come back from jsonb without a zone: they are stored in UTC.
export function utc(value: string): Date {
  if (value.length === 10) return new Date(`${value}T00:00:00Z`);
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}
export const utcOrNull = (value: string | null) => (value === null ? null : utc(value));

export function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

type RawConversation = Omit<TurnConversation, "verifiedAt" | "lockedAt"> & {
  verifiedAt: string | null;
  lockedAt: string | null;
};

function toConversation(raw: RawConversation): TurnConversation {
  return { ...raw, verifiedAt: utcOrNull(raw.verifiedAt), lockedAt: utcOrNull(raw.lockedAt) };
}

interface RawCase extends Omit<TurnCase, "invoices" | "offers" | "payments"> {
  invoices: { number: string; issuedAt: string; dueAt: string; amount: string }[];
  offers: (Omit<TurnOfferRow, "total" | "expiresAt" | "createdAt"> & {
    total: string;
    expiresAt: string;
    createdAt: string;
  })[];
  payments: { amount: string }[];
}

function toCase(raw: RawCase): TurnCase {
  return {
    ...raw,
    invoices: raw.invoices.map((i) => ({
      number: i.number,
      issuedAt: utc(i.issuedAt),
      dueAt: utc(i.dueAt),
      amount: BigInt(i.amount),
    })),
    offers: raw.offers.map((o) => ({
      ...o,
      total: BigInt(o.total),
      expiresAt: utc(o.expiresAt),
      createdAt: utc(o.createdAt),
    })),
    payments: raw.payments.map((p) => ({ amount: BigInt(p.amount) })),
  };
}

/** Everything a turn reads, in one statement: the case, its fingerprint, the conversation. */
export async function loadTurnContext(
  prisma: Prisma | TurnTx,
  caseId: string,
  conversationId: string,
): Promise<TurnContextRow | null> {
  const rows = await prisma.$queryRawUnsafe<{ r: unknown }[]>(
    `SELECT jsonb_build_object(
       'case', (SELECT jsonb_build_object(
           'id', c.id, 'reference', c.reference, 'jurisdiction', c.jurisdiction, 'usState', c."usState",
           'currency', c.currency, 'status', c.status, 'policyVersionId', c."policyVersionId",
           'verificationQuestion', c."verificationQuestion", 'verificationAnswer', c."verificationAnswer",
           'creditor', jsonb_build_object('name', cr.name),
           'debtor', jsonb_build_object('name', d.name, 'kind', d.kind, 'locale', d.locale, 'timeZone', d."timeZone"),
           'invoices', COALESCE((SELECT jsonb_agg(jsonb_build_object('number', i.number, 'issuedAt', i."issuedAt",
               'dueAt', i."dueAt", 'amount', i.amount::text) ORDER BY i."dueAt", i.number)
             FROM "Invoice" i WHERE i."caseId" = c.id), '[]'::jsonb),
           'offers', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.id, 'kind', o.kind, 'status', o.status,
               'total', o.total::text, 'currency', o.currency, 'terms', o.terms, 'instalments', o.instalments,
               'policyVersionId', o."policyVersionId",
               'source', o.source, 'expiresAt', o."expiresAt", 'createdAt', o."createdAt") ORDER BY o."createdAt", o.id)
             FROM "Offer" o WHERE o."caseId" = c.id), '[]'::jsonb),
           'payments', COALESCE((SELECT jsonb_agg(jsonb_build_object('amount', p.amount::text) ORDER BY p."paidAt")
             FROM "Payment" p WHERE p."caseId" = c.id), '[]'::jsonb))
         FROM "Case" c JOIN "Debtor" d ON d.id = c."debtorId" JOIN "Creditor" cr ON cr.id = c."creditorId"
        WHERE c.id = $1),
       'caseFingerprint', ${caseFingerprint("$1")},
       'conversation', (SELECT ${conversationJson("v")} FROM "Conversation" v WHERE v.id = $2),
       'lastSeq', COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = $2), 0),
       'lastDebtor', (SELECT jsonb_build_object('seq', m.seq, 'text', m.text) FROM "Message" m
                       WHERE m."conversationId" = $2 AND m.role = 'debtor' ORDER BY m.seq DESC LIMIT 1),
       'history', ${historyJson("$2")}) AS r`,
    caseId,
    conversationId,
  );
  const raw = json<{
    case: RawCase | null;
    caseFingerprint: string;
    conversation: RawConversation | null;
    lastSeq: number;
    lastDebtor: { seq: number; text: string } | null;
    history: HistoryEntry[];
  }>(rows[0]?.r);
  if (!raw.case || !raw.conversation) return null;
  return {
    case: toCase(raw.case),
    caseFingerprint: raw.caseFingerprint,
    conversation: toConversation(raw.conversation),
    lastSeq: raw.lastSeq,
    lastDebtor: raw.lastDebtor,
    history: raw.history,
  };
}

/**
 * Each retry follows a commit that took the number this statement's snapshot missed, so N writers
 * queued on one conversation need up to N tries: a burst of a case's whole rate-limit budget (8)
 * plus the turns' own writes. 5 was too few (one message in 80 got an internal error on PostgreSQL).
 */
const MAX_STORE_ATTEMPTS = 32;

/**
 * Stores a debtor message once per clientMessageId, in one statement that also reads the
 * conversation and its last messages (what the turn needs). The statement takes the conversation's
 * row lock, like every writer of messages, so a turn's reply never races it for a number; a number
 * taken meanwhile (the statement's snapshot predates the lock) makes it try again.
 * Returns `created: false` with the first row for a repeat.
 */
export async function storeDebtorMessage(
  prisma: Prisma,
  conversationId: string,
  clientMessageId: string,
  text: string,
): Promise<StoreDebtorMessageResult> {
  for (let attempt = 0; attempt < MAX_STORE_ATTEMPTS; attempt++) {
    const rows = await prisma.$queryRawUnsafe<{ r: unknown }[]>(
      `WITH locked AS (SELECT * FROM "Conversation" WHERE id = $1 FOR UPDATE),
       ins AS (
         INSERT INTO "Message" (id, "conversationId", seq, role, text, "clientMessageId", meta)
         SELECT $2, locked.id, COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = $1), 0) + 1,
                'debtor', $3, $4, '{}'::jsonb
           FROM locked
         ON CONFLICT DO NOTHING
         RETURNING id, seq, text, "createdAt")
       SELECT jsonb_build_object('id', ins.id, 'seq', ins.seq, 'text', ins.text, 'createdAt', ins."createdAt",
                'conversation', ${conversationJson("locked")}, 'history', ${historyJson("$1")}) AS r
         FROM ins, locked`,
      conversationId,
      randomUUID(),
      text,
      clientMessageId,
    );
    const row = rows[0];
    if (row) {
      const raw = json<{
        id: string;
        seq: number;
        text: string;
        createdAt: string;
        conversation: RawConversation;
        history: HistoryEntry[];
      }>(row.r);
      return {
        created: true,
        message: {
          id: raw.id,
          seq: raw.seq,
          text: raw.text,
          createdAt: utc(raw.createdAt),
          conversation: toConversation(raw.conversation),
          history: raw.history,
        },
      };
    }
    const existing = await findByClientMessageId(prisma, conversationId, clientMessageId);
    if (existing) return { created: false, message: existing };
    // Another writer took that number between this statement's snapshot and its lock: try again.
  }
  throw new Error(`could not store a message in conversation ${conversationId}`);
}

/** A message (a debtor's, or an action's record) stored earlier under this clientMessageId, with what is known of its answer. */
export async function findByClientMessageId(
  prisma: Prisma | TurnTx,
  conversationId: string,
  clientMessageId: string,
): Promise<RepeatedMessage | null> {
  const rows = await prisma.$queryRawUnsafe<{ r: unknown }[]>(
    `SELECT jsonb_build_object('id', m.id, 'seq', m.seq, 'role', m.role, 'text', m.text,
              'answeredSeq', c."answeredSeq",
              'lastSeq', (SELECT max(seq) FROM "Message" WHERE "conversationId" = c.id)) AS r
       FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
      WHERE m."conversationId" = $1 AND m."clientMessageId" = $2`,
    conversationId,
    clientMessageId,
  );
  return rows[0] ? json<RepeatedMessage>(rows[0].r) : null;
}

/**
 * The turn's first statement: locks the conversation, checks that nothing changed since the turn
 * read it (conversation version, case fingerprint) and that its message is not answered yet, then
 * writes the conversation's new state and raises `answeredSeq`.
 */
export async function claimTurn(tx: TurnTx, input: ClaimInput): Promise<ClaimResult> {
  const seq = input.claim.kind === "answer" ? input.claim.seq : 0;
  const open =
    input.claim.kind === "answer"
      ? `c."answeredSeq" < $2`
      : input.claim.kind === "greeting"
        ? `NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id) AND $2 = 0`
        : "$2 = 0";
  const rows = await tx.$queryRawUnsafe<{ r: unknown }[]>(
    `UPDATE "Conversation" c
        SET state = $4::jsonb, "verifyAttempts" = $5, "verifiedAt" = $6::timestamp(3),
            "lockedAt" = $7::timestamp(3), "answeredSeq" = GREATEST(c."answeredSeq", $2), "updatedAt" = now()
      WHERE c.id = $1 AND ${open} AND c.version = $3
        AND ($8::text IS NULL OR ${caseFingerprint('c."caseId"')} = $8::text)
      RETURNING jsonb_build_object('humanOwnerId', c."humanOwnerId", 'version', c.version) AS r`,
    input.conversationId,
    seq,
    input.version,
    JSON.stringify(input.write.state),
    input.write.verifyAttempts,
    input.write.verifiedAt?.toISOString() ?? null,
    input.write.lockedAt?.toISOString() ?? null,
    input.caseFingerprint,
  );
  if (rows[0]) {
    const r = json<{ humanOwnerId: string | null; version: number }>(rows[0].r);
    return { status: "claimed", humanOwnerId: r.humanOwnerId, version: r.version };
  }
  // Rare: tell an answered message from a stale read (one more statement).
  const check = await tx.$queryRawUnsafe<{ r: unknown }[]>(
    `SELECT jsonb_build_object('answeredSeq', c."answeredSeq",
              'messages', (SELECT count(*) FROM "Message" m WHERE m."conversationId" = c.id)) AS r
       FROM "Conversation" c WHERE c.id = $1`,
    input.conversationId,
  );
  const now = json<{ answeredSeq: number; messages: number }>(check[0]?.r);
  if (input.claim.kind === "answer" && now.answeredSeq >= seq) return { status: "answered" };
  if (input.claim.kind === "greeting" && now.messages > 0) return { status: "answered" };
  return { status: "stale" };
}

/**
 * The turn's second statement: offers, messages, events, case status and a withdrawn promise, in
 * one statement (the caller's transaction holds the conversation lock, so the numbers are free).
 */
export async function writeTurn(tx: TurnTx, w: TurnWrites): Promise<WrittenMessage[]> {
  const rows = await tx.$queryRawUnsafe<{ r: unknown }[]>(
    `WITH
     settled AS (
       UPDATE "Offer" SET status = (CASE WHEN id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb)))
                                         THEN 'declined' ELSE 'superseded' END)::"OfferStatus",
                          "decidedAt" = $9::timestamp(3)
        WHERE "caseId" = $2 AND status = 'proposed'
          AND (id = ANY(ARRAY(SELECT jsonb_array_elements_text($3::jsonb))) OR $4::boolean)
        RETURNING id),
     offers AS (
       INSERT INTO "Offer" (id, "caseId", kind, status, total, currency, "discountBps", instalments, terms, rule,
                            "policyVersionId", source, "expiresAt", "createdAt", "decidedAt")
       SELECT o.id, $2, o.kind::"OfferKind", o.status::"OfferStatus", o.total::bigint, o.currency, o."discountBps",
              o.instalments, o.terms, o.rule, o."policyVersionId", o.source, o."expiresAt"::timestamp(3),
              clock_timestamp() + make_interval(secs => o.n / 1000.0),
              CASE WHEN o.status = 'proposed' THEN NULL ELSE $9::timestamp(3) END
         FROM jsonb_to_recordset($5::jsonb) AS o(id text, n int, kind text, status text, total text, currency text,
              "discountBps" int, instalments jsonb, terms jsonb, rule text, "policyVersionId" text, source text,
              "expiresAt" text)
       RETURNING id),
     msgs AS (
       INSERT INTO "Message" (id, "conversationId", seq, role, text, "clientMessageId", "offerId", "quickReplies", meta)
       SELECT m.id, $1, COALESCE((SELECT max(seq) FROM "Message" WHERE "conversationId" = $1), 0) + m.n,
              m.role::"MessageRole", m.text, m."clientMessageId", m."offerId", m."quickReplies", m.meta
         FROM jsonb_to_recordset($6::jsonb) AS m(id text, n int, role text, text text, "clientMessageId" text,
              "offerId" text, "quickReplies" jsonb, meta jsonb)
       RETURNING id, seq, "createdAt"),
     events AS (
       INSERT INTO "ConversationEvent" (id, "conversationId", "messageId", kind, data)
       SELECT e.id, $1, e."messageId", e.kind, e.data
         FROM jsonb_to_recordset($7::jsonb) AS e(id text, "messageId" text, kind text, data jsonb)
       RETURNING id),
     status AS (
       UPDATE "Case" SET status = $8::text::"CaseStatus", "updatedAt" = now()
        WHERE id = $2 AND $8::text IS NOT NULL AND status::text <> $8::text
       RETURNING id),
     withdrawn AS (
       UPDATE "PromiseToPay" SET status = 'cancelled' WHERE id = $10 AND status = 'active' RETURNING id)
     SELECT COALESCE((SELECT jsonb_agg(jsonb_build_object('id', id, 'seq', seq, 'createdAt', "createdAt") ORDER BY seq)
                        FROM msgs), '[]'::jsonb) AS r`,
    w.conversationId,
    w.caseId,
    JSON.stringify(w.declined),
    w.supersedeOpen,
    JSON.stringify(
      w.offers.map((o, n) => ({ ...o, n, total: String(o.total), expiresAt: o.expiresAt.toISOString() })),
    ),
    JSON.stringify(
      w.messages.map((m, i) => ({
        id: m.id,
        n: i + 1,
        role: m.role,
        text: m.text,
        clientMessageId: m.clientMessageId ?? null,
        offerId: m.offerId ?? null,
        quickReplies: m.quickReplies ? [...m.quickReplies] : null,
        meta: m.meta ?? {},
      })),
    ),
    JSON.stringify(
      w.events.map((e) => ({ id: randomUUID(), messageId: e.messageId ?? null, kind: e.kind, data: e.data })),
    ),
    w.caseStatus,
    w.now.toISOString(),
    w.cancelPromiseId,
  );
  return json<{ id: string; seq: number; createdAt: string }[]>(rows[0]?.r).map((m) => ({
    ...m,
    createdAt: utc(m.createdAt),
  }));
}
