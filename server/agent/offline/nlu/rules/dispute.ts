// Disputes, part one: the debt is not the debtor's, or its amount is wrong. The other
// kinds (goods or service, never received, charged twice, other) are in dispute-goods.ts.
// A dispute stops the negotiation and goes to a person, so recall matters most here.

import { DISPUTE_GOODS_RULES } from "./dispute-goods.js";
import { OPERATION_FEE_EN } from "./fees.js";
import { type Rule, rules } from "./rule.js";

/** Past participles of being charged: "facturé deux fois" but not "payer en deux fois". */
const UNKNOWN_THING_EN =
  "payment|payments|charge|charges|transaction|transactions|debit|debits|withdrawal|withdrawals|purchase|purchases|bill|invoice|debt|account|amount|entry|entries|direct|transfer|fee";
/** Things that appear on a statement or an invoice and can be contested. */
const ITEM_EN =
  "payment|payments|charge|charges|transaction|transactions|debit|debits|withdrawal|withdrawals|purchase|purchases|bill|invoice|debt|amount|entry|entries|transfer|fee|fees|cash|money|funds|order|seller|merchant|company|vendor|store|shop|business|name|item|items";
/** What one does to create a charge: "a payment I did not make / authorise / set up". */
const DO_EN =
  "make|made|do|done|authorize|authorise|authorized|authorised|set up|setup|order|ordered|buy|bought|purchase|purchasing|remember|recognise|recognize|recognised|recognized|initiate|initiating|approve|approved|agree|agreed|sign up|request|requested|go|go to|use|get|receive|withdraw|take|took|spend|spent|put|know|knew|expect|expected";

