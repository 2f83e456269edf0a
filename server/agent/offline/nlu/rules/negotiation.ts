// Negotiation moves: pay in full, ask for a plan or more time, propose terms, ask for a
// discount, accept or decline what was offered. Amount-bearing proposals are completed
// by the slot readers (see classify.ts): a cue here plus an amount makes a "propose".

import { PAY_EN, PAY_FR } from "./lexicon.js";
import { type Rule, rules } from "./rule.js";

/** The whole debt at once: with an amount this stays "pay in full", not a counter-offer. */
const WHOLE_FR =
  "tout|totalite|integralite|integralement|integral|integrale|complete|complet|totale|entierement|en entier|l ensemble|le tout|la totalite|le solde|la facture|la dette|le compte|mon compte|le dossier|mon dossier|ma dette|ma facture|mes factures|les factures|cette facture|cette dette|ce que je dois|ce que nous devons|le restant|la somme due|en une fois|en une seule fois|en 1 fois|cash|comptant|d un coup|en un coup|en un seul paiement|en un seul versement";
const WHOLE_EN =
  "in full|the full|full amount|full balance|whole thing|whole amount|whole balance|whole lot|everything|all of it|it all|the lot|the balance|the total|the whole|it off|off|in one go|in one payment|in one lump|lump sum|outright|the bill|the invoice|the debt|this bill|this invoice|this debt|what i owe|what we owe|the outstanding|in one installment|in one instalment|all at once";
/** Paying soon: a commitment to pay, which an amount turns into a proposal. */
const SOON_FR =
  "tout de suite|immediatement|des maintenant|des aujourdhui|aujourdhui|maintenant|ce soir|demain|cette semaine|de suite|rapidement|sans attendre";
const SOON_EN =
  "today|now|right away|right now|immediately|straight away|at once|tonight|tomorrow|this week|asap|as soon as possible";
/** Ability verbs: negated they mean hardship ("je ne peux pas payer", "I can't pay"). */
const ABLE_FR =
  "peux|peut|pouvons|pourrai|pourrais|pourrait|pourrons|pourrions|arrive|arrivons|parviens|parvenons|suis en mesure|sommes en mesure";
const ABLE_EN = "can|could|able|afford|manage";
/** Will verbs: negated they are a refusal ("je ne vais pas payer", "I won't pay"). */
const WILL_FR =
  "vais|va|allons|veux|voudrais|voulons|voudrions|souhaite|souhaitons|souhaiterais|compte|comptons|prefere|preferons|prefererais|dois|devrais|devons|engage|engageons|promets|promettons";
const WILL_EN =
  "will|would|shall|going|want|wanted|wish|plan|intend|happy|ready|prepared|willing|try|d like to|would like to|am going to|need to|have to";

