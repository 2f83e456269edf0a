// Scenario dates relative to the evaluation day, so that a debt stays "400 days old" whatever the
// day the suite is run for: "today", "today-400d", "today-7y", "today+10d" or a plain YYYY-MM-DD.
import { addDays, addMonths } from "../../server/policy/dates.js";
import type { CaseSpec } from "./schema.js";

export function resolveDate(value: string, today: string): string {
  if (!value.startsWith("today")) return value;
  let date = today;
  for (const m of value.slice(5).matchAll(/([+-])(\d+)([dmy])/g)) {
    const n = Number(m[2]) * (m[1] === "-" ? -1 : 1);
    date = m[3] === "d" ? addDays(date, n) : addMonths(date, m[3] === "m" ? n : n * 12);
  }
  return date;
}

/** The POST /api/cases body of a scenario for one run: dates resolved, a unique reference. */
export function caseBody(spec: CaseSpec, today: string, reference: string): Record<string, unknown> {
  return {
    ...spec,
    reference: spec.reference ? `${spec.reference}-${reference}` : reference,
    invoices: spec.invoices.map((i) => ({
      ...i,
      issuedAt: resolveDate(i.issuedAt, today),
      dueAt: resolveDate(i.dueAt, today),
    })),
  };
}
