// Sentences the server writes (error messages, field errors) in the console's language. The API keeps
// its English messages for API clients; the console knows the stable ones and says them in French,
// and falls back on a French sentence chosen by the error's code (the English detail after it) for
// a message it does not know yet, so a French collector never gets a bare English sentence.
import type { ApiError } from "../api.js";
import { currentLang, type Lang } from "../i18n.js";

/** Whole messages of AppError (server/errors), by their English text. */
export const MESSAGES_FR: Record<string, string> = {
  "Wrong email or password.": "E-mail ou mot de passe incorrect.",
  "Too many failed attempts for this account; try again later.":
    "Trop d'essais infructueux pour ce compte ; réessayez plus tard.",
  "Too many sign-ins in progress.": "Trop de connexions en cours ; réessayez dans un instant.",
  "No active team member has this e-mail: ask an admin to invite you.":
    "Aucun membre actif de l'équipe n'a cet e-mail : demandez une invitation à un administrateur.",
  "This sign-in expired; start again.": "Cette connexion a expiré ; recommencez.",
  "The provider did not confirm an e-mail address.":
    "Le fournisseur d'identité n'a pas confirmé d'adresse e-mail.",
  "Single sign-on failed.": "La connexion unique a échoué.",
  "Single sign-on is not configured.": "La connexion unique n'est pas configurée.",
  "This link is not valid.": "Ce lien n'est pas valide.",
  "This link has expired or was already used.": "Ce lien a expiré ou a déjà servi.",
  "This link is not valid or has expired.": "Ce lien n'est pas valide ou a expiré.",
  "The bearer token is invalid or has expired.": "Votre session a expiré : reconnectez-vous.",
  "Not authenticated.": "Vous n'êtes pas connecté.",
  "A user with this email already exists.": "Un membre de l'équipe a déjà cet e-mail.",
  "The current password is wrong.": "Le mot de passe actuel est incorrect.",
  "Only an unmatched line can be assigned.": "Seule une ligne non rapprochée peut être affectée.",
  "Case not found": "Dossier introuvable.",
  "Nothing is due on this file now.": "Rien n'est dû sur ce dossier pour l'instant.",
  "This case is already handed off.": "Ce dossier est déjà transmis.",
  "Send the statement as text/csv or application/xml.":
    "Envoyez le relevé en CSV (text/csv) ou en XML (application/xml).",
  "The request body is too large.": "Le fichier est trop volumineux.",
  "The server cannot be reached. Check your connection and try again.":
    "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
};

/** A French sentence for each error code, when the message itself is not known. */
const CODES_FR: Record<string, string> = {
  bad_request: "La demande n'a pas pu être lue.",
  validation_failed: "Certaines valeurs sont à corriger.",
  payload_too_large: "Le fichier est trop volumineux.",
  unauthenticated: "Connexion refusée.",
  forbidden: "Votre rôle ne permet pas cette action.",
  not_found: "Introuvable.",
  conflict: "Cette action entre en conflit avec l'état actuel.",
  rate_limited: "Trop de demandes ; réessayez dans un instant.",
  link_invalid: "Ce lien n'est pas valide ou a expiré.",
  link_locked: "Ce lien est bloqué.",
  conversation_locked: "Vous n'avez plus la main sur cette conversation.",
  offer_unavailable: "Cette offre n'est plus disponible.",
  not_allowed_now: "Cette action n'est pas possible pour l'instant.",
  network: "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
  download_failed: "Le téléchargement a échoué.",
  internal: "Une erreur inattendue s'est produite ; réessayez.",
};

