// Disputes, part two: goods or service at fault, never received, charged twice, and other
// grounds (contested, cancelled, complaint). Plus "already paid", which goes to a person too.

import { OPERATION_FEE_EN } from "./fees.js";
import { GOODS_EN, GOODS_FR, PAPER_EN, PAPER_FR } from "./lexicon.js";
import { type Rule, rules } from "./rule.js";

const CHARGED_FR =
  "facture|facturee|factures|facturees|preleve|prelevee|preleves|debite|debitee|debites|paye|payee|regle|reglee|encaisse|encaissee|compte|comptee|reclame|reclamee";
const CHARGE_EN =
  "charged|charge|charges|charging|billed|billing|debited|debit|debits|taken|took|deducted|paid|payment|payments|invoiced|withdrawn|transaction|transactions|charging";
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

    `(never|stopped) (worked|working|functioned)`,
    `(not|never) (as described|as advertised|fit for purpose|what i ordered|what we ordered|what was promised)`,
    `poor (quality|service|workmanship|job|work)`,
    `(terrible|awful|bad|horrible|shocking|appalling|unacceptable|dreadful|lousy) (service|quality|job|work|workmanship|product)`,
    `(work|job|service|repair|repairs|installation|renovation|project) ..3 (not|never|badly|poorly|half) (done|finished|completed|performed|delivered|carried out|fixed)`,
    `(never|not) (finished|completed|fixed|carried out) ..2 (the|my|our)? (work|job|repair|project|installation)`,
    "unfinished|incomplete|botched",
    `(returned|sent back|gave back|send back|returning) (it|them|the|this|that|everything|my|all)`,
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

// A bank card, a cash machine or an app that does not work is not what a debt was bought for.
goodsOrService.push(
  ...rules(
    "dispute",
    { reason: "goods_or_service", unless: "(card|cards|atm|cash machine|cashpoint|app|pin|contactless)" },
    [
      `faulty|defective|broken|damaged|shoddy|substandard|unusable|unfit|counterfeit|fake`,
      `(${GOODS_EN}|it|machine|device|product|thing|car|boiler|appliance|phone|laptop|computer|software|system|unit|heater) ..3 (does not|did not|do not|never|still does not|stopped|has stopped|will not|is not|are not|was not) (work|working|function|functioning|run|running)`,
    ],
  ),
);

// Asking for one's money back contests the charge; waiting for a refund already granted does not.
goodsOrService.push(
  ...rules(
    "dispute",
    {
      reason: "goods_or_service",
      unless: [
        "refund ..4 (not|has not|have not|not yet) (showing|appearing|show|appear|shown|arrived|visible|there|come through|gone through|updated)",
        "(can not|do not|did not|could not) (see|find) ..3 refund",
        "refund ..6 (can not|do not|did not|could not) (see|find)",
      ],
    },
    [
      `refund*|reimbursement|reimbursed|chargeback|charge back|money back|back my money|my money returned|my money back`,
    ],
  ),
);

