// Form fields bound to a path of the pack's JSON. Numbers are edited in the units a person uses
// (money in major units of the pack's currency, basis points as percentages) and stored as the
// pack stores them; a value that is not a number is kept as typed, so the schema's error shows on
// the field instead of the input silently refusing it.
import { useId } from "react";
import type { PackJson } from "../../../../contract/policy-studio.js";
import { fromMajor, toMajor } from "../../format.js";
import { currentLang, t } from "../../i18n.js";
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

type Unit = "count" | "days" | "money" | "bps";

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

export function NumberField({
  b,
  path,
  label,
  unit = "count",
  hideLabel = false,
}: {
  b: Binding;
  path: readonly Key[];
  label: string;
  unit?: Unit;
  /** In a table whose column headers already name the field: the label is for screen readers. */
  hideLabel?: boolean;
}) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  const value = getAt(b.pack, path);
  return (
    <div className="policy-field">
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
        {SUFFIX[unit](b.currency) && <span className="hint"> ({SUFFIX[unit](b.currency)})</span>}
      </label>
      <input
        id={id}
        inputMode="decimal"
        data-path={key}
        value={shown(value, unit, b.currency)}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
        onChange={(e) => b.onChange(setAt(b.pack, path, parsed(e.target.value, unit, b.currency)))}
      />
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

export function TextField({ b, path, label }: { b: Binding; path: readonly Key[]; label: string }) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  const value = getAt(b.pack, path);
  return (
    <div className="policy-field policy-field--text">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        data-path={key}
        rows={3}
        value={typeof value === "string" ? value : ""}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
        onChange={(e) => b.onChange(setAt(b.pack, path, e.target.value))}
      />
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

export function ChoiceList({
  b,
  path,
  label,
  options,
  optionLabel = (o) => o,
}: {
  b: Binding;
  path: readonly Key[];
  label: string;
  options: readonly string[];
  /** The option in words (the value stored stays the code). */
  optionLabel?: (option: string) => string;
}) {
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

/** A short text on one line (an id, a time HH:MM), kept as typed so the schema judges it. */
export function LineField({
  b,
  path,
  label,
  placeholder,
  hideLabel = false,
}: {
  b: Binding;
  path: readonly Key[];
  label: string;
  placeholder?: string;
  hideLabel?: boolean;
}) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  const value = getAt(b.pack, path);
  return (
    <div className="policy-field">
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </label>
      <input
        id={id}
        data-path={key}
        placeholder={placeholder}
        value={typeof value === "string" ? value : ""}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
        onChange={(e) => b.onChange(setAt(b.pack, path, e.target.value))}
      />
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

export function SelectField({
  b,
  path,
  label,
  options,
  optionLabel = (o) => o,
  hideLabel = false,
}: {
  b: Binding;
  path: readonly Key[];
  label: string;
  options: readonly string[];
  /** The option in words (the value stored stays the code). */
  optionLabel?: (option: string) => string;
  hideLabel?: boolean;
}) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  const value = getAt(b.pack, path);
  const current = typeof value === "string" ? value : "";
  return (
    <div className="policy-field">
      <label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </label>
      <select
        id={id}
        data-path={key}
        value={current}
        aria-invalid={messages.length > 0}
        aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
        onChange={(e) => b.onChange(setAt(b.pack, path, e.target.value))}
      >
        {!options.includes(current) && <option value={current}>{current || "—"}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

export function CheckField({ b, path, label }: { b: Binding; path: readonly Key[]; label: string }) {
  const id = useId();
  const key = pathText(path);
  const messages = errorsAt(b.errors, key);
  return (
    <div className="policy-field">
      <label className="inline" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          data-path={key}
          checked={getAt(b.pack, path) === true}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
          onChange={(e) => b.onChange(setAt(b.pack, path, e.target.checked))}
        />{" "}
        {label}
      </label>
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}
