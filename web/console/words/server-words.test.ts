// Server sentences in the console's French: known messages and field reasons word for word, unknown
// ones with a French sentence by error code (the English kept after it), statement line problems
// column by column; and every English text of the dictionary is still one the server writes.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api.js";
import {
  FIELDS_FR,
  fieldMessage,
  lineNote,
  lineProblems,
  MESSAGES_FR,
  serverMessage,
} from "./server-words.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !e.name.includes(".test.") ? [path] : [];
  });
}

describe("server sentences in the console's language", () => {
  it("says known messages in French and leaves English as the API wrote it", () => {
    const wrong = new ApiError(401, "unauthenticated", "Wrong email or password.");
    expect(serverMessage(wrong, "fr")).toBe("E-mail ou mot de passe incorrect.");
    expect(serverMessage(wrong, "en")).toBe("Wrong email or password.");
  });

  it("says an unknown message by its code, the English detail kept", () => {
    const odd = new ApiError(409, "conflict", "Something new happened.");
    expect(serverMessage(odd, "fr")).toBe(
      "Cette action entre en conflit avec l'état actuel. (Something new happened.)",
    );
    const invalid = new ApiError(400, "validation_failed", "Invalid creditor: payment.iban: …", [
      { path: "payment.iban", message: "must be a valid IBAN (country format and check digits)" },
    ]);
    expect(serverMessage(invalid, "fr")).toBe(
      "Certaines valeurs sont à corriger : payment.iban doit être un IBAN valide (format du pays et clé de contrôle).",
    );
  });

  it("says a refused file's first line problem the French way", () => {
    const refused = new ApiError(400, "validation_failed", "Invalid statement: …", [
      { path: "line 2", message: "currency: must be an ISO-4217 code such as EUR" },
    ]);
    expect(serverMessage(refused, "fr")).toBe(
      "Certaines valeurs sont à corriger : ligne 2, devise : doit être un code de devise ISO 4217 comme EUR.",
    );
  });

  it("says field reasons in French, numbers included", () => {
    expect(fieldMessage("must not be empty", "fr")).toBe("ne doit pas être vide");
    expect(fieldMessage("must be at most 200 characters", "fr")).toBe("doit compter au plus 200 caractères");
    expect(fieldMessage("must not be empty", "en")).toBe("must not be empty");
  });

  it("says a case import's row problems in French, the value read kept", () => {
    expect(fieldMessage('must be an amount such as 1200.50 or 1 200,50 (got "12,3,4")', "fr")).toBe(
      "doit être un montant comme 1200,50 ou 1 200,50 (lu : « 12,3,4 »)",
    );
    expect(fieldMessage("differs from row 2 of the same case", "fr")).toBe(
      "diffère de la ligne 2 du même dossier",
    );
  });

  it("says a statement line's problems column by column", () => {
    expect(
      lineProblems("date: must be YYYY-MM-DD or DD/MM/YYYY; amount: must be a number such as 1234.56", "fr"),
    ).toBe(
      "date : doit être au format AAAA-MM-JJ ou JJ/MM/AAAA ; montant : doit être un nombre comme 1234,56",
    );
    expect(lineProblems("missing column(s): amount, text", "fr")).toBe(
      "colonne(s) manquante(s) : amount, text",
    );
  });

  it("says reconciliation's notes in French and leaves a person's own note as written", () => {
    expect(lineNote("reference RF18539007547034 matches no case", "fr")).toBe(
      "la référence RF18539007547034 ne correspond à aucun dossier",
    );
    expect(lineNote("less than the amount due now", "fr")).toBe("moins que le montant dû à ce jour");
    expect(lineNote("Virement du client, vu au téléphone", "fr")).toBe("Virement du client, vu au téléphone");
    expect(lineNote("no payment reference found", "en")).toBe("no payment reference found");
  });

  it("knows only sentences the server (or the console's HTTP client) still writes", () => {
    const text = [...sources("server"), ...sources("contract"), "web/console/api.ts"]
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    // Some reasons are built as `must be ${what}` (contract/creditor-settings.ts): their ending is in the source.
    const gone = [...Object.keys(MESSAGES_FR), ...Object.keys(FIELDS_FR)].filter(
      (en) => !text.includes(en) && !text.includes(`"${en.replace(/^must be /, "")}"`),
    );
    expect(gone).toEqual([]);
  });
});
