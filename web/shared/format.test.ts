// The words every web page uses for dates and money.
import { describe, expect, it } from "vitest";
import { formatDay, formatMoney } from "./format.js";

describe("web formats", () => {
  it("writes the first of a month as an ordinal in French, as the server's words do", () => {
    expect(formatDay("2027-03-01", "fr")).toBe("1er mars 2027");
    expect(formatDay("2027-03-11", "fr")).toBe("11 mars 2027");
    expect(formatDay("2027-03-01", "en")).toBe("1 March 2027");
    expect(formatDay("not a date", "fr")).toBe("not a date");
  });

  it("shows minor units in major units with the currency", () => {
    expect(formatMoney(129033, "EUR", "en")).toBe("€1,290.33");
  });
});
