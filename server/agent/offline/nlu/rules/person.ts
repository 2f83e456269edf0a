// The person behind the debt: vulnerability (illness, bereavement, mental health, crisis),
// a third party writing instead of the debtor, and the wish to talk to a human.

import { FAMILY_EN, FAMILY_EN_POSSESSIVE, FAMILY_FR, KIN_EN, KIN_FR } from "./lexicon.js";
import { type Rule, rules } from "./rule.js";

// Someone else's sick leave (the bookkeeper's, a colleague's) explains an administrative delay.
const COLLEAGUE_ON_LEAVE = [
  "(bookkeeper|accountant|colleague|employee|staff|secretary|assistant|clerk|manager|payroll|accounts person) ..4 (off sick|sick leave|sick note)",
  "(comptable|collegue|employe|employee|salarie|salariee|secretaire|assistante|assistant|gestionnaire) ..4 (en arret|arret maladie|arret de travail)",
];

const vulnerability: Rule[] = [
  ...rules("vulnerability", { unless: ["(sick|tired|fed up) (of|and tired|with)", "malade mental"] }, [
    `(suis|sommes|est|etais|tombe|tombee|gravement|tres) (malade|malades)`,
    `(i am|am|been|got|getting|very|seriously|terminally|chronically|mentally|fallen) (ill|sick|unwell)`,
  ]),
  ...rules("vulnerability", { unless: COLLEAGUE_ON_LEAVE }, [
    // French
    "maladie|maladies|hospitalis*|hopital|hopitaux|clinique|urgences",
    "cancer|tumeur|chimio*|radiotherapie|leucemie|sclerose|avc|infarctus|dialyse|greffe",
    "depression|deprime*|depressif|depressive|burn out|burnout|bipolaire|schizophren*|psychiatr*",
    "suicid*",
    `(en finir|me tuer|me suicider|mettre fin a mes jours|plus envie de vivre|envie de mourir|pas envie de vivre|foutre en l air)`,
    "handicap*|invalidite|aah|mdph",
    `(deces|decede|decedee|decedes|mort|morte) (de|d)? (mon|ma|mes|notre)? (${FAMILY_FR})`,
    `(perdu|perdre) (mon|ma|notre) (${FAMILY_FR}|bebe)`,
    `(lost|losing|lose) (my|our) (${FAMILY_EN}|baby)`,
    `(${FAMILY_FR}) (est|vient de|qui est) (decede|decedee|mort|morte|deceder|mourir|hospitalise*|malade)`,
    "deuil|veuve|veuf|obseques|enterrement|funerailles",
    "enceinte|grossesse|accouche*|accouchement|premature",
    "accidente*|paralys*|fauteuil roulant",
    `(un|mon|grave) accident`,
    "alzheimer|demence|senile|parkinson",
    "tutelle|curatelle|sauvegarde de justice",
    "anxiete|angoisse|angoisses|crise d angoisse|crises d angoisse",
    `(je vais|je me sens) (tres )?(mal|au bout|a bout|desespere*|epuise*)`,
    `(je suis) (tres )?(au bout|a bout|desespere*|epuise*|a la rue|en detresse)`,
    `(ne|n)? (vais|va) (pas|plus) bien`,
    `(sans abri|sdf|a la rue|expulse*|expulsion|sans logement|hebergement d urgence)`,
    "violences",
    `(violence|violent|violente) (conjugale*|domestique*|familiale*)`,
    `(longue maladie|affection longue duree|ald)`,
    `(opere|operee|chirurgie|soins intensifs|reanimation|convalescence|une operation|mon operation)`,
    `(addiction|alcoolique|alcoolisme|dependance|toxicomanie|jeu pathologique)`,
    `(personne agee|troisieme age)`,
    `(aidant|aidante) familial*`,
    // English
    "illness|illnesses|hospital|hospitalised|hospitalized|hospice|icu|intensive care",
    "cancer|tumour|tumor|chemo|chemotherapy|radiotherapy|leukaemia|leukemia|stroke|heart attack|dialysis|transplant|terminally|diagnosis|diagnosed",
    "depression|depressed|anxiety|panic attacks|bipolar|schizophrenia|ptsd|mental health|mental illness|nervous breakdown|mental breakdown",
    "suicidal|suicide",
    `(kill myself|end it all|end my life|take my life|do not want to live|no reason to live|want to die|self harm|harm myself|hurt myself|better off dead|can not go on)`,
    "disabled|disability|disabilities|wheelchair|handicapped",
    `(passed away|died|deceased|bereaved|bereavement|widow|widowed|widower|funeral)`,
    `death (of|in)`,
    "pregnant|pregnancy|maternity|newborn|premature",
    "dementia|alzheimer*|parkinson*|memory problems",
    `(carer|caregiver|caring for|care home|nursing home)`,
    `(surgery|an operation|my operation|recovering from|rehab|rehabilitation)`,
    `(addiction|alcoholic|gambling problem|gambling addiction|drug problem|recovering addict)`,
    `(homeless|evicted|eviction|shelter|sofa surfing|sleeping rough)`,
    `(domestic|financial|economic) (abuse|violence)`,
    `abusive (partner|relationship|husband|wife|ex)`,
    `(struggling to cope|can not cope|not coping|falling apart|overwhelmed|at breaking point|end of my tether|desperate|hopeless|in a dark place)`,
    `(court of protection|lasting power|appointee|vulnerable)`,
    `(i am) (elderly|eighty|ninety|in my eighties|in my nineties)`,
  ]),
];

