// The outreach store (app/ports/outreach.ts) on the database client or an open transaction.
import type { OutreachStore, OutreachTxStore } from "../../app/ports/outreach.js";
import type { Prisma as P } from "../generated/client.js";
import type { Prisma } from "../open.js";
import {
  cancelPending,
  cancelQueuedOnChannel,
  claimDeliveries,
  createLinkToken,
  ensureSequences,
  findMessageByUnsubscribeHash,
  findPromiseWithInstalments,
  findSequencesByPhone,
  finishDelivery,
  getCaseForHandOff,
  getMessage,
  getMessageForDelivery,
  getOutreachCase,
  insertMessage,
  lastLinkOpening,
  listCaseMessages,
  listOutbox,
  lockDueSequence,
  lockSequenceOfCase,
  markHandedOff,
  setTaskDone,
  updateSequence,
} from "../outreach.js";

export function outreachStore(db: Prisma): OutreachStore {
  return {
    ensureSequences: (now, caseId) => ensureSequences(db, now, caseId),
    claimDeliveries: (now, leaseMs, limit) => claimDeliveries(db, now, leaseMs, limit),
    messageForDelivery: (id) => getMessageForDelivery(db, id),
    finishDelivery: (id, data) => finishDelivery(db, id, data),
    messageByUnsubscribeHash: (hash) => findMessageByUnsubscribeHash(db, hash),
    casesWithPhone: () => findSequencesByPhone(db),
    outreachCase: (caseId) => getOutreachCase(db, caseId),
    caseMessages: (caseId) => listCaseMessages(db, caseId),
    lastLinkOpening: (caseId) => lastLinkOpening(db, caseId),
    outbox: (f) => listOutbox(db, f),
    message: (id) => getMessage(db, id),
    setTaskDone: (id, userId, now) => setTaskDone(db, id, userId, now),
    caseForHandOff: (caseId) => getCaseForHandOff(db, caseId),
    markHandedOff: (caseId, actorId, data, now) => markHandedOff(db, caseId, actorId, data, now),
  };
}

export function outreachTxStore(tx: P.TransactionClient): OutreachTxStore {
  return {
    lockDueSequence: (now) => lockDueSequence(tx, now),
    lockSequenceOfCase: (caseId) => lockSequenceOfCase(tx, caseId),
    outreachCase: (caseId) => getOutreachCase(tx, caseId),
    promiseWithInstalments: (promiseId) => findPromiseWithInstalments(tx, promiseId),
    updateSequence: (id, data) => updateSequence(tx, id, data),
    cancelPending: (caseId, reason, kinds) => cancelPending(tx, caseId, reason, kinds),
    cancelQueuedOnChannel: (caseId, channel, reason, exceptKinds) =>
      cancelQueuedOnChannel(tx, caseId, channel, reason, exceptKinds),
    insertMessage: (m) => insertMessage(tx, m),
    createLinkToken: (caseId, tokenHash, expiresAt, now) =>
      createLinkToken(tx, caseId, tokenHash, expiresAt, now),
  };
}
