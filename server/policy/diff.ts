// Field-by-field differences between two packs, and the same in words for a policy editor:
// "maximum instalments 12 → 18". Shared by the policy studio and `npm run eval -- --compare`.

export interface FieldChange {
  /** Dotted path inside the pack, list items by index: "limits.discountTiers[1].maxBps". */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Leaf-level differences between two parsed values (absent on one side: undefined). */
export function diffValues(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffValues(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

// The names a person uses for the settings they change most; any other path is spelt out from
// its keys ("ladder.offerValidDays" → "ladder: offer valid days").
const LABELS: Record<string, string> = {
  "limits.maxInstalments": "maximum instalments",
  "limits.minInstalment": "minimum instalment",
  "limits.maxPlanMonths": "maximum plan length (months)",
  "limits.firstPaymentWithinDays": "first payment within (days)",
  "limits.minDownPaymentBps": "minimum down payment (basis points)",
  "limits.cadences": "payment cadences",
  "limits.settlementPayWithinDays": "settlement paid within (days)",
  "limits.promiseBrokenAfterDays": "promise broken after (days)",
  "limits.hardship.maxInstalments": "maximum instalments under hardship",
  "limits.hardship.maxPlanMonths": "maximum plan length under hardship (months)",
  "limits.hardship.minInstalment": "minimum instalment under hardship",
  "ladder.counterStepBps": "counter-offer step (basis points)",
  "ladder.maxCounterRounds": "counter-offer rounds",
  "ladder.offerValidDays": "offer valid for (days)",
  "fees.recoveryIndemnity.amount": "recovery indemnity",
  "reminders.quietHours.from": "quiet hours from",
  "reminders.quietHours.to": "quiet hours until",
  "reminders.workingDaysOnly": "reminders on working days only",
  "reminders.maxPerSevenDays": "maximum reminders per 7 days",
  "reminders.promise.beforeInstalmentDays": "promise reminder before each instalment (days)",
  "reminders.promise.afterMissedDays": "follow-up after a missed instalment (days)",
  "reminders.promise.channel": "promise reminder channel",
};

// Lists and maps a person names by their item rather than by their path: the reminder sequence's
// steps by their position ("reminder step 3: day"), FAQ answers by topic and language.
const LOCALES: Record<string, string> = { fr: "French", en: "English" };
const STEP_FIELDS: Record<string, string> = {
  template: "template",
  respondWithinDays: "respond within (days)",
  rules: "rules cited",
};
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^reminders\.steps\[(\d+)\]$/, (m) => `reminder step ${Number(m[1]) + 1}`],
  [
    /^reminders\.steps\[(\d+)\]\.(\w+)(\[\d+\])?$/,
    (m) => `reminder step ${Number(m[1]) + 1}: ${STEP_FIELDS[m[2] as string] ?? words(m[2] as string)}`,
  ],
  [/^faq\.(\w+)$/, (m) => `FAQ answer “${(m[1] as string).replace(/_/g, " ")}”`],
  [
    /^faq\.(\w+)\.(\w+)$/,
    (m) =>
      `FAQ answer “${(m[1] as string).replace(/_/g, " ")}” (${LOCALES[m[2] as string] ?? (m[2] as string)})`,
  ],
];

const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** A person's name for a pack path: known labels, otherwise its keys in words. */
export function labelOf(path: string): string {
  const bare = path.replace(/\.value$/, "");
  const known = LABELS[bare];
  if (known) return known;
  for (const [pattern, name] of PATTERNS) {
    const m = pattern.exec(bare);
    if (m) return name(m);
  }
  return bare
    .replace(/\.rules(\[\d+\])?$/, " (rules cited)")
    .split(".")
    .map((part) => part.replace(/\[(\d+)\]/g, (_, i: string) => ` ${Number(i) + 1}`))
    .map(words)
    .join(": ");
}

/** A reminder step added or removed, as a person reads it: "day 50, email, “task-review”, formal". */
function stepText(v: Record<string, unknown>): string {
  return `day ${String(v.day)}, ${String(v.channel)}, “${String(v.template)}”, ${String(v.tone)}`;
}

function show(v: unknown): string {
  if (v === undefined) return "(none)";
  if (isObject(v) && "day" in v && "channel" in v && "template" in v) return stepText(v);
  if (typeof v === "string") return v.length > 60 ? `“${v.slice(0, 57)}…”` : `“${v}”`;
  if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join(", ") || "(none)";
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface WordedChange extends FieldChange {
  readonly label: string;
  /** "maximum instalments 12 → 18" */
  readonly text: string;
}

/** The differences between two pack contents (as JSON), each in words. */
export function describeChanges(before: unknown, after: unknown): WordedChange[] {
  // A list of scalars reads better as one change ("payment cadences monthly → monthly, weekly").
  const merged = new Map<string, FieldChange>();
  for (const change of diffValues(before, after)) {
    const list = /^(.*?)\[\d+\]$/.exec(change.path)?.[1];
    const whole = list ? [list, get(before, list), get(after, list)] : null;
    if (whole && [whole[1], whole[2]].every((v) => Array.isArray(v) && v.every((x) => typeof x !== "object")))
      merged.set(list as string, { path: list as string, before: whole[1], after: whole[2] });
    else merged.set(change.path, change);
  }
  return [...merged.values()].map((c) => {
    const label = labelOf(c.path);
    return { ...c, label, text: `${label} ${show(c.before)} → ${show(c.after)}` };
  });
}

function get(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