const notMine: Rule[] = rules("dispute", { reason: "not_mine" }, [
  // French
  `(pas|plus) (a|de) moi`,
  `(pas|jamais) (ma|mon|mes|notre|nos) (dette|dettes|facture|factures|compte|contrat|abonnement|commande|credit|signature)`,
  `(ne|n)? (me|nous) (concerne|concernent) (pas|aucunement|nullement|absolument pas)`,
  `(jamais|rien|pas) (commande|commandee|commandes|signe|signee|souscrit|souscrite|achete|achetee|contracte|demande|utilise|utilisee|autorise|autorisee|valide|accepte|ouvert|consomme)`,
  `(connais|connait|connaissons) (pas|absolument pas|meme pas) (cette|ce|cet|votre|la|le|vos|ces) (societe|entreprise|creancier|boite|fournisseur|magasin|organisme|client|dette|facture|nom|marque)`,
  `jamais (entendu parler|eu affaire|ete client*|travaille avec)`,
  `jamais eu (de|d|aucun|aucune|un|une) (contrat|compte|abonnement|relation|relations|commande|credit|affaire|dossier)`,
  `usurp* (d|de)? (identite|nom)?`,
  `(vol|usurpation) (d|de)? identite`,
  `(fraude|frauduleu*)`,
  `(on|quelqu un|qqn) .. (a|m a)? (usurpe|utilise|vole|pirate) (mon|ma|mes) (identite|nom|carte|compte|coordonnees)`,
  `(erreur|confusion) (de|sur la)? (dossier|facture)`,
  "homonyme|homonymie",
  `(suis|sommes) (pas|jamais ete) (client|cliente|clients) (chez vous|de cette)?`,
  `(reconnais|reconnait|reconnaissons) (pas|aucunement) (cette|ce|cet|la|le|ces|les|votre)? (dette|facture|montant|achat|paiement|prelevement|somme|operation|transaction|depense|creance)?`,
  `(pas|jamais) (fait|effectue|realise) (ce|cet|cette|ces) (achat|achats|paiement|retrait|virement|operation|transaction|depense)`,
  // English
  `not (mine|ours|my debt|our debt|my bill|my invoice|my account|my loan|my purchase|my signature|me)`,
  `(is|was|are) not (mine|ours|me|my debt|my bill)`,
  `never (ordered|signed|bought|purchased|used|authorized|authorised|agreed|opened|made|requested|subscribed|applied|borrowed|took out|set up|setup)`,
  `never had (an|any|a) (account|contract|agreement|dealings|loan|card|subscription|business)`,
  `(do not|did not|never|can not|could not) (recognise|recognize|recognised|recognized|reconise|recogonize|remember) ..4 (${UNKNOWN_THING_EN}|this|that|these|it|them|company|creditor|business|name|merchant|seller)`,
  `(unrecognised|unrecognized|unknown|unfamiliar|strange|weird|odd|suspicious|mysterious|random) (${UNKNOWN_THING_EN}|direct debit|cash withdrawal|atm withdrawal)`,
  `(${UNKNOWN_THING_EN}) ..4 (not recognised|not recognized|do not recognise|do not recognize|did not make|did not authorize|did not authorise|did not do|never made|is not mine|not mine|unknown)`,
  `(did not|never) (make|authorize|authorise|order|buy|sign|agree to|take out|open|set up|setup|do|request|approve|initiate|withdraw|create|start) (this|that|these|those|it|the|any|a|an)`,
  `(did not|never) (make|authorize|authorise|order|buy|request|approve|initiate) (it|them)`,
  `never heard of`,
  `(identity theft|stolen identity|identity fraud|fraud|fraudulent|unauthorized|unauthorised|scammer|scammed|hacked)`,
  `mistaken identity`,
  `(someone|somebody|a stranger) (else)? (has|have)? (used|using|uses|took|taken|stole|stolen|opened|made|accessed|hacked) (my|this|the|a)?`,
  `not (a|your) (customer|client)`,
  // The debtor describes a charge they did not create.

  `(${ITEM_EN}) ..6 (i|we) (was not|were not|am not|are not|had not been|was never) (aware|informed|notified|told|expecting)`,
  `(not|never) (be |been )?(done|made|authorised|authorized|initiated|carried out|used|performed|ordered|requested|approved) by (me|us|myself)`,
  `(by|from) (someone|somebody) else`,
  `(someone|somebody|people|others|a stranger|some one|someone else) ..3 (using|used|charged|withdrawn|withdrew|took|taken|made|accessed|access|spent|stolen|stole|hacked|cloned|got hold of) (my|money|cash|a|an|the|this)`,
  `(not|never|does not|do not|did not) (belong|belongs|belonged) to (me|us)`,
  `(can not|could not|do not|did not|don t) remember (doing|making|buying|purchasing|authorising|authorizing|ordering|agreeing|spending|withdrawing|signing|taking)`,
  `(made|took|bought|ordered|withdrew|spent|took out|authorized|authorised) ..6 (but|however) (i|we) (did not|have not|never|definitely did not|really did not|certainly did not)`,
  `(unknown|strange|odd|unusual|random|weird|mysterious|suspicious|unexpected|unrecognised|unrecognized|unauthorized|unauthorised|unfamiliar|fraudulent|bogus|mystery|funny) ..3 (${ITEM_EN}|withdrawal|direct debit)`,
  `(${ITEM_EN}|direct debit|withdrawal) ..5 (is|was|looks|seems|that is|which is|that looks) (strange|odd|weird|unusual|suspicious|unknown|unfamiliar|unauthorised|unauthorized|fishy)`,
  `(${ITEM_EN}) ..4 not ..2 (recogni*|reconi*)`,
  `never (seen|heard of|used|been to|visited) (that|this|the|these) (name|merchant|company|store|shop|seller|charge|payment|place|business)`,
  `(${ITEM_EN}|direct debit|withdrawal) ..8 (unsure|not sure) (of|about|where|what)`,
  `(not sure|unsure|no idea|no clue) (where|what|why|how) ..4 (charge|payment|transaction|debit|withdrawal|fee|money|cash) ..3 (came|come|coming|is|was|from|for)`,
  `(disagree|do not agree|did not agree|never agreed) (with|to) (the|this|a|that|my|these|those|any)? (charge|charges|amount|bill|invoice|fee|fees|debt|payment|balance|transaction|price)`,
  `(have not|did not|never|do not think i|do not think we|have never) (purchased|bought|ordered|purchase|buy|order|used) (anything|something|it|that|this|such|any)`,
  `(never|not) (been|was) (a|your) (customer|client)`,
]);

