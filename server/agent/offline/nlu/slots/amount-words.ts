// Words around amounts: currencies, rhythms ("par mois", "a week"), and the words that
// say a number is something else than money ("3 enfants", "facture 1234").
// Kept as plain strings: lists, not code.

// biome-ignore format: a table reads better in rows
export const CURRENCIES: Readonly<Record<string, string>> = {
  "€": "EUR", eur: "EUR", euro: "EUR", euros: "EUR", balles: "EUR", e: "EUR",
  $: "USD", usd: "USD", dollar: "USD", dollars: "USD", bucks: "USD", buck: "USD",
  "£": "GBP", gbp: "GBP", pound: "GBP", pounds: "GBP", quid: "GBP", "livres sterling": "GBP", "livre sterling": "GBP",
  chf: "CHF", "francs suisses": "CHF", cad: "CAD", aud: "AUD", jpy: "JPY", yen: "JPY", "¥": "JPY",
};

const phrases = (s: string): readonly string[] => s.split("|");
const wordSet = (s: string): ReadonlySet<string> => new Set(s.split(" "));

/** Minor units after digits: "50 centimes", "30p". */
export const MINOR_WORDS = phrases("centimes|centime|cents|cent|cts|ct|pence|penny|p");
/** After an amount: paid every month. */
export const MONTH = phrases(
  "par mois|/ mois|/ m|/ mo|/ month|mensuel|mensuels|mensuellement|chaque mois|tous les mois|" +
    "la mensualite|par mensualite|a month|per month|a mth|monthly|each month|every month|pm|p / m|" +
    "per calendar month|pcm|a mois",
);
/** After an amount: paid every week. */
export const WEEK = phrases(
  "par semaine|/ semaine|/ sem|hebdo|chaque semaine|toutes les semaines|a week|per week|/ week|" +
    "/ wk|weekly|each week|every week|pw|p / w",
);
/** Before an amount: "mensualités de 100 €". */
export const MONTH_BEFORE = phrases(
  "mensualites de|mensualite de|monthly payments of|monthly instalments of|monthly installments of|" +
    "chaque mois|tous les mois|every month|each month|monthly",
);
/** Before an amount: "weekly payments of 20". */
export const WEEK_BEFORE = phrases(
  "weekly payments of|weekly instalments of|chaque semaine|toutes les semaines|every week|" +
    "each week|weekly",
);
/** Words after a bare number that make it a count of something else ("3 enfants", "2 ans"). */
export const NOUN_AFTER = wordSet(
  "ans an annee annees jours jour heures heure h minutes min fois mois semaines semaine enfants " +
    "enfant personnes kids children child years year days day hours hour weeks week months month " +
    "times people items articles factures invoices rue avenue av bd boulevard street road lane " +
    "chemin allee impasse place km kg m2 relances reminders letters lettres courriers appels calls " +
    "messages mails emails employes salaries employees clients customers pages % percent " +
    "pourcent x mensualites payments instalments installments versements echeances paiements digits " +
    "chiffres derniers last am pm : ieme eme secondes seconds sec m cm mm metres meters miles litres " +
    "liters kilos grammes",
);
/** Words right before a bare number that make it an identifier ("facture 1234", "n° 56"). */
export const ID_BEFORE = wordSet(
  "n no num numero number nr ref reference facture invoice dossier case client customer account " +
    "compte siret siren tel telephone phone portable mobile code postal postcode zip pin cp commande " +
    "order contrat contract id identifiant matricule page article # \u00b0 ticket lot version rue street " +
    "apt appartement batiment etage floor room chambre ne nee born annee year age aged agee chapter " +
    "iban bic",
);
/** Identifier words a few words before the number ("numéro client est le 458213"). */
export const ID_NEAR_BEFORE = wordSet(
  "numero number ref reference siret siren postal postcode zip identifiant matricule telephone " +
    "phone tel iban dossier client customer account compte digits chiffres",
);
/** Verbs that make a nearby bare number money ("je peux payer 2000"). */
export const MONEY_VERBS = wordSet(
  "payer paye paie regler verser verse propose proposer offre mettre mets donner donne rembourser " +
    "envoyer virer pay paid offer give afford do manage send put spare transfer settle accept " +
    "prendre take owe dois doit devoir",
);
