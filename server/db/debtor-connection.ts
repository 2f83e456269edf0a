// Opening a debtor link, in one statement (docs/decisions/0105-debtor-connection-in-one-statement.md):
// the link's last use is recorded, the case's conversation is created on the first visit, and the
// debtor's language, the case's status and the whole conversation (with each message's offer card)
// come back as one jsonb value, from the functions amiable_open_connection and amiable_debtor_history
// (server/db/sql/turn-functions.sql, decision 0110). It replaced nine Prisma model queries per connection; every
// statement is a round trip on PostgreSQL and WebAssembly work on PGlite, on the service's CPU.
import { randomUUID } from "node:crypto";
import {
  CONNECTION_STATEMENT_TAG,
  type DebtorConnection,
  type DebtorHistory,
  HISTORY_SIZE,
  type HistoryMessage,
} from "../app/ports/chat.js";
import type { JsonValue } from "../app/ports/rows.js";
import type { DirectSql } from "./direct-sql.js";
import { json, type RawTurnContext, toTurnContext, utc, utcOrNull } from "./turns.js";

interface RawMessage {
  id: string;
  seq: number;
  role: HistoryMessage["role"];
  text: string;
  createdAt: string;
  quickReplies: JsonValue | null;
  notice: JsonValue | null;
  offer: {
    id: string;
    kind: NonNullable<HistoryMessage["offer"]>["kind"];
    total: string;
    currency: string;
    instalments: JsonValue;
    expiresAt: string;
    status: NonNullable<HistoryMessage["offer"]>["status"];
  } | null;
}

function toMessage(raw: RawMessage): HistoryMessage {
  return {
    id: raw.id,
    seq: raw.seq,
    role: raw.role,
    text: raw.text,
    createdAt: utc(raw.createdAt),
    quickReplies: raw.quickReplies,
    meta: raw.notice === null ? {} : { notice: raw.notice },
    offer: raw.offer
      ? { ...raw.offer, total: BigInt(raw.offer.total), expiresAt: utc(raw.offer.expiresAt) }
      : null,
  };
}

interface RawHistory {
  status: string | null;
  answeredSeq: number | null;
  messages: RawMessage[];
}

function toHistory(raw: RawHistory, caseId: string): DebtorHistory {
  if (raw.status === null || raw.answeredSeq === null)
    throw new Error(`case ${caseId} or its conversation does not exist`);
  return { status: raw.status, answeredSeq: raw.answeredSeq, messages: raw.messages.map(toMessage) };
}

interface RawConnection {
  tokenId: string;
  caseId: string;
  locale: "fr" | "en";
  conversation: { id: string; lockedAt: string | null; answeredSeq: number };
  history: RawHistory | null;
  /** With read "context" (amiable_open_connection_context, decision 0117). */
  context?: RawTurnContext;
}

export async function openDebtorConnection(
  sql: DirectSql,
  tokenHash: string,
  now: Date,
  read: "link" | "history" | "context",
): Promise<DebtorConnection | null> {
  const raw = json<RawConnection | null>(
    (read === "context"
      ? // Batched (decision 0122): under load, opening links is most of the statements that wake
        // PostgreSQL one by one.
        await sql.batched(
          "open",
          `${CONNECTION_STATEMENT_TAG}
     SELECT amiable_open_connection_context($1::text, $2::text, $3::text, $4::int) AS r`,
          [tokenHash, now.toISOString(), randomUUID(), HISTORY_SIZE],
        )
      : await sql.value(
          `${CONNECTION_STATEMENT_TAG}
     SELECT amiable_open_connection($1::text, $2::text, $3::text, $4::boolean) AS r`,
          [tokenHash, now.toISOString(), randomUUID(), read === "history"],
        )) ?? null,
  );
  if (!raw) return null;
  const history = raw.history ? toHistory(raw.history, raw.caseId) : null;
  const context = raw.context ? toTurnContext(raw.context) : null;
  return {
    tokenId: raw.tokenId,
    caseId: raw.caseId,
    locale: raw.locale,
    conversation: { id: raw.conversation.id, lockedAt: utcOrNull(raw.conversation.lockedAt) },
    history: history && context ? { ...history, context } : history,
  };
}

/**
 * The conversation shown to the debtor and the case's status, in one statement; with `withContext`,
 * a turn's whole context too (decision 0112).
 */
export async function readDebtorHistory(
  sql: DirectSql,
  caseId: string,
  conversationId: string,
  withContext = false,
): Promise<DebtorHistory> {
  const raw = json<RawHistory & { context?: RawTurnContext }>(
    withContext
      ? await sql.value(
          `${CONNECTION_STATEMENT_TAG}
     SELECT amiable_debtor_history_context($1::text, $2::text, $3::int) AS r`,
          [caseId, conversationId, HISTORY_SIZE],
        )
      : await sql.value(
          `${CONNECTION_STATEMENT_TAG}
     SELECT amiable_debtor_history($1::text, $2::text) AS r`,
          [caseId, conversationId],
        ),
  );
  const history = toHistory(raw, caseId);
  const context = raw.context ? toTurnContext(raw.context) : null;
  return context ? { ...history, context } : history;
}
