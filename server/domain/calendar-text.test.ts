import { describe, expect, it } from "vitest";
import { frenchFirstOfMonth, longDateText } from "./calendar-text.js";

describe("calendar dates in words", () => {
  it("writes the first of a month as an ordinal in French only", () => {
    expect(longDateText("2027-03-01", "fr-FR")).toBe("1er mars 2027");
    expect(longDateText("2027-03-11", "fr-FR")).toBe("11 mars 2027");
    expect(longDateText("2027-03-21", "fr-FR")).toBe("21 mars 2027");
    expect(longDateText("2027-03-15", "fr-FR")).toBe("15 mars 2027");
    expect(longDateText("2027-03-01", "en-GB")).toBe("1 March 2027");
  });

  it("leaves amounts and other numbers alone", () => {
    expect(frenchFirstOfMonth("1 mars 2027 à 10:00", "fr-FR")).toBe("1er mars 2027 à 10:00");
    expect(frenchFirstOfMonth("le 1 décembre", "fr-FR")).toBe("le 1er décembre");
    expect(frenchFirstOfMonth("31 mars", "fr-FR")).toBe("31 mars");
    expect(frenchFirstOfMonth("2026-12-01", "fr-FR")).toBe("2026-12-01");
  });
});
