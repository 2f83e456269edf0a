// Form fields bound to a path of the pack's JSON. Numbers are edited in the units a person uses
// (money in major units of the pack's currency, basis points as percentages) and stored as the
// pack stores them; a value that is not a number is kept as typed, so the schema's error shows on
// the field instead of the input silently refusing it.
import { type ReactNode, useId } from "react";
import type { PackJson } from "../../../../contract/policy-studio.js";
import { fromMajor, toMajor } from "../../format.js";
import { currentLang, t } from "../../i18n.js";
import type { PageText } from "../../words-fr.js";
import { getAt, type Key, pathText, setAt } from "./paths.js";

export type Errors = Readonly<Record<string, readonly string[]>>;

export interface Binding {
  readonly pack: PackJson;
  readonly errors: Errors;
  readonly currency: string;
  onChange(next: PackJson): void;
}

function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {messages.join("; ")}
    </span>
  );
}

/** Errors for a path and anything below it ("limits.maxInstalments" shows ".value"'s too). */
export function errorsAt(errors: Errors, path: string): string[] {
  return Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`))
    .flatMap(([, m]) => m);
}

export type Unit = "count" | "days" | "money" | "bps";

function shown(value: unknown, unit: Unit, currency: string): string {
  if (typeof value !== "number") return value === undefined || value === null ? "" : String(value);
  // In French the decimal comma ("100,00", "2,5"); both are read back (parsed, fromMajor).
  const comma = (text: string) => (currentLang() === "fr" ? text.replace(".", ",") : text);
  if (unit === "money") return comma(toMajor(value, currency));
  if (unit === "bps") return comma(String(value / 100));
  return String(value);
}

function parsed(text: string, unit: Unit, currency: string): unknown {
  const t = text.trim();
  if (t === "") return undefined;
  if (unit === "money") return fromMajor(t, currency) ?? t;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return t;
  const n = Number(t.replace(",", "."));
  return unit === "bps" ? Math.round(n * 100) : n;
}

const SUFFIX: Record<Unit, (c: string) => string> = {
  count: () => "",
  days: () => t("days"),
  money: (c) => c,
  bps: () => "%",
};

/** What every field shares: an id, the path it edits with its errors, and its control's attributes. */
function useField(b: Binding, path: readonly Key[]) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  return {
    id,
    messages,
    value: getAt(b.pack, path),
    set: (value: unknown) => b.onChange(setAt(b.pack, path, value)),
    control: {
      id,
      "data-path": key,
      "aria-invalid": messages.length > 0,
      "aria-describedby": messages.length > 0 ? `${id}-err` : undefined,
    },
  };
}

type Field = ReturnType<typeof useField>;

/**
 * One field row: its label, its control, its errors. A check box sits inside its label (`inline`);
 * a `hideLabel` field is in a table whose column headers already name it (the label is for screen
 * readers).
 */
function FieldRow({
  field,
  label,
  children,
  hideLabel = false,
  inline = false,
  className = "policy-field",
}: {
  field: Field;
  label: ReactNode;
  children: ReactNode;
  hideLabel?: boolean;
  inline?: boolean;
  className?: string;
}) {
  return (
    <div className={className}>
      {inline ? (
        <label className="inline" htmlFor={field.id}>
          {children} {label}
        </label>
      ) : (
        <>
          <label htmlFor={field.id} className={hideLabel ? "sr-only" : undefined}>
            {label}
          </label>
          {children}
        </>
      )}
      <FieldErrors id={`${field.id}-err`} messages={field.messages} />
    </div>
  );
}

interface FieldProps {
  b: Binding;
  path: readonly Key[];
  label: string;
  hideLabel?: boolean;
}

export function NumberField({ b, path, label, unit = "count", hideLabel }: FieldProps & { unit?: Unit }) {
  const field = useField(b, path);
  const suffix = SUFFIX[unit](b.currency);
  return (
    <FieldRow
      field={field}
      hideLabel={hideLabel}
      label={
        <>
          {label}
          {suffix && <span className="hint"> ({suffix})</span>}
        </>
      }
    >
      <input
        {...field.control}
        inputMode="decimal"
        value={shown(field.value, unit, b.currency)}
        onChange={(e) => field.set(parsed(e.target.value, unit, b.currency))}
      />
    </FieldRow>
  );
}

export function TextField({ b, path, label }: Omit<FieldProps, "hideLabel">) {
  const field = useField(b, path);
  return (
    <FieldRow field={field} label={label} className="policy-field policy-field--text">
      <textarea
        {...field.control}
        rows={3}
        value={typeof field.value === "string" ? field.value : ""}
        onChange={(e) => field.set(e.target.value)}
      />
    </FieldRow>
  );
}

/** A short text on one line (an id, a time HH:MM), kept as typed so the schema judges it. */
export function LineField({ b, path, label, placeholder, hideLabel }: FieldProps & { placeholder?: string }) {
  const field = useField(b, path);
  return (
    <FieldRow field={field} label={label} hideLabel={hideLabel}>
      <input
        {...field.control}
        placeholder={placeholder}
        value={typeof field.value === "string" ? field.value : ""}
        onChange={(e) => field.set(e.target.value)}
      />
    </FieldRow>
  );
}

interface Options {
  options: readonly string[];
  /** The option in words (the value stored stays the code). */
  optionLabel?: (option: string) => string;
}

export function SelectField({
  b,
  path,
  label,
  options,
  optionLabel = (o) => o,
  hideLabel,
}: FieldProps & Options) {
  const field = useField(b, path);
  const current = typeof field.value === "string" ? field.value : "";
  return (
    <FieldRow field={field} label={label} hideLabel={hideLabel}>
      <select {...field.control} value={current} onChange={(e) => field.set(e.target.value)}>
        {!options.includes(current) && <option value={current}>{current || "—"}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

export function CheckField({ b, path, label }: Omit<FieldProps, "hideLabel">) {
  const field = useField(b, path);
  return (
    <FieldRow field={field} label={label} inline>
      <input
        {...field.control}
        type="checkbox"
        checked={field.value === true}
        onChange={(e) => field.set(e.target.checked)}
      />
    </FieldRow>
  );
}

export function ChoiceList({
  b,
  path,
  label,
  options,
  optionLabel = (o) => o,
}: Omit<FieldProps, "hideLabel"> & Options) {
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  const value = getAt(b.pack, path);
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset className="policy-field" data-path={key}>
      <legend>{label}</legend>
      {options.map((o) => (
        <label key={o} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={(e) =>
              b.onChange(
                setAt(b.pack, path, e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o)),
              )
            }
          />{" "}
          {optionLabel(o)}
        </label>
      ))}
      <FieldErrors id={`${key}-err`} messages={messages} />
    </fieldset>
  );
}

/** A field as a row of a table-driven list: its path below the list's base, its label in English. */
export type FieldSpec = {
  readonly path: readonly Key[];
  /** May hold placeholders, filled from the list's `words` ("Tier {n}: …"). */
  readonly label: PageText;
  /** Shown only when the setting it belongs to (its path but the last key) is in the pack. */
  readonly optional?: boolean;
} & (
  | { readonly kind?: "number"; readonly unit?: Unit }
  | { readonly kind: "line"; readonly placeholder?: string }
  | ({ readonly kind: "select" } & Options)
  | { readonly kind: "check" }
  | { readonly kind: "text" }
  | ({ readonly kind: "choices" } & Options)
);

function SpecField({ b, spec, path, label, hideLabel }: FieldProps & { spec: FieldSpec }) {
  const props = { b, path, label, hideLabel };
  switch (spec.kind) {
    case undefined:
    case "number":
      return <NumberField {...props} unit={spec.unit} />;
    case "line":
      return <LineField {...props} placeholder={spec.placeholder} />;
    case "select":
      return <SelectField {...props} options={spec.options} optionLabel={spec.optionLabel} />;
    case "check":
      return <CheckField b={b} path={path} label={label} />;
    case "text":
      return <TextField b={b} path={path} label={label} />;
    case "choices":
      return (
        <ChoiceList b={b} path={path} label={label} options={spec.options} optionLabel={spec.optionLabel} />
      );
  }
}

/**
 * The fields of a list, in order, below `base`: each in a table cell with `cells` (the column
 * headers name them, so their labels are for screen readers), else one after the other.
 */
export function FieldList({
  b,
  fields,
  base = [],
  words,
  cells = false,
}: {
  b: Binding;
  fields: readonly FieldSpec[];
  base?: readonly Key[];
  words?: Record<string, string | number>;
  cells?: boolean;
}) {
  const shownFields = fields.filter(
    (f) => !f.optional || getAt(b.pack, [...base, ...f.path.slice(0, -1)]) !== undefined,
  );
  return (
    <>
      {shownFields.map((spec) => {
        const path = [...base, ...spec.path];
        const key = pathText(path);
        const field = (
          <SpecField key={key} b={b} spec={spec} path={path} label={t(spec.label, words)} hideLabel={cells} />
        );
        return cells ? <td key={key}>{field}</td> : field;
      })}
    </>
  );
}
