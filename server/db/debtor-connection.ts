// Opening a debtor link, in one statement (docs/decisions/0105-debtor-connection-in-one-statement.md):
// the link's last use is recorded, the case's conversation is created on the first visit, and the
// debtor's language, the case's status and the whole conversation (with each message's offer card)
// come back as one jsonb value. It replaced nine Prisma model queries per connection; every
// statement is a round trip on PostgreSQL and WebAssembly work on PGlite, on the service's CPU.
import { randomUUID } from "node:crypto";
import {
  CONNECTION_STATEMENT_TAG,
  type DebtorConnection,
  type DebtorHistory,
  type HistoryMessage,
} from "../app/ports/chat.js";
import type { JsonValue } from "../app/ports/rows.js";
import type { Prisma } from "./open.js";
import { json, utc, utcOrNull } from "./turns.js";

// Every message in order, with what its wire form needs: the offer it shows and the notice key of
// a system message (meta.notice; the rest of meta is the service's own and stays here).
const messagesJson = (conversationIdSql: string) => `COALESCE((
  SELECT jsonb_agg(jsonb_build_object(
      'id', m.id, 'seq', m.seq, 'role', m.role, 'text', m.text, 'createdAt', m."createdAt",
      'quickReplies', m."quickReplies", 'notice', m.meta -> 'notice',
      'offer', CASE WHEN o.id IS NULL THEN NULL ELSE jsonb_build_object(
          'id', o.id, 'kind', o.kind, 'total', o.total::text, 'currency', o.currency,
          'instalments', o.instalments, 'expiresAt', o."expiresAt", 'status', o.status) END)
    ORDER BY m.seq)
    FROM "Message" m LEFT JOIN "Offer" o ON o.id = m."offerId"
   WHERE m."conversationId" = ${conversationIdSql}), '[]'::jsonb)`;

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

const historyJson = (caseIdSql: string, conversationIdSql: string) => `jsonb_build_object(
    'status', (SELECT hc.status FROM "Case" hc WHERE hc.id = ${caseIdSql}),
    'answeredSeq', (SELECT hv."answeredSeq" FROM "Conversation" hv WHERE hv.id = ${conversationIdSql}),
    'messages', ${messagesJson(conversationIdSql)})`;

interface RawConnection {
  tokenId: string;
  caseId: string;
  locale: "fr" | "en";
  conversation: { id: string; lockedAt: string | null; answeredSeq: number } | null;
  history: RawHistory | null;
}

/**
 * The link is live when it is not revoked and not expired (the rule of the Prisma lookup it
 * replaced). The conversation is inserted only for a live link and only when the case has none. All
 * parts of a statement see one snapshot: the history of a conversation inserted here is empty, and
 * a concurrent first visit that inserts it after this snapshot leaves `conversation` null, so the
 * statement runs once more (it then sees the other visit's row).
 */
const openConnection = (withHistory: boolean) => `${CONNECTION_STATEMENT_TAG}
WITH tok AS (
  UPDATE "DebtorAccessToken" SET "lastUsedAt" = $2::timestamp(3)
   WHERE "tokenHash" = $1 AND "revokedAt" IS NULL AND "expiresAt" > $2::timestamp(3)
  RETURNING id, "caseId"),
ins AS (
  INSERT INTO "Conversation" (id, "caseId", "updatedAt")
  SELECT $3, tok."caseId", CURRENT_TIMESTAMP FROM tok
   WHERE NOT EXISTS (SELECT 1 FROM "Conversation" e WHERE e."caseId" = tok."caseId")
  ON CONFLICT ("caseId") DO NOTHING
  RETURNING id, "lockedAt", "answeredSeq"),
conv AS (
  SELECT id, "lockedAt", "answeredSeq" FROM ins
  UNION ALL
  SELECT v.id, v."lockedAt", v."answeredSeq" FROM "Conversation" v JOIN tok ON v."caseId" = tok."caseId"),
one AS (SELECT * FROM conv LIMIT 1)
SELECT jsonb_build_object(
    'tokenId', tok.id, 'caseId', tok."caseId", 'locale', d.locale,
    'conversation', (SELECT jsonb_build_object('id', id, 'lockedAt', "lockedAt", 'answeredSeq', "answeredSeq") FROM one),
    'history', ${
      withHistory
        ? `jsonb_build_object('status', c.status, 'answeredSeq', (SELECT "answeredSeq" FROM one),
             'messages', ${messagesJson("(SELECT id FROM one)")})`
        : "NULL"
    }) AS r
  FROM tok JOIN "Case" c ON c.id = tok."caseId" JOIN "Debtor" d ON d.id = c."debtorId"`;

const OPEN_WITH_HISTORY = openConnection(true);
const OPEN_WITHOUT_HISTORY = openConnection(false);

export async function openDebtorConnection(
  prisma: Prisma,
  tokenHash: string,
  now: Date,
  withHistory: boolean,
): Promise<DebtorConnection | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const rows = await prisma.$queryRawUnsafe<{ r: unknown }[]>(
      withHistory ? OPEN_WITH_HISTORY : OPEN_WITHOUT_HISTORY,
      tokenHash,
      now.toISOString(),
      randomUUID(),
    );
    if (!rows[0]) return null;
    const raw = json<RawConnection>(rows[0].r);
    if (!raw.conversation) continue;
    return {
      tokenId: raw.tokenId,
      caseId: raw.caseId,
      locale: raw.locale,
      conversation: { id: raw.conversation.id, lockedAt: utcOrNull(raw.conversation.lockedAt) },
      history: raw.history ? toHistory(raw.history, raw.caseId) : null,
    };
  }
  throw new Error("the conversation of a debtor link could not be created or read");
}

/** The conversation shown to the debtor and the case's status, in one statement. */
export async function readDebtorHistory(
  prisma: Prisma,
  caseId: string,
  conversationId: string,
): Promise<DebtorHistory> {
  const rows = await prisma.$queryRawUnsafe<{ r: unknown }[]>(
    `${CONNECTION_STATEMENT_TAG}
     SELECT ${historyJson("$1", "$2")} AS r`,
    caseId,
    conversationId,
  );
  return toHistory(json<RawHistory>(rows[0]?.r), caseId);
}
