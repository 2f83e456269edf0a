// Binds the storage ports (app/ports) to a database client: the one place where use cases' stores
// meet Prisma. `transaction` hands the work the same stores bound to an interactive transaction.
import type { Stores, TxStores } from "../../app/ports/index.js";
import type { DirectSql } from "../direct-sql.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import { insideTransaction } from "../transaction-scope.js";
import { auditStore, auditTxStore } from "./audit.js";
import { casesStore } from "./cases.js";
import { chatStore } from "./chat.js";
import {
  caseSearchStore,
  escalationsStore,
  kpisStore,
  notesStore,
  promisesStore,
  takeoverStore,
} from "./console.js";
import { conversationsStore } from "./conversations.js";
import { creditorsStore } from "./creditors.js";
import { jobsStore } from "./jobs.js";
import { negotiationStore } from "./negotiation.js";
import { outreachStore, outreachTxStore } from "./outreach.js";
import { debtorPagesStore, instructionsStore, paymentsStore } from "./payments.js";
import { policyVersionReader, policyVersionsStore } from "./policies.js";
import { sessionsStore, teamStore, usersStore } from "./users.js";

export function bindStores(db: Prisma, direct: DirectSql): Stores {
  return {
    audit: auditStore(db),
    cases: casesStore(db),
    caseSearch: caseSearchStore(db),
    chat: chatStore(db, direct),
    conversations: conversationsStore(db),
    creditors: creditorsStore(db),
    debtorPages: debtorPagesStore(db),
    instructions: instructionsStore(db),
    outreach: outreachStore(db),
    payments: paymentsStore(db),
    escalations: escalationsStore(db),
    kpis: kpisStore(db),
    negotiation: negotiationStore(db),
    notes: notesStore(db),
    promises: promisesStore(db),
    takeover: takeoverStore(db),
    jobs: jobsStore(db),
    policies: policyVersionsStore(db),
    sessions: sessionsStore(db),
    team: teamStore(db),
    users: usersStore(db),
    transaction: (work, options) =>
      db.$transaction(
        (tx) => insideTransaction(() => work(bindTxStores(tx))),
        options?.timeoutMs !== undefined ? { timeout: options.timeoutMs } : undefined,
      ),
  };
}

function bindTxStores(tx: P.TransactionClient): TxStores {
  return {
    audit: auditTxStore(tx),
    instructions: instructionsStore(tx),
    outreach: outreachTxStore(tx),
    policies: policyVersionReader(tx),
  };
}
