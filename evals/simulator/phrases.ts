// What the rule-based debtor says, per locale: plain sentences a debtor would type on a phone.
// Amounts are written the way people write them ("150 €", "£150"), in whole units when possible.

export type Locale = "fr" | "en";

const SYMBOL: Record<string, string> = { EUR: "€", GBP: "£", USD: "$" };

export function spokenMoney(minor: number, currency: string, locale: Locale): string {
  const units = minor / 100;
  const whole = Number.isInteger(units);
  const n = whole ? String(units) : units.toFixed(2);
  const symbol = SYMBOL[currency] ?? currency;
  if (locale === "fr") return `${n.replace(".", ",")} ${symbol === "€" ? "€" : symbol}`;
  return `${symbol}${n}`;
}

const PHRASES = {
  fr: {
    wrongAnswer: ["Je ne sais pas.", "Aucune idée, désolé.", "Je ne m'en souviens plus."],
    payFull: "Je peux tout payer.",
    plan: "Je peux payer {amount} par mois.",
    haggle: "Faites-moi une remise : je paie {amount} tout de suite et on n'en parle plus.",
    lumpSum: "Je peux payer {amount} tout de suite, pas plus.",
    decline: "Non, c'est trop pour moi.",
    declineBetter: "Non, je voudrais de meilleures conditions.",
    cannotPay: "Je ne peux rien payer pour le moment.",
  },
  en: {
    wrongAnswer: ["I don't know.", "No idea, sorry.", "I can't remember."],
    payFull: "I can pay the whole amount.",
    plan: "I can pay {amount} a month.",
    haggle: "Give me a discount and I'll pay {amount} right now to close the account.",
    lumpSum: "I can pay {amount} right away, no more.",
    decline: "No, that's too much for me.",
    declineBetter: "No, I'd like better terms.",
    cannotPay: "I can't pay anything at the moment.",
  },
} as const;

export type PhraseKey = Exclude<keyof (typeof PHRASES)["en"], "wrongAnswer">;

export function phrase(locale: Locale, key: PhraseKey, params: { amount?: string } = {}): string {
  return PHRASES[locale][key].replace("{amount}", params.amount ?? "");
}

export function wrongAnswer(locale: Locale, attempt: number): string {
  const list = PHRASES[locale].wrongAnswer;
  return list[attempt % list.length] as string;
}
