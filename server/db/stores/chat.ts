// The debtor chat's store (app/ports/chat.ts) on the database client: the turn path's queries
// (db/turns.ts, the negotiation records, the escalation correction) bound as they are, so neither
// the SQL nor the number of statements changes. The statements outside any transaction go to the
// driver directly (decision 0112); a turn's transaction is handed over as a TurnTxStore bound to
// Prisma's interactive transaction.
import type { ChatStore, TurnTxStore } from "../../app/ports/chat.js";
import { openDebtorConnection, readDebtorHistory } from "../debtor-connection.js";
import type { DirectSql } from "../direct-sql.js";
import { unresolvedEscalations, withdrawEscalationIn } from "../escalation-correction.js";
import { acceptOfferIn, activePromise, findOffer, openEscalationIn, setOfferStatus } from "../negotiation.js";
import type { Prisma } from "../open.js";
import {
  claimTurn,
  commitPlainTurn,
  findByClientMessageId,
  inTransaction,
  loadTurnContext,
  storeAndAnswer,
  storeDebtorMessage,
  type TurnTx,
  writeTurn,
} from "../turns.js";

export function chatStore(db: Prisma, direct: DirectSql): ChatStore {
  return {
    openConnection: (tokenHash, now, read) => openDebtorConnection(direct, tokenHash, now, read),
    history: (caseId, conversationId, withContext) =>
      readDebtorHistory(direct, caseId, conversationId, withContext),
    turnContext: (caseId, conversationId) => loadTurnContext(direct, caseId, conversationId),
    storeDebtorMessage: (conversationId, clientMessageId, text, caseId) =>
      storeDebtorMessage(direct, conversationId, clientMessageId, text, caseId),
    findByClientMessageId: (conversationId, clientMessageId) =>
      findByClientMessageId(direct, conversationId, clientMessageId),
    findOffer: (id) => findOffer(db, id),
    setOfferStatus: (id, from, to) => setOfferStatus(db, id, from, to),
    activePromise: (caseId) => activePromise(db, caseId),
    unresolvedEscalations: (caseId) => unresolvedEscalations(db, caseId),
    turn: (work) => inTransaction(db, (tx) => work(turnTxStore(tx))),
    commitPlainTurn: (input) => commitPlainTurn(direct, input),
    storeAndAnswer: (input) => storeAndAnswer(direct, input),
  };
}

function turnTxStore(tx: TurnTx): TurnTxStore {
  return {
    claim: (input) => claimTurn(tx, input),
    write: (writes) => writeTurn(tx, writes),
    acceptOffer: (input) => acceptOfferIn(tx, input),
    openEscalation: (input) => openEscalationIn(tx, input),
    withdrawEscalation: (input) => withdrawEscalationIn(tx, input),
  };
}
