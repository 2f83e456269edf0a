// Claims that the debt is dropped, cancelled, waived, written off or forgiven, in any wording: only
// a person may settle or abandon a debt (FR-1, FR-3 and the packs' false-status rules). The packs
// list fixed phrases; this reads the sentence shapes a model produces around them: a debt noun
// with a release verb ("the balance has been written off"), a release verb on a debt noun ("decided
// to drop the whole matter"), and promises that nothing will be asked ("will not ask you for
// payment", "vous ne devez plus rien"). Waiving interest or fees (an engine offer) is not a release.

export interface ReleaseClaim {
  /** The claim as found in the folded text. */
  readonly match: string;
}

/** Lower case, no accents, apostrophes and hyphens as spaces, single spaces. */
export function foldForClaims(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´'’-]/g, " ")
    .replace(/\s+/g, " ");
}

const W = "(?:[a-z]+ ){0,3}?"; // up to three words in between
const EN_DEBT =
  "(?:debts?|balance|claim|amount (?:you )?owed?|amount due|(?:whole|entire) (?:matter|thing|amount|case|file)|matter|invoices?|arrears|everything you owe|all (?:that |of what )?you owe|what you owe|the lot|it all)";
const EN_RELEASED =
  "(?:dropped|cancell?ed|waived|written off|wiped(?: out| clean)?|forgiven|erased|abandoned|annull?ed|voided|extinguished|struck off|forgotten)";
const EN_RELEASE =
  "(?:drop(?:ping)?|cancel(?:l?ing)?|waiv(?:e|ing)|writ(?:e|ing) off|wip(?:e|ing)(?: out| clean)?|forgiv(?:e|ing)|eras(?:e|ing)|abandon(?:ing)?|annul(?:l?ing)?|forget(?:ting)? about|let(?:ting)? (?:you )?off)";
const FR_DEBT =
  "(?:dettes?|creances?|factures?|dossier|sommes? dues?|solde|montant du|totalite|affaire|ardoise|tout ce que vous devez|ce que vous devez|l ensemble)";
const FR_RELEASED =
  "(?:annulee?s?|effacee?s?|abandonnee?s?|remises?|eteintes?|oubliee?s?|passee?s? (?:en perte|par pertes et profits)|classee?s? sans suite|passee?s? a la trappe)";
const FR_RELEASE =
  "(?:annul(?:er|e|ons)|effac(?:er|e|ons)|abandonn(?:er|e|ons)|renonc(?:er|e|ons) a|oubli(?:er|e|ons)|pass(?:er|e|ons) (?:en perte|l eponge sur)|class(?:er|e|ons) sans suite|fai(?:re|s|t|sons) une croix sur|tir(?:er|e|ons) un trait sur)";
const FR_DET = "(?:(?:la|le|les|l|votre|vos|cette|ce|toute la|tout le|toute|sa|leur|notre) )?";

interface ClaimPattern {
  readonly re: RegExp;
  /** The pattern carries its own negation ("will not ask"): a "not" before it does not cancel it. */
  readonly selfNegated: boolean;
}

const claim = (re: RegExp, selfNegated = false): ClaimPattern => ({
  re: new RegExp(re.source, "g"),
  selfNegated,
});