const payFull: Rule[] = [
  // Paying, stated plainly; negated it is hardship ("je ne peux pas payer", "I can't pay").
  ...rules("pay_full", { neg: "hardship", tag: "whole" }, [
    `(${PAY_FR}) ..2 (${WHOLE_FR})`,
    `(${PAY_EN}|pay off|clear|transfer|wire|send) ..2 (${WHOLE_EN})`,
    `(settle|clear) (the|my|this|our) (debt|balance|account|bill|invoice|amount|whole)`,
    `(settle|clear) (it|this|everything) (up|off|today|now|in full)?`,
  ]),
  ...rules("pay_full", { neg: "hardship" }, [
    `(${PAY_FR}) ..2 (${SOON_FR})`,
    `(${PAY_EN}|pay off|clear) ..2 (${SOON_EN})`,
  ]),
  ...rules("pay_full", { w: 0.6, neg: "hardship" }, [
    `(je|j|on|nous)? (${ABLE_FR}) ..2 (${PAY_FR}|faire le virement|faire un virement|vous faire un cheque)`,
    `(i|we)? (${ABLE_EN}) ..2 (${PAY_EN}|pay off|clear it|clear this|clear the)`,
    `(les|des) moyens (de|d) (payer|regler|rembourser|tout payer|vous payer)`,
    `(can|could) ..1 afford`,
    `(unable|not able) to (pay|afford)`,
  ]),
  ...rules("pay_full", { w: 0.6, neg: "decline" }, [
    `(je|j|on|nous)? (${WILL_FR}) ..2 (${PAY_FR}|faire le virement|faire un virement|envoyer le paiement|envoyer le cheque|vous faire un cheque)`,
    `(i|we)? (${WILL_EN}) ..2 (${PAY_EN}|pay off|clear it|clear this|clear the)`,
    `(je|nous|on) (paie|paye|regle|payons|reglons|vire|fais le virement|envoie le cheque)`,
  ]),
  ...rules("pay_full", { w: 0.7 }, [
    `(comment|ou|par quel moyen) ..3 (payer|regler|faire le virement|vous payer|faire un virement|proceder au paiement|effectuer le paiement)`,
    `(rib|iban|coordonnees bancaires|lien de paiement|lien pour payer|moyens de paiement|references bancaires)`,
    `how (can|do|should|would) (i|we) ..2 (pay|make a payment|make the payment|settle|send the money|transfer)`,
    `(where|how) (do|can|should) (i|we) (send|transfer|wire) (the )?(money|payment|funds)`,
    `(payment link|pay link|link to pay|bank details|sort code|account details|iban|routing number|pay online|pay by card|card payment)`,
    `(je|j) (vais|veux|peux) (tout )?(regulariser|regulariser la situation|solder)`,
    "regularis*",
  ]),
];

const wantPlan: Rule[] = [
  ...rules("want_plan", {}, [
    "echeancier|echeanciers|echelonn*|etaler|etale|etalement|mensualis*|fractionn*",
    `plan (de|d) (paiement|remboursement|apurement|reglement|etalement)`,
    `(plusieurs|quelques|petites|des) (fois|mensualites|mensualite|versements|paiements|echeances|tranches|prelevements)`,
    `(payer|regler|rembourser|verser|paie|paye|regle) (en|par) (plusieurs )?(fois|tranches|mensualites|morceaux|parties|petites sommes|petits montants|echeances|versements)`,
    `(en|par) (plusieurs|petites) (fois|tranches|mensualites|echeances|versements)`,
    `facilite* de (paiement|reglement)`,
    `(un|des|du|plus de|quelques|petit|peu de|besoin de) (delai|delais|temps|sursis|report) (supplementaire*|de paiement|pour payer|pour regler)?`,
    `(repousser|reporter|decaler|differer|retarder|prolonger) .. (paiement|echeance|date|reglement|delai|prelevement)`,
    `(petit a petit|peu a peu|au fur et a mesure|morceau par morceau)`,
    `(payment|repayment|instalment|installment) (plan|plans|arrangement|schedule|agreement|option|options)`,
    "instalment|instalments|installment|installments|instalement|instalements",
    `payment arrangement|arrangement to pay|set up an arrangement|come to an arrangement`,
    `(pay|paying|repay|payments|spread) .. (in|by|over|into) (installments|instalments|parts|chunks|stages|bits|portions|monthly|weekly|smaller amounts|several payments|a few payments|multiple payments)`,
    `(monthly|weekly|fortnightly|biweekly|regular|small|smaller) (payments|instalments|installments|amounts|repayments|sums)`,
    `spread (it|this|the cost|the payments|the payment|the debt|the amount|the balance|out)`,
    `split (it|this|the payment|the amount|the bill|the debt|the balance|the cost) (up|into|over|in)?`,
    `(bit by bit|little by little|over time|a bit at a time|a little each month|over a few months|over several months)`,
    `(more|extra|some|additional) time`,
    `(extension|extend the deadline|extend the due date|grace period)`,
    `(laissez|laisse|laissiez|accordez|accorde|donnez|donne) (moi|nous) (jusqu|un delai|du temps|quelques|un peu de temps|un mois|une semaine)`,
    `(can|could|may) (i|we) (have|get|pay) ..2 (until|till|up to|more time|an extension|a few more)`,
    `(give|allow|let) (me|us) (until|till|up to|a few more|a bit more|some more)`,
    `(postpone|delay|push back|defer) ..2 (payment|due date|deadline|it|the date)`,
    `(pay|paying) (monthly|weekly|fortnightly)`,
  ]),
  // A rhythm alone ("par mois") may describe an income; with an amount it becomes a proposal.
  ...rules("want_plan", { w: 0.6 }, [
    `(chaque mois|tous les mois|par mois|mensuellement|chaque semaine|par semaine|toutes les semaines)`,
    `(each month|every month|per month|a month|monthly|each week|every week|per week|a week|weekly)`,
  ]),
];

