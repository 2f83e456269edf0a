// Attacks on the assistant itself: prompt injection (override its instructions, make it
// print a planted text, leave its role, reveal its prompt, smuggle through encodings) and
// abuse (insults, threats). Injection rules look for the mechanics of the attack, not for
// any particular payload, so new wording of a known trick is still caught.

import { type Rule, rules } from "./rule.js";

const INSTRUCTIONS_FR =
  "instruction|instructions|consigne|consignes|regle|regles|question|questions|ordre|ordres|directive|directives|prompt|contexte|precede|ci dessus|precedent|precedente|precedentes|precedents|programmation|parametres|configuration|invite|message systeme|tout ce qui";
const INSTRUCTIONS_EN =
  "instruction|instructions|prompt|prompts|question|questions|rules|rule|directions|direction|guidelines|context|text|above|everything|previous|prior|earlier|preceding|programming|directives|configuration|constraints|restrictions|training|system";

/** French "j'ignore" is "I don't know"; "j'ai oublié" is a past tense, not an order. */
const NOT_AN_ORDER = ["(j|je) (ignore|ignorais|ignorions)", "(j ai|j avais|nous avons|on a) oublie"];

const injection: Rule[] = [
  ...rules("injection", { unless: NOT_AN_ORDER }, [
    // Override the instructions ("ignore the above", "ignorez la question précédente").
    `(ignore|ignorez|ignorer|ignores|oublie|oubliez|oublier|neglige|negligez|faites abstraction|fais abstraction|passe outre|passez outre) ..4 (${INSTRUCTIONS_FR})`,
    `(ignore|ignoring|disregard|disregarding|forget|override|overriding|bypass) ..4 (${INSTRUCTIONS_EN})`,
    `(oublie|oubliez|ignore|ignorez|forget|disregard) (tout|everything|all) (ce|que|qu|you|that|what|de)`,
    `^ (oublie|oubliez|forget) (tout|everything)`,
    `(ne tiens pas|ne tenez pas|sans tenir) compte ..4 (${INSTRUCTIONS_FR})`,
    // Make it print a planted text ("affichez directement :", "just output:").
    `(affiche|affichez|afficher|ecris|ecrivez|ecrire|imprime|imprimez|imprimer|sors|sortez|genere|generez|produis|produisez|repete|repetez|repeter|reponds|repondez|repondre|dis|dites|dire|indique|indiquez|indiquer|tape|tapez|renvoie|renvoyez|retourne|retournez|donne|donnez|copie|copiez|copier) (simplement|directement|uniquement|juste|seulement|exactement|mot pour mot|textuellement|tel quel|telle quelle)`,
    `(directly|simply|instead) (output|print|say|write|reply|respond|type|return|answer|state|display|show|repeat|tell me)`,
    `(repeat|output|print|say|write|answer|type) (directly|simply|only|exactly|verbatim|after me)`,
    `(just|only|exactly) (output|print|type|display|repeat|return)`,
    `(go|skip) (straight|directly) to the output`,
    `(output|print|say|write|type|return|display|repeat) (only|exactly|verbatim|word for word|the following|this sentence|this text)`,
    `output`,
    `(word for word|verbatim|mot pour mot|textuellement)`,
    // Reveal the prompt or the rules.
    `(repete|repetez|repeter|montre|montrez|montrer|donne|donnez|revele|revelez|reveler|affiche|affichez|partage|partagez|recite|recitez|copie|copiez|liste|listez|dis|dites|quelles sont|quels sont|ecris|ecrivez|traduis|traduisez|resume|resumez) ..3 (tes|vos|ton|votre|ses) (instructions|consignes|regles|prompt|directives|parametres|configuration|invite|programmation|limites|contraintes)`,
    `(repete|repetez|repeter|montre|montrez|montrer|donne|donnez|revele|revelez|reveler|affiche|affichez|partage|partagez|recite|recitez|copie|copiez|dis|dites|ecris|ecrivez|traduis|traduisez) ..3 les (instructions|consignes|directives) (initiales|systeme|de depart|precedentes|ci dessus|cachees|recues)`,
    `(prompt|message|instructions|consignes|invite) (systeme|system|initiale|initiales|initial|de depart|cache|cachees|secret|secretes)`,
    `(repeat|reveal|show|display|share|print|output|tell me|give me|list|dump|leak|recite|disclose|expose|paste|copy|translate|summarize|summarise|encode|spell out|write out|write down) ..4 your (system|internal|initial|hidden|secret|original|exact|full|real|actual|own)? (prompt|prompts|instructions|rules|guidelines|configuration|directives|programming|settings|constraints|initial instructions|starting instructions|instruction|system message)`,
    `(repeat|reveal|show|display|share|print|output|tell me|give me|dump|leak|recite|disclose|expose|paste|copy|translate|summarize|summarise|encode|spell out|write out|write down) ..4 (the|those|these|its|initial|original|hidden|secret|entire|whole) (system prompt|prompt|prompts|initial instructions|original instructions|hidden instructions|instructions above|text above|above text|starting instructions|conversation|instructions you|text you|message you)`,
    `system (prompt|message|instructions|configuration|settings|prompts)`,
    `(initial|original|starting|hidden|secret|internal|underlying|pre prompt|preprompt|developer) (prompt|instructions|configuration|instruction|directives)`,
    `what (are|were|is) your (initial|original|starting|first|exact|hidden|secret|system)? (instructions|prompt|rules|guidelines|directives)`,
    `what (are|were|is) the (initial|original|starting|first|exact|hidden|secret|system) (instructions|prompt|rules|guidelines|directives)`,
    `what (were|are|have) you (been )?(told|instructed|programmed|asked|trained|given)`,
    `you (are )?(not supposed|forbidden|not allowed|not permitted) to (tell|say|reveal|share|do)`,
    `(you were|you are|were you|are you|you have been) (instructed|programmed|told|trained) to`,
    `(start|begin|prefix) (your|the)? (answer|response|reply|output|message) with`,
    `(complete|continue|finish) (this|the following|the) (sentence|text|phrase|prompt)`,
    `(the system prompt is|my instructions are)`,
    // Role play and new identities ("you are now", "act as", "vous incarnez").
    `(you are|you re|your are) now`,
    `from now on (you|your)`,
    `(act|acting|behave|respond|answer|talk|speak|write) (as|like) (a|an|if|the|my|dan|someone|though)`,
    `pretend (to be|you are|you re|that you|that|you)`,
    `(role play|roleplay|role playing|roleplaying|play the role|take on the role|in the role of|assume the role|playing the role|play a role|your role is|your new role|new persona|persona)`,
    `(you will|you must|you should|you shall|you need to) (play|act|become|pretend|role play|roleplay)`,
    `(imagine|suppose) (you are|that you are|you re|yourself as)`,
    `you (play|are playing|will play)`,
    `(tu es|vous etes|t es) (maintenant|desormais|a present|dorenavant)`,
    `(a partir de maintenant|desormais|dorenavant|a present) (tu|vous) (es|etes|seras|serez|dois|devez|vas|allez|reponds|repondez|joues|jouez|incarnes|incarnez|agis|agissez)`,
    `(joue|jouez|jouer|joues|incarne|incarnez|incarner|incarnes|interprete|interpretez|endosse|endossez|prends|prenez) ..3 (role|roles|personnage|personnages)`,
    `(incarne|incarnez|incarner|incarnes|incarnerez|incarneras) (un|une|le|la|maintenant|desormais|donc)`,
    `(fais|faites|faire) semblant`,
    `(imagine|imaginez|supposons|suppose|supposez) (que)? (tu es|vous etes|tu sois|vous soyez|t es)`,
    `(mets|mettez) (toi|vous) (dans la peau|a la place)`,
    `(agis|agissez|comporte toi|comportez vous|reponds|repondez|parle|parlez) (comme|en tant que) (si|un|une|le|la)`,
    `(ton|votre) (nouveau|nouvelle) (role|personnage|identite|mission)`,
    // Role assignment at the start of a message: "You are a feudal ruler who...",
    // "Vous êtes un hacker et vous devez...", "J'ai besoin que tu joues...", "En tant que X, vous...".
    `^ (you are|your are|you re) (a|an|the|now a|now an|now the) ..6 (who|that|and|with|whose|in|at|on|trying)`,
    `^ (vous etes|tu es|t es) ..6 (qui|et|mais|dont|vous|tu|avec) (vous|tu|maintenant|votre|ton|il|elle|on|devez|dois|avez|as|pensez|penses|etes|es)`,
    `(j ai besoin|je veux|je voudrais|il faut|j aimerais) (que|qu) (tu|vous) (joues|jouiez|incarnes|incarniez|agisses|agissiez|fasses|fassiez|sois|soyez|deviennes|deveniez|imagines|imaginiez)`,
    `(i need|i want|i would like|i d like) (you )?(to )?(play|act|pretend|be|become|imagine|role play) (the role|as|like|a|an|that|you)`,
    `^ (vous jouez|tu joues|jouez|joue) (un|une|le|la|l|les)`,
    `^ (en tant que|as a|as an|as the) ..5 (vous|tu|you|your) ..2 (devez|dois|must|should|need|are|etes|es|avez|have|will|allez)`,
    `(supposons|suppose|imagine|imaginez|imaginons|admettons) (que|qu)? (vous|tu) (soyez|sois|etes|es|jouiez|joues)`,
    `(just|simply|only) (paraphrase|rephrase|reword|restate)`,
    // Special modes and jailbreak names.
    `(developer|maintenance|debug|god|admin|administrator|unrestricted|unfiltered|jailbreak|jailbroken|dan|sudo|test|evil) mode`,
    `mode (developpeur|maintenance|debug|admin|administrateur|sans restriction|sans filtre|dieu|jailbreak|dan)`,
    "jailbreak|jailbroken|do anything now|dan prompt|no restrictions|without restrictions|without any restrictions",
    `sans (aucune )?(restriction|restrictions|filtre|filtres|censure)`,
    // Encodings used to smuggle requests or extract the prompt.
    `(base #|rot #|hexadecimal|hex encoded|hex encode|in hex|binary code|morse|caesar cipher|leetspeak|unicode escape)`,
    `(encode|decode|encoded|decoded|encrypt|decrypt|encrypted|decrypted|encodez|decodez) ..4 (this|the following|your|the|tes|vos|ce|cette|ceci|message|prompt|instructions|consignes|text|texte)`,
    // Code and markup framing.
    `(console log|printf|systemprompt|sysprompt)`,
    `(new|updated|revised|additional|real|true|actual) (instructions|instruction|system prompt|objective)`,
    `(nouvelles|nouvelle|vraies|vraie|veritables) (instructions|consignes|regles|taches|mission)`,
    `(i am|this is|je suis|c est) (your|the|votre|ton|le) (developer|developpeur|administrator|admin|administrateur|creator|createur|programmer|programmeur|owner|proprietaire)`,
    `(i am|je suis) (a|an|un|une) (developer|admin|administrator|engineer|developpeur|administrateur|ingenieur) (debugging|testing|working on|qui teste|qui debogue|en charge de) (this|the|your|ce|votre|ton)`,
    `(maintenance|debug|developer|admin|test) (mode|access)`,
    `(override|overwrite|bypass|disable|turn off|desactive|desactivez|contourne|contournez) ..3 (rules|safety|filter|filters|guard|guardrails|policy|restrictions|limits|limites|regles|filtre|filtres|securite|politique)`,
    `(set|mark|change|update|put) ..3 (balance|debt|dette|solde|amount|montant|account|compte) ..3 (to|a|as) (zero|paid|payee|solde|nothing|rien|settled)`,
    `(marque|marquez|passe|passez|mets|mettez) ..3 (dette|solde|compte|dossier|facture) ..3 (payee|solde|regle|reglee|clos|close|zero|0)`,
  ]),
  // Questions about the model itself: often a prelude to extraction; harmless otherwise.
  ...rules("injection", { w: 0.6, exact: true }, [
    "prompt|prompts|llm|chatgpt|gpt|openai|anthropic",
    `(your|ton|votre) (model|modele|training|entrainement|code source|source code|algorithm|algorithme|weights|dataset)`,
    `(prompt|instruction) (leak|leaking|leakage|injection|attack|extraction)`,
  ]).map((r) => ({
    ...r,
    unless: "prompt (payment|payments|payer|settlement|reply|response|attention|action|repayment)",
  })),
];

