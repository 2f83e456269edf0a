// The French of the policy studio's messages (a French collections team edits its packs in a French
// console): the schema's and the guard rails' English sentences, matched by their form, with the
// values they carry kept as they are. A sentence not listed here has no French (the console then
// shows the English one): pack-errors-fr.test.ts checks the schema's common errors are covered.

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const g = (m: RegExpExecArray, i: number) => m[i] ?? "";

const TYPES: Record<string, string> = {
  "an integer": "un nombre entier",
  "a number": "un nombre",
  "a text": "un texte",
  "true or false": "vrai ou faux",
  "a mapping": "une table de clés",
  "a list": "une liste",
  nothing: "rien",
  "an empty value": "une valeur vide",
};
const type = (english: string) => TYPES[english] ?? english;

const RULES: readonly Rule[] = [
  // zod's own checks, as pack-errors.ts words them
  [/^required field is missing$/, () => "champ obligatoire manquant"],
  [
    /^required field is missing \(must be (one of )?(.+)\)$/,
    (m) => `champ obligatoire manquant (valeurs possibles : ${g(m, 2)})`,
  ],
  [/^expected (.+), got (.+)$/, (m) => `${type(g(m, 1))} attendu, reçu ${type(g(m, 2))}`],
  [
    /^must be one of (.+), got (.+)$/,
    (m) => `doit valoir l'une de ces valeurs : ${g(m, 1)} (reçu ${type(g(m, 2))})`,
  ],
  [/^must be (".+"), got (.+)$/, (m) => `doit valoir ${g(m, 1)} (reçu ${type(g(m, 2))})`],
  [/^must have at least (\d+) item\(s\)$/, (m) => `au moins ${g(m, 1)} élément(s)`],
  [/^must have at most (\d+) item\(s\)$/, (m) => `au plus ${g(m, 1)} élément(s)`],
  [/^must be at least (-?[\d.]+)$/, (m) => `doit être au moins ${g(m, 1)}`],
  [/^must be at most (-?[\d.]+)$/, (m) => `doit être au plus ${g(m, 1)}`],
  [/^unknown key "(.+)"$/, (m) => `clé inconnue « ${g(m, 1)} »`],
  [/^must stay "(.+)"$/, (m) => `doit rester « ${g(m, 1)} »`],
  // the schema's own sentences
  [/^must not be negative$/, () => "ne doit pas être négatif"],
  [/^must not be empty$/, () => "ne doit pas être vide"],
  [/^must be at most 10000 basis points \(100 %\)$/, () => "doit être au plus 10000 points de base (100 %)"],
  [
    /^must be at most (\d+) \(the payment window in limits\)$/,
    (m) => `doit être au plus ${g(m, 1)} (le délai de paiement fixé dans les limites)`,
  ],
  [/^must be at most (\d+) \((limits\.[\w.]+)\)$/, (m) => `doit être au plus ${g(m, 1)} (${g(m, 2)})`],
  [
    /^hardship must not allow fewer instalments than the standard limit$/,
    () => "en cas de difficultés, pas moins d'échéances que la limite normale",
  ],
  [
    /^hardship must not allow a shorter plan than the standard limit$/,
    () => "en cas de difficultés, pas d'échéancier plus court que la limite normale",
  ],
  [
    /^hardship must not require a larger instalment than the standard limit$/,
    () => "en cas de difficultés, pas d'échéance minimale plus élevée que la limite normale",
  ],
  [/^"to" must be greater than "from"$/, () => "« to » doit être supérieur à « from »"],
  [
    /^tiers must be sorted by daysPastDue\.from then balance\.from \(tier (\d+) comes before tier (\d+)\)$/,
    (m) =>
      `les paliers doivent être triés par daysPastDue.from puis balance.from (le palier ${g(m, 1)} vient avant le palier ${g(m, 2)})`,
  ],
  [/^tier (\d+) overlaps tier (\d+)$/, (m) => `le palier ${g(m, 1)} chevauche le palier ${g(m, 2)}`],
  [
    /^steps must be in increasing day order \(day (-?\d+) is not after (-?\d+)\)$/,
    (m) => `les étapes doivent suivre l'ordre des jours (le jour ${g(m, 1)} ne vient pas après ${g(m, 2)})`,
  ],
  [
    /^duplicate (.+) "(.+)" \(first at index (\d+)\)$/,
    (m) => `${g(m, 1)} « ${g(m, 2)} » en double (déjà à la position ${g(m, 3)})`,
  ],
  [/^duplicate (.+) "(.+)"$/, (m) => `${g(m, 1)} « ${g(m, 2)} » en double`],
  [/^expected a time HH:MM, got (.+)$/, (m) => `heure HH:MM attendue, reçu ${g(m, 1)}`],
  [/^expected a date YYYY-MM-DD, got (.+)$/, (m) => `date AAAA-MM-JJ attendue, reçu ${g(m, 1)}`],
  [
    /^(step |pack |fee )?id must be lower-case words joined by hyphens$/,
    () => "identifiant en minuscules, mots reliés par des tirets",
  ],
  [/^cite at least one rule id from COMPLIANCE\.md$/, () => "citez au moins une règle de COMPLIANCE.md"],
  [
    /^unknown rule id (.+): not in COMPLIANCE\.md$/,
    (m) => `règle inconnue ${g(m, 1)} : absente de COMPLIANCE.md`,
  ],
  [
    /^malformed rule id (.+): expected an id like (.+)$/,
    (m) => `identifiant de règle mal formé ${g(m, 1)} : attendu par exemple ${g(m, 2)}`,
  ],
  [/^allow at least one cadence$/, () => "autorisez au moins une périodicité"],
  [/^list at least one reminder step$/, () => "indiquez au moins une étape de relance"],
  [/^the ladder needs at least one step$/, () => "l'échelle de concessions doit avoir au moins une étape"],
  [
    /^the first step must be "full": ask for full payment first$/,
    () => "la première étape doit être « full » : demandez d'abord le paiement intégral",
  ],
  [
    /^cadence "(.+)" is not in limits\.cadences$/,
    (m) => `la périodicité « ${g(m, 1)} » n'est pas dans limits.cadences`,
  ],
  [/^no disclosure with id "(.+)"$/, (m) => `aucune mention avec l'identifiant « ${g(m, 1)} »`],
  [/^missing escalation kinds: (.+)$/, (m) => `types d'escalade manquants : ${g(m, 1)}`],
  [
    /^an FR pack must handle the surendettement escalation \(FR-6\)$/,
    () => "une politique FR doit traiter l'escalade surendettement (FR-6)",
  ],
  [
    /^a UK pack must handle the breathing_space escalation \(UK-13\)$/,
    () => "une politique UK doit traiter l'escalade breathing_space (UK-13)",
  ],
  // the guard rails (legal-guard.ts)
  [
    /^uses forbidden wording "(.+)" \((.+)\)$/,
    (m) => `emploie une formulation interdite « ${g(m, 1)} » (${g(m, 2)})`,
  ],
  [
    /^the forbidden wording "(.+)" required by (.+) cannot be removed$/,
    (m) => `la formulation interdite « ${g(m, 1)} » exigée par ${g(m, 2)} ne peut pas être retirée`,
  ],
  [
    /^mandatory disclosure missing: no disclosure cites (.+) \(the published "(.+)" did\)$/,
    (m) =>
      `mention obligatoire manquante : aucune mention ne cite ${g(m, 1)} (la version publiée « ${g(m, 2)} » le faisait)`,
  ],
  [
    /^the €40 recovery indemnity never applies to consumers \(FR-P2\)$/,
    () => "l'indemnité forfaitaire de recouvrement de 40 € ne s'applique jamais aux particuliers (FR-P2)",
  ],
  [
    /^B2B late-payment penalties never apply to consumers \(FR-P2\)$/,
    () => "les pénalités de retard entre professionnels ne s'appliquent jamais aux particuliers (FR-P2)",
  ],
  [
    /^the recovery indemnity is capped at 40\.00 EUR per invoice \(FR-B1\), not (.+)$/,
    (m) =>
      `l'indemnité de recouvrement est plafonnée à 40,00 EUR par facture (FR-B1), pas ${g(m, 1).replace(".", ",")}`,
  ],
  [
    /^no other collection fee may be charged in France \(FR-B2, FR-P1\)$/,
    () => "aucun autre frais de recouvrement ne peut être facturé en France (FR-B2, FR-P1)",
  ],
  // the simulation (simulation.ts)
  [
    /^the evaluation suite found (\d+) policy violation\(s\) under the draft \(CI would fail\)$/,
    (m) =>
      `la suite d'évaluation a trouvé ${g(m, 1)} violation(s) de la politique avec le brouillon (la CI échouerait)`,
  ],
];

/** The French of one of the studio's English sentences, or undefined when it has none. */
export function studioFrench(english: string): string | undefined {
  for (const [pattern, french] of RULES) {
    const m = pattern.exec(english);
    if (m) return french(m);
  }
  return undefined;
}