// "I do not know" about a payment: unless it was a refused payment ("declined but I don't know why").
notMine.push(
  ...rules(
    "dispute",
    {
      reason: "not_mine",
      unless: "(declined|rejected|refused|bounced|failed) ..5 (i|we) (do not|did not) know",
    },
    [
      `(${UNKNOWN_THING_EN}) ..4 i do not know`,
      `(i|we) (did not|never) (put|deposit|deposited|send|sent|transfer|transferred|pay in|paid in) (that|this|these|those|the) (money|cash|funds|amount|sum|deposit)`,
      `(${ITEM_EN}) ..6 (i|we) (definitely|certainly|really|actually|honestly|simply|just)? (did not|have not|had not|never|do not|can not|could not|was not|am not|would never) (${DO_EN})`,
    ],
  ),
);

const wrongAmount: Rule[] = rules(
  "dispute",
  {
    reason: "wrong_amount",
    // A wrong name or address is paperwork; "without any extra fees?" asks about the future.
    unless: [
      "wrong (name|address|email|company|company name|person|department|reference|po|contact|details)",
      "(without|no) (any )?(extra|additional|hidden) (charge|charges|fee|fees|costs)",
    ],
  },
  [
    `(montant|somme|total|solde|chiffre|calcul) ..2 (faux|fausse|errone*|incorrect*|exagere*|pas bon|pas le bon|pas juste|trop eleve*|gonfle*|abusif|pas correct)`,
    `(mauvais|faux) (montant|calcul|total)`,
    `pas le (bon|meme) (montant|total|chiffre)`,
    `(dois|doit|devons) (que|seulement|pas autant|moins|beaucoup moins|qu)`,
    `(erreur|erreurs) (de|dans|sur|du)? (le|la|les)? (montant|calcul|facturation|total|somme|decompte)`,
    `(frais|penalites|interets|majorations|indemnite) .. (injustifie*|abusi*|excessi*|illegal*|illegaux|pas prevu*|jamais accepte*|jamais prevu*|jamais signe*|non prevu*|exagere*)`,
    "surfactur*",
    `factur* .. (trop|en trop|plus que)`,
    `(plus|moins) (cher|eleve) que (le|ce|la) (devis|prevu|convenu|contrat|tarif|commande)`,
    `(pas|jamais) (d accord|accepte|signe) .. (montant|frais|tarif|prix|penalites)`,
    `(montant|somme) .. (ne correspond|correspond) pas`,
    `(on|vous) (m|me|nous) (a|avez) (factur*|compte*|preleve*|debite*) (trop|plus|en trop)`,
    `(retire|demande|retrait) .. (recu|eu|obtenu) (que|moins|seulement)`,
    // English
    `wrong (amount|total|figure|sum|balance|price|rate|charge|fee)`,
    `(amount|total|bill|invoice|price|figure|balance|sum) ..3 (does not|do not|did not|doesn t) (match|correspond|agree|tally|add up)`,
    `(amount|total|balance|bill|figure|sum|invoice|price|charge|fee|fees) ..3 (wrong|incorrect|not right|not correct|inflated|overstated|a mistake|an error|way more|higher than)`,
    `overcharg*|over charged|over billed|overbilled`,
    `(charged|billed|invoiced|taken|debited|deducted) ..3 (too much|extra|more than|twice as much|the wrong)`,
    `more than (i|we) (owe|owed|agreed|got|received|withdrew|asked|took out|requested|was quoted|were quoted|ordered|spent|expected|should)`,
    `less than (i|we) (asked|requested|withdrew|expected|wanted|took out|needed|was supposed|should)`,
    `(got|received|dispensed|gave me|given) (less|fewer|only part|only half|the wrong amount|not the full|not all)`,
    `(did not|never|only) (get|receive|got|received) ..4 (full|right|correct|whole|requested|entire|all the|all of the) (amount|sum|cash|money)?`,
    `(only )?owe (you )?(less|only|about half|much less)`,
    `extra (charge|charges|fee|fees|amount|money|payment)`,
    `(charged|billed|took) (extra|more)`,
    `(extra|hidden|unexpected|unfair|ridiculous|excessive|outrageous|bogus) (fees|charges|interest|costs|fee|charge)`,
    `(extra|additional|unexpected|mystery|small extra) (pound|pounds|dollar|dollars|euro|euros|penny|cent|quid|amount|sum|cash|money)`,
    `(extra|additional) ..2 (charge|charges|fee|fees)`,
    `(charge|charged|charging|bill|billed|billing) (me|us) (extra|more|twice|again|double|for nothing)`,
    `(charge|charged|charges|fee|fees|payment|debit|taken|deducted) ..4 (out of nowhere|for nothing|for no reason|without reason|without explanation|in error|by mistake|by error|without my consent|without permission|without authorization|without authorisation)`,
    `more than (i|we) (anticipated|thought|was told|were told|bargained)`,
    `less (than|then) (i|we|what i|what we) (asked|requested|withdrew|expected|wanted|needed|selected|specified|was owed|should)`,
    `amount (of cash|of money)? (i|we) (asked|requested|specified|wanted|selected|chose|entered|tried|needed|withdrew|put in|typed)`,
    `as much (as|cash as|money as) (i|we) (asked|requested|wanted|needed|specified)`,
    `(not|never) ..3 (the )?(right|correct|full|whole|entire|same|requested) (amount|sum)`,
    `(only|just) (got|received|get|given|gave me|came out|dispensed|handed) ..3 (#|half|part|some|a few|a fraction)`,
    `(got|received|given|get) (only|just) ..2 (#|half|part|some)`,
    `(came out|got|received|gave me|dispensed|given) ..3 instead of`,
    `(rest|remainder|remaining part) of (my|the) (cash|money|withdrawal|funds)`,
    `(withdrawal|withdraw|transaction|payment) ..3 (was not|not|was only|is not) (entirely|fully|completely)? (complete|completed|finished|dispensed|processed)`,
    `(transaction|payment|charge|withdrawal|debit|amount|balance|entry|fee) ..5 (was|is|were|are|seems|looks|that is|which is) (clearly )?(wrong|incorrect|not right|off|not correct|inaccurate)`,
    `(request|requested|asked|wanted) ..6 (received|got) ..2 (different|less|not the same)`,
    `(but|and|yet) (still|yet|i)? (was|were|got|been|am|are|have been|has been) (charged|billed|debited|deducted)`,
    `(not|never|has not|have not|still not) (been )?(reverted|reversed|refunded|returned|credited|reimbursed|put back|given back)`,
    `(fees|charges|interest) .. (never|not) (agreed|mentioned|told|explained)`,
    `incorrect (amount|charge|bill|balance|total|invoice|fee)`,
    `(short changed|shortchanged|short paid)`,
    `(asked for|requested|wanted|tried to withdraw|tried to take out) ..3 # ..6 (got|received|gave me|came out|only got) (only|just)? #`,
    `(atm|machine|cash machine|cashpoint) .. (gave|give|dispensed|short)`,
    `(charged|billed) (me )?(for )?(something|things|items) (i|we) (did not|never)`,
    `(price|rate|amount) (is|was) (different|not what)`,
  ],
);

/**
 * "Charged extra" read as a contest only when the charge stands alone: tied to an operation the
 * debtor made ("a fee when I withdrew cash", "the exchange rate on my withdrawal") it is a question
 * about a price (rules/fees.ts). "Less than I asked for" and "did not authorise" stay disputes.
 */
const FEE_WORDING = /charge|fee|extra|billed/;
/** A machine that refused to pay out declined a withdrawal; it did not short-change anyone. */
const REFUSED = "(would not|will not|refused to|did not want to|does not want to) ..3 (give|dispense|let)";
const wrongAmountOrFee: Rule[] = wrongAmount
  .map((r) => (r.p.startsWith("(atm|machine") ? { ...r, unless: [...[r.unless ?? []].flat(), REFUSED] } : r))
  .map((r) =>
    FEE_WORDING.test(r.p) ? { ...r, unless: [...[r.unless ?? []].flat(), ...OPERATION_FEE_EN] } : r,
  );

export const DISPUTE_RULES: readonly Rule[] = [...notMine, ...wrongAmountOrFee, ...DISPUTE_GOODS_RULES];
