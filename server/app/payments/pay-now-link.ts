// The pay-now link for e-mails and letters: GET <debtor link>/pay opens a Stripe Checkout Session for
// the amount due now (see payment-routes.ts). It is the debtor's link plus "/pay", so it carries the
// same secret token and expires, is revoked and locks with it.

/** The pay-now URL for a debtor link such as `https://host/c/<token>` (from `debtorLink`). */
export function payNowUrl(link: string): string {
  return `${link.replace(/\/+$/, "")}/pay`;
}
