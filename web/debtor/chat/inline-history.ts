// The conversation so far, written into the page by the server (decision 0092), so that the page
// shows it before its socket connects. Read once; anything malformed is ignored (the socket then
// sends the whole history, as it did before).
import { INLINE_HISTORY_ID, type InlineHistory } from "../../../contract/debtor-page.js";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { CHAT_CASE_STATUSES } from "../../../contract/enums.js";

const STATUSES: ReadonlySet<string> = new Set(CHAT_CASE_STATUSES);

const isMessage = (m: unknown): m is WireMessage => {
  const v = m as Partial<WireMessage> | null;
  return (
    !!v &&
    typeof v === "object" &&
    typeof v.id === "string" &&
    typeof v.text === "string" &&
    typeof v.role === "string" &&
    typeof v.createdAt === "string"
  );
};

/** Parses the inline history's JSON; null when it is absent or not the expected shape. */
export function parseInlineHistory(json: string | null | undefined): InlineHistory | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const v = value as { messages?: unknown; status?: unknown } | null;
  if (!v || !Array.isArray(v.messages) || typeof v.status !== "string" || !STATUSES.has(v.status))
    return null;
  return { messages: v.messages.filter(isMessage), status: v.status as InlineHistory["status"] };
}

/** The inline history of this page, if the server wrote one. */
export function readInlineHistory(doc: Document | undefined = globalThis.document): InlineHistory | null {
  return parseInlineHistory(doc?.getElementById(INLINE_HISTORY_ID)?.textContent);
}
