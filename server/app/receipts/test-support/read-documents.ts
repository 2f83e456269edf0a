// Reads receipts back the way a debtor's software would: the PDF's text through PDF.js (unpdf),
// the calendar through ical.js, independent of the code that wrote them.
import ICAL from "ical.js";
import { extractText, getDocumentProxy } from "unpdf";

/** The text of every page, joined, with runs of white space collapsed. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/[\s\u00a0\u202f]+/g, " ");
}

export interface CalendarEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  /** YYYY-MM-DD of an all-day event. */
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly status: string | null;
  readonly sequence: number;
  /** Every date the event falls on (its recurrence expanded), YYYY-MM-DD. */
  readonly occurrences: string[];
}

export function parseCalendar(text: string): CalendarEvent[] {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents("vevent").map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString().slice(0, 10),
      end: event.endDate.toString().slice(0, 10),
      allDay: event.startDate.isDate,
      status: (c.getFirstPropertyValue("status") as string | null) ?? null,
      sequence: event.sequence,
      occurrences: occurrencesOf(event),
    };
  });
}

/** "1 234,56 €" or "€1,234.56" back to minor units (2-decimal currencies). */
export function parseAmount(text: string): number {
  const digits = text.replace(/[^\d,.-]/g, "");
  const normalized = /,\d{2}$/.test(digits)
    ? digits.replace(/\./g, "").replace(",", ".")
    : digits.replace(/,/g, "");
  return Math.round(Number.parseFloat(normalized) * 100);
}

function occurrencesOf(event: ICAL.Event): string[] {
  if (!event.isRecurring()) return [event.startDate.toString().slice(0, 10)];
  const out: string[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && out.length < 1000; next = it.next())
    out.push(next.toString().slice(0, 10));
  return out;
}

/**
 * RFC 5545 rules ical.js lets pass: CRLF line ends, lines of at most 75 octets, DTSTAMP and UID in
 * every event, and well-formed durations (the old "-P1DT" trigger is not one). Returns the problems.
 */
export function rfc5545Problems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("does not end with CRLF");
  const lines = text.split("\r\n").slice(0, -1);
  for (const line of lines) {
    if (line.includes("\n")) problems.push(`bare LF in: ${line}`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`longer than 75 octets: ${line}`);
  }
  const unfolded = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const dur = /^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/;
  for (const line of unfolded) {
    const m = /^TRIGGER(?:;[^:]*)?:(.*)$/.exec(line);
    if (m?.[1] && (!dur.test(m[1]) || /T$/.test(m[1]) || m[1].endsWith("P")))
      problems.push(`bad duration: ${line}`);
  }
  const events = text.split("BEGIN:VEVENT").slice(1);
  for (const e of events) {
    if (!/\r\nUID:/.test(e)) problems.push("event without UID");
    if (!/\r\nDTSTAMP:\d{8}T\d{6}Z/.test(e)) problems.push("event without DTSTAMP");
  }
  if (!/^BEGIN:VCALENDAR\r\n/.test(text) || !/\r\nPRODID:/.test(text) || !/\r\nVERSION:2\.0\r\n/.test(text))
    problems.push("calendar without BEGIN, PRODID or VERSION");
  return problems;
}
