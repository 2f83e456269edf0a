// Word tables (number words, months, weekdays, ordinals) as objects with no prototype: a lookup of
// a word a debtor typed must find only the table's own words, never "constructor" or "toString"
// inherited from Object.prototype (that made understanding throw on "constructor euros").
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
