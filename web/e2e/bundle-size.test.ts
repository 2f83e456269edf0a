// The debtor page's JavaScript stays under 150 KB gzipped (phones on slow networks).
import { describe, expect, it } from "vitest";
import { debtorBundleSize, JS_BUDGET_GZIP } from "./support/bundle.js";

describe("debtor page bundle", () => {
  it("is under the 150 KB gzip budget, without source maps", () => {
    const size = debtorBundleSize();
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzip, JSON.stringify(size.files)).toBeLessThan(JS_BUDGET_GZIP);
    console.info(
      `debtor JS: ${(size.bytes / 1024).toFixed(1)} KB, ${(size.gzip / 1024).toFixed(1)} KB gzipped`,
    );
  });
});