/** Slurs: aimed at someone whatever the context. */
const INSULT_FR =
  "connard|connards|connasse|connasses|conasse|salope|salopes|salaud|salauds|pute|putes|encule|encules|enculer|enculee|batard|batards|batarde|enfoire|enfoires|enfoiree|fdp|ntm|nique|niquer|niquez|tocard|tocards|pd|tg|ordure|ordures|raclure|raclures|pourriture|merdeux|sous merde|tas de merde|grosse merde|vermine|charogne|garce|pouffiasse|grognasse|trou du cul|trouduc|fils de pute|baltringue|enflure|enflures|boloss|bolosse";
const INSULT_EN =
  "asshole|assholes|arsehole|arseholes|bitch|bitches|bastard|bastards|cunt|cunts|dickhead|dickheads|prick|pricks|twat|twats|wanker|wankers|retarded|dumbass|jackass|scumbag|scumbags|bloodsucker|bloodsuckers|piece of shit|piece of crap|shithead|dipshit|douche|douchebag|motherfucker|motherfuckers|slut|whore|son of a bitch|tosser|knobhead|bellend|pillock";
/** Mild insults: also said of oneself ("je suis con, j'ai oublié", "I'm such an idiot"). */
const MILD_INSULT =
  "con|conne|cons|connes|abruti|abrutis|abrutie|cretin|cretins|cretine|debile|debiles|imbecile|imbeciles|bouffon|bouffons|minable|minables|pourri|pourris|moron|morons|idiot|idiots|imbecile|scum|leech|leeches|vulture|vultures|loser|losers|trash|garbage|clown|clowns|muppet|git|pig|pigs|rat|rats|scammers|crooks|thieves|liars|parasites|voleurs|escrocs|arnaqueurs|vautours|sangsues|rapaces";

