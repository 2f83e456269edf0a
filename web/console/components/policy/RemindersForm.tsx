// The reminder sequence as a policy editor thinks of it: a table of steps placed in days from the
// due date (negative: before it), each with its channel, template and tone, and the limits every
// reminder respects (quiet hours, working days only, at most so many in 7 days). Disclosures, rules
// cited and notes stay in the YAML view.
import type { PackJson, ReminderChannel, ReminderTone } from "../../../../contract/policy-studio.js";
import { currentLang, t } from "../../i18n.js";
import type { PageText } from "../../words-fr.js";
import { type Binding, FieldList, type FieldSpec } from "./fields.js";
import { getAt, setAt } from "./paths.js";

const CHANNELS = ["email", "sms", "letter", "task"] as const satisfies readonly ReminderChannel[];
const TONES = ["courtesy", "friendly", "firm", "formal"] as const satisfies readonly ReminderTone[];
// Every channel and tone the schema knows is offered (a new one fails the typecheck here).
const allChannels: Exclude<ReminderChannel, (typeof CHANNELS)[number]> extends never ? true : never = true;
const allTones: Exclude<ReminderTone, (typeof TONES)[number]> extends never ? true : never = true;
void allChannels;
void allTones;

type Step = Record<string, unknown>;

const CHANNEL_WORDS: Record<ReminderChannel, PageText> = {
  email: "e-mail",
  sms: "SMS",
  letter: "letter",
  task: "task for a person",
};
const TONE_WORDS: Record<ReminderTone, PageText> = {
  courtesy: "courtesy",
  friendly: "friendly",
  firm: "firm",
  formal: "formal",
};
// Only in French: the English console keeps showing the codes, as it always did.
const channelText = (c: string) =>
  currentLang() === "fr" && CHANNEL_WORDS[c as ReminderChannel] ? t(CHANNEL_WORDS[c as ReminderChannel]) : c;
const toneText = (c: string) =>
  currentLang() === "fr" && TONE_WORDS[c as ReminderTone] ? t(TONE_WORDS[c as ReminderTone]) : c;

/** The limits every reminder respects. */
const LIMITS: readonly FieldSpec[] = [
  { kind: "line", path: ["quietHours", "from"], label: "Quiet hours from", placeholder: "HH:MM" },
  { kind: "line", path: ["quietHours", "to"], label: "Quiet hours until", placeholder: "HH:MM" },
  { path: ["maxPerSevenDays", "value"], label: "At most reminders per 7 days" },
  { kind: "check", path: ["workingDaysOnly", "value"], label: "Working days only" },
];
/** A step's cells, in the order of the table's columns ({n}: the step's number). */
const STEP: readonly FieldSpec[] = [
  { kind: "line", path: ["id"], label: "Step {n}: id" },
  { path: ["day"], label: "Step {n}: day" },
  {
    kind: "select",
    path: ["channel"],
    label: "Step {n}: channel",
    options: CHANNELS,
    optionLabel: channelText,
  },
  { kind: "line", path: ["template"], label: "Step {n}: template" },
  { kind: "select", path: ["tone"], label: "Step {n}: tone", options: TONES, optionLabel: toneText },
];
const PROMISE: readonly FieldSpec[] = [
  { path: ["beforeInstalmentDays", "value"], label: "Reminder before each instalment", unit: "days" },
  { path: ["afterMissedDays", "value"], label: "Follow-up after a missed instalment", unit: "days" },
];

/** A new step: a copy of the last one (same rules cited) ten days later, with an id to rename. */
function nextStep(steps: readonly Step[]): Step {
  const last = steps.at(-1);
  const day = typeof last?.day === "number" ? Math.min(last.day + 10, 365) : 1;
  const { note: _note, ...copy } = last ?? { channel: "email", tone: "firm", template: "", rules: [] };
  return { ...copy, id: `step-${steps.length + 1}`, day };
}

function StepRow({ b, steps, i }: { b: Binding; steps: readonly Step[]; i: number }) {
  const n = i + 1;
  return (
    <tr>
      <FieldList b={b} base={["reminders", "steps", i]} fields={STEP} words={{ n }} cells />
      <td>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() =>
            b.onChange(
              setAt<PackJson>(
                b.pack,
                ["reminders", "steps"],
                steps.filter((_, j) => j !== i),
              ),
            )
          }
        >
          {t("Remove step {n}", { n })}
        </button>
      </td>
    </tr>
  );
}

export function RemindersForm({ b }: { b: Binding }) {
  if (getAt(b.pack, ["reminders"]) === undefined)
    return <p className="muted">{t("No reminder sequence in this pack: add one in the YAML view.")}</p>;
  const raw = getAt(b.pack, ["reminders", "steps"]);
  const steps = Array.isArray(raw) ? (raw as Step[]) : [];
  // Errors about the list as a whole (none left, an id used twice); a step's own errors show on it.
  const listErrors = b.errors["reminders.steps"] ?? [];
  return (
    <>
      <div className="grid">
        <FieldList b={b} base={["reminders"]} fields={LIMITS} />
      </div>
      <p className="hint">
        {t(
          'No reminder in the quiet hours (the debtor\'s local time; "from" later than "until" spans midnight).',
        )}
      </p>
      <h3>{t("Steps")}</h3>
      <p className="hint">
        {t("Days from the due date of the oldest unpaid invoice (negative: before it).")}
      </p>
      {listErrors.map((m) => (
        <p key={m} className="field-error" role="alert">
          {m}
        </p>
      ))}
      <table aria-label={t("Reminder steps")}>
        <thead>
          <tr>
            <th scope="col">{t("Id")}</th>
            <th scope="col">{t("Day")}</th>
            <th scope="col">{t("Channel")}</th>
            <th scope="col">{t("Template")}</th>
            <th scope="col">{t("Tone")}</th>
            <th scope="col">
              <span className="sr-only">{t("Remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {steps.map((_s, i) => (
            // The position is the step's identity while its id is being typed.
            <StepRow key={`step-${i.toString()}`} b={b} steps={steps} i={i} />
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn--ghost"
        onClick={() =>
          b.onChange(setAt<PackJson>(b.pack, ["reminders", "steps"], [...steps, nextStep(steps)]))
        }
      >
        {t("Add a step")}
      </button>
      {getAt(b.pack, ["reminders", "promise"]) !== undefined && (
        <>
          <h3>{t("While a promise is active")}</h3>
          <div className="grid">
            <FieldList b={b} base={["reminders", "promise"]} fields={PROMISE} />
          </div>
        </>
      )}
    </>
  );
}
