// Why the invoice is unpaid, short of a dispute: financial hardship, a simple oversight,
// or an administrative blockage (invoice not received, wrong address, purchase order,
// payment that failed). The answer decides what the assistant offers next.

import { PAPER_EN, PAPER_FR } from "./lexicon.js";
import { type Rule, rules } from "./rule.js";

const hardship: Rule[] = [
  ...rules("hardship", {}, [
    // French
    `(pas|plus|aucun|peu|manque) (d|de|les|des|assez d|assez de)? (argent|moyens|sous|ronds|thune|thunes|tune|tunes|fric|revenus|revenu|ressources|liquidites|budget|salaire|travail|boulot|emploi|job|tresorerie|economies)`,
    "chomage|chomeur|chomeuse|licencie*|licenciement|rsa|minima sociaux|smic",
    `sans (emploi|travail|boulot|revenus|ressources|activite)`,
    `perdu (mon|ma|notre|nos|mon plus gros|notre plus gros|notre principal|un gros) (emploi|travail|boulot|job|poste|client|clients|marche|contrat|revenu|revenus)`,
    `fin (de|du) (mois|mois sont) (difficile|difficiles|compliquee|compliquees|dure|dures|tendue|tendues)`,
    `fin (de|du) (contrat|cdd|mission|droits|chomage)`,
    `(difficulte|difficultes|probleme|problemes|soucis|souci|gene|galere|situation) (financiere|financieres|financier|financiers|d argent|economique|economiques|de tresorerie|passagere|de budget)`,
    `tresorerie (tendue|difficile|compliquee|serree|a sec|faible|negative)`,
    `(tension|tensions|trou|manque|probleme|problemes|difficulte|difficultes) (de|du|dans la|sur la)? tresorerie`,
    `(baisse|perte|chute|effondrement) (de|d|du|des) (chiffre d affaires|ca|revenus|salaire|activite|commandes|ventes)`,
    `(nos|mes) (clients|client) .. (paient|payent|reglent|ont paye|ont regle) (pas|plus|toujours pas|en retard)`,
    `(impaye|impayes|impayees) (de|des)? (nos|mes) clients`,
    "fauche*|galere|galerer|galerons|endette*",
    `(a|mon|le|en) decouvert`,
    `(budget|finances|compte) ..2 (serre*|tendu*|difficile*|compliqu*|juste|limite*|a sec|dans le rouge|vide)`,
    `(periode|moment|passe|passage) (difficile|compliquee|complique|dur|delicat|delicate|creuse)`,
    `(ne|n)? (m en sors|y arrive|y arrivons|boucle|bouclons) (pas|plus)`,
    `pas (encore )?(ete )?(paye|payee|payes) (ce mois|par mon employeur)`,
    `(trop|beaucoup) de (dettes|credits|factures|charges)`,
    `(insolvable|pas solvable)`,
    `(impossible|incapable|pas en mesure|hors de portee) (de|d)? (payer|regler|rembourser|tout payer|honorer|faire face)`,
    `(mi temps|temps partiel|heures reduites|chomage partiel)`,
    `(loyer|factures|charges|credits) (a payer|en retard)`,
    // English
    `(no|not enough|not much|little|zero|any|short of|short on|without|lack of|lost my|lost our) (money|cash|income|funds|savings|work|job|wages|salary|pay|paycheck|revenue|earnings)`,
    `(lost|lose|losing) (my|our|the)? (job|income|work|contract|biggest client|main client|biggest customer|main customer|business|clients|customers|house)`,
    "unemployed|redundant|redundancy|laid off|out of work|furloughed|jobless|between jobs",
    `(i am|we are|totally|completely|flat|so|stone|pretty|really|very) broke`,
    `(skint|strapped for cash|hard up|penniless)`,
    `(financial|money|cash|financially) (difficulty|difficulties|hardship|trouble|troubles|problems|problem|issues|struggles|struggling|strain|situation|crisis)`,
    `(struggling|struggle|struggled) (financially|with money|with bills|to pay|to make ends meet|to afford|to keep up)`,
    `(make|making) ends meet`,
    `(cash flow|cashflow) (problem|problems|issue|issues|is tight|difficulties|crunch)?`,
    `(on benefits|universal credit|welfare|food bank|food stamps|disability allowance|jobseekers|pension credit)`,
    `(business|company|sales|revenue|trade|trading|orders|turnover) .. (slow|down|dropped|fallen|struggling|difficult|quiet|collapsed|dried up)`,
    `(clients|customers) .. (not|have not|never|still have not) (paid|paying|pay)`,
    `(behind|late|arrears) (on|with) (my|our|the)? (bills|rent|payments|mortgage)`,
    `(in debt|debts piling|drowning in debt|overdrawn|maxed out|up to my eyes)`,
    `(paycheck|paycheque|payday) to (paycheck|paycheque|payday)`,
    `(my|our) (hours|pay|wages|salary|income) (were|was|got|have been|has been|been)? (cut|reduced|slashed|stopped)`,
    `(money|things|budget|finances|cash) (is|are|s) ..2 (tight|tough|hard|difficult|short|scarce)`,
    `(hard|tough|rough|difficult|bad) (times|patch|month|period)`,
    `(tough|rough|difficult) time`,
    `(did not|have not|has not) (get|got|been) paid`,
    `(too many|lots of) (bills|debts)`,
    `(i am|we are) (poor|struggling)`,
  ]),
  // Life events and waiting for income: they explain a delay more than they prove hardship.
  ...rules("hardship", { w: 0.6 }, [
    `(divorce|divorcee|separation|separes|divorced|separated)`,
    `(waiting|wait) (for|on|until) (my|the|our|next)? (pay|paycheck|paycheque|salary|wages|benefits|payday|universal credit|pension|loan)`,
    `(attends|attend|attendons) (mon|ma|notre|le|la|les|des) (salaire|paie|paye|virement|caf|allocations|indemnites|aide|versement|retraite)`,
  ]),
  // "I can't pay" carries hardship through negation: see the pay_full rules.
];

