// The creditor store (app/ports/creditors.ts) on the database client.
import type { CreditorsStore } from "../../app/ports/creditors.js";
import { findCreditor, listCreditors, updateCreditorSettings } from "../creditors.js";
import type { Prisma } from "../open.js";

export function creditorsStore(db: Prisma): CreditorsStore {
  return {
    find: (id) => findCreditor(db, id),
    list: () => listCreditors(db),
    updateSettings: (id, columns, actorId) => updateCreditorSettings(db, id, columns, actorId),
  };
}
