// `npm run bench:turn-sql [-- pglite|postgres]`: the service's own CPU time per call of the chat
// turn's storage statements (store a debtor message, read a turn's context) against `SELECT 1`
// through the same client, on a fresh database (PostgreSQL needs TEST_DATABASE_URL). On PGlite the
// database runs in the service's process, so its parsing and planning are counted here
// (decision 0110). Medians of 5 rounds of 200 calls; compare the ratios, not the absolutes.
import { openTestDatabase, type TestTarget } from "../server/test-support/databases.js";
import { insertStoreCase } from "../server/test-support/store-case.js";

const target = (process.argv[2] ?? "pglite") as TestTarget;
const db = await openTestDatabase(target);
const { caseId } = await insertStoreCase(db.stores, "BENCH-SQL-1", {
  creditor: "Bench Creditor",
  debtor: "Bench Debtor",
  amount: 80_000,
  linkExpiresAt: new Date("2099-01-01T00:00:00Z"),
});
const conversation = await db.stores.conversations.getOrCreate(caseId);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Median over 5 rounds of the CPU milliseconds per call of `call`. */
async function perCall(call: (i: number) => Promise<unknown>): Promise<number> {
  const rounds: number[] = [];
  let n = 0;
  for (let round = 0; round < 5; round++) {
    const start = cpuMs();
    for (let i = 0; i < 200; i++) await call(n++);
    rounds.push((cpuMs() - start) / 200);
  }
  return rounds.sort((a, b) => a - b)[2] as number;
}

// Through the ports, as the service calls them; ping is a `SELECT 1` through the same client.
const select1 = await perCall(() => db.ping());
const store = await perCall((i) =>
  db.stores.chat.storeDebtorMessage(conversation.id, `bench-${i}`, "Je peux payer 300 euros par mois."),
);
const context = await perCall(() => db.stores.chat.turnContext(caseId, conversation.id));
console.log(`${target}: CPU ms per call (median of 5 × 200), and the ratio to SELECT 1`);
for (const [name, ms] of [
  ["SELECT 1", select1],
  ["store a debtor message", store],
  ["read a turn's context", context],
] as const)
  console.log(`  ${name.padEnd(24)} ${ms.toFixed(3)} ms  ${(ms / select1).toFixed(1)}×`);
await db.close();
process.exit(0);
