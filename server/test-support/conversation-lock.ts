// Another writer, on its own PostgreSQL connection, holding a conversation's row lock in an open
// transaction (as a turn's claim or a collector's takeover does): what the store tests use to make
// a statement wait for that lock, then write under it themselves before they commit.
import pg from "pg";

export interface ConversationLockHolder {
  /** Runs a statement inside the holder's transaction. */
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Commits (releasing the lock) and closes the connection. */
  commit(): Promise<void>;
  /** Closes the connection (rolling back if still open); safe after commit. */
  end(): Promise<void>;
}

export async function holdConversationLock(
  url: string,
  conversationId: string,
): Promise<ConversationLockHolder> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let ended = false;
  const end = async () => {
    if (ended) return;
    ended = true;
    await client.end();
  };
  try {
    await client.query("BEGIN");
    await client.query(`SELECT id FROM "Conversation" WHERE id = $1 FOR UPDATE`, [conversationId]);
  } catch (error) {
    await end();
    throw error;
  }
  return {
    query: (text, values = []) => client.query(text, values),
    async commit() {
      await client.query("COMMIT");
      await end();
    },
    end,
  };
}
