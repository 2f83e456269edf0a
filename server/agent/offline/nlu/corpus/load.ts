// Loads the labelled corpus (JSON lines). Test and script support only: the NLU itself
// never reads files.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { INTENTS, type Intent } from "../types.js";

const intentSchema = z.enum(INTENTS as unknown as [Intent, ...Intent[]]);

const itemSchema = z.strictObject({
  text: z.string(),
  intent: intentSchema,
  expecting: z.enum(["identity", "reason", "proposal", "confirmation"]).optional(),
  currency: z.string().length(3).optional(),
  slots: z
    .strictObject({
      amounts: z
        .array(
          z.strictObject({
            amount: z.number().int(),
            currency: z.string().length(3).optional(),
            perPeriod: z.enum(["month", "week"]).optional(),
          }),
        )
        .optional(),
      count: z.number().int().optional(),
      dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
      percent: z.number().optional(),
      disputeReason: z
        .enum(["not_mine", "wrong_amount", "goods_or_service", "never_received", "charged_twice", "other"])
        .optional(),
      reasonForNonPayment: z.enum(["forgot", "admin", "dispute", "hardship"]).optional(),
    })
    .optional(),
});

export type CorpusItem = z.infer<typeof itemSchema> & { locale: "fr" | "en"; line: number };

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The main labelled corpus of a language (`fr.jsonl`, `en.jsonl`). */
export function loadCorpus(locale: "fr" | "en", dir: string = CORPUS_DIR): CorpusItem[] {
  return loadFile(path.join(dir, `${locale}.jsonl`), locale);
}

/**
 * Held-out utterances (`holdout.fr.jsonl`, `holdout.en.jsonl`): written after the rules,
 * scored once, and never used to tune them. Their accuracy is the honest in-domain figure.
 */
export function loadHoldout(locale: "fr" | "en", dir: string = CORPUS_DIR): CorpusItem[] {
  return loadFile(path.join(dir, `holdout.${locale}.jsonl`), locale);
}

function loadFile(file: string, locale: "fr" | "en"): CorpusItem[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const items: CorpusItem[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = itemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path.basename(file)}:${i + 1}: ${parsed.error.message}`);
    items.push({ ...parsed.data, locale, line: i + 1 });
  });
  return items;
}