// Time off work for illness: vulnerable, but often said to explain a drop in income.
const offSick: Rule[] = rules("vulnerability", { w: 0.6, unless: COLLEAGUE_ON_LEAVE }, [
  "off sick|sick leave|sick note|arret de travail|en arret|arret maladie",
]);

const thirdParty: Rule[] = [
  ...rules("third_party", {}, [
    // French
    `(suis|sommes) pas (le|la|l)? (debiteur|debitrice|titulaire|personne concernee|bonne personne|destinataire|client|cliente|gerant|gerante|dirigeant|dirigeante|patron|patronne)`,
    `(suis|sommes) (un|une) (tiers|tierce personne|tierce partie|personne exterieure)`,
    `(je|j) (suis|parle|ecris|reponds|appelle|m occupe|interviens|agis|vous contacte|paie|paye|regle|vous ecris) (pour|au nom de|de la part de|a la place de|en tant que) ..3 (${KIN_FR}|lui|elle|eux|mon|ma|monsieur|madame|m|mme|la personne|le debiteur|la societe|l entreprise|notre)`,
    `pas moi (le|la|l) (debiteur|debitrice|client|cliente|titulaire|personne concernee)`,
    `(je|j) (suis|etais) (le|la|l) (comptable|assistante|assistant|secretaire|tuteur|tutrice|curateur|curatrice|epouse|mari|femme|fils|fille|mere|pere|associe|associee|aidant|aidante|voisin|voisine) (de|d)`,
    `(je|j) (suis|etais) (sa|son|ses|leur) (${KIN_FR}|tuteur|tutrice|curateur|curatrice|aidant|aidante|assistante|assistant|secretaire|comptable|voisin|voisine|representant|representante|mandataire)`,
    `(au nom|de la part|a la place) (de|d) (mon|ma|mes|notre|monsieur|madame|m|mme|la societe)`,
    `(il|elle|ils|la personne|le debiteur|mon|ma) (n habite|ne vit|ne reside|habite|vit|reside) (plus|pas) (ici|a cette adresse|chez moi|avec moi)`,
    `(ancien|ancienne|precedent|precedente) (locataire|proprietaire|occupant|occupante|gerant|gerante|titulaire)`,
    `(mauvais|faux) (numero|destinataire|contact|adresse mail|email)`,
    `(erreur|trompez|trompe|trompee|confusion) (de|sur la)? (personne|destinataire|numero)`,
    `vous vous (trompez|etes trompe|etes trompes|etes trompee) (de|d)? (personne|destinataire|numero|adresse)?`,
    `(connais|connait) (pas|absolument pas) (ce|cette|cet) (monsieur|madame|personne|homme|femme|nom)`,
    `(ce|cette|la) (dette|facture|compte|contrat) (est|etait) (celle|celui|a|au nom) (de|d) (mon|ma|mes)`,
    `(dette|facture|compte|contrat|credit) (de|d) (mon|ma|mes) (${FAMILY_FR})`,
    `procuration (pour|de|sur)`,
    // English
    `(i am|im|am) not (the|a)? (debtor|account holder|account owner|person|customer|borrower|one you|right person|person you|director|owner|manager)`,
    `(i am|im|am|we are) (a|an)? (third party|third parties|outside party)`,
    `(i am|im|am|as) (his|her|their|the debtors|the customers|the account holders) (${KIN_EN}|carer|caregiver|guardian|assistant|accountant|secretary|representative|neighbour|neighbor|executor|trustee|advocate|landlord|pa)`,
    `(on behalf of|speaking for|writing for|calling for|acting for|representing|replying for|answering for) (my|our|his|her|the|a)? (${KIN_EN}|company|business|client|debtor|customer|account holder|estate|late)`,
    `(my|our) (${FAMILY_EN}) (has the|had the|took out|owes|is the|was the|opened|signed|ordered)`,
    `(${FAMILY_EN_POSSESSIVE}) (debt|bill|account|name|loan|card|invoice|phone|contract)`,
    `(he|she|they) (does not|do not|no longer|never) (live|lives|lived|reside|resides|stay|stays) (here|at this address|with me|with us)`,
    `(he|she|they) (moved out|has moved|have moved|moved away|moved abroad|left the country)`,
    `wrong (number|address|email|contact|household|person|guy|man|woman|name|people)`,
    `(do not|never) know (who|this|that) (person|man|woman|is|that is|this is|he is|she is)`,
    `(got|have|contacted|messaged|texting|calling) the wrong (person|number|address|people)`,
    `(previous|former|old) (tenant|owner|occupant|resident|director)`,
    `not (the|a) person you (are|were) (looking for|after|trying)`,
    `(this|that|it) is (not )?(my|his|her) (${FAMILY_EN_POSSESSIVE})`,
    `(executor|estate) (of|for)`,
    "power of attorney|procuration",
  ]),
];

