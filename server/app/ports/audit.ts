// The hash-chained audit log: an entry on its own, inside a transaction, and the admin's page.
import type { AuditLogRow } from "./rows.js";

export interface AuditEntry {
  readonly actorType: "user" | "debtor" | "system" | "assistant";
  readonly actorId?: string | undefined;
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string | undefined;
  readonly data?: Record<string, unknown>;
}

export interface AuditRowsPage {
  items: AuditLogRow[];
  total: number;
  /** Id of the first row whose hash does not chain, or null when intact. */
  brokenAt: bigint | null;
  /** Emails of the users named on the page, by id. */
  actors: Map<string, string>;
}

export interface AuditStore {
  /** Appends in a transaction of its own (inside `stores.transaction`, use `tx.audit.append`). */
  append(entry: AuditEntry): Promise<void>;
  page(page: number, pageSize: number, action?: string): Promise<AuditRowsPage>;
}

/** Inside a transaction: the row commits with the change it records. */
export interface AuditTxStore {
  append(entry: AuditEntry): Promise<void>;
}
