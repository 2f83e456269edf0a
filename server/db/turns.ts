// The debtor chat turn's storage, built to be cheap and atomic: a debtor message is stored in one
// call (which also reads what the turn needs of the conversation), a case is read in one call, and
// a turn's writes (claim, assistant message, events, offers, case status, promise) go in one call
// when the turn has no writes of its own, or in one transaction of two calls otherwise. Each call
// is one of the PL/pgSQL functions of server/db/sql/turn-functions.sql, whose plans the database
// keeps (decisions 0001, 0108, 0110).
import { randomUUID } from "node:crypto";
import {
  type ClaimInput,
  type ClaimResult,
  HISTORY_SIZE,
  type HistoryEntry,
  type PlainTurnCommit,
  type PlainTurnCommitted,
  type RepeatedMessage,
  type StoreAndAnswer,
  type StoreDebtorMessageResult,
  type StoredAndAnswered,
  type TurnCase,
  type TurnContextRow,
  type TurnConversation,
  type TurnOfferRow,
  type TurnWrites,
  type WrittenMessage,
} from "../app/ports/chat.js";
import type { DirectSql } from "./direct-sql.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";
import { insideTransaction } from "./transaction-scope.js";

/** A transaction handle, opaque to the use cases that pass it back to these functions. */
export type TurnTx = P.TransactionClient;

/** Runs `work` in one database transaction: all of its writes commit, or none. */
export function inTransaction<T>(prisma: Prisma, work: (tx: TurnTx) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => insideTransaction(() => work(tx)));
}

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

/** A turn's context as amiable_turn_context returns it. */
export interface RawTurnContext {
  case: RawCase | null;
  caseFingerprint: string;
  conversation: RawConversation | null;
  lastSeq: number;
  lastDebtor: { seq: number; text: string } | null;
  history: HistoryEntry[];
}

