// The French for the sentences inside the console's pages, keyed by the English text (English is the
// default and stays as written in the pages). A key missing here is a type error at the call site, so
// a new English sentence cannot silently stay untranslated. Placeholders like {name} are filled by t().
export const PAGE_WORDS_FR = {
  // Shared pieces
  "Loading {what}…": "Chargement : {what}…",
  Pages: "Pages",
  Previous: "Précédente",
  Next: "Suivante",
  "Page {page} of {pages} ({total} in all)": "Page {page} sur {pages} ({total} au total)",
  // Queue
  Escalations: "Escalades",
  "Notify me of new escalations": "Me prévenir des nouvelles escalades",
  "The browser shows a notification when a case needs a person, even in another tab.":
    "Le navigateur affiche une notification quand un dossier a besoin d'une personne, même dans un autre onglet.",
  "Browser notifications are on for new escalations.":
    "Les notifications du navigateur sont activées pour les nouvelles escalades.",
  "Filter escalations": "Filtrer les escalades",
  Kind: "Type",
  "All kinds": "Tous les types",
  Status: "Statut",
  "Open or assigned": "Ouvertes ou attribuées",
  Open: "Ouvertes",
  Assigned: "Attribuées",
  Resolved: "Résolues",
  All: "Toutes",
  Assignee: "Attribuée à",
  Anyone: "N'importe qui",
  Me: "Moi",
  Nobody: "Personne",
  "Nothing in the queue.": "Rien dans la file.",
  escalations: "les escalades",
  // Cases list
  Cases: "Dossiers",
  "New case": "Nouveau dossier",
  "Import CSV": "Importer un CSV",
  "Export CSV": "Exporter en CSV",
  "Export for Excel (FR)": "Exporter pour Excel (FR)",
  "Separated by semicolons with decimal commas: opens as columns in French Excel":
    "Séparé par des points-virgules avec virgule décimale : s'ouvre en colonnes dans Excel en français",
  "Filter cases": "Filtrer les dossiers",
  Search: "Rechercher",
  "Reference, name, e-mail, phone or invoice number":
    "Référence, nom, e-mail, téléphone ou numéro de facture",
  Any: "Tous",
  Escalated: "Escaladé",
  Yes: "Oui",
  No: "Non",
  Promise: "Engagement",
  Active: "Actif",
  Kept: "Tenu",
  Broken: "Non tenu",
  Cancelled: "Annulé",
  None: "Aucun",
  Jurisdiction: "Juridiction",
  Reference: "Référence",
  Debtor: "Débiteur",
  Creditor: "Créancier",
  Principal: "Principal",
  Created: "Créé le",
  "No case matches these filters.": "Aucun dossier ne correspond à ces filtres.",
  cases: "les dossiers",
  // Case page
  "the case": "le dossier",
  "← Cases": "← Dossiers",
  "owed to {creditor}": "dû à {creditor}",
  "principal {amount}": "principal {amount}",
  "due now {amount}": "exigible {amount}",
  Conversation: "Conversation",
  Reminders: "Relances",
  Promises: "Engagements",
  Offers: "Offres",
  "Debt breakdown": "Détail de la créance",
  "Debtor link": "Lien du débiteur",
} as const;

export type PageText = keyof typeof PAGE_WORDS_FR;
