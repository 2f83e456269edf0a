// The page a debtor sees when a link cannot open the chat: unknown, expired or revoked, or locked.
// Bilingual (French first, then English), it says what to do and, for a link we know, how to reach
// the creditor; nothing else about the case. No inline style or script (the CSP forbids both).

export type LinkProblem = "invalid" | "expired" | "locked";

export interface CreditorContact {
  readonly name: string;
  readonly contactEmail?: string | null;
  readonly contactPhone?: string | null;
}

export const LINK_PAGE_CSS_PATH = "/link-status.css";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};
/** Safe in text and in double-quoted attributes (the only kind this page writes). */
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

const TEXT = {
  fr: {
    invalid: {
      title: "Ce lien n'est pas valable",
      body: "L'adresse de cette conversation n'est pas reconnue. Vérifiez que vous avez bien copié le lien complet figurant dans votre courrier ou votre e-mail.",
      next: "Si le problème continue, contactez l'entreprise qui vous a écrit : elle pourra vous envoyer un nouveau lien.",
    },
    expired: {
      title: "Ce lien n'est plus valable",
      body: "Ce lien a expiré ou a été remplacé par un nouveau lien.",
      next: "Pour obtenir un nouveau lien ou parler à une personne, contactez",
    },
    locked: {
      title: "Ce lien est verrouillé",
      body: "Par sécurité, ce lien a été bloqué (par exemple après plusieurs réponses de vérification incorrectes). Une personne de notre équipe va reprendre votre dossier et vous recontacter.",
      next: "Vous pouvez aussi contacter",
    },
    email: "e-mail",
    phone: "téléphone",
  },
  en: {
    invalid: {
      title: "This link is not valid",
      body: "We do not recognise the address of this conversation. Please check that you copied the whole link from your letter or email.",
      next: "If the problem continues, contact the company that wrote to you: they can send you a new link.",
    },
    expired: {
      title: "This link is no longer valid",
      body: "This link has expired or has been replaced by a new one.",
      next: "To get a new link or to talk to a person, contact",
    },
    locked: {
      title: "This link is locked",
      body: "For your security this link has been blocked (for example after several wrong verification answers). A member of our team will take over your file and contact you.",
      next: "You can also contact",
    },
    email: "email",
    phone: "phone",
  },
} as const;

function contactHtml(locale: "fr" | "en", creditor: CreditorContact): string {
  const t = TEXT[locale];
  const parts: string[] = [];
  if (creditor.contactEmail) {
    const email = escapeHtml(creditor.contactEmail);
    parts.push(`${t.email} <a href="mailto:${email}">${email}</a>`);
  }
  if (creditor.contactPhone) {
    const phone = escapeHtml(creditor.contactPhone);
    parts.push(`${t.phone} <a href="tel:${phone.replace(/[^+\d]/g, "")}">${phone}</a>`);
  }
  const how = parts.length ? ` (${parts.join(", ")})` : "";
  return `<strong>${escapeHtml(creditor.name)}</strong>${how}.`;
}

function section(locale: "fr" | "en", problem: LinkProblem, creditor: CreditorContact | undefined): string {
  const t = TEXT[locale][problem];
  const next =
    problem === "invalid" || !creditor
      ? TEXT[locale].invalid.next
      : `${t.next} ${contactHtml(locale, creditor)}`;
  return `<section lang="${locale}" aria-labelledby="title-${locale}">
      <h${locale === "fr" ? 1 : 2} id="title-${locale}">${escapeHtml(t.title)}</h${locale === "fr" ? 1 : 2}>
      <p>${escapeHtml(t.body)}</p>
      <p>${next}</p>
    </section>`;
}

export function linkProblemPage(problem: LinkProblem, creditor?: CreditorContact): string {
  const known = problem === "invalid" ? undefined : creditor;
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>${escapeHtml(TEXT.fr[problem].title)} / ${escapeHtml(TEXT.en[problem].title)}</title>
    <link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">
  </head>
  <body>
    <main class="card" data-problem="${problem}">
    ${section("fr", problem, known)}
    <hr>
    ${section("en", problem, known)}
    </main>
  </body>
</html>
`;
}

export const LINK_PAGE_CSS = `:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; align-items: flex-start; justify-content: center;
  background: #f4f6f8; color: #1f2933; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.card { margin: 1.5rem 1rem; max-width: 36rem; width: 100%; background: #fff; border-radius: 12px;
  padding: 1.25rem 1.5rem; box-shadow: 0 1px 3px rgba(31, 41, 51, 0.12); }
h1, h2 { font-size: 1.25rem; margin: 0.25rem 0 0.5rem; }
hr { border: 0; border-top: 1px solid #d9e2ec; margin: 1.25rem 0; }
a { color: #1d4ed8; }
`;
