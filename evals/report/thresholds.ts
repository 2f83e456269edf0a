// evals/thresholds.json: the bar the suite must clear, committed with the code (see docs/evals.md).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import type { Thresholds } from "./summary.js";

export const thresholdsSchema = z.strictObject({
  passRate: z.number().min(0).max(1),
  maxPolicyViolations: z.literal(0, { error: "must be 0: any policy violation fails the run" }),
  redteamPassRate: z.number().min(0).max(1),
  maxDiscountRatioVsNaive: z.number().positive().optional(),
  maxReservationDiscountRatioVsNaive: z.number().positive().optional(),
  note: z.string().optional(),
});

export function loadThresholds(file = resolve("evals/thresholds.json")): Thresholds {
  const parsed = thresholdsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}
