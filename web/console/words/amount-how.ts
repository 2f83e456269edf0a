// The debt breakdown's "How" column, written in the reader's language from the policy engine's data
// (AmountLine.how: amounts in minor units with their currency, dates, rates in basis points), so
// neither language is a translation of a sentence the server wrote.
import type { AmountHow, InterestSegment } from "../../../contract/console-cases.js";
import { day, money } from "../format.js";
import { currentLang, t } from "../i18n.js";

/** "10.50 %" / "10,50 %" from basis points. */
function rate(bps: number): string {
  const n = new Intl.NumberFormat(currentLang() === "fr" ? "fr-FR" : "en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bps / 100);
  return `${n} %`;
}

function segment(s: InterestSegment): string {
  return t("{days} d from {date} at {rate} + {margin} = {total}", {
    days: s.days,
    date: day(s.from),
    rate: rate(s.rateBps),
    margin: rate(s.marginBps),
    total: rate(s.rateBps + s.marginBps),
  });
}

export function amountHow(how: AmountHow): string {
  switch (how.code) {
    case "invoice":
      return t("invoice {invoice} issued {issued}, due {due}", {
        invoice: how.invoice,
        issued: day(how.issuedAt),
        due: day(how.dueAt),
      });
    case "late_interest": {
      const parts = how.segments.map(segment);
      if (how.uncharged)
        parts.unshift(
          t("{days} d before {date} not charged (no rate)", {
            days: how.uncharged.days,
            date: day(how.uncharged.before),
          }),
        );
      return t("{principal} × Σ(days × rate) / {basis}: {segments}; rounded half up", {
        principal: money(how.principal, how.currency),
        basis: how.dayCountBasis,
        segments: parts.join(currentLang() === "fr" ? " ; " : "; "),
      });
    }
    case "fixed_per_invoice":
      return t("fixed {amount} per overdue invoice", { amount: money(how.amount, how.currency) });
    case "fee_fixed":
      return t("{label}: fixed {amount}", {
        label: how.label[currentLang()],
        amount: money(how.amount, how.currency),
      });
    case "fee_percent":
      return t("{label}: {rate} of {base}, rounded half up", {
        label: how.label[currentLang()],
        rate: rate(how.bps),
        base: money(how.base, how.currency),
      });
  }
}
