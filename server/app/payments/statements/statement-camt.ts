// Bank statement lines from an ISO 20022 CAMT.053 file (BkToCstmrStmt), read with fast-xml-parser:
// every credit entry (CdtDbtInd CRDT) with its amount and currency, booking date, the bank's entry
// reference, the debtor's name and the remittance information (structured creditor reference
// first, then the unstructured lines). Values are kept as strings: amounts are never floats.
import { XMLParser } from "fast-xml-parser";
import { isIsoCurrency } from "../../../domain/money.js";
import { parseMajorAmount } from "../../console/csv-columns.js";
import { type EntryError, MAX_STATEMENT_LINES, type ReadEntries, type StatementEntry } from "./entries.js";

type Node = Record<string, unknown>;

const ARRAYS = new Set(["Stmt", "Ntry", "TxDtls", "Ustrd", "Strd"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

const obj = (v: unknown): Node => (v && typeof v === "object" ? (v as Node) : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v ? [obj(v)] : []);
const str = (v: unknown): string => {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "#text" in (v as Node)) return String((v as Node)["#text"]);
  return "";
};

export function looksLikeCamt053(source: string): boolean {
  return /<\s*(\w+:)?Document[\s>]/.test(source) && /BkToCstmrStmt/.test(source);
}

export function readStatementCamt053(source: string): ReadEntries {
  let doc: Node;
  try {
    doc = obj(parser.parse(source));
  } catch (error) {
    return {
      entries: [],
      errors: [{ lineNo: 0, message: `not readable XML: ${(error as Error).message}` }],
      skipped: 0,
    };
  }
  const statements = list(obj(obj(doc.Document).BkToCstmrStmt).Stmt);
  if (!statements.length)
    return {
      entries: [],
      errors: [{ lineNo: 0, message: "no CAMT.053 statement (BkToCstmrStmt/Stmt) found" }],
      skipped: 0,
    };
  const entries: StatementEntry[] = [];
  const errors: EntryError[] = [];
  let skipped = 0;
  let lineNo = 0;
  for (const stmt of statements) {
    for (const ntry of list(stmt.Ntry)) {
      lineNo++;
      if (lineNo > MAX_STATEMENT_LINES) {
        errors.push({ lineNo, message: `at most ${MAX_STATEMENT_LINES} entries per file` });
        return { entries, errors, skipped };
      }
      if (str(ntry.CdtDbtInd) !== "CRDT") {
        skipped++;
        continue;
      }
      const amt = ntry.Amt;
      const currency = (obj(amt)["@Ccy"] as string | undefined)?.toUpperCase() ?? "";
      const booked = obj(ntry.BookgDt);
      const bookedAt = (str(booked.Dt) || str(booked.DtTm)).slice(0, 10);
      const problems: string[] = [];
      if (!isIsoCurrency(currency)) problems.push("Amt/@Ccy: must be an ISO-4217 code");
      const amount = isIsoCurrency(currency) ? parseMajorAmount(str(amt), currency) : null;
      if (amount === null && isIsoCurrency(currency)) problems.push("Amt: must be a decimal amount");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(bookedAt)) problems.push("BookgDt: missing date");
      if (problems.length) {
        errors.push({ lineNo, message: problems.join("; ") });
        continue;
      }
      const texts: string[] = [];
      let counterparty: string | null = null;
      for (const tx of list(obj(ntry.NtryDtls).TxDtls)) {
        const rmt = obj(tx.RmtInf);
        for (const strd of list(rmt.Strd)) texts.push(str(obj(obj(strd).CdtrRefInf).Ref));
        for (const u of Array.isArray(rmt.Ustrd) ? rmt.Ustrd : []) texts.push(str(u));
        const dbtr = obj(obj(tx.RltdPties).Dbtr);
        counterparty ??= str(dbtr.Nm) || str(obj(dbtr.Pty).Nm) || null;
      }
      texts.push(str(ntry.AddtlNtryInf));
      entries.push({
        lineNo,
        bookedAt,
        amount: amount as number,
        currency,
        text: texts.filter(Boolean).join(" ").slice(0, 500),
        counterparty: counterparty?.slice(0, 200) ?? null,
        bankRef: (str(ntry.AcctSvcrRef) || str(ntry.NtryRef)).slice(0, 100) || null,
      });
    }
  }
  return { entries, errors, skipped };
}
