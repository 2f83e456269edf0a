// "How do I pay?": questions about the means of payment (bank details, reference, card, link),
// not about how much or whether. The assistant answers them with the payment instructions.

import { type Rule, rules } from "./rule.js";

const PAY_VERB_FR =
  "payer|paye|paie|payes|payons|regler|regle|reglons|virer|vire|verser|verse|rembourser|faire le virement|faire un virement|vous payer|vous regler|proceder au paiement|effectuer le paiement|envoyer le paiement|envoyer l argent";
const PAY_VERB_EN =
  "pay|pay you|make a payment|make the payment|send the money|send the payment|send money|transfer|wire|settle up|get the money to you";

const DOUBT = [
  "(ne sais pas|sais pas|sais plus|ignore) comment (je|j|on|nous) (vais|va|allons|pourrai|pourrais|pourrions|vais pouvoir|arriverai|arriverais)",
  "(don t know|dont know|do not know|dunno|not sure|no idea) how (i|we) (will|ll|am going to|re going to|can|could|would)",
];

export const PAYMENT_RULES: readonly Rule[] = [
  ...rules("how_to_pay", { w: 0.9, unless: DOUBT }, [
    // French
    `(comment|ou|par quel moyen|par quel biais|de quelle facon|de quelle maniere) (est ce que )?(je|j|on|nous|puis je|dois je|peut on|peux je)? ..2 (${PAY_VERB_FR})`,
    `(comment|ou) (faire|faut il faire|je fais|on fait) (pour )?(payer|regler|le virement|un virement|le paiement)`,
    `(vous avez|avez vous|auriez vous|envoyez moi|envoyez|donnez moi|donnez|pouvez vous m envoyer|je voudrais|il me faut|je veux|j ai besoin) ..3 (rib|iban|bic|coordonnees bancaires|references bancaires|lien de paiement|lien pour payer)`,
    `(votre|vos|un) (rib|iban|coordonnees bancaires|references bancaires|lien de paiement|lien pour payer|moyens de paiement)`,
    `(quelle|quel|quelles) (reference|references|libelle|motif) ..3 (virement|indiquer|mettre|preciser|noter|paiement)`,
    `(je peux|puis je|on peut|est ce que je peux|c est possible de) (payer|regler) (par|en|avec) (carte|cb|carte bancaire|virement|cheque|prelevement|paypal|ligne)`,
    `(payer|regler|paiement) (par|en) (carte|cb|carte bancaire|ligne) $`,
    // English
    `how (can|do|should|would|could|will) (i|we) ..2 (${PAY_VERB_EN})`,
    `how (to|do you want me to|should the payment be) ..1 (pay|make the payment|make a payment|send|transfer)`,
    `(where|how) (do|can|should|could) (i|we) ..2 (pay|send|transfer|wire|make the payment|make a payment)`,
    `where (to|is the link to) pay`,
    `(what|which) (is|are) (the|your) (bank details|account details|iban|sort code|routing number|payment details|payment reference|reference)`,
    `(what|which) reference (do|should|shall|must) (i|we) (use|quote|put|give|write)`,
    `(send|give|email|text) (me|us) ..3 (bank details|account details|iban|payment link|link to pay|payment details|sort code)`,
    `(do you have|have you got|is there) ..2 (payment link|link to pay|pay link|iban|bank details|account details)`,
    `(can|could|may) (i|we) (pay|make the payment|make a payment) (by|with|online|via|through) ..1 (card|credit card|debit card|bank transfer|transfer|direct debit|paypal|apple pay|online|cheque|check)?`,
    `^ (card|by card|pay by card|online|bank transfer) $`,
  ]),
];
