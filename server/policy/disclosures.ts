// Disclosures the system appends, never the model (principle 2). Which are due depends on the moment:
//   session_start        due from the first message until shown (once per session)
//   before_first_amount  due with the first figure of the debt, or at an offer (once)
//   offer                due with every offer and settlement offer (usually repeat: true)
//   settlement           due with every settlement offer
//   message              due with every message (usually repeat: true)
// A disclosure with repeat: false is skipped once its id is in `shown` (ids shown in this session).
import type { CaseFacts, Locale } from "../domain/case-facts.js";
import { elideBeforePlaceholders } from "../domain/french-elision.js";
import type { PolicyPack } from "./schema.js";
import type { CaseFlag, Disclosure, Moment } from "./schema-text.js";

export interface DueDisclosure {
  readonly id: string;
  readonly text: string;
  readonly rules: readonly string[];
}

export interface UnrenderedDisclosure {
  readonly id: string;
  readonly missing: readonly string[];
  readonly rules: readonly string[];
}

export interface DisclosureQuery {
  readonly locale: Locale;
  readonly moment: Moment;
  readonly shown: readonly string[];
  readonly flags: ReadonlySet<CaseFlag>;
  /** The message contains an amount: the first-amount disclosures are due whatever the moment. */
  readonly hasAmount: boolean;
  readonly facts: CaseFacts;
  readonly variables?: Readonly<Record<string, string>>;
}

function dueAt(d: Disclosure, q: DisclosureQuery): boolean {
  if (!d.onlyIf.every((f) => q.flags.has(f))) return false;
  if (!d.repeat && q.shown.includes(d.id)) return false;
  switch (d.moment) {
    case "session_start":
      return d.repeat ? q.moment === "session_start" : true;
    case "before_first_amount":
      return q.hasAmount || ["before_first_amount", "offer", "settlement"].includes(q.moment);
    case "offer":
      return q.moment === "offer" || q.moment === "settlement";
    case "settlement":
      return q.moment === "settlement";
    case "message":
      return true;
  }
}

/** Fills {placeholders}; reports those it cannot fill rather than showing a half-written legal text. */
export function render(
  template: string,
  facts: CaseFacts,
  variables: Readonly<Record<string, string>> = {},
): { text: string; missing: string[] } {
  const values: Record<string, string> = {
    creditorName: facts.creditorName,
    debtorName: facts.debtorName,
    reference: facts.reference,
    ...variables,
  };
  const missing: string[] = [];
  const source = elideBeforePlaceholders(template, facts.locale, (name) => values[name]);
  const text = source.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined || v === "") {
      missing.push(name);
      return whole;
    }
    return v;
  });
  return { text, missing };
}

export function disclosuresDue(
  pack: PolicyPack,
  q: DisclosureQuery,
): { due: DueDisclosure[]; unrendered: UnrenderedDisclosure[] } {
  const due: DueDisclosure[] = [];
  const unrendered: UnrenderedDisclosure[] = [];
  for (const d of pack.disclosures) {
    if (!dueAt(d, q)) continue;
    const { text, missing } = render(d.text[q.locale], q.facts, q.variables);
    if (missing.length > 0) unrendered.push({ id: d.id, missing, rules: d.rules });
    else due.push({ id: d.id, text, rules: d.rules });
  }
  return { due, unrendered };
}
