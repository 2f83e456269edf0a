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
