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

// The same names in French, for the console in French.
const LABELS_FR: Record<string, string> = {
  "limits.maxInstalments": "nombre maximal d'échéances",
  "limits.minInstalment": "échéance minimale",
  "limits.maxPlanMonths": "durée maximale de l'échéancier (mois)",
  "limits.firstPaymentWithinDays": "premier paiement sous (jours)",
  "limits.minDownPaymentBps": "acompte minimal (points de base)",
  "limits.cadences": "périodicités de paiement",
  "limits.settlementPayWithinDays": "règlement transactionnel payé sous (jours)",
  "limits.promiseBrokenAfterDays": "engagement non tenu après (jours)",
  "limits.hardship.maxInstalments": "nombre maximal d'échéances en cas de difficultés",
  "limits.hardship.maxPlanMonths": "durée maximale de l'échéancier en cas de difficultés (mois)",
  "limits.hardship.minInstalment": "échéance minimale en cas de difficultés",
  "limits.discountTiers (largest discount)": "paliers de remise (plus forte remise)",
  "ladder.counterStepBps": "pas de la contre-proposition (points de base)",
  "ladder.maxCounterRounds": "tours de contre-proposition",
  "ladder.offerValidDays": "offre valable (jours)",
  "fees.recoveryIndemnity.amount": "indemnité de recouvrement",
  "fees.lateInterest.marginBps": "marge des pénalités de retard sur le taux BCE (points de base)",
  "reminders.quietHours.from": "heures calmes à partir de",
  "reminders.quietHours.to": "heures calmes jusqu'à",
  "reminders.workingDaysOnly": "relances les jours ouvrés seulement",
  "reminders.maxPerSevenDays": "nombre maximal de relances sur 7 jours",
  "reminders.promise.beforeInstalmentDays": "rappel avant chaque échéance (jours)",
  "reminders.promise.afterMissedDays": "relance après une échéance manquée (jours)",
  "reminders.promise.channel": "canal du rappel d'échéance",
};
const STEP_FIELDS_FR: Record<string, string> = {
  id: "identifiant",
  day: "jour",
  channel: "canal",
  template: "modèle",
  tone: "ton",
  respondWithinDays: "réponse sous (jours)",
  rules: "règles citées",
  disclosures: "mentions",
};
const LADDER_FIELDS_FR: Record<string, string> = {
  dueInDays: "à payer sous (jours)",
  instalments: "échéances",
  cadence: "périodicité",
  kind: "type",
  openingDiscountBps: "remise de départ (points de base)",
};
const LOCALES_FR: Record<string, string> = { fr: "français", en: "anglais" };
const TOPICS_FR: Record<string, string> = {
  what_for: "objet du dossier",
  creditor: "qui est le créancier",
  missed_payment: "paiement manqué",
  change_plan: "modifier un échéancier",
  invoice_copy: "copie des factures",
  proof_of_payment: "preuve de paiement",
  contact: "joindre une personne",
};
const PATTERNS_FR: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^reminders\.steps\[(\d+)\]$/, (m) => `étape de relance ${Number(m[1]) + 1}`],
  [
    /^reminders\.steps\[(\d+)\]\.(\w+)(\[\d+\])?$/,
    (m) => `étape de relance ${Number(m[1]) + 1} : ${STEP_FIELDS_FR[m[2] as string] ?? (m[2] as string)}`,
  ],
  [
    /^limits\.discountTiers\[(\d+)\]\.maxDiscountBps$/,
    (m) => `palier de remise ${Number(m[1]) + 1} : remise maximale (points de base)`,
  ],
  [
    /^ladder\.steps\[(\d+)\]\.(\w+)$/,
    (m) => `échelle, étape ${Number(m[1]) + 1} : ${LADDER_FIELDS_FR[m[2] as string] ?? (m[2] as string)}`,
  ],
  [/^faq\.(\w+)$/, (m) => `réponse FAQ « ${TOPICS_FR[m[1] as string] ?? (m[1] as string)} »`],
  [
    /^faq\.(\w+)\.(\w+)$/,
    (m) =>
      `réponse FAQ « ${TOPICS_FR[m[1] as string] ?? (m[1] as string)} » (${LOCALES_FR[m[2] as string] ?? (m[2] as string)})`,
  ],
];

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

/**
 * A person's name for a pack path: known labels, otherwise its keys in words (in French, a path
 * without a French name is shown as it is: the YAML's own words).
 */
export function labelOf(path: string, lang: "en" | "fr" = "en"): string {
  const bare = path.replace(/\.value$/, "");
  if (lang === "fr") {
    const known = LABELS_FR[bare];
    if (known) return known;
    for (const [pattern, name] of PATTERNS_FR) {
      const m = pattern.exec(bare);
      if (m) return name(m);
    }
    return bare;
  }
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

function show(v: unknown, lang: "en" | "fr" = "en"): string {
  const none = lang === "fr" ? "(aucun)" : "(none)";
  if (v === undefined) return none;
  if (isObject(v) && "day" in v && "channel" in v && "template" in v)
    return lang === "fr"
      ? `jour ${String(v.day)}, ${String(v.channel)}, « ${String(v.template)} », ${String(v.tone)}`
      : stepText(v);
  if (typeof v === "string")
    return lang === "fr"
      ? `« ${v.length > 60 ? `${v.slice(0, 57)}…` : v} »`
      : v.length > 60
        ? `“${v.slice(0, 57)}…”`
        : `“${v}”`;
  if (typeof v === "boolean" && lang === "fr") return v ? "oui" : "non";
  if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join(", ") || none;
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export interface WordedChange extends FieldChange {
  readonly label: string;
  /** "maximum instalments 12 → 18" */
  readonly text: string;
  /** The same in French: "nombre maximal d'échéances 12 → 18". */
  readonly textFr: string;
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
    return {
      ...c,
      label,
      text: `${label} ${show(c.before)} → ${show(c.after)}`,
      textFr: `${labelOf(c.path, "fr")} ${show(c.before, "fr")} → ${show(c.after, "fr")}`,
    };
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
