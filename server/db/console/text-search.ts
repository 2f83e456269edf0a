// Free-text case search that folds accents and case the same way on PostgreSQL and on PGlite (where
// the unaccent extension is not available): translate() over lower() in SQL, NFD folding of the
// query in JS. It finds a case by reference, debtor name or e-mail, creditor name, invoice number,
// and phone (digits only, so "06 12 34 56 78" finds "+33 6 12 34 56 78"). LIKE wildcards typed by
// the user are escaped: "50%" means the characters 5, 0 and %.
import type { Prisma } from "../open.js";

// Accented letters and their base letter, position by position (lower case: lower() runs first).
const FROM = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıñńňòóôõöøōőùúûüūůűųýÿžźżšśşřŕľĺłţťğ";
const TO = "aaaaaaaaacccdeeeeeeeeiiiiiiinnnoooooooouuuuuuuuyyzzzsssrrlllttg";

/** The query as the SQL side folds its text: no accents, lower case, ligatures spelt out. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/ı/g, "i");
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const fold = (expr: string) =>
  `replace(replace(translate(lower(${expr}), '${FROM}', '${TO}'), 'œ', 'oe'), 'æ', 'ae')`;

/** Ids of the cases the text matches (an empty list when nothing does). */
export async function caseIdsMatching(prisma: Prisma, query: string): Promise<string[]> {
  const folded = foldText(query.trim());
  if (!folded) return [];
  const pattern = `%${escapeLike(folded)}%`;
  const digits = query.replace(/\D/g, "");
  // A national number typed with its leading 0 matches the international form too.
  const phone = digits.length >= 4 ? `%${digits.replace(/^0/, "")}%` : null;
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT c.id FROM "Case" c
       JOIN "Debtor" d ON d.id = c."debtorId"
       JOIN "Creditor" cr ON cr.id = c."creditorId"
      WHERE ${fold(`c.reference || ' ' || d.name || ' ' || coalesce(d.email, '') || ' ' || cr.name`)} LIKE $1 ESCAPE '\\'
         OR ($2::text IS NOT NULL AND regexp_replace(coalesce(d.phone, ''), '[^0-9]', '', 'g') LIKE $2)
         OR EXISTS (SELECT 1 FROM "Invoice" i WHERE i."caseId" = c.id AND ${fold("i.number")} LIKE $1 ESCAPE '\\')`,
    pattern,
    phone,
  );
  return rows.map((r) => r.id);
}