const PATTERNS: readonly ClaimPattern[] = [
  // "the debt is cancelled", "your whole balance has been written off", "la dette est annulée".
  claim(
    new RegExp(
      `\\b${EN_DEBT} ${W}(?:is|are|was|were|has been|have been|will be|gets?|got|s|be|being|now) ${W}${EN_RELEASED}\\b`,
    ),
  ),
  claim(
    new RegExp(
      `\\b${FR_DEBT} ${W}(?:est|sont|a ete|ont ete|sera|seront|va etre|vont etre|etre|se trouve) ${W}${FR_RELEASED}\\b`,
    ),
  ),
  // "decided to drop the whole matter", "we will write off your debt", "nous annulons votre dette".
  claim(
    new RegExp(
      `\\b${EN_RELEASE} (?:(?:the|your|this|that|all|of|whole|entire|remaining|outstanding) ){0,3}${EN_DEBT}\\b`,
    ),
  ),
  claim(
    new RegExp(
      `\\b${FR_RELEASE} ${FR_DET}(?:(?:totalite|integralite|ensemble|reste) (?:de |du |des |d )?${FR_DET})?${FR_DEBT}\\b`,
    ),
  ),
  // "will not ask you for payment", "won't chase you for anything".
  claim(
    /\b(?:will not|won t|will no longer|will never|is not going to|are not going to|no longer|never) (?:be )?(?:ask|chase|pursue|claim|collect|demand|request|require|seek|contact you for|expect|asking|chasing|pursuing)(?:ing)? (?:you |from you )?(?:for )?(?:any |a |the |your )?(?:payment|money|anything|a penny|a cent|repayment|the (?:money|debt|balance|amount))/,
    true,
  ),
  // "you don't have to pay anything", "you owe nothing", "nothing left to pay", "you are off the hook".
  claim(
    /\b(?:you )?(?:don t|do not|won t|will not|no longer|never) (?:have|need) to (?:pay|repay)(?: (?:anything|a (?:penny|cent|thing)|it|this|them|us))?(?: (?:at all|anymore|any more|back))?(?= *(?:[.!?,;]|$))/,
    true,
  ),
  claim(/\b(?:you )?(?:owe|owe us|owe them) (?:nothing|no more|nothing more)\b/, true),
  claim(
    /\b(?:you )?(?:no longer|don t|do not|won t) owe(?: us| them)? (?:anything|a thing|a penny|a cent)\b/,
    true,
  ),
  claim(/\bnothing (?:left|more|further|else) (?:to (?:pay|repay)|is owed|is due|owed|due)\b/, true),
  claim(
    /\b(?:you are|you re) (?:now )?(?:off the hook|released from (?:the |your |this )?(?:debt|obligation)|free of (?:the |your |this )?(?:debt|obligation))/,
    true,
  ),
  claim(
    /\bconsider (?:the |your |this )?(?:debt|matter|balance|it) (?:closed|settled|paid|cancell?ed|forgiven|gone)\b/,
    true,
  ),
  // "vous ne devez plus rien", "vous n'avez plus rien à payer", "on ne vous réclamera plus rien".
  claim(/\b(?:vous )?ne (?:nous |leur |lui )?devez (?:plus |absolument )?(?:rien|un centime|un sou)\b/, true),
  claim(
    /\b(?:vous )?n (?:avez|aurez) (?:plus |rien |plus rien )+(?:a )?(?:payer|regler|rembourser|verser)\b/,
    true,
  ),
  claim(/\bplus rien a (?:payer|regler|rembourser|devoir|verser)\b/, true),
  claim(
    /\bne (?:vous )?(?:reclamera|reclameront|demandera|demanderont|poursuivra|poursuivront|relancera|relanceront|reclamerons|demanderons) (?:plus|jamais|aucun|rien)\b/,
    true,
  ),
  claim(
    /\b(?:aucun|plus aucun) (?:paiement|reglement|versement|centime|euro) ne (?:vous )?sera (?:plus )?(?:demande|reclame|exige|du)\b/,
    true,
  ),
  claim(/\bne vous sera (?:plus|jamais) (?:demande|reclame|exige)\b/, true),
  claim(
    /\b(?:vous etes|etes vous) (?:desormais |maintenant )?(?:libere|liberee|quitte|quittes|degage) (?:de|d)\b/,
    true,
  ),
  claim(
    /\bconsiderez (?:la dette|le dossier|l affaire|cela|ca) comme (?:reglee?|close|soldee?|annulee?|terminee?)\b/,
    true,
  ),
];

/** Words that, right before a release verb, say it is not happening ("we cannot cancel the debt"). */
const NEGATED_BEFORE =
  /\b(?:not|cannot|can t|can not|unable to|won t be able to|isn t|aren t|wasn t|hasn t|haven t|never|no one can|pas|jamais|ne peux|ne pouvons|ne peut|impossible d|impossible de|ni)\b(?:\s+\S+){0,3}\s*$/;

export function findReleaseClaims(text: string): ReleaseClaim[] {
  const folded = foldForClaims(text);
  const out: ReleaseClaim[] = [];
  for (const { re, selfNegated } of PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const before = folded.slice(Math.max(0, (m.index ?? 0) - 60), m.index ?? 0);
      if (!selfNegated && NEGATED_BEFORE.test(before)) continue;
      // A question back to the debtor ("is the debt cancelled?") is not a claim either.
      const after = folded.slice((m.index ?? 0) + m[0].length).match(/^[^.!?]*([.!?]|$)/)?.[1];
      if (!selfNegated && after === "?" && /\b(?:is|are|has|have|est|sont)\b/.test(m[0])) continue;
      out.push({ match: m[0].trim() });
    }
  }
  return out;
}
