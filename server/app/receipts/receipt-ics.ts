// The calendar of a promise, written to RFC 5545 by hand (CRLF lines folded at 75 octets, escaped
// text, DTSTAMP, a valid "-P1D" alarm trigger): all-day events on the due dates, carrying the amount
// and how to pay. A regular schedule (equal amounts every week, two weeks or month) is ONE repeating
// event (RRULE), plus a single event for an odd last payment. UIDs are stable per promise and
// instalment, so importing the file again updates the events; a cancelled promise's file cancels
// them (METHOD:CANCEL, STATUS:CANCELLED, same UIDs, higher SEQUENCE).
import type { ReceiptData } from "./receipt-data.js";
import { labels, moneyText } from "./receipt-text.js";

type Instalment = ReceiptData["instalments"][number];
type Cadence = "weekly" | "biweekly" | "monthly";

export function instalmentUid(promiseId: string, seq: number): string {
  return `${promiseId}-${seq}@amiable`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The cadence the dates follow exactly, if any (monthly only on days 1-28, which every month has). */
export function cadenceOf(dates: readonly string[]): Cadence | null {
  if (dates.length < 2) return null;
  const first = dates[0] as string;
  const fits = (next: (k: number) => string) => dates.every((d, k) => d === next(k));
  if (fits((k) => addDays(first, 7 * k))) return "weekly";
  if (fits((k) => addDays(first, 14 * k))) return "biweekly";
  if (Number(first.slice(8, 10)) <= 28 && fits((k) => addMonths(first, k))) return "monthly";
  return null;
}

const RRULE: Record<Cadence, string> = {
  weekly: "FREQ=WEEKLY",
  biweekly: "FREQ=WEEKLY;INTERVAL=2",
  monthly: "FREQ=MONTHLY",
};

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after CRLF and a space (3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, "utf8");
    if (size + n > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compactDate = (iso: string) => iso.replace(/-/g, "");
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

interface EventSpec {
  readonly uid: string;
  readonly start: string;
  readonly count: number;
  readonly cadence: Cadence | null;
  readonly summary: string;
  readonly description: string;
}

/** The events of the schedule: one repeating event where the schedule allows, single ones otherwise. */
function events(data: ReceiptData): EventSpec[] {
  const l = labels(data.locale);
  const colon = data.locale === "fr" ? " : " : ": ";
  const list = data.instalments;
  const count = list.length;
  const how = data.payment ? `\n${data.payment.text}` : "";
  const single = (i: Instalment): EventSpec => {
    const amount = moneyText(i.amount, data.currency, data.locale);
    return {
      uid: instalmentUid(data.promiseId, i.seq),
      start: i.dueDate,
      count: 1,
      cadence: null,
      summary: `${l.instalment(i.seq, count)}${colon}${amount} — ${data.creditor.name}`,
      description: `${l.eventDescription(data.reference, amount)}${how}`,
    };
  };
  // The equal instalments up front; a different last one (the rounding remainder) stands alone.
  const first = list[0];
  if (!first) return [];
  let run = list.length;
  while (run > 1 && list.slice(0, run).some((i) => i.amount !== first.amount)) run--;
  const cadence = cadenceOf(list.slice(0, run).map((i) => i.dueDate));
  if (run < 2 || !cadence) return list.map(single);
  const amount = moneyText(first.amount, data.currency, data.locale);
  const repeating: EventSpec = {
    uid: instalmentUid(data.promiseId, first.seq),
    start: first.dueDate,
    count: run,
    cadence,
    summary: `${l.repeating(l.cadence[cadence])}${colon}${amount} — ${data.creditor.name}`,
    description: `${l.eventDescription(data.reference, amount)}${how}`,
  };
  return [repeating, ...list.slice(run).map(single)];
}

export function buildReceiptIcs(data: ReceiptData, now: Date = new Date()): string {
  const l = labels(data.locale);
  const cancelled = data.status === "cancelled";
  const organizer = data.creditor.contactEmail
    ? [`ORGANIZER;CN="${data.creditor.name.replace(/"/g, "'")}":mailto:${data.creditor.contactEmail}`]
    : [];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//amiable//receipts//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${cancelled ? "CANCEL" : "PUBLISH"}`,
    `X-WR-CALNAME:${escapeText(l.calendarName)}`,
  ];
  for (const e of events(data)) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp(now)}`,
      `SEQUENCE:${cancelled ? 1 : 0}`,
      `DTSTART;VALUE=DATE:${compactDate(e.start)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.start, 1))}`,
      ...(e.cadence ? [`RRULE:${RRULE[e.cadence]};COUNT=${e.count}`] : []),
      `SUMMARY:${escapeText(cancelled ? `${l.cancelledBanner} — ${e.summary}` : e.summary)}`,
      `DESCRIPTION:${escapeText(cancelled ? l.cancelledEvent : e.description)}`,
      ...organizer,
      `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
      "TRANSP:TRANSPARENT",
      "CATEGORIES:amiable",
    );
    if (!cancelled)
      lines.push(
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        `DESCRIPTION:${escapeText(e.summary)}`,
        "TRIGGER:-P1D",
        "END:VALARM",
      );
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
