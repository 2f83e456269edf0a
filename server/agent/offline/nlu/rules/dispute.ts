// Disputes (the debtor contests the debt: not theirs, wrong amount, goods or service at
// fault, never received, charged twice) and "already paid". Both stop the negotiation
// and go to a person, so recall matters more than precision here.

import { GOODS_EN, GOODS_FR, PAPER_EN, PAPER_FR } from "./lexicon.js";
import { type Rule, rules } from "./rule.js";

/** Past participles of being charged: "facturé deux fois" but not "payer en deux fois". */
const CHARGED_FR =
  "facture|facturee|factures|facturees|preleve|prelevee|preleves|debite|debitee|debites|paye|payee|regle|reglee|encaisse|encaissee|compte|comptee|reclame|reclamee";
const CHARGE_EN =
  "charged|charge|charges|charging|billed|billing|debited|debit|debits|taken|took|deducted|paid|payment|payments|invoiced|withdrawn|transaction|transactions|charging";
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
  `usurp* (d|de)? (identite|nom)?`,
  `(vol|usurpation) (d|de)? identite`,
  `(fraude|frauduleu*)`,
  `(on|quelqu un|qqn) .. (a|m a)? (usurpe|utilise|vole|pirate) (mon|ma|mes) (identite|nom|carte|compte|coordonnees)`,
  `(erreur|trompez|trompe|confusion) (de|sur la)? (personne|destinataire|client|numero|dossier)`,
  `vous vous (trompez|etes trompe*)`,
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
  `(${UNKNOWN_THING_EN}) ..4 (not recognised|not recognized|do not recognise|do not recognize|did not make|did not authorize|did not authorise|did not do|never made|is not mine|not mine|i do not know|unknown)`,
  `(did not|never) (make|authorize|authorise|order|buy|sign|agree to|take out|open|set up|setup|do|request|approve|initiate|withdraw|create|start) (this|that|these|those|it|the|any|a|an)`,
  `(did not|never) (make|authorize|authorise|order|buy|request|approve|initiate) (it|them)`,
  `never heard of`,
  `(identity theft|stolen identity|identity fraud|fraud|fraudulent|unauthorized|unauthorised|scammer|scammed|hacked)`,
  `(wrong|mistaken) (person|identity|guy|name)`,
  `(someone|somebody|a stranger) (else)? (has|have)? (used|using|uses|took|taken|stole|stolen|opened|made|accessed|hacked) (my|this|the|a)?`,
  `not (a|your) (customer|client)`,
  // The debtor describes a charge they did not create.
  `(${ITEM_EN}) ..6 (i|we) (definitely|certainly|really|actually|honestly|simply|just)? (did not|have not|had not|never|do not|can not|could not|was not|am not|would never) (${DO_EN})`,
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
    `(atm|machine|cash machine|cashpoint) .. (gave|give|dispensed|short)`,
    `(charged|billed) (me )?(for )?(something|things|items) (i|we) (did not|never)`,
    `(price|rate|amount) (is|was) (different|not what)`,
  ],
);

