// The creditor store: one creditor, the list, settings changed with an audit row.
import type { CreditorRow } from "./rows.js";

export interface CreditorsStore {
  find(id: string): Promise<CreditorRow | null>;
  /** By name, at most 500. */
  list(): Promise<CreditorRow[]>;
  /** Applies the given columns (null clears one); null when the creditor does not exist. */
  updateSettings(
    id: string,
    columns: Record<string, string | null>,
    actorId: string,
  ): Promise<CreditorRow | null>;
}
