// The console in French or English: a small dictionary, a language switch in the top bar (kept in
// this browser), and plain-language names for the codes the server sends (escalation kinds, statuses,
// outcomes, offer kinds, amount lines, policy rules). The code itself stays available in a tooltip.
import { createContext, type ReactNode, useContext, useState } from "react";
import { POLICY_AUDIT_CODES } from "./words/codes-policy.js";
import { CODES_DESK_TOOLS } from "./words/fr-desk-tools.js";
import { PAGE_WORDS_FR, type PageText } from "./words-fr.js";

export type Lang = "en" | "fr";
const KEY = "amiable.console.lang";

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === "fr" || saved === "en") return saved;
  } catch {
    // storage unavailable: fall back to the browser's language
  }
  return typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

let current: Lang = "en";

/** Plain words for the codes, by language; an unknown code is spelt out ("some_code" -> "Some code"). */
const CODES: Record<Lang, Record<string, string>> = {
  en: {
    ...CODES_DESK_TOOLS.en,
    dispute: "Dispute",
    already_paid: "Says it is already paid",
    vulnerability: "Vulnerable debtor",
    hardship: "Financial hardship",
    human_request: "Asked for a person",
    stop_request: "Asked to stop contact",
    surendettement: "Over-indebtedness file (surendettement)",
    breathing_space: "Breathing space",
    bankruptcy: "Bankruptcy or insolvency",
    attorney: "Represented by a lawyer",
    identity: "Identity not confirmed",
    time_barred: "Time-barred debt",
    counter_offer: "Counter-offer beyond the policy",
    third_party: "Someone else answered",
    abuse: "Abusive messages",
    broken_promise: "Promise broken",
    verifying: "Verifying identity",
    negotiating: "Negotiating",
    promised: "Promise to pay",
    escalated: "With a person",
    closed: "Closed",
    open: "Open",
    assigned: "Assigned",
    resolved: "Resolved",
    proposed: "Proposed",
    accepted: "Accepted",
    declined: "Declined",
    expired: "Expired",
    superseded: "Replaced",
    active: "Active",
    kept: "Kept",
    broken: "Broken",
    cancelled: "Cancelled",
    revoked: "Revoked",
    full: "Full payment",
    plan: "Instalment plan",
    settlement: "Settlement",
    principal: "Principal",
    interest: "Late interest",
    indemnity: "Recovery indemnity",
    fee: "Contractual fee",
    fees: "Fees",
    paid: "Paid",
    total: "Total",
    business: "Business",
    consumer: "Consumer",
    dispute_upheld: "Dispute upheld",
    dispute_rejected: "Dispute rejected",
    payment_found: "Payment found",
    plan_agreed: "Plan agreed by hand",
    no_action: "No action needed",
    other: "Other",
    withdrawn_by_debtor: "Withdrawn by the debtor",
    "escalation.withdrawn": "Escalation withdrawn by the debtor",
    "proposal.full": "The debtor's proposal: full payment",
    "proposal.plan": "The debtor's proposal: instalment plan",
    "proposal.settlement": "The debtor's proposal: settlement",
    "ladder.full": "Offer: full payment",
    "ladder.full-waived": "Offer: full payment, fees waived",
    "ladder.plan": "Offer: instalment plan",
    "ladder.plan-hardship": "Offer: longer plan for hardship",
    "ladder.settlement": "Offer: settlement",
    "facts.invoices": "Invoices",
    "fees.lateInterest": "Late interest (pack)",
    "fees.recoveryIndemnity": "Recovery indemnity (pack)",
    ...POLICY_AUDIT_CODES.en,
  },
  fr: {
    ...CODES_DESK_TOOLS.fr,
    dispute: "Contestation",
    already_paid: "Dit avoir déjà payé",
    vulnerability: "Débiteur vulnérable",
    hardship: "Difficultés financières",
    human_request: "A demandé une personne",
    stop_request: "Demande l'arrêt des contacts",
    surendettement: "Dossier de surendettement",
    breathing_space: "Breathing space (UK)",
    bankruptcy: "Faillite ou insolvabilité",
    attorney: "Représenté par un avocat",
    identity: "Identité non confirmée",
    time_barred: "Dette prescrite",
    counter_offer: "Contre-proposition hors politique",
    third_party: "Un tiers a répondu",
    abuse: "Messages injurieux",
    broken_promise: "Engagement non tenu",
    verifying: "Vérification d'identité",
    negotiating: "En négociation",
    promised: "Engagement de paiement",
    escalated: "Chez un conseiller",
    closed: "Clos",
    open: "Ouverte",
    assigned: "Attribuée",
    resolved: "Résolue",
    proposed: "Proposée",
    accepted: "Acceptée",
    declined: "Refusée",
    expired: "Expirée",
    superseded: "Remplacée",
    active: "Actif",
    kept: "Tenu",
    broken: "Non tenu",
    cancelled: "Annulé",
    revoked: "Révoqué",
    full: "Paiement intégral",
    plan: "Échéancier",
    settlement: "Règlement transactionnel",
    principal: "Principal",
    interest: "Pénalités de retard",
    indemnity: "Indemnité forfaitaire de recouvrement",
    fee: "Frais contractuels",
    fees: "Frais",
    paid: "Payé",
    total: "Total",
    business: "Entreprise",
    consumer: "Particulier",
    dispute_upheld: "Contestation acceptée",
    dispute_rejected: "Contestation rejetée",
    payment_found: "Paiement retrouvé",
    plan_agreed: "Accord conclu à la main",
    no_action: "Aucune action nécessaire",
    other: "Autre",
    withdrawn_by_debtor: "Retirée par le débiteur",
    "escalation.withdrawn": "Escalade retirée par le débiteur",
    "proposal.full": "Proposition du débiteur : paiement intégral",
    "proposal.plan": "Proposition du débiteur : échéancier",
    "proposal.settlement": "Proposition du débiteur : règlement transactionnel",
    "ladder.full": "Offre : paiement intégral",
    "ladder.full-waived": "Offre : paiement intégral, frais remis",
    "ladder.plan": "Offre : échéancier",
    "ladder.plan-hardship": "Offre : échéancier long (difficultés)",
    "ladder.settlement": "Offre : règlement transactionnel",
    "facts.invoices": "Factures",
    "fees.lateInterest": "Pénalités de retard (politique)",
    "fees.recoveryIndemnity": "Indemnité de recouvrement (politique)",
    ...POLICY_AUDIT_CODES.fr,
  },
};

