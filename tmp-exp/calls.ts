import { randomUUID } from "node:crypto";
import { openTestDatabase } from "../server/test-support/databases.js";
const db = await openTestDatabase("pglite");
const version = await db.stores.policies.registerPackContent({ packId: "p", hash: "b".repeat(64), content: "id: p" });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const acc: Record<string, number> = {};
const time = async <T>(k: string, f: () => Promise<T>) => { const t = cpu(); const r = await f(); acc[k] = (acc[k] ?? 0) + cpu() - t; return r; };
const N = 150;
for (let i = 0; i < N; i++) {
  const caseId = await db.stores.cases.insert({
    reference: `X-${i}`, creditor: { name: "C" }, creditorSettings: {}, paymentReference: `RF18X${i}`,
    debtor: { name: "D", kind: "consumer", locale: "fr", timeZone: "Europe/Paris" }, jurisdiction: "FR", currency: "EUR",
    invoices: [{ number: `F-${i}`, issuedAt: "2026-01-05", dueAt: "2026-02-05", amount: 80000 }],
    policyPackId: "p", policyVersionId: version.id, tokenHash: `h${i}`, tokenExpiresAt: new Date("2027-01-01"),
  });
  const conn = await time("open_connection", () => db.stores.chat.openConnection(`h${i}`, new Date(), true));
  const convId = conn!.conversation.id;
  await time("history", () => db.stores.chat.history(caseId, convId));
  let ctx = await time("context", () => db.stores.chat.turnContext(caseId, convId));
  const greet = await time("commit greeting", () => db.stores.chat.commitPlainTurn({
    claim: { conversationId: convId, caseId, claim: { kind: "greeting" }, version: ctx!.conversation.version, caseFingerprint: ctx!.caseFingerprint, write: { state: { phase: "verifying" }, verifyAttempts: 0, verifiedAt: null, lockedAt: null } },
    free: { conversationId: convId, caseId, messages: [{ id: randomUUID(), role: "assistant", text: "Bonjour, quel est votre code postal ?" }], events: [], offers: [], declined: [], supersedeOpen: false, caseStatus: null, cancelPromiseId: null, now: new Date() },
    owned: { conversationId: convId, caseId, messages: [], events: [], offers: [], declined: [], supersedeOpen: false, caseStatus: null, cancelPromiseId: null, now: new Date() },
  }));
  const stored = await time("store", () => db.stores.chat.storeDebtorMessage(convId, `c${i}`, "75011"));
  const rid = randomUUID();
  await time("commit turn", () => db.stores.chat.commitPlainTurn({
    claim: { conversationId: convId, caseId, claim: { kind: "answer", seq: stored.message.seq }, version: (greet.claim as any).version, caseFingerprint: ctx!.caseFingerprint, write: { state: { phase: "reason" }, verifyAttempts: 0, verifiedAt: new Date(), lockedAt: null } },
    free: { conversationId: convId, caseId, messages: [{ id: rid, role: "assistant", text: "Merci, c'est bien vous. Le dossier concerne la facture..." }], events: [{ kind: "policy.decision", data: { a: 1 }, messageId: rid }], offers: [], declined: [], supersedeOpen: false, caseStatus: "negotiating", cancelPromiseId: null, now: new Date() },
    owned: { conversationId: convId, caseId, messages: [], events: [], offers: [], declined: [], supersedeOpen: false, caseStatus: "negotiating", cancelPromiseId: null, now: new Date() },
  }));
}
await time("ping", async () => { for (let i = 0; i < N; i++) await db.ping(); });
for (const [k, v] of Object.entries(acc)) console.log(k.padEnd(18), (v / N).toFixed(3), "ms/call");
await db.close();
