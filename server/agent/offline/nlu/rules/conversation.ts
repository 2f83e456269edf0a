// Conversation moves around the negotiation: greetings and thanks, questions about the
// debt, identity answers, and topics that have nothing to do with it.

import { type Rule, rules } from "./rule.js";

const greeting: Rule[] = rules("greeting", { w: 0.6 }, [
  `^ (bonjour|bonsoir|salut|coucou|hello|hi|hey|hiya|heya|yo|allo|re|bjr|slt|hola|howdy|greetings|morning|evening|afternoon|cc)`,
  `^ good (morning|afternoon|evening|day)`,
  `^ (madame|monsieur|mesdames|messieurs|dear) (bonjour)?`,
  `(bonjour|bonsoir|hello)`,
]);

const thanks: Rule[] = rules("thanks", { w: 0.6 }, [
  "merci|remercie|remercions|remerciements|thanks|thank|cheers|appreciated|appreciate|grateful|reconnaissant|reconnaissante",
  `(much|very much|greatly) appreciated`,
]);

/** "Why is there a charge on my statement?" questions a bank entry: a dispute, not a question. */
const ON_STATEMENT = "(on|in|from) (my|our) (statement|bank statement|account|app|card|bank)";

const questionDebt: Rule[] = [
  ...rules("question_debt", { unless: ON_STATEMENT }, [
    // French
    `(c est|c etait|il s agit|ca concerne|cela concerne) (pour|de|d) (quoi|quelle|quel)`,
    `(a quoi|a quel|a quelle|quoi) (correspond|correspondent|concerne|se rapporte|fait reference)`,
    `(quelle|quel|quelles|quels) (facture|factures|dette|montant|creancier|societe|entreprise|contrat|commande|prestation|reference|numero|date|echeance|frais|penalites|interets)`,
    `combien (je|j|nous|on|est ce que je|est ce qu on|dois je|devons nous|reste)? ..2 (dois|doit|devons|reste|restant|du|payer|regler)`,
    `combien (au total|exactement|en tout)`,
    `(quel|quelle) est (le|la) (montant|solde|total|reference|numero|somme|date|origine|nature)`,
    `(d ou|ou) (vient|viennent|sort|sortent|provient|proviennent) (cette|ce|ces|la|le) (dette|facture|montant|somme|frais|creance)`,
    `(qui) (etes vous|est le creancier|est votre client|vous mandate|vous envoie|etes vous)`,
    `qui (vous )?(a|avez|ont) ..2 (mandate|mandatee|charge|chargee|envoye|missionne|engage)`,
    `who (instructed|hired|sent|asked|authorised|authorized|employs|pays|appointed|engaged) you`,
    `(pourquoi|pk) ..4 (frais|penalites|interets|indemnite|majoration|montant|dette|relance|relancez|contactez|ecrivez|somme|40|euros|facture|dois|appelez|reclamez|m ecrivez|me contactez)`,
    `(envoyez|envoyer|envoie|renvoyer|transmettre|transmettez|avoir|recevoir|obtenir|fournir|fournissez) ..3 (detail|details|justificatif|justificatifs|decompte|releve|preuve|preuves|contrat|bon de livraison|facture detaillee|historique|explication|explications|copie du contrat)`,
    `(le|un) (detail|decompte|justificatif|recapitulatif|historique) (de|du|des)? (la|ma|cette|ma)? (dette|facture|montant|somme|compte|paiements|frais)?`,
    `(que|qu) (se passe|va t il se passer|risque|risquons|arrive t il)`,
    `(qu est ce que|que) (je|nous|on) (risque|risquons|risquez)`,
    `est ce ..3 (arnaque|escroquerie|legal|legale|legitime|serieux|officiel|une blague)`,
    `comment (vous avez|avez vous|avez vous eu|vous avez eu|avez vous obtenu|avez vous trouve) (mon|mes|ma) (numero|coordonnees|adresse|email|mail|nom)`,
    `(je|j) (ne )?comprends (pas|rien) ..3 (cette|la|ce|votre|le|les|pourquoi|quoi|rien)?`,
    `(expliquez|expliquer|explique|expliquez moi|explique moi|pouvez vous m expliquer) ..3 (la|cette|ce|le|les|pourquoi|comment|montant|dette|facture|frais)?`,
    `(c quoi|c est quoi|qu est ce que c est|c est quoi ca|quoi cette|quelle est cette) ..3 (facture|dette|montant|frais|relance|histoire|truc|message)?`,
    `(indemnite|frais) (forfaitaire|de recouvrement|de 40)`,
    `(depuis quand|depuis combien de temps|a quelle date|de quand date) ..3 (facture|dette|echue|impayee|du|date)`,
    // English
    `what (is|was) (this|it|that) (for|about|regarding|concerning)`,
    `what (is|s) (this|that) (debt|bill|invoice|charge|amount|payment|message)`,
    `(which|what) (invoice|bill|debt|company|creditor|account|service|order|contract|purchase|amount|reference|fees|charges)`,
    `how much (do|did|does|would|will) (i|we|it) (owe|owed|cost|have to pay|need to pay)`,
    `how much (is|was) (it|left|outstanding|the total|due|owed|the balance|the debt|the bill|still)`,
    `(what is|what s|what was) (the|my) (balance|total|amount|outstanding|reference|debt|due date)`,
    `(who|who is|who are) (the creditor|this from|you|your client|the original creditor|owed|the company)`,
    `who (is|was) (this|that|the) (company|merchant|creditor|seller)`,
    `where (does|did|do) ..3 (come|originate|stem|coming) from`,
    `(why|how come) (should|do|must|would|am) (i|we) ..2 (pay|owe|be charged)`,
    `(pourquoi|pk) (est ce que )?(je|j|nous|on) (dois|devrais|devons|doit|devrait) ..2 (payer|regler|rembourser)`,
    `(why|how come) ..6 (charged|charging|fees|fee|charges|interest|penalty|penalties|so much|such|more|owe|this amount|the amount|contacting|messaging|writing|calling|chasing)`,
    `(send|give|email|show|provide|forward|mail) (me|us)? ..3 (breakdown|copy|copies|statement|proof|contract|itemised|itemized|evidence|documentation|agreement|history)`,
    `(breakdown|itemised|itemized|details|proof|evidence|validation|verification) (of|for) (the|this|my)? (debt|amount|charges|fees|balance|bill|invoice)`,
    `(debt|validation) (validation|notice|letter)`,
    `what (happens|will happen|would happen) if`,
    `is (this|it) (a scam|legit|legitimate|real|genuine|a joke|legal)`,
    `how (did|do) you (get|have|find) my (number|details|info|information|email|address)`,
    `(i|we) (do not|can not|did not) understand (this|the|why|what|it|that|how)`,
    `what ..4 (mean|means|relate to|relates to|refer to|refers to|correspond to|corresponds to)`,
    `(explain|clarify) (the|this|that|it|why|what|how|to me)`,
    `when (was|is|were) (it|this|the invoice|the bill|the payment) (due|issued|sent)`,
    `(late|collection|recovery|admin) (fees|fee|charges|charge|costs)`,
    `(what is|what s|what are) (this|these|the) (fee|fees|charges|charge|costs)`,
  ]),
];