/** The words of the console's frame (navigation, top bar, team pages). */
const UI = {
  en: {
    nav: {
      "/queue": "Escalations",
      "/cases": "Cases",
      "/outbox": "Outbox",
      "/statements": "Statements",
      "/creditors": "Creditors",
      "/kpis": "KPIs",
      "/policies": "Policies",
      "/audit": "Audit log",
      "/team": "Team",
    } as Record<string, string>,
    logout: "Log out",
    live: "Live",
    offline: "Offline",
    language: "Language",
    myAccount: "My account",
  },
  fr: {
    nav: {
      "/queue": "Escalades",
      "/cases": "Dossiers",
      "/outbox": "Envois",
      "/statements": "Relevés",
      "/creditors": "Créanciers",
      "/kpis": "Indicateurs",
      "/policies": "Politiques",
      "/audit": "Journal d'audit",
      "/team": "Équipe",
    } as Record<string, string>,
    logout: "Se déconnecter",
    live: "En direct",
    offline: "Hors ligne",
    language: "Langue",
    myAccount: "Mon compte",
  },
} satisfies Record<Lang, unknown>;

export function codeLabel(code: string): string {
  const known = CODES[current][code];
  if (known) return known;
  const text = code.replace(/[_.]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A page's sentence in the console's language: the English text is the key (and the English words),
 * `{name}` placeholders are filled from `values`. The switch re-renders the whole subtree, so calls
 * made while rendering always read the chosen language.
 */
export function t(text: PageText, values?: Record<string, string | number>): string {
  const words: string = current === "fr" ? PAGE_WORDS_FR[text] : text;
  if (!values) return words;
  return words.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

export function currentLang(): Lang {
  return current;
}

/** Whether the code has a plain-language name (then the code goes in a tooltip). */
export function hasCodeLabel(code: string): boolean {
  return CODES[current][code] !== undefined;
}

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: "en",
  setLang: () => {},
});

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    current = initialLang();
    return current;
  });
  const setLang = (l: Lang) => {
    current = l;
    try {
      localStorage.setItem(KEY, l);
    } catch {
      // not kept: the choice lasts for this page
    }
    document.documentElement.lang = l;
    setLangState(l);
  };
  // The subtree re-renders whole on a switch: every label() call reads the new language.
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <div key={lang} lang={lang} className="lang-root">
        {children}
      </div>
    </LangContext.Provider>
  );
}

export function useLang() {
  const { lang, setLang } = useContext(LangContext);
  return { lang, setLang, t: UI[lang] };
}

export function LanguageSwitch() {
  const { lang, setLang, t } = useLang();
  return (
    <fieldset className="lang-switch">
      <legend className="sr-only">{t.language}</legend>
      {(["fr", "en"] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="btn btn--ghost"
          aria-pressed={lang === l}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
