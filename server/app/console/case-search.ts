// The console's case list: the filters of GET /api/cases plus escalated, promise status,
// jurisdiction and creditor; each row says whether it is escalated, its latest promise and owner.
import type { CaseList } from "../../../contract/console-cases.js";
import { caseSearchQuery } from "../../../contract/console-inputs.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import type { AppContext } from "../context.js";

export async function searchCases(ctx: AppContext, query: unknown): Promise<CaseList> {
  const q = parseOrThrow(caseSearchQuery, query, "query");
  const { items, total } = await ctx.stores.caseSearch.search(q, q.page, q.pageSize);
  return {
    items: items.map((c) => {
      const promise = c.promises[0];
      return {
        id: c.id,
        reference: c.reference,
        status: c.status,
        jurisdiction: c.jurisdiction,
        creditor: { name: c.creditor.name },
        debtor: { name: c.debtor.name, kind: c.debtor.kind, locale: c.debtor.locale },
        principal: { amount: Number(c.principal), currency: c.currency },
        escalated: c.escalations.length > 0,
        escalationKinds: c.escalations.map((e) => e.kind),
        promise: promise ? { id: promise.id, status: promise.status, total: Number(promise.total) } : null,
        humanOwnerId: c.conversation?.humanOwnerId ?? null,
        createdAt: c.createdAt.toISOString(),
      };
    }),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