const identity: Rule[] = [
  ...rules("identity_answer", {}, [
    `(ma|notre) date de naissance (est|c est)?`,
    `(je suis|suis) (ne|nee) (le|en|a)`,
    `(mon|notre) code postal`,
    `(mon|notre) (numero|num|no) (de|d)? (client|dossier|reference|siret|siren|compte|contrat|adherent|tva)`,
    `(mon|notre) (siret|siren|identifiant|matricule|reference)`,
    `(je m appelle|mon nom est|mon nom c est|mon prenom est|mon nom de famille)`,
    `(les|mes)? (4|quatre) (derniers )?chiffres`,
    `(c est|oui c est) (bien )?moi`,
    `(my )?(date of birth|dob|birthday|birth date|postcode|zip code|zip|post code|postal code|account number|customer number|reference number|ref number|case number|surname|last name|maiden name|first line of my address)`,
    `(i was|i am|was) born (on|in)`,
    `my name is`,
    `(yes|yeah|yep) (it is|this is|that is|its) me`,
    `(that|this|it) is me`,
    `last (four|4) digits`,
    `^ (speaking|c est moi meme|moi meme|lui meme|elle meme) $`,
  ]),
];

const offTopic: Rule[] = [
  ...rules("off_topic", { w: 0.6, exact: true }, [
    "meteo|football|foot|rugby|tennis|recette|recettes|cuisine|blague|blagues|poeme|poesie|chanson|chansons|film|films|serie|series|politique|president|elections|election|capitale|horoscope|astrologie|musique|jeu video|jeux video|vacances|plage|voyage",
    `(raconte|racontez|ecris|ecrivez|compose|composez|redige|redigez|invente|inventez|traduis|traduisez) (moi|nous)? (un|une|des) ..2 (histoire|blague|poeme|chanson|recette|dissertation|lettre|code|article|texte|discours)`,
    `(quel|quelle) (temps|heure|age) ..2 (fait|est|as tu|avez vous)`,
    "weather|football|soccer|basketball|baseball|recipe|recipes|joke|jokes|poem|poems|song|songs|movie|movies|tv show|politics|president|election|horoscope|music|video game|video games|holiday|vacation|capital of|homework|essay|crypto|bitcoin|stock market|stocks",
    `(tell|write|compose|give|make) (me|us)? (a|an|some) ..2 (story|joke|poem|song|recipe|essay|limerick|haiku|code|script|letter|article|speech)`,
    `(who|what|when|where|how) (won|invented|discovered|wrote|is the capital|is the meaning)`,
    `(translate|traduire) ..3 (into|to|en) (english|french|spanish|german|chinese|anglais|francais|espagnol|allemand|chinois)`,
    `(machine learning|artificial intelligence|intelligence artificielle|apprentissage automatique|neural network|reseau de neurones|deep learning|data science|cybersecurity|cybersecurite|model security|securite des modeles)`,
    `(how|comment) (do|are|can) (you|vous|tu) (feel|deal|handle|gerez|gere|vous sentez)`,
    `(your|votre|ton|ta) (life|vie|favorite|favourite|prefere|preferee|opinion|avis sur|hobbies|loisirs|family|famille)`,
  ]),
];

export const CONVERSATION_RULES: readonly Rule[] = [
  ...greeting,
  ...thanks,
  ...questionDebt,
  ...identity,
  ...offTopic,
];
