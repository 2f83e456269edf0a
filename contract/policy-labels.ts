// The policy pack's fields named in words, in English and French ("maximum instalments"): the domain
// owns the names (server/policy/diff.ts, also used by the studio's changes in words and the eval's
// comparison); the contract re-exports them so that the console reads them from one place.
export { labelOf } from "../server/policy/diff.js";
