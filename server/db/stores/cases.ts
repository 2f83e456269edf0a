// The case store (app/ports/cases.ts) on the database client.
import type { CasesStore } from "../../app/ports/cases.js";
import { caseExists, findCaseIdByReference, getCaseDetail, insertCase, replaceDebtorLink } from "../cases.js";
import { findCaseLocale } from "../console/conversation-ops.js";
import type { Prisma } from "../open.js";
import { getTranscript } from "../transcript.js";

export function casesStore(db: Prisma): CasesStore {
  return {
    findIdByReference: (creditorName, reference) => findCaseIdByReference(db, creditorName, reference),
    exists: (id) => caseExists(db, id),
    insert: (record) => insertCase(db, record),
    detail: (id) => getCaseDetail(db, id),
    replaceDebtorLink: (caseId, now, actorId, next) => replaceDebtorLink(db, caseId, now, actorId, next),
    transcript: (caseId) => getTranscript(db, caseId),
    debtorLocale: (caseId) => findCaseLocale(db, caseId),
  };
}
