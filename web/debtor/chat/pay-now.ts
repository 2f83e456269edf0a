// Opening Stripe Checkout from the chat page (the Pay now button under a promise, and "Accept and
// pay now" on an offer card). The tab is opened in the click itself, so that pop-up blockers let it
// through, and filled in once the server has created the Checkout Session; the chat stays open and
// announces the payment when the webhook records it. The link token never reaches Stripe.

/** A blank tab, opened during the user's click; null when the browser refused it. */
export function openBlankTab(): Window | null {
  return window.open("", "_blank");
}

/** Asks the server for the session of the amount due now and sends `tab` (or this page) there. */
export async function sendTabToCheckout(linkBase: string, tab: Window | null): Promise<boolean> {
  try {
    const res = await fetch(`${linkBase}/pay`, { method: "POST", headers: { accept: "application/json" } });
    const body = (await res.json()) as { url?: unknown };
    if (!res.ok || typeof body.url !== "string" || !body.url.startsWith("https://"))
      throw new Error("no url");
    if (tab) {
      tab.opener = null;
      tab.location.href = body.url;
    } else window.location.assign(body.url);
    return true;
  } catch {
    tab?.close();
    return false;
  }
}
