// An offer as a card: kind, total, the schedule, expiry, and Accept / Decline while it is open.
// Accepting first opens the commitment dialog (App); the card then shows the recorded promise.

import type { WireInstalment as Instalment, WireOffer } from "../../../contract/debtor-socket.js";
import type { ChatCaseStatus as CaseStatus, MessageRole as Role } from "../../../contract/enums.js";
import { dayIn, formatDay, formatMoney } from "../../shared/format.js";
import type { OfferDecision } from "../chat/client.js";
import type { PromiseInfo } from "../chat/info.js";
import { useLocale } from "../locale.js";
import { PaymentPanel } from "./PaymentPanel.js";

export type OfferState = "open" | "sending" | "accepted" | "declined" | "closed" | "cancelled";

/** Whether the case takes an acceptance of an offer carried by a message of this role. */
export function offerAcceptable(status: CaseStatus | undefined, messageRole: Role): boolean {
  if (status === undefined || status === "negotiating") return true;
  // A collector's offer is made while the case is escalated (taken over); the server accepts it.
  return status === "escalated" && messageRole === "agent";
}

/** What the card shows, from the local decision, the server's status, and the case's state. */
export function offerState(
  offer: WireOffer,
  options: {
    latest: boolean;
    decision: OfferDecision | undefined;
    promised: boolean;
    /** The status of the promise made from this offer: a cancelled one is never shown as accepted. */
    promiseStatus?: string | undefined;
    /** The case accepts offers now: negotiating, or a person's offer while they hold the case. */
    acceptable: boolean;
    now: number;
  },
): OfferState {
  if (options.promiseStatus === "cancelled") return "cancelled";
  if (options.promised || options.decision === "accepted" || offer.status === "accepted") return "accepted";
  if (options.decision === "sending") return "sending";
  if (options.decision === "declined" || offer.status === "declined") return "declined";
  if (options.decision === "unavailable") return "closed";
  if (offer.status && offer.status !== "proposed") return "closed";
  if (!options.latest || !options.acceptable || Date.parse(offer.expiresAt) <= options.now) return "closed";
  return "open";
}

export function InstalmentTable({
  currency,
  instalments,
  caption,
}: {
  currency: string;
  instalments: readonly Instalment[];
  caption: string;
}) {
  const { t, locale } = useLocale();
  return (
    <table className="schedule">
      <caption className="schedule__caption">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colNumber}</th>
          <th scope="col">{t.colDate}</th>
          <th scope="col" className="num">
            {t.colAmount}
          </th>
        </tr>
      </thead>
      <tbody>
        {instalments.map((i, index) => (
          <tr key={`${i.dueDate}:${i.amount}`}>
            <td>{index + 1}</td>
            <td>{formatDay(i.dueDate, locale)}</td>
            <td className="num">{formatMoney(i.amount, currency, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface OfferCardProps {
  readonly offer: WireOffer;
  readonly state: OfferState;
  readonly promise: PromiseInfo | undefined;
  readonly linkBase: string;
  readonly onAccept: (offer: WireOffer, trigger: HTMLButtonElement) => void;
  readonly onDecline: (offer: WireOffer) => void;
  /** Accept (same commitment dialog) and then open Stripe Checkout; absent without online payment. */
  readonly onAcceptAndPay?: ((offer: WireOffer, trigger: HTMLButtonElement) => void) | undefined;
}

export function OfferCard({
  offer,
  state,
  promise,
  linkBase,
  onAccept,
  onDecline,
  onAcceptAndPay,
}: OfferCardProps) {
  const { t, locale, timeZone } = useLocale();
  const titleId = `offer-${offer.id}`;
  const expires = formatDay(dayIn(offer.expiresAt, timeZone), locale);
  return (
    <section
      className={`offer offer--${state}`}
      aria-labelledby={titleId}
      data-offer-id={offer.id}
      data-state={state}
    >
      <h2 id={titleId} className="offer__title">
        <span className="offer__label">{t.offer}</span> {t.kind[offer.kind]}
      </h2>
      <p className="offer__total">
        <span>{t.total}</span> <strong>{formatMoney(offer.total, offer.currency, locale)}</strong>
      </p>
      {offer.instalments.length > 0 && !(state === "accepted" && promise) ? (
        <InstalmentTable currency={offer.currency} instalments={offer.instalments} caption={t.instalments} />
      ) : null}
      {state === "open" || state === "sending" ? <p className="offer__expiry">{t.expires(expires)}</p> : null}
      {state === "open" ? (
        <div className="offer__actions">
          <button
            type="button"
            className="btn btn--primary"
            onClick={(e) => onAccept(offer, e.currentTarget)}
          >
            {t.accept}
          </button>
          {onAcceptAndPay ? (
            <button
              type="button"
              className="btn btn--primary offer__pay"
              onClick={(e) => onAcceptAndPay(offer, e.currentTarget)}
            >
              {t.acceptAndPay}
            </button>
          ) : null}
          <button type="button" className="btn btn--secondary" onClick={() => onDecline(offer)}>
            {t.decline}
          </button>
        </div>
      ) : null}
      {state === "sending" ? <p className="offer__status">{t.offerSending}</p> : null}
      {state === "declined" ? <p className="offer__status">{t.offerDeclined}</p> : null}
      {state === "closed" ? <p className="offer__status">{t.offerClosed}</p> : null}
      {state === "accepted" ? <p className="offer__status offer__status--ok">{t.offerAccepted}</p> : null}
      {state === "cancelled" ? <p className="offer__status">{t.offerCancelled}</p> : null}
      {(state === "accepted" || state === "cancelled") && promise ? (
        <ConfirmationCard promise={promise} linkBase={linkBase} />
      ) : null}
    </section>
  );
}

export function ConfirmationCard({ promise, linkBase }: { promise: PromiseInfo; linkBase: string }) {
  const { t, locale } = useLocale();
  const total = formatMoney(promise.total, promise.currency, locale);
  const cancelled = promise.status === "cancelled";
  const toPay = promise.status === "active" || promise.status === "broken";
  return (
    <section
      className={`confirmation${cancelled ? " confirmation--cancelled" : ""}`}
      aria-labelledby={`promise-${promise.id}`}
      data-promise-id={promise.id}
      data-status={promise.status}
    >
      <h3 id={`promise-${promise.id}`} className="confirmation__title">
        {cancelled ? t.cancelledTitle : t.confirmedTitle}
      </h3>
      <p>{cancelled ? t.cancelledText(total) : t.confirmedText(total)}</p>
      <InstalmentTable
        currency={promise.currency}
        instalments={promise.instalments}
        caption={t.instalments}
      />
      <ul className="confirmation__links">
        <li>
          <a className="btn btn--link" href={`${linkBase}/receipt/${promise.id}.pdf`} download>
            {t.receipt}
          </a>
        </li>
        <li>
          <a className="btn btn--link" href={`${linkBase}/calendar/${promise.id}.ics`} download>
            {cancelled ? t.calendarCancel : t.calendar}
          </a>
        </li>
      </ul>
      {toPay ? <PaymentPanel linkBase={linkBase} refresh={`${promise.id}:${promise.status}`} /> : null}
    </section>
  );
}
