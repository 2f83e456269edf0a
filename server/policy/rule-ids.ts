// Rule ids from /work/shared/COMPLIANCE.md. A pack cites them for every limit, wording, disclosure and
// trigger so that an auditor can trace each number or sentence back to the rule that justifies it.
// The format check catches typos ("FR_B1"); the known-id check catches ids that do not exist.

export const RULE_ID_PATTERN = /^(FR|US|UK|DP)-[A-Z0-9]+$/;

const ranges: readonly [prefix: string, count: number][] = [
  ["FR-", 8],
  ["FR-B", 3],
  ["FR-P", 5],
  ["US-", 17],
  ["UK-", 13],
  ["DP-", 8],
];

/** Every rule id defined in COMPLIANCE.md (update together with that file). */
export const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(
  ranges.flatMap(([prefix, count]) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`)),
);

export function isKnownRuleId(id: string): boolean {
  return KNOWN_RULE_IDS.has(id);
}