const neverReceived: Rule[] = rules(
  "dispute",
  {
    reason: "never_received",
    // Paper, wages, one's own deposits and PIN codes: none of them is what the debt was for.
    unless: `(${PAPER_FR}|${PAPER_EN}|salaire|salary|paycheck|wages|deposit|deposited|depositing|cheque|pin|passcode|password)`,
  },
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
  // "Non je ne conteste pas" takes a misread dispute back: negated, these say nothing.
  ...rules(
    "dispute",
    {
      reason: "other",
      unless: [
        "(ne|n) (conteste|contestons|contestent|contesterai|contesterons) (pas|plus|rien|point)",
        "(je|j|on|nous) (conteste|contestons) (pas|plus|rien)",
        "(pas|aucune|sans) (de |d )?(contestation|litige)",
        "(do not|does not|did not|not|never|no longer|will not) (dispute|contest|disputing|contesting)",
        "no (dispute|contest)",
      ],
    },
    [
      "conteste*|contestation|contestons|contester|contestable",
      `dispute|disputed|disputing|contest|contesting|contested`,
      `(chargeback|dispute) (claim|case|form)?`,
    ],
  ),
  ...rules("dispute", { reason: "other" }, [
    "litige|litiges|litigieu*",
    `(en|un|le) desaccord`,
    `(pas|plus) d accord (avec|sur) (cette|la|ce|votre|vos|le|les) (facture|factures|dette|somme|reclamation|creance|relance)`,
    `(ne|n)? (vous|lui|leur)? (dois|doit|devons) (rien|absolument rien|plus rien|aucun)`,
    `(dette|facture|somme|creance|montant) ..3 (pas|plus|non) (due|du|dus|justifiee*|fondee*|legitime*|valable*)`,
    `(facture|dette|creance|reclamation) (est|etait|me semble|semble|parait)? (injustifiee|abusive|fausse|erronee|infondee|illegitime|frauduleuse|bidon)`,
    `(j ai|nous avons|on a|avais|avions) (annule|resilie|rompu) (la|le|ma|mon|notre|cette|ce|l)? (commande|contrat|abonnement|engagement)?`,
    `(commande|contrat|abonnement) .. (annule*|resilie*)`,
    `(reclamation|plainte) (en cours|deposee|envoyee|faite)`,
    `(fait|fais|deposer|envoye) (une|ma) reclamation`,
    `challenge this|challenging this`,
    `(i|we) (do not|never) owe`,
    `(owe|owed) (you )?(nothing|not a penny|not a cent|zero)`,
    `(not|never) owed`,
    `nothing (is|was)? (owed|outstanding|due)`,
    `(bill|invoice|debt|charge|claim|balance) ..2 (is|was)? (not valid|invalid|bogus|a mistake|an error|not legitimate|illegitimate|made up|fake|unjustified|unfair)`,
    `(i|we) (already )?(cancelled|canceled|terminated|ended|closed) (the|my|our|this|that|it)?`,
    `(purchase|order|subscription|booking|contract|membership) ..3 (cancel|cancelled|canceled|cancelling|canceling)`,
    `(complaint|complained|complaining|raised a claim|opened a claim)`,
    `cancel ..2 (this|that|the) (charge|debit)`,
  ]),
  // The debtor cancelled; a machine that cancelled a withdrawal declined it.
  ...rules("dispute", { reason: "other", unless: "(atm|machine|cashpoint|bank|app|card) ..2 cancel*" }, [
    `(cancel|cancelling|canceling|cancelled|canceled|cancellation of) (a|my|the|this|an|our|that)? (purchase|order|transaction|subscription|booking|contract|membership)`,
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
  ]).map((r) => ({
    ...r,
    // "scam bot" and "arnaqueur de robot" insult the assistant; they claim nothing about the debt.
    unless: [
      "(no|pas de|sans|not a|aucune) (mistake|error|erreur)",
      "scam (bot|bots|robot|machine|artist|artists)",
      // "C une arnaque ?" asks who we are (answered in the conversation); it contests nothing.
      "(est ce|c|c est|cest|is this|is it|this is|are you|r u|it is|its) ..2 (arnaque|escroquerie|scam|phishing|hameconnage)",
      ...(/charge|fee/.test(r.p) ? OPERATION_FEE_EN : []),
    ],
  })),
];

const alreadyPaid: Rule[] = [
  // "I get paid on the 15th" is about wages, not about this debt.
  ...rules(
    "already_paid",
    {
      neg: "drop",
      unless: [
        "(get|gets|getting|got|be|am|is|are) paid (on|every|weekly|monthly|at|at the|the|each|next)",
        // "J'ai zappé, je règle tout de suite": a payment to come, not one made.
        "je (regle|paie|paye|vire|verse|rembourse) (tout de suite|maintenant|aujourd hui|demain|ce soir|cette semaine|des que|d ici)",
      ],
    },
    [
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
      `^ (regle|reglee|paye|payee|verse|vire|solde|soldee|paid|settled|cleared|transferred) (par|by|en|via|le|on|in|the|last|depuis|since|with|a|au)`,
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
    ],
  ),
];

export const DISPUTE_GOODS_RULES: readonly Rule[] = [
  ...goodsOrService,
  ...neverReceived,
  ...chargedTwice,
  ...disputeOther,
  ...alreadyPaid,
];