const goodsOrService: Rule[] = rules(
  "dispute",
  {
    reason: "goods_or_service",
    unless: "(do not|never|did not) (want|need|ask for|asked for) (a|the|any)? (refund|reimbursement)",
  },
  [
    "defectueu*|malfacon*|malfacons",
    `(produit|marchandise|materiel|article|colis|appareil|machine|meuble|piece|commande|voiture|vehicule) .. (abime*|endommage*|defectueu*|casse*|en panne|hs|non conforme|pas conforme|mauvais etat|inutilisable)`,
    `(produit|appareil|machine|materiel|article|logiciel|installation|equipement|voiture|vehicule|chaudiere|telephone|ordinateur|systeme) ..3 (marche|marchait|fonctionne|fonctionnait|marchent|fonctionnent|a jamais marche|a jamais fonctionne) (pas|plus|jamais)`,
    `(jamais|plus) (marche|fonctionne)`,
    `(travaux|travail|chantier|prestation|service|mission|reparation|installation|intervention|formation) ..3 (pas|non|mal|jamais|a moitie|toujours pas) (ete|etait|etaient)? (fait|faite|faits|termine*|fini*|realise*|effectue*|conforme*|livre*|rendu*|execute*)`,
    `(litige|probleme|souci|reclamation|desaccord) (sur|concernant|quant a|au sujet de|avec|de) ..4 (qualite|prestation|livraison|produit|marchandise|travaux|service|intervention)`,
    `mal (fait|faite|faits|realise*|execute*|installe*|repare*|pose*)`,
    "bacle*|bacler",
    `(non|pas) conforme`,
    `(pas|non|jamais) satisfait*`,
    "insatisfait*|mecontent*",
    `(service|qualite|prestation) ..2 (nul|nulle|deplorable|lamentable|inacceptable|catastrophique|mediocre|mauvais|mauvaise)`,
    `(rendu|renvoye|retourne|restitue) (le|la|les|l|ce|cette|mon|ma|mes)? (produit|article|colis|marchandise|commande|materiel|appareil)`,
    `(j ai|nous avons|on a) (tout )?(rendu|retourne|restitue)`,
    `(etre|soit|sois|serai|serais|ete) rembourse*`,
    `(veux|voudrais|exige|exigeons|demande|demandons|attends|attendons|souhaite|reclame) (un|le|mon|notre|d etre|a etre) (remboursement|avoir)`,
    `(demande|exige) (de|d) (remboursement|avoir)`,
    `(me|nous|m) (rembourser|remboursiez|remboursez|remboursera|rembourserez)`,
    `rembourse (moi|nous)`,
    // English
    `faulty|defective|broken|damaged|shoddy|substandard|unusable|unfit|counterfeit|fake`,
    `(${GOODS_EN}|it|machine|device|product|thing|car|boiler|appliance|phone|laptop|computer|software|system|unit|heater) ..3 (does not|did not|do not|never|still does not|stopped|has stopped|will not|is not|are not|was not) (work|working|function|functioning|run|running)`,
    `(never|stopped) (worked|working|functioned)`,
    `(not|never) (as described|as advertised|fit for purpose|what i ordered|what we ordered|what was promised)`,
    `poor (quality|service|workmanship|job|work)`,
    `(terrible|awful|bad|horrible|shocking|appalling|unacceptable|dreadful|lousy) (service|quality|job|work|workmanship|product)`,
    `(work|job|service|repair|repairs|installation|renovation|project) ..3 (not|never|badly|poorly|half) (done|finished|completed|performed|delivered|carried out|fixed)`,
    `(never|not) (finished|completed|fixed|carried out) ..2 (the|my|our)? (work|job|repair|project|installation)`,
    "unfinished|incomplete|botched",
    `(returned|sent back|gave back|send back|returning) (it|them|the|this|that|everything|my|all)`,
    `refund*|reimbursement|reimbursed|chargeback|charge back|money back|back my money|my money returned|my money back`,
    `(steal|stole|stolen|stealing|took) (my|our) (money|cash|funds|savings)`,
    `reimburse (me|us|this|that|the|my|it)`,
    `(return|returning|send back) (a|an|the|this|my|some|these) (item|items|product|products|order|purchase|goods|thing|things|parcel)`,
    `(return|returns|refund|refunds) (policy|label|form|process|request)`,
    `(give|put|send|pay|transfer) (me|us)? (back )?(my|the|our) money back`,
    `(want|get|need|request|requesting|ask for|like|expect) ..3 (my money|the money) (back|returned)`,
    `(not|never) (happy|satisfied|pleased) with (the|your|this|that|my)? (service|work|product|job|quality|order|purchase|item)`,
    `cancel* ..3 (before|but|yet|and still|still)`,
    `(the|my|our)? (order|item|product|goods|purchase) (was|were|is|are|arrived) (wrong|damaged|broken|faulty|defective|missing)`,
  ],
);

const neverReceived: Rule[] = rules(
  "dispute",
  { reason: "never_received", unless: `(${PAPER_FR}|${PAPER_EN}|salaire|salary|paycheck|wages)` },
  [
    `(${GOODS_FR}) ..4 (jamais|pas|rien|toujours pas|non) (recu*|livre*|arrive*|parvenu*|eu lieu|ete livre*|ete fait*|ete realise*|ete effectue*)`,
    `(jamais|pas|rien|toujours pas) (recu|recue|recus|recues|livre*|eu) ..3 (${GOODS_FR})`,
    `(jamais|pas|rien) (ete|etait) (livre*|fait*|realise*|effectue*|fourni*)`,
    `(non|pas) (livre|livree|livrees|livres|recu|recue)`,
    `(j ai|je n ai|n ai|nous n avons|on n a|on a) (jamais|rien|pas) recu`,
    `jamais rien (recu|eu)`,
    `(attends|attendons|attend) (toujours|encore)? (ma|mon|la|le|les|mes|notre|nos) (${GOODS_FR})`,
    // English
    `never (received|got|get|arrived|delivered|came|showed up|turned up|shipped|dispatched|provided|performed)`,
    `(did not|have not|has not|had not|still have not|still did not|never) (receive|received|get|got|arrive|arrived|come|came|turn up|show up|been delivered|been provided|been performed) ..4 (${GOODS_EN}|anything|it|them|what i|what we|my refund)`,
    `(did not|have not|has not|never|still have not) (arrive|arrived|come|came|turn up|turned up|show up|showed up|been delivered)`,
    `(not|never) (been )?(delivered|received|provided|supplied|dispensed|shipped)`,
    `non (delivery|receipt)|non delivered|undelivered`,
    `(still )?waiting (for|on) (my|the|our) (${GOODS_EN})`,
    `(${GOODS_EN}) ..3 (never|not|has not|have not|did not|is not|still has not|yet to) (arrived|arrive|came|come|coming|received|delivered|showed up|shown up|show up|turned up|turn up|dispensed|here)`,
    `(lost|missing) (in the post|in transit|parcel|package|order|delivery|item|items)`,
  ],
);

