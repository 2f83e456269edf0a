// Rules for the legal stops: cease contact, legal representation, over-indebtedness
// procedures, statutory breathing space, insolvency and limitation. Each of them halts
// collection at once, so phrases are specific and rarely need context.

import { type Rule, rules } from "./rule.js";

const STOP_VERBS_FR =
  "contact*|appel*|ecrire|ecrivez|harcel*|relanc*|envoy*|derang*|spam*|embet*|texter|solliciter|sollicitez";
const STOP_VERBS_EN =
  "contacting|calling|messaging|texting|emailing|writing|harassing|harrassing|bothering|bugging|spamming|chasing|pestering|hounding|ringing|phoning|sending";

const stop: Rule[] = [
  ...rules("stop", {}, [
    `(arretez|arrete|arreter|cessez|cesse|cesser|stoppez|stop|arretes) (de|d)? (me|m|nous)? (${STOP_VERBS_FR})`,
    `ne? (me|m|nous) (contactez|appelez|ecrivez|relancez|derangez|harcelez|envoyez|sollicitez|contacte|appelle|ecris|relance) plus`,
    `ne? (me|m|nous) (contactez|appelez|ecrivez|relancez|derangez|harcelez|contacte|appelle|ecris|relance) (plus|jamais)`,
    `(veux|voulons|souhaite|souhaitons) plus (etre|recevoir|avoir) ..2 (contacte*|appele*|relance*|sollicite*|derange*|message*|appels|sms|mails|courriers)`,
    `(plus|fini) (de|d) (messages|appels|relances|sms|mails|courriers|harcelement)`,
    `(cesser|cessez|arreter|arretez|stopper|stoppez|suspendre|suspendez) (toute|toutes|les|vos|tout) (relance|relances|contacts|contact|sollicitations|appels|communications|communication|messages)`,
    `(laissez|laisse|lachez|lache|foutez|fous|fichez|fiche) (moi|nous) (tranquille|tranquilles|la paix|en paix)`,
    `^ stop (svp|merci|please)? $`,
    `^ (stop|arret|arretez) (tout|les messages|les appels|les relances|ca|maintenant) $`,
    "desinscri*|desabonn*|desinscription",
    `(oppose|opposition) .. (contact*|relance*|demarchage|sollicitation*|prospection)`,
    `(retirez|supprimez|effacez) (mon|mes) (numero|coordonnees|nom|adresse) ..3 (liste|fichier|base)`,
    `stop (contacting|calling|messaging|texting|emailing|writing|harassing|harrassing|bothering|bugging|spamming|chasing|pestering|hounding|ringing|phoning|sending) (me|us)`,
    `(quit|cease) (${STOP_VERBS_EN}) (me|us)`,
    `do not (contact|call|message|text|email|bother|write|ring|phone|harass) (me|us) (again|anymore|ever|further)?`,
    `never (contact|call|message|text|email|bother|write|ring|phone) (me|us) again`,
    `(leave|let) (me|us) (alone|in peace|be)`,
    "unsubscribe|unsubscribing|opt out|optout",
    "cease and desist",
    `cease (all|any)? (communication|communications|contact|correspondence)`,
    `no (more|further) (calls|messages|texts|emails|contact|letters|communication|communications)`,
    `(want|wish|like|ask) .. not to be (contacted|called|messaged|texted|emailed|bothered)`,
    `(do not|never) want .. (contacted|called|messaged|texted|emailed|hear from you)`,
    `(do not|never) want (any )?(more|further|other) (reminders|messages|calls|texts|emails|letters|contact|relances)`,
    `remove (me|my number|my details|my name) from (your|the)? (list|system|database|records|calls)`,
    `(stop|end) (all|any) (communication|communications|contact|calls|messages)`,
    `^ (stop it|stop now|just stop|please stop) $`,
  ]),
];

const attorney: Rule[] = [
  ...rules("attorney", {}, [
    "avocat|avocate|avocats|avocate|maitre",
    `(service|departement|pole|direction|conseil) juridique`,
    `(protection|assistance|assurance) juridique`,
    "juriste|juristes",
    `(mon|notre|un) conseil (juridique|legal)`,
    `(par|via) (mon|notre) conseil`,
    "attorney|attorneys|lawyer|lawyers|solicitor|solicitors|barrister|paralegal|counsel|legal representative|legal team|legal department|legal counsel|legal advice|legal aid",
    `(my|our) (legal|law) (team|firm|department|representative|adviser|advisor)`,
    `law (firm|office|center|centre)`,
  ]).map((r) => ({ ...r, unless: "(power of attorney|procuration|maitre d)" })),
  // A representative the debtor names; the court-appointed one is insolvency (bankruptcy below).
  ...rules("attorney", { unless: "mandataire (judiciaire|liquidateur)" }, [
    `(mon|notre|votre|au|le) mandataire`,
  ]),
  // "Vous allez au tribunal ?" asks what happens if they do not pay (answered from the pack's FAQ):
  // the debtor names no representative and takes no action of their own.
  ...rules(
    "attorney",
    {
      w: 0.6,
      unless:
        "(vous|you) (allez|aller|irez|allez vous|are going|going|will|gonna|would) ..3 (tribunal|tribunaux|justice|proces|court|sue)",
    },
    [
      `tribunal|tribunaux|justice|proces|plainte|prudhommes|juge`,
      `(see you|take you|taking you|drag you|go|going|take this|taking this) (in|to) court`,
      `court (case|action|order|proceedings|claim)`,
      `(sue|suing) (you|your)`,
      `judge|lawsuit|small claims`,
    ],
  ),
];

