// The console's stores (app/ports/console.ts) on the database client.
import type {
  CaseSearchStore,
  EscalationsStore,
  KpisStore,
  NotesStore,
  PromisesStore,
  TakeoverStore,
} from "../../app/ports/console.js";
import { exportCaseRows, searchCaseRows } from "../console/case-search.js";
import { kpiFunnel, kpiPayments, kpiPromisesPaid } from "../console/cash-kpis.js";
import {
  assignEscalation,
  debtorWaitingSince,
  findEscalationCard,
  listEscalations,
  resolveEscalation,
} from "../console/escalations.js";
import { kpiConversations, kpiEscalationsByKind, kpiFilterOptions } from "../console/kpis.js";
import { addNote, listNotes } from "../console/notes.js";
import { recordCollectorOffer } from "../console/offers.js";
import { markBroken, markKept, promisesUnderWatch, recordPayment } from "../console/promises.js";
import { handBack, postAgentMessage, takeOver } from "../console/takeover.js";
import type { Prisma } from "../open.js";
import { countHandedOff } from "../outreach.js";

export function escalationsStore(db: Prisma): EscalationsStore {
  return {
    list: (filter) => listEscalations(db, filter),
    card: (id) => findEscalationCard(db, id),
    assign: (input) => assignEscalation(db, input),
    resolve: (input) => resolveEscalation(db, input),
    debtorWaitingSince: (conversationIds) => debtorWaitingSince(db, conversationIds),
  };
}

export function takeoverStore(db: Prisma): TakeoverStore {
  return {
    takeOver: (input) => takeOver(db, input),
    handBack: (input) => handBack(db, input),
    postAgentMessage: (input) => postAgentMessage(db, input),
    recordCollectorOffer: (input) => recordCollectorOffer(db, input),
  };
}

export function caseSearchStore(db: Prisma): CaseSearchStore {
  return {
    search: (s, page, pageSize) => searchCaseRows(db, s, page, pageSize),
    exportRows: (s) => exportCaseRows(db, s),
  };
}

export function notesStore(db: Prisma): NotesStore {
  return { list: (caseId) => listNotes(db, caseId), add: (input) => addNote(db, input) };
}

export function kpisStore(db: Prisma): KpisStore {
  return {
    conversations: (f) => kpiConversations(db, f),
    escalationsByKind: (f) => kpiEscalationsByKind(db, f),
    handedOff: (f) => countHandedOff(db, f),
    payments: (f) => kpiPayments(db, f),
    promisesPaid: (f) => kpiPromisesPaid(db, f),
    funnel: (f) => kpiFunnel(db, f),
    filterOptions: () => kpiFilterOptions(db),
  };
}

export function promisesStore(db: Prisma): PromisesStore {
  return {
    recordPayment: (input) => recordPayment(db, input),
    underWatch: () => promisesUnderWatch(db),
    markKept: (promiseId, at) => markKept(db, promiseId, at),
    markBroken: (input) => markBroken(db, input),
  };
}