const chargedTwice: Rule[] = rules("dispute", { reason: "charged_twice" }, [
  `(${CHARGED_FR}) (la|le|cette|ce|la meme|le meme)? (facture|somme|montant|achat|commande)? (deux|2|plusieurs|trois|3) fois`,
  `(deux|2|plusieurs) fois (le meme|la meme|les memes)? (montant|paiement|prelevement|facture|somme|debit)`,
  `en double`,
  `double (factur*|prelev*|paie*|debit*|encaissement|emploi|reglement)`,
  "doublon|doublons",
  `(deja|deux fois) (factur*|preleve*|debite*|encaisse*|reclame*|compte*)`,
  `(${CHARGE_EN}) ..4 (twice|two times|double|multiple times|more than once|2 times|three times|3 times|several times|many times|duplicated|repeated)`,
  `double (charged|charge|charges|billed|billing|payment|payments|debit|debited|dipped|charging|transaction)`,
  `doubled (charged|charge|billed|up)`,
  `(charged|billed|debited|paid|invoiced) double`,
  `duplicate (charge|charges|payment|payments|transaction|transactions|invoice|bill|debit|debits|entry|entries)`,
  `(showing|shows|appears|appear|appearing|listed|posted|showed|shown|processed|taken|gone through|went through) ..5 (twice|two times|multiple times|more than once|double|several times)`,
  `(same|identical) (charge|payment|transaction|debit|amount|invoice|purchase|order|item|bill) ..6 (twice|two|again|multiple|more than once|repeated|processed twice)`,
  `(two|2|three|multiple|several|many|double|duplicate|duplicated) ..3 (charges|payments|transactions|debits|withdrawals|entries|bills|invoices) ..3 (same|identical)`,
  `(payment|payments|charge|charges|transaction|transactions|debit|debits) ..3 (doubled|duplicated|repeated|double)`,
  `(two|2|multiple|several) (identical|same|duplicate) (charges|payments|transactions|debits)`,
  `(charged|billed) (me )?again`,
  `(paid|charged|billed) for (it|this|that|the same thing) (twice|two times|already)`,
]);

const disputeOther: Rule[] = [
  ...rules("dispute", { reason: "other" }, [
    "conteste*|contestation|contestons|contester|contestable",
    "litige|litiges|litigieu*",
    `(en|un|le) desaccord`,
    `(pas|plus) d accord (avec|sur) (cette|la|ce|votre|vos|le|les) (facture|factures|dette|somme|reclamation|creance|relance)`,
    `(ne|n)? (vous|lui|leur)? (dois|doit|devons) (rien|absolument rien|plus rien|aucun)`,
    `(dette|facture|somme|creance|montant) ..3 (pas|plus|non) (due|du|dus|justifiee*|fondee*|legitime*|valable*)`,
    `(facture|dette|creance|reclamation) (injustifiee|abusive|fausse|erronee|infondee|illegitime|frauduleuse|bidon)`,
    `(j ai|nous avons|on a|avais|avions) (annule|resilie|rompu) (la|le|ma|mon|notre|cette|ce|l)? (commande|contrat|abonnement|engagement)?`,
    `(commande|contrat|abonnement) .. (annule*|resilie*)`,
    `(reclamation|plainte) (en cours|deposee|envoyee|faite)`,
    `(fait|fais|deposer|envoye) (une|ma) reclamation`,
    `dispute|disputed|disputing|contest|contesting|contested|challenge this|challenging this`,
    `(i|we) (do not|never) owe`,
    `(owe|owed) (you )?(nothing|not a penny|not a cent|zero)`,
    `(not|never) owed`,
    `nothing (is|was)? (owed|outstanding|due)`,
    `(bill|invoice|debt|charge|claim|balance) ..2 (is|was)? (not valid|invalid|bogus|a mistake|an error|not legitimate|illegitimate|made up|fake|unjustified|unfair)`,
    `(i|we) (already )?(cancelled|canceled|terminated|ended|closed) (the|my|our|this|that|it)?`,
    `(cancel|cancelling|canceling|cancelled|canceled|cancellation of) (a|my|the|this|an|our|that)? (purchase|order|transaction|subscription|booking|contract|membership)`,
    `(purchase|order|subscription|booking|contract|membership) ..3 (cancel|cancelled|canceled|cancelling|canceling)`,
    `(complaint|complained|complaining|raised a claim|opened a claim)`,
    `cancel ..2 (this|that|the) (charge|debit)`,
    `(chargeback|dispute) (claim|case|form)?`,
  ]),
  ...rules("dispute", { reason: "other", w: 0.6 }, [
    // A charge questioned on one's own statement or account: the start of a dispute.
    `(charge|charges|fee|fees|debit|deduction) ..4 (on|in|from|to) (my|the|our) (statement|bank statement|account|app|card|bank|records|bill)`,
    `(what|why) (is|was|are) (this|that|these|there) ..3 (charge|charges|fee|withdrawal|debit|transaction|payment|deduction)`,
    `(where|how) ..5 (transaction|charge|payment|debit|withdrawal) ..5 (came|come|coming) from`,
    `(une|des|il y a|grave) erreur`,
    `(mistake|error|mix up|mixup|mistaken)`,
    `(arnaque|escroquerie|scam|rip off|ripoff|daylight robbery)`,
    `(refuse|refusons|refused|refusing) (de|to)? (payer|pay|regler)`,
  ]).map((r) => ({ ...r, unless: "(no|pas de|sans|not a|aucune) (mistake|error|erreur)" })),
];

