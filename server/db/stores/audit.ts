// The audit log (app/ports/audit.ts) on the database client or inside an open transaction.
import type { AuditStore, AuditTxStore } from "../../app/ports/audit.js";
import { appendAudit } from "../audit.js";
import { auditPage } from "../console/audit-page.js";
import { appendAuditNow } from "../console/audit-write.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";

export function auditStore(db: Prisma): AuditStore {
  return {
    append: (entry) => appendAuditNow(db, entry),
    page: (page, pageSize, action) => auditPage(db, page, pageSize, action),
  };
}

export function auditTxStore(tx: P.TransactionClient): AuditTxStore {
  return { append: (entry) => appendAudit(tx, entry) };
}