const propose: Rule[] = [
  // Offer cues: they only make a proposal when the message also holds an amount.
  ...rules("propose", { needsAmount: true }, [
    `(je|j|on|nous)? (propose|proposons|offre|offrons|peux|pourrais|pouvons|pourrions|mets|mettrai|mettre|verse|verserai|verser|donne|donnerai|envoie|envoyer|arrive a|peux mettre|peux faire|pourrais faire|fais)`,
    `(ca|cela) (vous )?(irait|va|convient|conviendrait)`,
    `(i|we) (can|could|will|would|am able to|are able to) (do|manage|offer|afford|give|pay|put|spare|send|find|stretch to|stretch|make)`,
    `(is|would) .. (ok|okay|acceptable|enough|fine|possible|alright)`,
    `(max|the most)`,
    `(par mois|par semaine|a month|per month|a week|per week|monthly|weekly|each month|every month)`,
  ]),
  // Terms put to the creditor: a proposal even when the amount clears the whole debt.
  ...rules("propose", { needsAmount: true, tag: "offer" }, [
    `(je|j|on|nous) (vous|te|leur)? (propose|proposons|offre|offrons|suggere|suggerons)`,
    `(pas plus|pas davantage|au maximum|grand maximum|maximum|at most|no more than|tops|and not a penny more|that is my limit|c est mon maximum)`,
    `(que|qu) (dites|diriez|pensez|penseriez) vous (de|d)`,
    `(accepteriez|accepterez|acceptez|accepteriez vous|prendriez|prenez) (vous)?`,
    `(what|how) about`,
    `(i|we) (can|could|would|will|am willing to|are willing to)? (offer|propose|suggest)`,
    `would you (take|accept|consider|agree to)`,
    `(can|could|will) you (take|accept|do|agree to)`,
  ]),
];

const askDiscount: Rule[] = [
  ...rules("ask_discount", {}, [
    "remise|reduction|rabais|ristourne|abattement",
    `(geste|effort) (commercial|financier)`,
    `(faire|avoir|un|faites) (un )?(petit )?(geste|prix)`,
    `(faire|faites|fassiez) (un )?(petit )?(effort|geste) (sur|pour|concernant)`,
    `moins cher`,
    `(laiss*|faire|faites|fassiez) (tomber|sauter) ..3 (frais|penalites|interets|majoration|majorations|indemnite|reste|solde)`,
    `(enlev*|retir*|supprim*|annul*|abandonn*|baiss*|redui*|diminu*|revoir a la baisse|effac*|renonc*|oubli*|passer l eponge sur) .. (frais|penalites|interets|majoration|majorations|indemnite|montant|somme|dette|facture|prix|40|le reste|le solde)`,
    `(payer|regler|verser) (moins|qu une partie|que la moitie)`,
    `solde de tout compte`,
    `(negocier|negociation|negociable|transiger|arrangement amiable|compromis)`,
    `(annulez|effacez|abandonnez) (ma|la|cette) dette`,
    `(accord|reglement) (forfaitaire|transactionnel)`,
    "discount|discounts|discounted|rebate|reduction|concession",
    `knock* .. off`,
    `(take|shave) (something|some|a bit|a little|money|a few|anything) off`,
    `(lower|reduce|cut|bring down|drop) (the|my|your|our)? (amount|balance|price|total|figure|debt|bill|fees|charges|interest)`,
    `settle (for|at) (less|a lower|part|a reduced|a smaller|half)`,
    `(settlement|settle) (offer|figure|amount|deal|option|discount)`,
    `(waive|drop|remove|cancel|write off|forgive|scrap) .. (fees|fee|interest|charges|charge|penalty|penalties|late fee|late fees|the rest|remainder|balance|debt)`,
    `(half|percent|per cent|#) off`,
    `(negotiate|negotiable|negotiation|haggle|bargain)`,
    `(cut|give) me (a break|a deal)`,
    `best (price|offer|deal|you can do)`,
    `(pay|paying) less`,
    `less than (the )?(full|total|whole)`,
    `full and final`,
    `(reduced|discounted) (amount|settlement|sum|figure)`,
    `partial settlement`,
    `(forgive|cancel|write off) (the|my|this) debt`,
  ]),
];

