// French elides "de" and "que" before a vowel: "le compte d'Atelier Lumière", not "de Atelier".
// Templates write "de {creditorName}"; whether it becomes "d'" depends on the name filled in, so the
// templates' fill functions (outreach, disclosures, the offline engine's catalogue) ask this first.
// Only names starting with a written vowel are elided: before an "h" French elides or not by word
// ("d'Hélène", "de Hachette"), which a rule cannot tell, so "de" stays.

const ELIDABLE = /(^|[^\p{L}])([Dd]e|[Qq]ue) \{(\w+)\}/gu;
const STARTS_WITH_VOWEL = /^[AEIOUÀÂÄÉÈÊËÎÏÔÖÛÜÙaeiouàâäéèêëîïôöûüù]/;

/**
 * `template` with "de {x}" and "que {x}" written "d'{x}" and "qu'{x}" where the value of x starts
 * with a vowel; placeholders themselves are left for the caller's fill. Other languages' templates
 * are returned as they are.
 */
export function elideBeforePlaceholders(
  template: string,
  locale: "fr" | "en",
  lookup: (name: string) => string | number | undefined,
): string {
  if (locale !== "fr" || !template.includes("e {")) return template;
  return template.replace(ELIDABLE, (whole, before: string, word: string, name: string) => {
    const value = lookup(name);
    if (value === undefined || !STARTS_WITH_VOWEL.test(String(value))) return whole;
    return `${before}${word.slice(0, -1)}'{${name}}`;
  });
}