const forgot: Rule[] = [
  ...rules("forgot", { neg: "drop" }, [
    "oubli|oublie|oubliee|oublies|oublier|oublions|oubliais",
    `(sorti|sortie|passe|echappe) (de|a) (la|ma|notre)? (tete|memoire|esprit|vigilance)`,
    `pas (fait|prete) attention`,
    `pas (vu|vue) passer`,
    `(pas|jamais) (vu|vue) (la|le|cette|ce|votre) (facture|date|echeance|mail|relance|rappel|message)`,
    "zappe|zappe*|etourderie|inattention|distraction|negligence|inadvertance",
    `pas (pense|songe) (a|au)`,
    `(laisse|laissee) (passer|trainer|filer)`,
    `(completement|totalement) (oublie|zappe)`,
    "forgot|forgotten|forgetting|forget",
    `(slipped|slip) (my|our) (mind|minds)`,
    `(slipped|fell|falling) through the cracks`,
    "overlooked|oversight|overlook",
    `(missed|miss) (it|the due date|the deadline|the payment|the date|the email|the reminder|the bill|the invoice|the letter)`,
    `(did not|never) (notice|realise|realize|see) (it|the|that|this|your)`,
    `lost track`,
    `(my bad|totally spaced|spaced on it|went out of my head|out of my mind)`,
    `(it )?(got|was) (buried|lost) in (my|our) (inbox|emails|mail|paperwork)`,
  ]).map((r) => ({
    ...r,
    unless:
      "(ignore|ignorez|oubliez|oublie|forget) ..3 (instruction*|consigne*|regles|prompt|everything|tout ce|above|previous)",
  })),
];

