import { describe, expect, it } from "vitest";
import { elideBeforePlaceholders } from "./french-elision.js";

const values: Record<string, string> = {
  atelier: "Atelier Lumière SARL",
  edf: "EDF",
  ecole: "École du Parc",
  acme: "Acme",
  boulangerie: "Boulangerie Martin",
  hotel: "Hôtel du Port",
  amount: "1 200,00 €",
};
const elide = (t: string) => elideBeforePlaceholders(t, "fr", (n) => values[n]);

describe("French elision before a filled name", () => {
  it("writes d' and qu' before a name that starts with a vowel, accented or capital", () => {
    expect(elide("pour le compte de {atelier}.")).toBe("pour le compte d'{atelier}.");
    expect(elide("auprès de {edf}")).toBe("auprès d'{edf}");
    expect(elide("les factures de {ecole} et de {acme}")).toBe("les factures d'{ecole} et d'{acme}");
    expect(elide("De {acme}, rien")).toBe("D'{acme}, rien");
    expect(elide("ainsi que {acme}")).toBe("ainsi qu'{acme}");
  });

  it("leaves de before a consonant, an h, a figure, an unknown placeholder, and inside words", () => {
    expect(elide("de {boulangerie}")).toBe("de {boulangerie}");
    expect(elide("de {hotel}")).toBe("de {hotel}");
    expect(elide("de {amount}")).toBe("de {amount}");
    expect(elide("de {missing}")).toBe("de {missing}");
    expect(elide("monde {acme} et bande {acme}")).toBe("monde {acme} et bande {acme}");
    expect(elide("de  {acme}")).toBe("de  {acme}");
    expect(elideBeforePlaceholders("de {acme}", "en", (n) => values[n])).toBe("de {acme}");
  });
});