const HUMAN_FR =
  "humain|humaine|etre humain|vraie personne|vrai humain|personne reelle|personne physique|vrai conseiller|vraie conseillere|conseiller|conseillere|conseillers|agent|agents|operateur|operatrice|responsable|interlocuteur|interlocutrice|gestionnaire|quelqu un|superieur|superieure|manager|chef|service client|service clientele|standard|collaborateur|collaboratrice|juriste|employe|employee|salarie|charge de recouvrement|une personne|une vraie personne";
const HUMAN_EN =
  "human|humans|human being|person|real person|live person|actual person|real human|agent|agents|live agent|real agent|representative|rep|someone|somebody|anyone|anybody|operator|manager|supervisor|advisor|adviser|staff|employee|customer service|customer services|customer support|customer care|support team|team member|consultant|officer|collector|case handler|account manager|real people|people|man|woman|guy|lady";

/** Talking to one's own boss or family, or stopping calls, is not asking for one of ours. */
const NOT_A_HANDOFF: readonly string[] = [
  "(do not|dont) (need|want) to (speak|talk)",
  "pas besoin de (parler|conseiller)",
  "(avec|a|au|en) (mon|ma|notre|nos|mes) (responsable|manager|chef|superieur|superieure|patron|patronne|direction|comptable|associe|associee|dg|gerant|gerante|boss|mari|femme|banque|banquier)",
  "(to|with) (my|our) (manager|boss|accountant|wife|husband|partner|supervisor|director|team|finance|bank|family|solicitor|lawyer)",
  "(arretez|arrete|cessez|stop|plus) (de|d)? (me|m|nous) (appeler|rappeler|telephoner|contacter)",
  "(m|me|nous) (appelez|rappelez|telephonez|contactez) (plus|pas|jamais)",
  // Asking for another language is not asking for a person: "can we speak english please".
  "(speak|talk|write|chat|continue|answer|reply|communicate) (in )?(english|french)",
  "(parler|parle|parlez|ecrire|ecrivez|continuer|repondre|repondez|discuter) (en )?(anglais|francais)",
];

