// Month names as a debtor or a text writes them, accents folded (index 0 = January): read by the
// output guard's date reader (policy/extract.ts) and by the verification answer's forms.
export const FR_MONTHS: readonly string[] = [
  "janvier",
  "fevrier",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];

export const EN_MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

export const EN_SHORT_MONTHS: readonly string[] = EN_MONTHS.map((m) => m.slice(0, 3));
