// Questions about fees, penalties and charges: "c quoi ces pénalités ??", "why was I charged a fee
// when I withdrew cash?". The debtor asks why a charge exists; they do not contest the debt. The
// conversation answers with each charge and the rule behind it, and a person is not needed.
// A charge that appears by itself ("a €1 fee on my statement I never made") stays a dispute: the
// dispute rules keep it, and dispute outranks a question in classify.ts.
import { type Rule, rules } from "./rule.js";

const FEE_FR =
  "frais|penalite|penalites|penalite*|interet|interets|indemnite|indemnites|majoration|majorations|pourcentage|supplement|supplements";
const FEE_EN =
  "fee|fees|charge|charges|charged|penalty|penalties|interest|surcharge|late fee|late fees|extra";

/**
 * A charge tied to an operation the debtor made (a withdrawal, a card payment, a transfer, an
 * exchange) or asked about ahead of time: a question about the price, not a contested charge.
 */
export const OPERATION_FEE_EN: readonly string[] = [
  `(when|while|for|after|on) (i|we)? ..2 (withdrew|withdraw|withdrawing|withdrawal|pulled|pulling|took out|taking out|transferred|transferring|exchanged|exchanging|topped up|topping up|top up|using|paying|paid with)`,
  `(using|with|by) (my|a|the) (card|debit card|credit card)`,
  `(made|make|did) (a|the|my)? (transfer|card payment|withdrawal|exchange|top up)`,
  `(exchange rate|rate of exchange|exchange fee|exchange fees|exchange charge|conversion rate|currency conversion)`,
  `(charge|charged|fee|fees|extra) ..4 (cash withdrawal|withdrawal of my|atm withdrawal|pulled cash|pulling cash)`,
  `(will|would|do|does) (you|your|it|they|the machine|the atm|the bank) ..3 (charge|take a fee|take fees)`,
];

export const FEE_RULES: readonly Rule[] = [
  ...rules("ask_fees", { w: 0.85 }, [
    // French
    `(c est|c|ca|cest) (quoi|koi) ..3 (${FEE_FR})`,
    `(quoi|koi|pourquoi|pk|pq|comment) ..4 (ces|ses|les|des|cette|ce|la|le|vos|votre) (${FEE_FR})`,
    `(pourquoi|pk|pq) ..4 (${FEE_FR})`,
    `(${FEE_FR}) ..3 (pourquoi|c est quoi|ca correspond|correspondent|sortent d ou|viennent d ou|d ou ca vient|justifie*)`,
    `(d ou|dou) (viennent|sortent|vient|sort) (ces|ses|les|ce|cette)? (${FEE_FR})`,
    `(explique*|detail*|justifi*) ..3 (${FEE_FR})`,
    `(pourquoi|pk|pq|comment ca se fait) ..4 (plus cher|plus eleve|plus haut|augmente|a augmente|plus que la facture)`,
    // English
    `(why|how come|what for) ..6 (${FEE_EN})`,
    `(what|whats|what s) (is|are|was|were)? ..3 (this|that|these|those|the) ..2 (${FEE_EN})`,
    `(explain|justify|breakdown of|break down|detail) ..4 (${FEE_EN})`,
    `(${FEE_EN}) ..4 (for what|what for|why|explain)`,
    `(where|how) ..3 (${FEE_EN}) ..3 (come from|from|calculated|worked out)`,
  ]),
  // A fee for an operation, asked about as a statement ("I made a transfer and was charged a fee!").
  ...rules("ask_fees", { w: 0.85 }, [
    `(charged|charge|fee|fees|extra) ..8 (when|while|for|after|on) (i|we)? ..2 (withdrew|withdraw|withdrawing|withdrawal|pulled|pulling|took out|taking out|transferred|transferring|exchanged|exchanging|topped up|topping up|using|paying|paid)`,
    `(made|make|did) (a|the|my)? (transfer|card payment|withdrawal|exchange|payment with my card) ..6 (charged|fee|fees|extra)`,
    `(paid|paying) (with|by) (my|a|the)? card ..4 (charged|fee|fees|extra)`,
    `(exchange rate|rate of exchange|exchange fee|exchange charge) ..6 (wrong|incorrect|too high|off|different|fee|charge)`,
  ]),
];