const alreadyPaid: Rule[] = [
  ...rules("already_paid", { neg: "drop" }, [
    `deja (paye*|regle*|verse*|rembourse*|solde*|acquitte*|fait le virement|fait le paiement|fait le cheque|envoye|vire)`,
    `(j ai|nous avons|on a|avons|ai) ..2 (paye|regle|verse|rembourse|solde|acquitte|vire)`,
    `deja (tout|tous|bien|integralement)? (paye*|regle*|verse*|rembourse*|solde*)`,
    `(paiement|virement|cheque|reglement|prelevement|versement|transfert) ..3 (effectue*|envoye*|fait|faits|parti|partis|passe*|encaisse*|emis|realise*|debite*|valide*|expedie*|poste*)`,
    `(facture|dette|compte|solde|montant|somme|dossier) ..3 (paye|payee|payees|reglee|regle|soldee|solde|acquittee|a jour|apure*)`,
    `(fait|effectue|envoye|emis|realise|passe|programme) (le|un|mon|notre|ce|les|des)? (virement|paiement|cheque|reglement|versement|virements|paiements)`,
    `(preuve|justificatif|recu|attestation|confirmation|avis) (de|du)? (paiement|virement|reglement|versement|prelevement)`,
    `(j ai|nous avons|on a) (le|un|mon|notre|les) (recu|justificatif|preuve|releve)`,
    `c est (deja)? (regle|paye|solde)`,
    `(suis|sommes|est) a jour`,
    `already (paid|settled|cleared|sent|made|transferred|paid off|taken care|done)`,
    `(i|we) (have|had|ve)? (already )?(paid|settled|cleared|transferred|wired|sent) (this|that|it|the|in full|off|everything|already|last|you|them|the money|the payment|a cheque|a check|on)`,
    `paid (it|this|that|in full|off|already|last|weeks|months|yesterday|on)`,
    `(payment|transfer|cheque|check|money|funds) (was|has been|have been|were)? (sent|made|posted|mailed|processed|cleared|done|transferred|paid|wired)`,
    `(payment|transfer) (went|gone) (through|out)`,
    `(proof|receipt|confirmation|evidence) of (payment|transfer)`,
    `i have (a|the|my)? (receipt|proof|bank statement|confirmation)`,
    `check your (records|system|books|account)`,
    `(account|bill|invoice|balance|debt) (is|was|has been) (already )?(paid|settled|cleared|up to date|zero|closed|paid off)`,
    `(this|that|it) (was|has been|is) (already )?(paid|settled|cleared)`,
    `(took|taken|came) (the )?(money|payment) (out|from my account)`,
    `(its|it has|has|have|had) been (paid|settled|cleared|paid off|taken care of)`,
    `(money|payment|funds|amount) (left|came out of|went out of|was taken from|was debited from|debited from) (my|our) account`,
    `(i|we) (made|sent|did|completed) (the|a|my|our) (payment|transfer|bank transfer|cheque|check)`,
  ]),
];

export const DISPUTE_RULES: readonly Rule[] = [
  ...notMine,
  ...wrongAmount,
  ...goodsOrService,
  ...neverReceived,
  ...chargedTwice,
  ...disputeOther,
  ...alreadyPaid,
];
