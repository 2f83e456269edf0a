// Policy versions (app/ports/policies.ts) on the database client.
import type { PolicyVersionReader, PolicyVersionsStore } from "../../app/ports/policies.js";
import { appendAudit } from "../audit.js";
import type { Prisma } from "../open.js";
import {
  createDraftVersion,
  findPolicyVersion,
  getPolicyVersion,
  listPackVersions,
  packIdsStored,
  publishedVersion,
  publishedVersionStamps,
  publishVersion,
  registerPackContent,
  setVersionStatusAudited,
} from "../policy-versions.js";
import { conversationsToReplay } from "../studio/replay-source.js";

/** Reading a version by id: all a transaction needs to load the pack its case is pinned to. */
export function policyVersionReader(db: Pick<Prisma, "policyVersion">): PolicyVersionReader {
  return { get: (id) => getPolicyVersion(db, id) };
}

export function policyVersionsStore(db: Prisma): PolicyVersionsStore {
  return {
    registerPackContent: (pack) => registerPackContent(db, pack),
    published: (packId) => publishedVersion(db, packId),
    publishedStamps: () => publishedVersionStamps(db),
    get: (id) => getPolicyVersion(db, id),
    find: (packId, hash) => findPolicyVersion(db, packId, hash),
    packIds: () => packIdsStored(db),
    listOfPack: (packId) => listPackVersions(db, packId),
    createDraft: (draft) => createDraftVersion(db, draft),
    publish: ({ audit, ...args }) => publishVersion(db, { ...args, audit: (tx) => appendAudit(tx, audit) }),
    setStatus: (id, change, audit) => setVersionStatusAudited(db, id, change, (tx) => appendAudit(tx, audit)),
    conversationsToReplay: (packId, since, limit) => conversationsToReplay(db, packId, since, limit),
  };
}