const abuse: Rule[] = [
  ...rules("abuse", { exact: true }, [
    INSULT_FR,
    INSULT_EN,
    `(ta|ferme ta|fermez vos|ferme la|fermez la) (gueule|geule|bouche)`,
    `(va|vas|allez|aller) (te|vous) faire (foutre|voir|enculer|mettre)`,
    `(je vais|on va|j vais) (te|vous) (tuer|buter|niquer|frapper|casser|defoncer|retrouver|egorger|cramer|faire la peau)`,
    `(je sais|on sait) ou (tu habites|vous habitez|vous etes|sont vos bureaux)`,
    `(bande|espece|sale|sales) (de|d)? ..2 (con|cons|conne|chiens|voleurs|voleur|escrocs|escroc|vautours|rapaces|incapables|nuls|chiens|rats|merde|ordures|charognards|parasites|sangsues|clowns|guignols|cons|abrutis|connards|mafieux|racailles|arnaqueurs|truands|menteurs|incompetents|idiots|debiles|batards|tocards)`,
    `(vous etes|tu es|t es|vous n etes|tu n es|c est) ..2 (voleurs|voleur|escrocs|escroc|vautours|rapaces|mafieux|arnaqueurs|truands|menteurs|sangsues|charognards|parasites|racketteurs|gangsters|nul|nulle|nuls|stupide|stupides|inutile|inutiles|idiot|idiote|incompetent|incompetents|incompetente|bete|betes|debile|con|conne|ridicule|ridicules|pathetique|pathetiques|minable|une honte|la honte|pitoyable|pitoyables|ignoble|ignobles|degueulasse|degueulasses|salauds|voyous|bon a rien|bons a rien)`,
    `(fuck|fucking|fck|fuk|fuc|f ck|f k|fk) (you|off|u|yourself|this|that|your|ur|ya|them|it|all)`,
    `(fuck|fucker|fuckers|fuckin|fucked|motherfucking|stfu|gtfo|wtf)`,
    `shut (up|the fuck up|your mouth|it)`,
    `(screw|damn|bugger|sod|piss) (you|off|yourself|this|it)`,
    `go to hell|burn in hell|rot in hell|drop dead|get lost|go die|kys|kill yourself`,
    `(you are|your|you re) (a|an|such a|so|fucking|bloody|fuckin|really|truly|completely|totally|just|all)? (stupid|dumb|useless|pathetic|worthless|incompetent|idiot|moron|joke|disgrace|clown|bitch|loser|liar|thief|crook|scammer|parasite|leech|vulture|piece of shit|waste of space|waste of time|garbage|trash|disgusting|horrible|evil|scum|rubbish|crap|shit|scammers|crooks|thieves|liars|idiots|morons|bastards|scum)`,
    `(i will|i am going to|going to) (kill|hurt|destroy|beat|smash|shoot|stab|come for|come after|burn) (you|your|u)`,
    `(i know|we know) where (you|your) (live|are|office)`,
    `(stupid|dumb|useless|idiotic|fucking|bloody|shitty|crappy|worthless|pathetic) (bot|robot|machine|program|programme|ai|system|company|agency|app|assistant|people|computer|thing|collectors|lot)`,
    `(programme|robot|machine|bot|systeme|site|ia|boite|societe|agence) (stupide|debile|de merde|a la con|pourri|pourrie|nul|nulle|inutile|minable)`,
    `(de merde|a la con|a chier|de con)`,
  ]),
  // Swearing without a target and mild insults: rude, not necessarily aimed at us.
  ...rules("abuse", { w: 0.6, exact: true }, [
    MILD_INSULT,
    "merde|putain|bordel|chier|fait chier|shit|shitty|crap|crappy|bloody hell|damn|goddamn|bullshit|bs|pissed|piss|stupid|dumb|useless|pathetic|disgusting|incompetent|incompetents|incompetente|nul|nuls|nulle|stupide|inutile|ridicule|honteux|honteuse|scandaleux|scandaleuse|harcelement|harcelez|harceler|harassment|harassing|harass",
    `(you|vous|tu) ..2 (suck|sucks|disgust|disgrace|rubbish|horrible|rude|impoli|impolis|malpoli|malpolis)`,
  ]),
];

export const ATTACK_RULES: readonly Rule[] = [...injection, ...abuse];
