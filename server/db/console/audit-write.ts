// An audit row on its own (for actions whose changes are audited one by one elsewhere, such as an
// import summary): appendAudit in a transaction of its own.
import { type AuditEntry, appendAudit } from "../audit.js";
import type { Prisma } from "../open.js";

export async function appendAuditNow(prisma: Prisma, entry: AuditEntry): Promise<void> {
  await prisma.$transaction((tx) => appendAudit(tx, entry));
}
