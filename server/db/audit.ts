// The append-only, hash-chained audit log. Each row's hash covers the previous row's hash, so a
// removed or edited row breaks the chain (the table also refuses UPDATE and DELETE).
import { createHash } from "node:crypto";
import type { AuditEntry } from "../app/ports/audit.js";
import type { Prisma as P } from "./generated/client.js";
import type { Prisma } from "./open.js";

export type Tx = P.TransactionClient | Prisma;

export type { AuditEntry };

const GENESIS = "0".repeat(64);
// Serialises writers so that two appends never claim the same previous hash.
const AUDIT_LOCK_KEY = 7_311_001;

/** JSON with object keys sorted at every level: JSONB does not keep key order, the hash must not care. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function chainHash(prevHash: string, at: Date, entry: AuditEntry): string {
  return createHash("sha256")
    .update(
      canonical([
        prevHash,
        at.toISOString(),
        entry.actorType,
        entry.actorId ?? null,
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        entry.data ?? {},
      ]),
    )
    .digest("hex");
}

/** Appends inside the caller's transaction (so the audit row commits with the change it records). */
export async function appendAudit(tx: P.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  await tx.auditLog.create({
    data: {
      at,
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      data: (entry.data ?? {}) as P.InputJsonValue,
      prevHash,
      hash: chainHash(prevHash, at, entry),
    },
  });
}

/** Recomputes the chain; returns the id of the first broken row, or null when intact. */
export async function verifyAuditChain(prisma: Prisma): Promise<bigint | null> {
  const rows = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
  let prev = GENESIS;
  for (const row of rows) {
    const entry: AuditEntry = {
      actorType: row.actorType as AuditEntry["actorType"],
      actorId: row.actorId ?? undefined,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId ?? undefined,
      data: row.data as Record<string, unknown>,
    };
    if (row.prevHash !== prev || row.hash !== chainHash(prev, row.at, entry)) return row.id;
    prev = row.hash;
  }
  return null;
}

export async function listAudit(prisma: Prisma, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    prisma.auditLog.findMany({ orderBy: { id: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.auditLog.count(),
  ]);
  return { items, total };
}