const surendettement: Rule[] = [
  ...rules("surendettement", {}, [
    "surendett*|surendetement|surendette|surendettee",
    `banque de france`,
    `commission (de|du) (surendett*|bdf)`,
    `(dossier|depot|procedure|plan) (de|a la|aupres de la|chez la|bdf) ..2 (bdf|surendett*|banque de france)`,
    "bdf",
    `(retablissement|redressement) personnel`,
    `effacement (de|des) (ma|mes|la|les)? (dette|dettes)`,
    `(over indebted*|overindebted*|over indebted|over indebtedness)`,
    `debt (management|repayment) plan`,
    "dmp|payplan",
  ]),
  // Debt advice agencies: the debtor is getting help, a procedure may or may not follow.
  ...rules("surendettement", { w: 0.6 }, [
    "stepchange|debtline",
    `(national|business) debtline`,
    `citizens advice`,
    `debt (advice|adviser|advisor|advisers|advisors|charity|counsellor|counselor|counselling|counseling|helpline|solution|solutions)`,
    `(credit|debt) counseling (agency|service)?`,
  ]),
];

const breathingSpace: Rule[] = [
  ...rules("breathing_space", {}, [
    `breathing space`,
    `(debt )?respite (scheme|period)`,
    `(mental health )?crisis breathing`,
    "moratorium|moratoire",
    `delai de grace`,
    `delais de grace`,
    `(treve|suspension) (des|de la|de mes)? (poursuites|procedures|paiements|recouvrement|relances)`,
    `(suspendre|geler|gel) ..2 (poursuites|procedures|recouvrement|interets|penalites)`,
    `(freeze|freezing|suspend|pause|halt|hold) ..3 (interest|charges|enforcement|collection|collections|recovery|action)`,
    `(article|art) # # (du )?code civil`,
  ]),
];

const bankruptcy: Rule[] = [
  ...rules("bankruptcy", {}, [
    "faillite",
    `liquidation (judiciaire|amiable)?`,
    `(redressement|sauvegarde) judiciaire`,
    `plan de (redressement|sauvegarde|continuation|cession)`,
    `procedure (de|en)? (sauvegarde|collective|collectives|conciliation)`,
    // "administrateur" or "mandataire" alone is anyone who administers or represents ("mode
    // administrateur" is a jailbreak); only the court-appointed one means insolvency.
    `(mandataire|administrateur) (judiciaire|liquidateur)`,
    "liquidateur",
    `(depot|depose|deposer|deposons|deposee|deposez) (de|le|du)? bilan`,
    `cessation (de|des) paiements`,
    `(bankrupt|bankruptcy|bankruptcies|insolvency|insolvent|liquidation|liquidator|receivership|receiver|administrators)`,
    `chapter (#|seven|eleven|thirteen)`,
    `(gone|went|go|going|entered|entering|placed|put) (into|in)? (administration|liquidation|receivership)`,
    `insolvency (practitioner|practitioners|administrator)`,
    `individual voluntary arrangement`,
    `iva|cva|dro`,
    `debt relief order`,
    `(winding up|wound up|wind up) (order|petition)?`,
    "sequestration",
  ]).map((r) => ({
    ...r,
    unless: "(pas|not|no) (encore|yet)? (en|in)? (faillite|liquidation|bankrupt|bankruptcy)",
  })),
];

const timeBarred: Rule[] = [
  ...rules("time_barred_claim", {}, [
    "prescri*|prescrit|prescrite|forclos*|forclusion",
    `delai (de|d) prescription`,
    `statute of limitation*`,
    `statute barred|time barred|timebarred|statute expired|limitation period|limitations period|limitation act`,
    `(zombie|expired) debt`,
    `(plus|non|pas) exigible`,
  ]),
  // Age of the debt alone suggests limitation but needs the rest of the message to agree.
  // "On est client depuis 10 ans" is loyalty, not the age of the debt.
  ...rules(
    "time_barred_claim",
    {
      w: 0.6,
      unless: [
        "(client|clients|cliente|clientes|customer|customers|fidele|fideles|loyal) ..3 (depuis|for|since|over)",
        "(ans|annees|years) ..5 (client|clients|cliente|clientes|customer|customers|fidele|fideles)",
      ],
    },
    [
      `(trop|tres|bien trop) (vieille|ancienne|vieux|ancien)`,
      `(date|datent|remonte|remontent) (de|a)? (plus de)? (#|cinq|six|sept|huit|neuf|dix|quinze|vingt) ans`,
      `(il y a|depuis|plus de|ca fait|cela fait) (#|cinq|six|sept|huit|neuf|dix|quinze) (ans|annees)`,
      `(too|very|really|ridiculously) old`,
      `(over|more than|about|almost|nearly) (#|five|six|seven|eight|nine|ten|fifteen|twenty) years (old|ago)`,
      `old debt`,
    ],
  ),
];

export const LEGAL_RULES: readonly Rule[] = [
  ...stop,
  ...attorney,
  ...surendettement,
  ...breathingSpace,
  ...bankruptcy,
  ...timeBarred,
];