const ACCEPT_FR =
  "oui|ouais|ouai|ok|d accord|parfait|tres bien|ca marche|entendu|super|genial|top|nickel|volontiers|bien sur|allons y|c est bon|ca me va|va pour|banco|certainement|absolument|exactement|tout a fait|ca roule|ca me convient|vendu|impeccable|cool|yes|yep|go|valide|je valide|accepte|j accepte|c est parfait|pas de probleme|aucun probleme|carrement|evidemment|effectivement|voila|c est ca|oui oui";
const ACCEPT_EN =
  "yes|yeah|yep|yup|ya|yea|yess|sure|ok|k|alright|all right|fine|great|perfect|sounds good|agreed|agree|deal|absolutely|definitely|certainly|of course|correct|exactly|indeed|go ahead|lets do it|lets do that|that works|works for me|cool|brilliant|excellent|lovely|affirmative|confirmed|yes please|sure thing|no problem|no worries|why not|that is right|that is correct|that is fine|precisely|i accept";

const accept: Rule[] = [
  ...rules("accept", { w: 0.7 }, [`^ (${ACCEPT_FR}|${ACCEPT_EN})`]),
  ...rules("accept", { neg: "decline" }, [
    `(j|je|nous|on) (accepte|acceptons|valide|validons|confirme|confirmons|prends|prenons|signe|signons)`,
    `(suis|sommes|est|on est) d accord`,
    `(ca|cela|ceci) (me|nous) (va|convient|irait|conviendrait)`,
    `(ca|cela) (convient|conviendra|conviendrait)`,
    `(ce plan|cette proposition|cette offre|l offre|le plan|l echeancier|ces conditions) (me|nous)? (va|convient|conviennent|irait|parait bien|est parfait|est bon|est ok|est correct)`,
    `(ca|cela) marche`,
    `(c est|cest) (bon|ok|parfait|d accord|entendu|correct|valide) (pour moi|pour nous)?`,
    `va pour`,
    `(i|we) (accept|agree|confirm|approve|take|will take|ll take)`,
    `(sounds|seems|looks) (good|great|fine|fair|reasonable|ok|okay|perfect)`,
    `(that|this|it) (works|suits|is fine|is ok|is okay|is good|is great|is perfect|is acceptable|is fair)`,
    `works for (me|us)`,
    `(lets|let us) (do|go|go with) (it|that|this)`,
    `go ahead`,
    `(happy|ok|okay|fine) with (that|this|the plan|the offer|the terms)`,
    `(fine|good|ok|okay) (by|with) me`,
    `count me in|^ i am in $`,
    `^ (yes )?please do $`,
    `(that is|thats|that s|it is|this is) (exactly )?(it|right|correct|true|the one|accurate)`,
    `(it|that|this) (surely|certainly|definitely|absolutely|indeed) (is|was|does)`,
    `(i think|i believe|i guess|i suppose|i reckon) so`,
    `(that is|thats|it is) what (i|we) (said|meant|asked|wanted|want|need)`,
    `(is|are|was|were) (all )?(correct|right|accurate|true|fine)`,
    `^ oh (yes|yeah|yep|sure|ok|okay|right)`,
    `(oui|exact|exactement|c est) (c est )?(exact|juste|correct|ca)`,
    `^ (please|ok|okay|great|perfect|yes)? (book|set) it up`,
    `sign me up`,
    "agreed",
  ]),
];