/** Field errors (zod messages of the API's input schemas, shared with the forms), by their English text. */
export const FIELDS_FR: Record<string, string> = {
  "must not be empty": "ne doit pas être vide",
  "must be an email address": "doit être une adresse e-mail",
  "must be a phone number": "doit être un numéro de téléphone",
  "must be an https:// URL": "doit être une adresse https://",
  "must be a valid IBAN (country format and check digits)":
    "doit être un IBAN valide (format du pays et clé de contrôle)",
  "must be a valid BIC (8 or 11 characters)": "doit être un BIC valide (8 ou 11 caractères)",
  "must be a six-digit sort code such as 12-34-56": "doit être un sort code à six chiffres comme 12-34-56",
  "must be an eight-digit account number": "doit être un numéro de compte à huit chiffres",
  "must be a nine-digit ABA routing number with a valid checksum":
    "doit être un routing number ABA à neuf chiffres avec une clé valide",
  "must be 4 to 17 digits": "doit compter de 4 à 17 chiffres",
  "must change at least one field": "modifiez au moins un champ",
  "must be a date as YYYY-MM-DD": "doit être une date (AAAA-MM-JJ)",
  "must not be before issuedAt": "ne doit pas précéder la date d'émission",
  "must be positive": "doit être positif",
  "must be an integer number of minor units": "doit être un montant en centimes entiers",
  "must be an IANA time zone such as Europe/Paris": "doit être un fuseau horaire comme Europe/Paris",
  "must be a two-letter US state code": "doit être le code à deux lettres d'un État américain",
  "must be an ISO-4217 currency code such as EUR": "doit être un code de devise ISO 4217 comme EUR",
  "must hold at least one invoice": "il faut au moins une facture",
  "must hold at most 100 invoices": "100 factures au plus",
  "must be at least 12 characters": "doit compter au moins 12 caractères",
  "is already a member of the team": "fait déjà partie de l'équipe",
  "is not a valid link": "n'est pas un lien valide",
  "is wrong": "est incorrect",
  "must be collector, policy_editor or admin":
    "doit être conseiller, éditeur de politiques ou administrateur",
  "must be fr or en": "doit être fr ou en",
  // Bank statement lines (server/app/payments/statements)
  "must be YYYY-MM-DD or DD/MM/YYYY": "doit être au format AAAA-MM-JJ ou JJ/MM/AAAA",
  "must be an ISO-4217 code such as EUR": "doit être un code de devise ISO 4217 comme EUR",
  "must be an ISO-4217 code": "doit être un code de devise ISO 4217",
  "must be a number such as 1234.56": "doit être un nombre comme 1234,56",
  "must be a decimal amount": "doit être un montant décimal",
  "missing date": "date manquante",
  "the file is empty": "le fichier est vide",
  "is required when verification_question is given":
    "est obligatoire quand verification_question est remplie",
  "required column is missing": "colonne obligatoire absente",
  "expected a header row": "une ligne d'en-tête est attendue",
  "expected at least one row after the header": "au moins une ligne est attendue après l'en-tête",
  "no CAMT.053 statement (BkToCstmrStmt/Stmt) found": "aucun relevé CAMT.053 (BkToCstmrStmt/Stmt) trouvé",
};

/** Column names in a statement line's problems ("amount: must be…"). */
const COLUMNS_FR: Record<string, string> = { date: "date", amount: "montant", currency: "devise" };

/** Field errors with a number in them ("must be at most 200 characters"). */
const FIELD_PATTERNS_FR: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^must be at most (\d+) characters$/, (m) => `doit compter au plus ${m[1]} caractères`],
  [/^must be at most (\d+)$/, (m) => `doit valoir au plus ${m[1]}`],
  [/^Invalid input/, () => "valeur manquante ou invalide"],
  // Case import (server/app/console/csv-import.ts): per row and column
  [/^differs from row (\d+) of the same case$/, (m) => `diffère de la ligne ${m[1]} du même dossier`],
  [
    /^must be an amount such as 1200\.50 or 1 200,50 \(got "(.*)"\)$/,
    (m) => `doit être un montant comme 1200,50 ou 1 200,50 (lu : « ${m[1]} »)`,
  ],
  [
    /^must be a date such as 2026-07-31 or 31\/07\/2026 \(got "(.*)"\)$/,
    (m) => `doit être une date comme 31/07/2026 ou 2026-07-31 (lu : « ${m[1]} »)`,
  ],
  [
    /^a case with this reference already exists for this creditor \((.+)\)$/,
    (m) => `un dossier avec cette référence existe déjà pour ce créancier (${m[1]})`,
  ],
  [/^unknown column "(.*)"$/, (m) => `colonne inconnue « ${m[1]} »`],
  [/^duplicate column "(.*)"$/, (m) => `colonne en double « ${m[1]} »`],
  [/^at most (\d+) rows per file$/, (m) => `${m[1]} lignes au plus par fichier`],
  [/^missing column\(s\): (.+)$/, (m) => `colonne(s) manquante(s) : ${m[1]}`],
  [/^at most (\d+) (lines|entries) per file$/, (m) => `${m[1]} lignes au plus par fichier`],
  [/^not a readable CSV file: (.+)$/, (m) => `fichier CSV illisible : ${m[1]}`],
  [/^not readable XML: (.+)$/, (m) => `XML illisible : ${m[1]}`],
  [/^Invalid option/, () => "choix non valable"],
  [/^Too small/, () => "valeur trop petite"],
  [/^Too big/, () => "valeur trop grande"],
];

