// Guard rails for a draft pack before it is published (COMPLIANCE.md): what the law of the pack's
// jurisdictions forbids, whatever the editor changed. The pack's own schema already refuses a
// disclosure or escalation text that uses the pack's forbidden wording; this adds what an edit of
// the pack itself could remove:
// - texts are checked against the published version's forbidden wording too (deleting an entry of
//   forbiddenWording does not make a threat legal), and so are the FAQ answers, which the schema
//   does not check;
// - every rule a published disclosure cites must still be cited by a disclosure (mini-Miranda
//   US-1, AI notice DP-8, FR-1 letter reference...): a mandatory disclosure cannot disappear;
// - fees stay within the legal caps of each jurisdiction (FR-B1/B2, FR-P1/P2).
import type { Locale } from "../domain/case-facts.js";
import type { PolicyPack } from "./schema.js";
import type { CaseFlag } from "./schema-text.js";
import { findForbiddenWording } from "./wording.js";

export interface LegalProblem {
  readonly path: string;
  readonly message: string;
  readonly rule: string;
}

const LOCALES: readonly Locale[] = ["fr", "en"];
/** C. com. L441-10 / D441-5: the fixed recovery indemnity is €40 per invoice. */
const FR_RECOVERY_INDEMNITY_MAX = 4000;

function texts(pack: PolicyPack): { path: string; text: string; locale: Locale }[] {
  const out: { path: string; text: string; locale: Locale }[] = [];
  for (const locale of LOCALES) {
    pack.disclosures.forEach((d, i) => {
      out.push({ path: `disclosures[${i}].text.${locale}`, text: d.text[locale], locale });
    });
    pack.escalation.forEach((t, i) => {
      out.push({ path: `escalation[${i}].handling.${locale}`, text: t.handling[locale], locale });
    });
    // FAQ answers are said to the debtor as written, and the studio's form edits them like the rest.
    for (const [topic, answer] of Object.entries(pack.faq ?? {})) {
      if (answer) out.push({ path: `faq.${topic}.${locale}`, text: answer[locale], locale });
    }
  }
  return out;
}

export function legalProblems(draft: PolicyPack, published: PolicyPack | null): LegalProblem[] {
  const problems: LegalProblem[] = [];
  // Forbidden wording: the published list and the draft's, the strictest case (time-barred).
  const draftIds = new Set(draft.forbiddenWording.map((w) => w.id));
  const law: PolicyPack = {
    ...draft,
    forbiddenWording: [
      ...draft.forbiddenWording,
      ...(published?.forbiddenWording.filter((w) => !draftIds.has(w.id)) ?? []),
    ],
  };
  const strictest = new Set<CaseFlag>(["time_barred"]);
  for (const t of texts(draft)) {
    for (const hit of findForbiddenWording(t.text, law, t.locale, strictest))
      problems.push({
        path: t.path,
        message: `uses forbidden wording "${hit.match}" (${hit.entry.id}, ${hit.entry.rules.join(", ")})`,
        rule: hit.entry.rules[0] ?? hit.entry.id,
      });
  }
  if (published) {
    for (const w of published.forbiddenWording)
      if (w.rules.length > 0 && !draftIds.has(w.id))
        problems.push({
          path: "forbiddenWording",
          message: `the forbidden wording "${w.id}" required by ${w.rules.join(", ")} cannot be removed`,
          rule: w.rules[0] as string,
        });
    const cited = new Set(draft.disclosures.flatMap((d) => d.rules));
    for (const d of published.disclosures)
      for (const rule of d.rules)
        if (!cited.has(rule))
          problems.push({
            path: "disclosures",
            message: `mandatory disclosure missing: no disclosure cites ${rule} (the published "${d.id}" did)`,
            rule,
          });
  }
  if (draft.jurisdictions.includes("FR")) {
    const indemnity = draft.fees.recoveryIndemnity;
    if (draft.debtorKinds.includes("consumer")) {
      if (indemnity)
        problems.push({
          path: "fees.recoveryIndemnity",
          message: "the €40 recovery indemnity never applies to consumers (FR-P2)",
          rule: "FR-P2",
        });
      if (draft.fees.lateInterest)
        problems.push({
          path: "fees.lateInterest",
          message: "B2B late-payment penalties never apply to consumers (FR-P2)",
          rule: "FR-P2",
        });
    }
    if (indemnity && indemnity.amount > FR_RECOVERY_INDEMNITY_MAX)
      problems.push({
        path: "fees.recoveryIndemnity.amount",
        message: `the recovery indemnity is capped at 40.00 EUR per invoice (FR-B1), not ${(indemnity.amount / 100).toFixed(2)}`,
        rule: "FR-B1",
      });
    draft.fees.contractualFees.forEach((_, i) => {
      problems.push({
        path: `fees.contractualFees[${i}]`,
        message: "no other collection fee may be charged in France (FR-B2, FR-P1)",
        rule: "FR-B2",
      });
    });
  }
  return problems;
}
