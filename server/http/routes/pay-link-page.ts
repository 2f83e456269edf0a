// The page the e-mail pay-now link (GET /c/:token/pay) shows when it cannot open Stripe Checkout:
// bilingual (French first, then English), saying why and what to do next, nothing about the debt.
// No inline style or script (the CSP forbids both).
import { escapeHtml, LINK_PAGE_CSS_PATH } from "./debtor-link-page.js";

export type PayLinkProblem = "invalid" | "locked" | "not_verified" | "not_configured" | "nothing_due";

type Text = Record<PayLinkProblem, readonly [title: string, body: string]>;

const TEXT: { fr: Text; en: Text } = {
  fr: {
    invalid: [
      "Ce lien de paiement n'est pas valable",
      "Il a expiré, a été remplacé ou n'a pas été copié en entier. Contactez l'entreprise qui vous a écrit pour obtenir un nouveau lien.",
    ],
    locked: [
      "Ce lien est verrouillé",
      "Par sécurité, ce lien a été bloqué. Une personne de notre équipe va reprendre votre dossier et vous recontacter.",
    ],
    not_verified: [
      "Confirmez d'abord votre identité",
      "Ouvrez votre conversation et répondez à la question de vérification ; vous pourrez ensuite payer en ligne.",
    ],
    not_configured: [
      "Le paiement en ligne n'est pas disponible",
      "Payez par virement : les coordonnées bancaires et la référence à indiquer figurent dans votre conversation.",
    ],
    nothing_due: ["Rien n'est à payer pour le moment", "Aucun montant n'est dû aujourd'hui sur ce dossier."],
  },
  en: {
    invalid: [
      "This payment link is not valid",
      "It has expired, was replaced, or was not copied in full. Contact the company that wrote to you for a new link.",
    ],
    locked: [
      "This link is locked",
      "For your security this link has been blocked. A member of our team will take over your file and contact you.",
    ],
    not_verified: [
      "Please confirm your identity first",
      "Open your conversation and answer the verification question; you can then pay online.",
    ],
    not_configured: [
      "Online payment is not available",
      "Please pay by bank transfer: the bank details and the reference to quote are in your conversation.",
    ],
    nothing_due: ["Nothing to pay right now", "No amount is due on this file today."],
  },
};

/** `chatPath` (the debtor's /c/<token>) is offered as the way back when the link itself is good. */
export function payLinkProblemPage(problem: PayLinkProblem, chatPath?: string): string {
  const back = (label: string) =>
    chatPath ? `\n      <p><a href="${escapeHtml(chatPath)}">${escapeHtml(label)}</a></p>` : "";
  const section = (locale: "fr" | "en", level: 1 | 2, label: string) => {
    const [title, body] = TEXT[locale][problem];
    return `<section lang="${locale}">
      <h${level}>${escapeHtml(title)}</h${level}>
      <p>${escapeHtml(body)}</p>${back(label)}
    </section>`;
  };
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escapeHtml(TEXT.fr[problem][0])} / ${escapeHtml(TEXT.en[problem][0])}</title>
    <link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">
  </head>
  <body>
    <main class="card" data-problem="${problem}">
    ${section("fr", 1, "Ouvrir ma conversation")}
    <hr>
    ${section("en", 2, "Open my conversation")}
    </main>
  </body>
</html>
`;
}

/** The HTTP status of each refusal. */
export const PAY_LINK_STATUS: Record<PayLinkProblem, number> = {
  invalid: 404,
  locked: 423,
  not_verified: 403,
  not_configured: 404,
  nothing_due: 409,
};
