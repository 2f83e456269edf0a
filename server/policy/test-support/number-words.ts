// Numbers spelt out in English and French, written independently of the reader under test
// (server/agent/offline/nlu/slots/number-words.ts) so the property tests check one against the other.

const EN_UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

function enBelow1000(n: number, and: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  const rest = r < 20 ? EN_UNITS[r] : `${EN_TENS[Math.floor(r / 10)]}${r % 10 ? `-${EN_UNITS[r % 10]}` : ""}`;
  if (!h) return rest as string;
  return r ? `${EN_UNITS[h]} hundred ${and ? "and " : ""}${rest}` : `${EN_UNITS[h]} hundred`;
}

/** 0 .. 999 999 in English words ("two hundred and fifty", "twelve thousand and five"). */
export function englishWords(n: number, and = true): string {
  if (n < 1000) return enBelow1000(n, and);
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  const head = `${enBelow1000(th, and)} thousand`;
  if (!r) return head;
  return r < 100 && and ? `${head} and ${enBelow1000(r, and)}` : `${head} ${enBelow1000(r, and)}`;
}

const FR_UNITS = [
  "zéro",
  "un",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "onze",
  "douze",
  "treize",
  "quatorze",
  "quinze",
  "seize",
  "dix-sept",
  "dix-huit",
  "dix-neuf",
];
const FR_TENS = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];

function frBelow100(n: number, final: boolean): string {
  if (n < 20) return FR_UNITS[n] as string;
  if (n < 70) {
    const t = FR_TENS[Math.floor(n / 10)] as string;
    const u = n % 10;
    return u === 0 ? t : u === 1 ? `${t} et un` : `${t}-${FR_UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? "soixante et onze" : `soixante-${FR_UNITS[n - 60]}`;
  if (n === 80) return final ? "quatre-vingts" : "quatre-vingt";
  return `quatre-vingt-${FR_UNITS[n - 80]}`;
}

function frBelow1000(n: number, final: boolean): string {
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (!h) return frBelow100(r, final);
  const hundreds = h === 1 ? "cent" : `${FR_UNITS[h]} cent${r === 0 && final ? "s" : ""}`;
  return r ? `${hundreds} ${frBelow100(r, final)}` : hundreds;
}

/** 0 .. 999 999 in French words ("quatre-vingt-dix", "deux mille trois cents", "soixante et onze"). */
export function frenchWords(n: number): string {
  if (n < 1000) return frBelow1000(n, true);
  const th = Math.floor(n / 1000);
  const r = n % 1000;
  const head = th === 1 ? "mille" : `${frBelow1000(th, false)} mille`;
  return r ? `${head} ${frBelow1000(r, true)}` : head;
}
