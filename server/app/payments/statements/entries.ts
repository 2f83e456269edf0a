// One credit on a bank statement, whatever the file format: what reconciliation matches.
export interface StatementEntry {
  /** CSV: the spreadsheet row (header is 1); CAMT.053: the entry's position, from 1. */
  readonly lineNo: number;
  /** Booking date, YYYY-MM-DD. */
  readonly bookedAt: string;
  /** Minor units, positive (debits are left out by the readers). */
  readonly amount: number;
  readonly currency: string;
  /** Remittance information: where the debtor's reference is to be found. */
  readonly text: string;
  readonly counterparty: string | null;
  /** The bank's own id of the line, when the file has one: makes a re-import harmless. */
  readonly bankRef: string | null;
}

export interface EntryError {
  readonly lineNo: number;
  readonly message: string;
}

export interface ReadEntries {
  readonly entries: StatementEntry[];
  readonly errors: EntryError[];
  /** Debit lines, left out. */
  readonly skipped: number;
}

export const MAX_STATEMENT_LINES = 5000;