const DECLINE_FR =
  "non|nan|nope|non merci|pas question|hors de question|jamais|surement pas|certainement pas|pas du tout|absolument pas|pas vraiment|niet";
const DECLINE_EN =
  "no|nope|nah|no way|never|not really|negative|no thanks|no thank you|not at all|absolutely not|definitely not|certainly not|of course not|not now|not yet|incorrect|wrong|nay|no it|no that";

const decline: Rule[] = [
  ...rules("decline", { w: 0.7 }, [`^ (${DECLINE_FR}|${DECLINE_EN})`]),
  ...rules("decline", {}, [
    `(je|j|nous|on) (refuse|refusons|decline|declinons|rejette|rejetons)`,
    `(ne|n)? (me|nous) (va|convient|conviennent|irait|arrange) pas`,
    `(ca|cela|ce|c) (ne|n)? (marche|fonctionne|va|colle) pas (pour moi|pour nous)?`,
    `(pas|plus) (d accord|interesse|interessee|interesses|partant|partante)`,
    `(c est|c|trop) (trop|beaucoup trop) (cher|eleve|haut|court|dur|lourd|serre|important|gros)`,
    `trop (cher|eleve|elevee|haut|court|dur|lourd|serre|important|gros|rapide|juste)`,
    `(impossible|inacceptable|irrealiste|hors de question|pas question)`,
    `(peux|pouvons) pas accepter`,
    `(i|we) (refuse|decline|reject|will not accept|can not accept|do not accept|do not agree|disagree)`,
    `(no|not a) deal`,
    `not (acceptable|good enough|interested|happy with that|for me|possible|doable|an option|going to work|realistic|affordable)`,
    `(that|this|it) (does not|will not|is not going to|wont|can not) (work|suit)`,
    `does not work for (me|us)`,
    `too (much|high|expensive|steep|short|soon|big|fast|quick|tight|little time)`,
    `(i|we) (will|ll) pass`,
    `pass on (that|this|it)`,
    `(no|not) (thanks|thank you)`,
    `(not|no) (happy|ok|okay) with (that|this|it)`,
    "unacceptable|unrealistic|unaffordable|ridiculous offer",
    `(that|it|this) (is|was|s|ain t|aint) not (it|that|right|correct|true|what|my|a|an|the|possible|me|by|#)`,
    `(its|thats|that s|it s) not (it|that|right|correct|true|what|my|a|an|the|possible|me|by|#)`,
    `(that|it|this) (isn t|wasn t|aint|ain t) (it|that|right|correct|true|what|my|a|an|the)`,
    `(i|we) never said`,
    `(do not|did not) (need|want) (anything|it|that|this|any|one|to)`,
    `(not|never) what (i|we) (said|meant|asked|wanted|want|need)`,
    `(j annule|nous annulons|on annule|j abandonne|je me retracte|je me retire|je change d avis|j ai change d avis|finalement non|finalement pas|laissez tomber|laisse tomber|on oublie)`,
    `(cancel it|cancel that|cancel this|never mind|nevermind|forget it|forget about it|changed my mind|change my mind|back out|call it off|scrap that|scratch that)`,
    `(c est|ce n est) pas (ca|ce que|exact|juste|correct|bon|le bon|la bonne|mon|ma)`,
  ]),
];

export const NEGOTIATION_RULES: readonly Rule[] = [
  ...payFull,
  ...wantPlan,
  ...propose,
  ...askDiscount,
  ...accept,
  ...decline,
];
