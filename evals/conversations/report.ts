// npm run eval:conversations — the debtor-language corpus, with every failed turn: what was said,
// what a good collector does, what the assistant did.
import { loadCorpus, runConversation } from "./run.js";

const corpus = loadCorpus();
const results = [];
for (const c of corpus) results.push(await runConversation(c));
const passed = results.filter((r) => r.passed).length;
const turns = results.flatMap((r) => r.turns);
for (const r of results.filter((x) => !x.passed)) {
  console.log(`FAIL ${r.id}`);
  for (const t of r.turns.filter((x) => !x.ok))
    console.log(
      `   ${JSON.stringify(t.say)}: expected ${t.expected}, got ${t.got} :: ${t.reply.slice(0, 110)}`,
    );
}
console.log(
  `\n${passed}/${results.length} conversations passed (${((100 * passed) / results.length).toFixed(1)} %), ` +
    `${turns.filter((t) => t.ok).length}/${turns.length} turns`,
);
