// A debtor telling us we misunderstood them, after an escalation was opened: "non je conteste pas",
// "no I'm not disputing it", "c pas ce que j'ai dit". Only an explicit denial counts: a bare "non"
// or "ok" leaves the escalation as it is (wrongly withdrawing a real dispute costs more than
// keeping a misread one, which a person then closes).

/** What the debtor denied: the kind they name, or "any" when they say we misread them. */
export type Denial = "dispute" | "already_paid" | "any";

function plain(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, " ")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// "You misread me", in either language, SMS spelling included (c = c'est, pa = pas, g = j'ai).
const MISREAD = [
  /\b(c|c est|ce n est|c etait|ce n etait|ct) (pas|pa|pas du tout) (ce que|ske|ce ke) (j ai|g|je voulais|je veux) (dit|dire|ecrit)\b/,
  /\b(j ai|g|je n ai) (jamais|pas|pa|rien) dit (ca|cela|ce|de tel)\b/,
  /\b(vous|tu) (m avez|avez|as|m as) mal (compris|lu)\b/,
  /\bmal compris\b/,
  /\bje me suis mal (exprime|explique)\w*\b/,
  /\b(c|c est|ce n est) (pas|pa) (ca|ce que je veux dire)\b/,
  /\bnot what i (said|meant|mean|wrote|asked)\b/,
  /\bi (did not|didn t|never|didnt) (say|said|mean|meant|write) (that|this|it|so)\b/,
  /\b(you|u) (misunderstood|misread|got (it|me|that) wrong)\b/,
  /\bmisunderst\w*\b/,
  /\b(that s|that is|thats) not (it|what i (said|meant))\b/,
];

// A negation close before the kind's verb: "je ne conteste pas", "je conteste pas", "not disputing".
const NOT_DISPUTING = [
  /\b(je|j|on|nous) (ne |n )?(la |le |les |l |vous )?contest\w* (pas|pa|rien|plus|aucun\w*)\b/,
  /\bj(ne )?contest\w* (pas|pa|rien)\b/,
  /\b(pas|aucune?) (de )?contestation\b/,
  /\bje (ne )?(veux|voulais|souhaite) (pas|pa) (la |le )?contester\b/,
  /\b(not|never|no|don t|do not|didn t|did not|dont|am not|m not|i m not|im not|wasn t|was not) (\w+ ){0,2}(disput\w*|contest\w*|challeng\w*)\b/,
  /\bno dispute\b/,
];

const NOT_PAID = [
  /\b(je|j|on|nous) (n )?(ai|a|avons|g) (pas|pa|rien|jamais) (encore |deja |du tout )?(paye|regle|rembourse|verse)\b/,
  /\b(pas|pa|rien) (encore |deja )?(paye|regle)\b/,
  /\b(haven t|have not|havent|hasn t|has not|didn t|did not|didnt|not) (\w+ ){0,1}(paid|pay|settled)\b/,
];

/** The denial in the message, or null when it does not deny anything we understood. */
export function deniedEscalation(text: string): Denial | null {
  const t = plain(text);
  if (NOT_DISPUTING.some((r) => r.test(t))) return "dispute";
  if (NOT_PAID.some((r) => r.test(t))) return "already_paid";
  if (MISREAD.some((r) => r.test(t))) return "any";
  return null;
}
