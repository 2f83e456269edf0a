// The KPI arithmetic on hand-made rows: rates, money per currency, kept rate split, median.
import { describe, expect, it } from "vitest";
import type { KpiConversationRow } from "../../db/console/kpis.js";
import { computeKpis } from "./kpis.js";

type PromiseRow = KpiConversationRow["case"]["promises"][number];

function row(o: {
  at: string;
  verified?: boolean;
  currency?: string;
  principal?: number;
  promises?: Partial<PromiseRow>[];
}): KpiConversationRow {
  return {
    createdAt: new Date(o.at),
    verifiedAt: o.verified === false ? null : new Date(o.at),
    case: {
      currency: o.currency ?? "EUR",
      principal: BigInt(o.principal ?? 100_000),
      promises: (o.promises ?? []).map((p) => ({
        status: "active",
        total: 100_000n,
        currency: o.currency ?? "EUR",
        obtainedBy: "assistant",
        acceptedAt: new Date(new Date(o.at).getTime() + 600_000),
        offer: { discountBps: 0, kind: "full" },
        ...p,
      })) as PromiseRow[],
    },
  };
}

const PERIOD = { from: "2026-11-01", to: "2026-11-03" };
const NO_FILTER = { creditor: null, policyVersion: null };

describe("computeKpis", () => {
  it("answers null rates on an empty period, with a zero-filled daily series", () => {
    const k = computeKpis([], [], PERIOD, NO_FILTER);
    expect(k).toMatchObject({
      conversations: 0,
      verificationRate: null,
      promiseToPayRate: null,
      averageDiscountBps: null,
    });
    expect(k.keptRate).toEqual({ overall: null, assistant: null, human: null });
    expect(k.daily).toEqual([
      { date: "2026-11-01", conversations: 0, promises: 0 },
      { date: "2026-11-02", conversations: 0, promises: 0 },
      { date: "2026-11-03", conversations: 0, promises: 0 },
    ]);
  });

  it("computes rates, amounts per currency, the kept rate split and the median time to agreement", () => {
    const rows = [
      row({
        at: "2026-11-01T10:00:00Z",
        promises: [
          { status: "kept", obtainedBy: "assistant", offer: { discountBps: 500, kind: "settlement" } },
        ],
      }),
      row({
        at: "2026-11-01T11:00:00Z",
        promises: [{ status: "broken", obtainedBy: "human", acceptedAt: new Date("2026-11-01T12:00:00Z") }],
      }),
      row({
        at: "2026-11-02T09:00:00Z",
        promises: [{ status: "kept", obtainedBy: "human", acceptedAt: new Date("2026-11-02T09:30:00Z") }],
      }),
      row({ at: "2026-11-02T09:00:00Z", verified: false }),
      row({
        at: "2026-11-03T09:00:00Z",
        currency: "GBP",
        principal: 50_000,
        promises: [{ status: "cancelled", total: 50_000n }],
      }),
    ];
    const k = computeKpis(
      rows,
      [
        { kind: "dispute", count: 1 },
        { kind: "broken_promise", count: 2 },
      ],
      PERIOD,
      NO_FILTER,
    );
    expect(k).toMatchObject({
      conversations: 5,
      verified: 4,
      verificationRate: 0.8,
      withPromise: 4,
      promiseToPayRate: 0.8,
    });
    expect(k.amounts).toEqual([
      { currency: "EUR", promised: 300_000, due: 400_000, ratio: 0.75 },
      { currency: "GBP", promised: 0, due: 50_000, ratio: 0 },
    ]);
    expect(k.promises).toEqual({ total: 4, active: 0, kept: 2, broken: 1, cancelled: 1 });
    expect(k.keptRate).toEqual({ overall: 2 / 3, assistant: 1, human: 0.5 });
    expect(k.averageDiscountBps).toBe(125);
    // 600 s, 3600 s, 1800 s and 600 s: the median of four is the mean of the middle two.
    expect(k.medianTimeToAgreementSeconds).toBe(1200);
    expect(k.escalationsByKind).toEqual([
      { kind: "broken_promise", count: 2 },
      { kind: "dispute", count: 1 },
    ]);
    expect(k.daily.map((d) => [d.conversations, d.promises])).toEqual([
      [2, 2],
      [2, 1],
      [1, 1],
    ]);
  });
});
