// JSON inside an HTML page, as a data block (`<script type="application/json">`): not executed, so
// the CSP's script-src does not apply, and read by the page with JSON.parse. Every "<", ">" and "&"
// is written as a \u escape, so that no string in it (a debtor typing "</script>" or "<!--") can
// close the element or open markup; JSON.parse gives the same characters back.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function inlineJson(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(
    UNSAFE,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
  return `<script type="application/json" id="${id.replace(/[^\w-]/g, "")}">${json}</script>`;
}