const requestHuman: Rule[] = [
  ...rules("request_human", { neg: "drop" }, [
    // French
    `(parler|discuter|echanger|avoir|contacter|joindre|etre mis en relation|mettre en relation|mettez moi en relation|passer|passez|passe|transferer|transferez|rediriger|redirigez|voir|rencontrer) ..3 (${HUMAN_FR})`,
    `(passez|passe|donnez|donne|mettez|transferez) (moi|nous) ..3 (${HUMAN_FR})`,
    `(veux|voudrais|souhaite|souhaiterais|exige|demande|besoin d) ..2 (un|une|a un|a une|le|la|votre) (humain|vraie personne|vrai humain|etre humain|conseiller|conseillere|agent|operateur|responsable|interlocuteur|gestionnaire|superieur|manager)`,
    `(rappel*|appel*|telephon*) (moi|nous)`,
    `(me|m|nous) (rappeler|appeler|telephoner|rappeliez|appeliez|rappelez|appelez|telephonez|contacter par telephone)`,
    `par (telephone|tel|teleph)`,
    `(pas|plus|marre) (a|avec|de|du|des|d un|un|une)? (ce )?(robot|bot|machine|ia|chatbot|automate|repondeur|programme)`,
    `^ (un|une|des)? (conseiller|conseillere|humain|agent|operateur|responsable|interlocuteur) (svp|s il vous plait|merci|please)? $`,
    `(y a t il|il y a|y a) (quelqu un|un humain|une personne|un conseiller)`,
    // English
    `(speak|talk|chat|get through|be put through|put me through|connect me|transfer me|pass me|escalate|hand me over|hand me|refer me) ..3 (${HUMAN_EN})`,
    `(speak|talk|chat) (with|to) (someone|somebody|anyone|a person|a human|a real|an agent|a manager|your)`,
    `(want|need|like|prefer|request|requesting|demand|ask for|asking for|give me) ..3 (a|an|the|your|to a|to an|real|live|actual) (human|person|agent|representative|operator|manager|supervisor|advisor|adviser|real person|live person|human being|member of staff|staff member|customer service)`,
    `(real|live|actual) (human|person|human being|people)`,
    `(a|an|another) (human|human being)`,
    `human being`,
    `(not|no|stop|enough) (a|with|this|the|talking to a|talking to the)? (bot|robot|machine|chatbot|ai|automated|computer|program)`,
    `(call|phone|ring|contact) (me|us) (back|by phone|on the phone|at|please|later|tomorrow|today|now)?`,
    `(call back|callback|phone call|call me back)`,
    `(can|could|may) (i|we) (call|phone|ring|speak|talk)`,
    `(is there|there is) (anyone|someone|somebody|a person|a human) (i|we)? (can|could)? ..2 (speak|talk|help|contact)`,
    `^ (human|agent|operator|representative|person|manager|supervisor|advisor|adviser|customer service) (please)? $`,
    `(someone|somebody|a person|a human|anyone) (to|who can|that can|i can) ..2 (help|call|talk|speak|contact|explain|assist)`,
    `(get|put) (me|us) (in touch|through)`,
    `(escalate|escalation) (this|my|the)?`,
  ]).map((r) => ({ ...r, unless: NOT_A_HANDOFF })),
  // Not wanting to talk to a machine is a request for a person, negated or not.
  // Refusing to talk to the assistant asks for someone else: "i don't want to talk to you!".
  ...rules("request_human", {}, [
    `(do not|does not|never) (want|wish|like) to (talk|speak|chat|deal|write) (to|with) (you|a bot|a robot|a machine|this bot|this thing|an ai)`,
    `(veux|veut|voulons|souhaite) (pas|plus) (parler|discuter|echanger|ecrire) (a|avec) (vous|toi|un robot|une machine|un bot|une ia)`,
  ]),
  ...rules("request_human", { unless: NOT_A_HANDOFF }, [
    `(parler|discuter|echanger|ecrire) (a|avec) (un|une|ce|votre) (robot|bot|machine|ia|chatbot|programme|automate)`,
    `(talk|talking|speak|speaking|chat|chatting) (to|with) (a|this|the|your) (bot|robot|machine|chatbot|computer|program|ai)`,

    `(get|put|bring|have|find|need|want|speak to|talk to|transfer me to|connect me to|put me through to|pass me to) (me )?(to )?(someone|somebody|anyone|anybody) else`,
    `(someone|somebody|anyone) else (on the line|on the phone|to talk|to speak|to help)`,
    `(stop|tired of|sick of|fed up with|done with|enough of|hate) (talking|speaking|chatting|dealing) (to|with) (a|the|these|this|your)? (bot|bots|robot|robots|machine|machines|virtual|ai|computer|computers|chatbot|automated)`,
    `(marre|assez|fatigue|fatiguee) (de|d) (parler|discuter|echanger) (a|avec) (un|une|des|ce|votre) (robot|robots|bot|machine|ia|programme)`,
  ]),
  // Frustration with the conversation: a cue to offer a person.
  ...rules("request_human", { w: 0.6 }, [
    "frustrating|frustrated|frustration|annoying|exasperating|infuriating|frustrant|frustree|enervant|agacant|exasperant",
    `(this|the|our) (conversation|chat|bot|assistant|system|thing|service) ..3 (not working|is not working|useless|pointless|going nowhere|not helping|no help|a joke)`,
    `(not|never) (helping|helpful|getting anywhere|going anywhere)`,
    `(going|go|goes|running) (round|around)? in circles|waste of (my )?time|wasting (my )?time`,
    `(je|on) tourne en rond|(perte|perdre) de temps|(vous ne|tu ne|ca ne) (m aide|m aidez|sert) (pas|a rien)`,
    `(with|to) (a|this|the|your) (machine|bot|robot|computer|chatbot|ai|program|programme|robot)`,
  ]),
  ...rules("request_human", { w: 0.6, neg: "drop" }, [
    `(etes|es) (vous|tu) (un|une) (robot|bot|machine|ia|humain|vraie personne)`,
    `(are you|is this) (a|an) (bot|robot|machine|real person|human|ai|computer)`,
    `(prendre|fixer|avoir) (un )?rendez vous`,
  ]),
];

export const PERSON_RULES: readonly Rule[] = [...vulnerability, ...offSick, ...thirdParty, ...requestHuman];
