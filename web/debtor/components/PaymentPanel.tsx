// How to pay, under the confirmation card of a promise still to be paid: the instructions the
// server words (amount due now, bank details, reference), the SEPA QR code for a euro transfer, and
// "Pay now" when online payment is configured. Pay now opens Stripe Checkout in a new tab (the chat
// stays open and announces the payment when it arrives); the link token never reaches Stripe.
import { useEffect, useState } from "react";
import { openBlankTab, sendTabToCheckout } from "../chat/pay-now.js";
import { useLocale } from "../locale.js";

interface PaymentInfo {
  readonly text: string;
  readonly referenceText: string;
  readonly payNow: boolean;
  readonly sepaQrSvg: string | null;
}

function parse(body: unknown): PaymentInfo | null {
  const b = body as Partial<PaymentInfo> | null;
  if (!b || typeof b.text !== "string" || typeof b.referenceText !== "string") return null;
  return {
    text: b.text,
    referenceText: b.referenceText,
    payNow: b.payNow === true,
    sepaQrSvg:
      typeof b.sepaQrSvg === "string" && b.sepaQrSvg.startsWith("data:image/svg+xml;base64,")
        ? b.sepaQrSvg
        : null,
  };
}

export function PaymentPanel({ linkBase, refresh }: { linkBase: string; refresh: string }) {
  const { t } = useLocale();
  const [info, setInfo] = useState<PaymentInfo | null>(null);
  const [state, setState] = useState<"idle" | "opening" | "failed">("idle");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the re-fetch trigger
  useEffect(() => {
    const controller = new AbortController();
    fetch(`${linkBase}/payment`, {
      signal: controller.signal,
      cache: "no-store",
      headers: { accept: "application/json" },
    })
      .then(async (res) => (res.ok ? setInfo(parse(await res.json())) : setInfo(null)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [linkBase, refresh]);
  if (!info) return null;

  const payNow = async () => {
    // Opened in the click itself, so that pop-up blockers let it through; filled in once Stripe answers.
    const tab = openBlankTab();
    setState("opening");
    setState((await sendTabToCheckout(linkBase, tab)) ? "idle" : "failed");
  };

  return (
    <section className="payment" aria-labelledby="payment-title">
      <h3 id="payment-title" className="payment__title">
        {t.howToPay}
      </h3>
      <p className="payment__text">{info.text}</p>
      <p className="payment__reference">
        {t.paymentReference}
        {t.colon}
        <strong>{info.referenceText}</strong>
      </p>
      {info.sepaQrSvg ? (
        <figure className="payment__qr">
          <img src={info.sepaQrSvg} width={160} height={160} alt={t.sepaQrAlt} />
          <figcaption>{t.sepaQrCaption}</figcaption>
        </figure>
      ) : null}
      {info.payNow ? (
        <button type="button" className="btn btn--primary" onClick={payNow} disabled={state === "opening"}>
          {state === "opening" ? t.payNowOpening : t.payNow}
        </button>
      ) : null}
      {state === "failed" ? (
        <p className="payment__error" role="alert">
          {t.payNowFailed}
        </p>
      ) : null}
    </section>
  );
}
