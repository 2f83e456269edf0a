// What the chat keeps in memory between a conversation's turns, so that a turn reads the database
// once at most: the case (with the fingerprint it was read at), the conversation row (with its
// version) and the last messages. Nothing here is trusted blindly: a turn's commit checks the
// version and the fingerprint under the conversation's lock and reruns on a stale read (a
// collector's payment or offer, another instance's turn), and the case is dropped whenever a turn
// writes case data itself (except a status it knows, which it applies: replaceCase).
import { HISTORY_SIZE, type HistoryEntry, type TurnCase, type TurnConversation } from "../ports/chat.js";

export interface CachedTurnData {
  case?: { readonly detail: TurnCase; readonly fingerprint: string };
  conversation: TurnConversation;
  history: HistoryEntry[];
}

export class TurnCache {
  private readonly entries = new Map<string, CachedTurnData>();

  constructor(private readonly maxEntries = 5_000) {}

  get(conversationId: string): CachedTurnData | undefined {
    return this.entries.get(conversationId);
  }

  /** Replaces everything known of the conversation with a fresh read. */
  set(conversationId: string, data: CachedTurnData): void {
    this.entries.delete(conversationId);
    this.entries.set(conversationId, { ...data, history: lastOf(data.history) });
    // The oldest conversation leaves first (a Map iterates in insertion order).
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * Takes a read made on the way (with a stored message, with the debtor's view): it fills in the
   * case when none is held, and the conversation and messages as `note` does (decision 0112). A case
   * already held is kept: it is at least as recent as a read that started before it was noted.
   */
  fill(conversationId: string, data: Required<CachedTurnData>): void {
    const entry = this.entries.get(conversationId);
    if (!entry) {
      this.set(conversationId, data);
      return;
    }
    if (!entry.case) entry.case = data.case;
    this.note(conversationId, data.conversation, data.history);
  }

  /**
   * Notes a conversation row read or written: the higher version wins, and on a tie the later read
   * (its owner and answered message are not versioned). Messages are merged by number.
   */
  note(conversationId: string, conversation: TurnConversation, messages: readonly HistoryEntry[]): void {
    const entry = this.entries.get(conversationId);
    if (!entry) return;
    if (conversation.version >= entry.conversation.version) {
      entry.conversation = {
        ...conversation,
        answeredSeq: Math.max(conversation.answeredSeq, entry.conversation.answeredSeq),
      };
    }
    entry.history = merge(entry.history, messages);
  }

  /**
   * A turn changed the case it read in a way it knows whole (its status): the case becomes `next`
   * of it, if the cache still holds that very read; otherwise the case is dropped and read again.
   */
  replaceCase(
    conversationId: string,
    read: TurnCase,
    next: (detail: TurnCase) => NonNullable<CachedTurnData["case"]>,
  ): void {
    const entry = this.entries.get(conversationId);
    if (!entry) return;
    if (entry.case?.detail === read) entry.case = next(read);
    else delete entry.case;
  }

  /** The turn wrote case data: the next turn reads the case again. */
  dropCase(conversationId: string): void {
    const entry = this.entries.get(conversationId);
    if (entry) delete entry.case;
  }

  drop(conversationId: string): void {
    this.entries.delete(conversationId);
  }
}

function merge(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  const bySeq = new Map<number, HistoryEntry>();
  for (const m of [...a, ...b]) bySeq.set(m.seq, m);
  return lastOf([...bySeq.values()].sort((x, y) => x.seq - y.seq));
}

const lastOf = (history: readonly HistoryEntry[]) => history.slice(-HISTORY_SIZE);
