// The questions debtors ask about their file, read from the message: what the debt is for, who the
// creditor is (and "is this a scam?"), what happens if a payment is missed, whether a plan can be
// changed, a copy of the invoice, sending proof of payment, a phone number. Fees have their own
// intent (ask_fees) and "how do I pay" belongs to the payment flow. Answers come from the case and
// the pack's reviewed `faq` (see policy/schema-faq.ts), never from this file.
import type { FaqTopic } from "../../policy/schema-faq.js";

function plain(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`]/g, " ")
    .replace(/[^\p{L}\p{N}?]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// Patterns on plain text (lower case, no accents, apostrophes as spaces). Order matters: the first
// topic that matches wins.
const TOPICS: readonly (readonly [FaqTopic, RegExp])[] = [
  [
    "missed_payment",
    /\b(si (je|j|on|nous) (rate|rates|loupe|manque|saute|oublie|paie pas|paye pas|ne paie pas|ne paye pas|peux pas payer|n arrive pas)|(rate|rater|louper|manquer|sauter) (une|un|l|la|le) (echeance|mensualite|paiement|versement|prelevement)|il se passe quoi|qu est ce qui se passe|que se passe t il|ca se passe comment si|huissier|commissaire de justice|tribunal|poursuites?|injonction|fichier banque de france|fichage|fiche a la banque|what happens if|what if (i|we) (miss|can t|cannot|don t|do not)|miss(ed)? (a|an|one|my) (payment|instalment|installment)|can t make (a|one|my) payment|bailiffs?|court|sue me|take me to court|credit (score|file|rating)|ccj)\b/,
  ],
  [
    "change_plan",
    /\b((on|je|nous) (peut|peux|pourrait|pourrais|pouvons) (le |la |les )?(changer|modifier|decaler|reporter|ajuster)|(changer|modifier|decaler|reporter|ajuster) (l |le |la |les |mon |ma |mes )?(echeancier|echeance|echeances|plan|date|dates|mensualite|mensualites|montant|jour)|can (i|we) (change|modify|move|adjust|reschedule)|(change|modify|move|adjust|reschedule) (the|my|a|this) (plan|payment date|date|instalment|installment|amount|day))\b/,
  ],
  [
    "invoice_copy",
    /\b(copie|duplicata|double) (de |d )?(la |les |ma |mes )?(facture|factures)|(renvoyer|envoyer|recevoir|avoir) (la|les|une|ma|mes) (facture|factures)|copy of (the|my|this|that) (invoice|invoices|bill)|(send|resend|email) (me )?(the|a|my) (invoice|invoices|bill)\b/,
  ],
  [
    "proof_of_payment",
    /\b(comment|ou|how|where) .{0,30}(envoyer|transmettre|joindre|send|upload|attach) .{0,20}(preuve|justificatif|recu|proof|receipt)\b/,
  ],
  [
    "contact",
    /\b(numero de (tel|telephone|portable)|votre (numero|telephone|tel)|un numero|phone number|your number|telephone number|number (i|to) call|call you|phone you|call me back|me rappeler|rappelez moi|vous appeler|vous joindre|reach you)\b/,
  ],
  [
    "creditor",
    /\b(qui (etes|êtes|est) (vous|ce|le creancier)|c (est )?qui|vous etes qui|qui vous envoie|who (are|r) (you|u)|who is (this|the creditor|it)|who (do you|are you) (work|acting) for|(une |c |c est |est ce |is (this|it) |this is )(une |a )?(arnaque|escroquerie|scam|fraude|fraud|phishing|hameconnage)|(arnaque|scam|phishing) ?\?|(legit|legitimate|real|genuine) \?|vrai(ment)? (vous|legit)|how (do|can) (i|we) know (this|it|you)|(scam|arnaque|escroquerie|phishing) (ou quoi|or what|or not)?\s?\?)/,
  ],
  [
    "what_for",
    /\b((c |c est |cest |c est pour )?pour quoi (exactement |au juste )?(cette|la|ce|cet|ces)? ?(facture|dette|somme|dossier|montant|truc)?|ca correspond a quoi|correspond a quoi (cette|la|ce)|c est quoi (cette|ce) (facture|dette|dossier)|what (is|s) (this|the|that) (debt|invoice|bill|file|amount) for|what (is|s) this (about|for)|what (do|does) (i|we) owe (this )?for|what was (it|this) for)\b/,
  ],
];

/** The question's topic, or undefined when the message asks none of these. */
export function questionTopic(text: string): FaqTopic | undefined {
  const t = plain(text);
  for (const [topic, re] of TOPICS) if (re.test(t)) return topic;
  return undefined;
}
