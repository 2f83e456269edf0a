// The calendar of a promise: one all-day VEVENT per instalment on its due date, with a UID stable
// per promise and instalment, so re-importing the file updates the events instead of doubling them.
import { createEvents, type DateArray, type EventAttributes } from "ics";
import type { ReceiptData } from "./receipt-data.js";
import { labels, moneyText } from "./receipt-text.js";

function dateArray(iso: string, plusDays = 0): DateArray {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export function instalmentUid(promiseId: string, seq: number): string {
  return `${promiseId}-${seq}@amiable`;
}

export function buildReceiptIcs(data: ReceiptData): string {
  const l = labels(data.locale);
  const count = data.instalments.length;
  const events: EventAttributes[] = data.instalments.map((i) => {
    const amount = moneyText(i.amount, data.currency, data.locale);
    const title = `${l.instalment(i.seq, count)}${data.locale === "fr" ? " : " : ": "}${amount} — ${data.creditor.name}`;
    return {
      uid: instalmentUid(data.promiseId, i.seq),
      start: dateArray(i.dueDate),
      end: dateArray(i.dueDate, 1),
      title,
      description: l.eventDescription(data.reference, amount, data.promiseId),
      status: "CONFIRMED",
      busyStatus: "FREE",
      transp: "TRANSPARENT",
      categories: ["amiable"],
      alarms: [{ action: "display", description: title, trigger: { days: 1, before: true } }],
    };
  });
  const { error, value } = createEvents(events, {
    productId: "amiable/receipts",
    method: "PUBLISH",
    calName: l.calendarName,
  });
  if (error || !value) throw error ?? new Error("calendar generation failed");
  return value;
}
