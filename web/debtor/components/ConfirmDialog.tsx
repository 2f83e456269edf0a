// The explicit commitment before a promise is recorded (principle 3): the debtor reads "I commit to
// pay ... on ..." and confirms. A modal <dialog>: focus moves into it when it opens, Escape cancels,
// and the caller puts focus back where it belongs when it closes.
import { useEffect, useRef } from "react";
import type { WireOffer } from "../../../contract/debtor-socket.js";
import { formatDay, formatList, formatMoney } from "../../shared/format.js";
import { useLocale } from "../locale.js";

interface Props {
  readonly offer: WireOffer | undefined;
  readonly onConfirm: (offer: WireOffer) => void;
  readonly onCancel: () => void;
}

export function commitmentText(
  offer: WireOffer,
  t: ReturnType<typeof useLocale>["t"],
  locale: ReturnType<typeof useLocale>["locale"],
): string {
  const money = (amount: number) => formatMoney(amount, offer.currency, locale);
  const first = offer.instalments[0];
  if (offer.instalments.length <= 1) {
    return t.commitOne(money(offer.total), formatDay(first?.dueDate ?? offer.expiresAt.slice(0, 10), locale));
  }
  const items = offer.instalments.map((i) => t.commitItem(money(i.amount), formatDay(i.dueDate, locale)));
  return t.commitMany(money(offer.total), offer.instalments.length, formatList(items, locale));
}

export function ConfirmDialog({ offer, onConfirm, onCancel }: Props) {
  const { t, locale } = useLocale();
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (offer && !dialog.open) {
      dialog.showModal();
      bodyRef.current?.focus();
    } else if (!offer && dialog.open) {
      dialog.close();
    }
  }, [offer]);

  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text confirm-help"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {offer ? (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onConfirm(offer);
          }}
        >
          <h2 id="confirm-title" className="confirm__title">
            {t.confirmTitle}
          </h2>
          <p id="confirm-text" className="confirm__text" tabIndex={-1} ref={bodyRef}>
            {commitmentText(offer, t, locale)}
          </p>
          <p id="confirm-help" className="confirm__help">
            {t.confirmHelp}
          </p>
          <div className="confirm__actions">
            <button type="submit" className="btn btn--primary">
              {t.confirm}
            </button>
            <button type="button" className="btn btn--secondary" onClick={onCancel}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