/** An API error's message in the console's language. */
export function serverMessage(
  error: Pick<ApiError, "code" | "message"> & Partial<Pick<ApiError, "fieldErrors">>,
  lang: Lang = currentLang(),
): string {
  if (lang !== "fr") return error.message;
  const known = MESSAGES_FR[error.message];
  if (known) return known;
  const generic = CODES_FR[error.code] ?? (CODES_FR.internal as string);
  const first = error.fieldErrors?.()[0];
  if (first) {
    // "line 3" (a file's line) and "date: must be…" (a column's problem) are said the French way.
    const line = /^line (\d+)$/.exec(first.path)?.[1];
    const where = line ? `ligne ${line}` : first.path;
    const why = line ? lineProblems(first.message, lang) : fieldMessage(first.message, lang);
    return `${generic.replace(/\.$/, "")} : ${where}${line ? ", " : " "}${why}.`;
  }
  // The English detail stays beside the French sentence: it may say what is wrong.
  return `${generic} (${error.message})`;
}

/** A field error's reason in the console's language. */
export function fieldMessage(message: string, lang: Lang = currentLang()): string {
  if (lang !== "fr") return message;
  const known = FIELDS_FR[message];
  if (known) return known;
  for (const [pattern, say] of FIELD_PATTERNS_FR) {
    const m = pattern.exec(message);
    if (m) return say(m);
  }
  return message;
}

/** A statement line's problems ("date: must be…; amount: must be…"), each in the console's language. */
export function lineProblems(message: string, lang: Lang = currentLang()): string {
  if (lang !== "fr") return message;
  return message
    .split("; ")
    .map((part) => {
      const m = /^([\w/@]+): (.+)$/.exec(part);
      return m?.[1] && m[2]
        ? `${COLUMNS_FR[m[1]] ?? m[1]} : ${fieldMessage(m[2], lang)}`
        : fieldMessage(part, lang);
    })
    .join(" ; ");
}

/** Notes reconciliation writes on a statement line (a person's own notes are shown as they wrote them). */
const LINE_NOTES_FR: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^already imported$/, () => "déjà importée"],
  [/^no payment reference found$/, () => "aucune référence de paiement trouvée"],
  [/^reference (\S+) matches no case$/, (m) => `la référence ${m[1]} ne correspond à aucun dossier`],
  [/^the case is in ([A-Z]{3})$/, (m) => `le dossier est en ${m[1]}`],
  [/^not recorded: (.+)$/, (m) => `non enregistré : ${m[1]}`],
  [/^less than the amount due now$/, () => "moins que le montant dû à ce jour"],
  [/^more than the amount due now$/, () => "plus que le montant dû à ce jour"],
];

export function lineNote(note: string, lang: Lang = currentLang()): string {
  if (lang !== "fr") return note;
  for (const [pattern, say] of LINE_NOTES_FR) {
    const m = pattern.exec(note);
    if (m) return say(m);
  }
  return note;
}
