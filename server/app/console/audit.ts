// The audit log for admins: newest first, with the actor's email and the hash-chain check.

import { auditQuery } from "../../../contract/console-inputs.js";
import type { AuditPage } from "../../../contract/console-reports.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { AppContext } from "../context.js";

export async function auditLog(ctx: AppContext, query: unknown): Promise<AuditPage> {
  const q = parseOrThrow(auditQuery, query, "query");
  const { items, total, brokenAt, actors } = await ctx.stores.audit.page(q.page, q.pageSize, q.action);
  return {
    chain: { intact: brokenAt === null, brokenAtId: brokenAt === null ? null : String(brokenAt) },
    items: items.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actorType: row.actorType,
      actorId: row.actorId,
      actorEmail: row.actorType === "user" && row.actorId ? (actors.get(row.actorId) ?? null) : null,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      data: row.data,
      hash: row.hash,
    })),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