/** The context read, typed; null when the case or the conversation does not exist. */
export function toTurnContext(raw: RawTurnContext): TurnContextRow | null {
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

/** Everything a turn reads, in one statement: the case, its fingerprint, the conversation. */
export async function loadTurnContext(
  sql: DirectSql,
  caseId: string,
  conversationId: string,
): Promise<TurnContextRow | null> {
  const r = await sql.value(`SELECT amiable_turn_context($1::text, $2::text, $3::int) AS r`, [
    caseId,
    conversationId,
    HISTORY_SIZE,
  ]);
  return toTurnContext(json<RawTurnContext>(r));
}

/**
 * Stores a debtor message once per clientMessageId, in one call that also reads the conversation
 * and its last messages (what the turn needs), and the whole turn context when `caseId` is given
 * (decision 0112). It takes the conversation's row lock first, like every writer of messages, so
 * its number is free. Returns `created: false` with the first row for a repeat.
 */
export async function storeDebtorMessage(
  sql: DirectSql,
  conversationId: string,
  clientMessageId: string,
  text: string,
  caseId?: string,
): Promise<StoreDebtorMessageResult> {
  const r = caseId
    ? await sql.value(
        `SELECT amiable_store_debtor_message_context($1::text, $2::text, $3::text, $4::text, $5::text, $6::int) AS r`,
        [caseId, conversationId, randomUUID(), text, clientMessageId, HISTORY_SIZE],
      )
    : await sql.value(
        `SELECT amiable_store_debtor_message($1::text, $2::text, $3::text, $4::text, $5::int) AS r`,
        [conversationId, randomUUID(), text, clientMessageId, HISTORY_SIZE],
      );
  return toStored(json<RawStored | null>(r ?? null), conversationId);
}

type RawStored =
  | {
      created: true;
      id: string;
      seq: number;
      text: string;
      createdAt: string;
      conversation: RawConversation;
      history: HistoryEntry[];
      context?: RawTurnContext;
    }
  | { created: false; repeat: RepeatedMessage | null };

function toStored(raw: RawStored | null, conversationId: string): StoreDebtorMessageResult {
  if (!raw) throw new Error(`conversation ${conversationId} does not exist`);
  if (!raw.created) {
    if (!raw.repeat) throw new Error(`could not store a message in conversation ${conversationId}`);
    return { created: false, message: raw.repeat };
  }
  const context = raw.context ? toTurnContext(raw.context) : null;
  return {
    created: true,
    message: {
      id: raw.id,
      seq: raw.seq,
      text: raw.text,
      createdAt: utc(raw.createdAt),
      conversation: toConversation(raw.conversation),
      history: raw.history,
      ...(context ? { context } : {}),
    },
  };
}

/** A message (a debtor's, or an action's record) stored earlier under this clientMessageId, with what is known of its answer. */
export async function findByClientMessageId(
  sql: DirectSql,
  conversationId: string,
  clientMessageId: string,
): Promise<RepeatedMessage | null> {
  const r = await sql.value(`SELECT amiable_find_client_message($1::text, $2::text) AS r`, [
    conversationId,
    clientMessageId,
  ]);
  return json<RepeatedMessage | null>(r ?? null);
}

/** The claim's parameters, in the order of amiable_claim_turn's (and amiable_commit_plain_turn's first nine). */
function claimParams(input: ClaimInput): unknown[] {
  return [
    input.conversationId,
    input.claim.kind,
    input.claim.kind === "answer" ? input.claim.seq : 0,
    input.version,
    input.caseFingerprint,
    JSON.stringify(input.write.state),
    input.write.verifyAttempts,
    input.write.verifiedAt?.toISOString() ?? null,
    input.write.lockedAt?.toISOString() ?? null,
  ];
}
const CLAIM_ARGS = "$1::text, $2::text, $3::int, $4::int, $5::text, $6::jsonb, $7::int, $8::text, $9::text";

type RawClaim = { humanOwnerId: string | null; version: number } | { failed: "answered" | "stale" };

function toClaim(raw: RawClaim): ClaimResult {
  if ("failed" in raw) return { status: raw.failed };
  return { status: "claimed", humanOwnerId: raw.humanOwnerId, version: raw.version };
}

/**
 * The turn's first call inside a transaction (a turn with writes of its own: accept, escalation):
 * locks the conversation, checks that nothing changed since the turn read it and that its message
 * is not answered yet, then writes the conversation's new state.
 */
export async function claimTurn(tx: TurnTx, input: ClaimInput): Promise<ClaimResult> {
  const rows = await tx.$queryRawUnsafe<{ r: unknown }[]>(
    `SELECT amiable_claim_turn(${CLAIM_ARGS}) AS r`,
    ...claimParams(input),
  );
  return toClaim(json<RawClaim>(rows[0]?.r));
}

/** The JSON parameters of a turn's writes (offers, messages, events), as the functions read them. */
function writeJson(w: TurnWrites): { offers: string; messages: string; events: string } {
  return {
    offers: JSON.stringify(
      w.offers.map((o, n) => ({ ...o, n, total: String(o.total), expiresAt: o.expiresAt.toISOString() })),
    ),
    messages: JSON.stringify(
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
    events: JSON.stringify(
      w.events.map((e) => ({ id: randomUUID(), messageId: e.messageId ?? null, kind: e.kind, data: e.data })),
    ),
  };
}

function toWritten(value: unknown): WrittenMessage[] {
  return json<{ id: string; seq: number; createdAt: string }[]>(value).map((m) => ({
    ...m,
    createdAt: utc(m.createdAt),
  }));
}

/**
 * The turn's second call inside a transaction: offers, messages, events, case status and a
 * withdrawn promise, in one statement (the caller's transaction holds the conversation lock, so the
 * numbers are free).
 */
export async function writeTurn(tx: TurnTx, w: TurnWrites): Promise<WrittenMessage[]> {
  const j = writeJson(w);
  const rows = await tx.$queryRawUnsafe<{ r: unknown }[]>(
    `SELECT amiable_write_turn($1::text, $2::text, $3::jsonb, $4::boolean, $5::jsonb, $6::jsonb, $7::jsonb,
              $8::text, $9::text, $10::text) AS r`,
    w.conversationId,
    w.caseId,
    JSON.stringify(w.declined),
    w.supersedeOpen,
    j.offers,
    j.messages,
    j.events,
    w.caseStatus,
    w.now.toISOString(),
    w.cancelPromiseId,
  );
  return toWritten(rows[0]?.r);
}

/**
 * A turn with no writes of its own (the common case: no accepted offer, no escalation opened or
 * withdrawn) claimed and written in ONE call, so with no BEGIN and COMMIT: nothing is written unless
 * the claim holds, and a single statement commits whole or not at all. `owned` is what the turn
 * writes when a person took the conversation over while it was prepared (the claim reads the owner
 * under the lock and the function picks).
 */
export async function commitPlainTurn(sql: DirectSql, input: PlainTurnCommit): Promise<PlainTurnCommitted> {
  const value = await sql.batched(
    "commit",
    `SELECT amiable_commit_plain_turn(${CLAIM_ARGS}, ${PLAIN_WRITE_ARGS}) AS r`,
    plainCommitParams(input),
  );
  return toPlainCommitted(value);
}

/**
 * A debtor message stored and its turn committed in ONE call (decision 0116): the turn only when the
 * message took the number it was prepared for. A repeat or another number comes back without a commit.
 */
export async function storeAndAnswer(sql: DirectSql, input: StoreAndAnswer): Promise<StoredAndAnswered> {
  const value = await sql.batched(
    "store_answer",
    `SELECT amiable_store_and_answer(${CLAIM_ARGS}, ${PLAIN_WRITE_ARGS}, $22::text, $23::text, $24::text) AS r`,
    [...plainCommitParams(input.commit), randomUUID(), input.text, input.clientMessageId],
  );
  const r = json<{ stored: RawStored | null; commit?: unknown }>(value);
  const stored = toStored(r.stored, input.commit.claim.conversationId);
  return r.commit === undefined ? { stored } : { stored, commit: toPlainCommitted(r.commit) };
}

/** The write parameters of a plain commit, after the claim's nine. */
const PLAIN_WRITE_ARGS = `$10::text, $11::jsonb, $12::boolean, $13::jsonb, $14::jsonb, $15::jsonb,
  $16::jsonb, $17::jsonb, $18::jsonb, $19::text, $20::text, $21::text`;

function plainCommitParams(input: PlainTurnCommit): unknown[] {
  const free = writeJson(input.free);
  const owned = writeJson(input.owned);
  const w = input.free;
  return [
    ...claimParams(input.claim),
    w.caseId,
    JSON.stringify(w.declined),
    w.supersedeOpen,
    free.offers,
    owned.offers,
    free.messages,
    owned.messages,
    free.events,
    owned.events,
    w.caseStatus,
    w.now.toISOString(),
    w.cancelPromiseId,
  ];
}

function toPlainCommitted(value: unknown): PlainTurnCommitted {
  const r = json<{ claim: RawClaim; written: unknown; caseVersion?: string | null }>(value);
  return {
    claim: toClaim(r.claim),
    written: toWritten(r.written),
    ...(typeof r.caseVersion === "string" ? { caseFingerprint: r.caseVersion } : {}),
  };
}