const admin: Rule[] = [
  ...rules("admin_problem", {}, [
    // French
    `(pas|jamais|rien|toujours pas|non) (recu|recue|recus|vu|parvenu|parvenue) ..3 (${PAPER_FR})`,
    `(${PAPER_FR}) ..4 (pas|jamais|non|toujours pas|mal) (recu*|arrive*|parvenu*|envoye*|transmis*|adresse*|distribue*)`,
    `(mauvaise|ancienne|nouvelle|erreur d|changement d) (adresse|banque|rib|iban)`,
    `(demenage|demenagement|demenagee|changement de banque|change de banque|nouveau rib|nouvelle banque)`,
    `(erreur|probleme|soucis|souci|bug) (de|d|avec|sur|dans|du) (le|la|l|mon|ma|notre|votre)? (rib|iban|adresse|virement|prelevement|banque|nom|raison sociale|bon de commande|commande|reference|siret|siren|portail|plateforme|site|lien|carte|numero|tva|mandat|coordonnees)`,
    `(prelevement|virement|paiement|carte|cb|cheque) ..3 (rejete*|refuse*|echoue*|bloque*|pas passe|n est pas passe|ne passe pas|revenu|impaye|annule)`,
    `(comptabilite|compta|service comptable|service achats|service fournisseurs|tresorier|tresoriere|expert comptable|comptable|daf|direction financiere|service paie)`,
    `(bon de commande|numero de commande|bdc|numero de bon)`,
    `(validation|circuit de validation|valide*|approbation|signature) .. (interne|en cours|attente|manque|manquante|bloque*)`,
    `(en attente|attend|attendons) (de|d) (la )?(validation|signature|approbation|accord)`,
    `(facture|courrier|mail|relance) ..3 (perdu*|egare*|spam|indesirables|mauvais service|mauvais destinataire|mauvais nom|mauvaise adresse|ancienne adresse)`,
    `(renvoyer|renvoyez|renvoie|reenvoyer|envoyer|envoyez|transmettre|transmettez|faire parvenir) .. (la|une|cette|les|copie|un duplicata|le duplicata) (de la )?(facture|factures|copie|duplicata)`,
    "duplicata",
    `(pas|plus) (au|a) (bon|mon|notre) (nom|adresse|raison sociale)`,
    `(chorus|chorus pro|dematerialis*|plateforme de facturation)`,
    `(site|lien|portail|espace client|appli|application|page de paiement) ..3 (marche|fonctionne|charge|marchent|fonctionnent) (pas|plus)`,
    `(site|lien|portail|espace client|appli|application|page de paiement) ..3 (bug*|plante|bloque*|expire*|inaccessible|hs)`,
    `(mot de passe|identifiant|identifiants|connexion|me connecter)`,
    `(facture|factures) (non|pas) (conforme|valide|reglementaire)`,
    `(manque|manquent|il manque) .. (mention|mentions|numero|siret|tva|bon de commande|reference)`,
    `probleme administratif|erreur administrative|souci administratif|paperasse`,
    // English
    `(never|not|did not|have not|has not|had not|still have not) (received|got|get|seen|see|receive) ..3 (${PAPER_EN})`,
    `(${PAPER_EN}) ..3 (never|not|did not|has not) (arrived|received|came|sent|reached|delivered|get)`,
    `(wrong|old|new|previous|incorrect) (address|email|email address|bank|bank account|bank details|sort code|account number)`,
    `(moved house|moved address|changed address|changed bank|changed banks|changed my bank|changed our bank|new bank|switched banks)`,
    `(accounts payable|ap team|ap department|accounting|accounts department|finance team|finance department|bookkeeper|accountant|payroll|controller)`,
    `(purchase order|po number|po|p o|order number|vendor number|supplier number|vendor setup|supplier setup|onboarding)`,
    `(approval|approve|approved|sign off|signoff|authorisation|authorization) .. (pending|waiting|internal|process|needed|missing|stuck)`,
    `(payment|card|transfer|direct debit|standing order|cheque|check|bank transfer|debit) ..3 (failed|declined|rejected|bounced|reversed|returned|did not go through|not go through|not going through|was not processed)`,
    `(website|portal|link|app|page|payment page|online payment|login|password) ..3 (not working|does not work|did not work|broken|error|will not|expired|down|crashed|can not log)`,
    `(can not|could not|unable to) (log in|login|access|find|open|make) ..3 (portal|account|site|website|link|invoice|payment page|app)`,
    `(invoice|bill) ..3 (wrong name|wrong address|wrong email|wrong company|lost|spam|junk|misplaced|went missing|missing)`,
    `(resend|re send|send again|send me|send us|email me|forward|another copy of|a copy of) ..3 (invoice|bill|statement|copy)`,
    `(admin|administrative|clerical|paperwork) (issue|error|mistake|problem|glitch|reasons|delay)?`,
    `(system|internal|technical) (issue|error|problem|glitch|delay)`,
    `(vendor|supplier) (form|registration|details|number|setup)`,
    `(w 9|w9|tax form|vat number|vat invoice)`,
  ]),
];

export const CIRCUMSTANCE_RULES: readonly Rule[] = [...hardship, ...forgot, ...admin];
