// Which language a message is written in: frequent function words of each language, plus
// accented letters for French. A tie keeps the case's locale.

import type { Token } from "./text/lexer.js";
import type { Locale } from "./types.js";

const FR = new Set(
  "je j tu il elle nous vous ils elles le la les l un une des du de d et est sont suis pas ne n pour que qui quoi mon ma mes ton votre vos notre nos ce cette c ces avec sur dans au aux oui non merci bonjour bonsoir salut facture paiement payer peux veux vais ai avez etes mais ou donc car tres bien moi toi rien tout aussi encore deja jamais svp parce quand comment pourquoi ca cela dette montant mois fois demain aujourdhui semaine prochain prochaine lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier avril juin juillet aout septembre octobre novembre decembre fin euros".split(
    " ",
  ),
);
const EN = new Set(
  "i you he she we they it the an and is are am was were not no my your our this that these those to of for with in at by from be have has had do does did can could will would should yes please thanks thank hello hi hey pay paid payment bill invoice debt owe what why how when who which but or so if just really month week today tomorrow next monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december end two three four five hundred dollars pounds".split(
    " ",
  ),
);

export function detectLocale(rawText: string, tokens: readonly Token[], fallback: Locale): Locale {
  let fr = 0;
  let en = 0;
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    if (FR.has(t.text)) fr++;
    if (EN.has(t.text)) en++;
  }
  // Accented letters are strong French evidence (typed before normalisation).
  const accents = rawText.slice(0, 4000).match(/[éèêàùçôîâëïû]/giu)?.length ?? 0;
  fr += Math.min(accents, 3) * 2;
  if (fr === en) return fallback;
  return fr > en ? "fr" : "en";
}
