// The policy studio's use cases: read packs and versions, create a draft, simulate it, publish it
// (with a second person's approval when it widens a limit), roll back. Every step is audited.
// Guard rails: the pack schema, the law of its jurisdictions (policy/legal-guard.ts) and the last
// simulation's policy violations.
import type {
  DraftCheck,
  DraftDetail,
  JobView,
  PackJson,
  PolicyDetail,
  PolicyList,
  SimulationResult,
  VersionSummary,
} from "../../../contract/policy-studio.js";
import { draftBody, publishBody, rollbackBody } from "../../../contract/policy-studio.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { describeChanges } from "../../policy/diff.js";
import { crossCheckPacks, type PolicyPack, parsePack } from "../../policy/index.js";
import { legalProblems } from "../../policy/legal-guard.js";
import { studioFrench } from "../../policy/pack-errors-fr.js";
import { wideningChanges } from "../../policy/widening.js";
import type { Actor, AppContext } from "../context.js";
import type { BackgroundJobRow, PolicyVersionRow } from "../ports/rows.js";
import { contentAsJson, contentAsYaml } from "./content.js";
import { SIMULATION_JOB, simulationInputSchema } from "./simulation-input.js";

type VersionRow = PolicyVersionRow;

/** A stored version passed the pack schema when it was written: its content is an object. */
const packContent = (yaml: string) => contentAsJson(yaml) as PackJson;

const audit = (actor: Actor, action: string, entityId: string, data: Record<string, unknown>) => ({
  actorType: "user" as const,
  actorId: actor.userId,
  action,
  entity: "policy_version",
  entityId,
  data,
});

function parseStored(row: VersionRow): PolicyPack {
  const parsed = parsePack(row.content, `${row.packId}@${row.hash.slice(0, 12)}`);
  if (!parsed.ok) throw new AppError("internal", `stored policy version ${row.id} no longer parses`);
  return parsed.pack;
}

function versionSummary(v: VersionRow & { author?: { email: string } | null }): VersionSummary {
  return {
    versionId: v.id,
    hash: v.hash,
    status: v.status,
    note: v.note,
    author: v.author?.email ?? null,
    createdAt: v.createdAt.toISOString(),
    publishedAt: v.publishedAt?.toISOString() ?? null,
    basedOnId: v.basedOnId,
    approvedById: v.approvedById,
  };
}

export async function listPolicies(ctx: AppContext): Promise<PolicyList> {
  const packs: PolicyList["packs"] = [];
  for (const packId of await ctx.stores.policies.packIds()) {
    const versions = await ctx.stores.policies.listOfPack(packId);
    const published = versions.find((v) => v.status === "published");
    packs.push({
      packId,
      name: published ? parseStored(published).name : packId,
      published: published
        ? {
            versionId: published.id,
            hash: published.hash,
            publishedAt: published.publishedAt?.toISOString() ?? null,
            note: published.note,
          }
        : null,
      versions: versions.length,
      drafts: versions.filter((v) => v.status === "draft").length,
      awaitingApproval: versions.filter((v) => v.status === "awaiting_approval").length,
    });
  }
  return { packs };
}

export async function policyDetail(ctx: AppContext, packId: string): Promise<PolicyDetail> {
  const versions = await ctx.stores.policies.listOfPack(packId);
  if (versions.length === 0) throw notFound("Policy pack");
  const published = versions.find((v) => v.status === "published");
  return {
    packId,
    published: published
      ? {
          versionId: published.id,
          hash: published.hash,
          content: packContent(published.content),
          yaml: published.content,
          publishedAt: published.publishedAt?.toISOString() ?? null,
          note: published.note,
        }
      : null,
    versions: versions.map(versionSummary),
  };
}

export async function exportYaml(ctx: AppContext, packId: string, versionId?: string): Promise<string> {
  const row = versionId
    ? await ctx.stores.policies.get(versionId)
    : await ctx.stores.policies.published(packId);
  if (!row || row.packId !== packId) throw notFound("Policy version");
  return row.content;
}

/** A message for the console in English and, when it has one, in French (pack-errors-fr.ts). */
function withFrench<T extends { message: string }>(item: T): T & { messageFr?: string } {
  const fr = studioFrench(item.message);
  return fr === undefined ? item : { ...item, messageFr: fr };
}

/** Validates a draft content: the pack schema (each problem with its path), its id, its coverage. */
function validateDraft(packId: string, yaml: string, others: readonly PolicyPack[]) {
  const parsed = parsePack(yaml, `${packId}.yaml`);
  if (!parsed.ok)
    throw new AppError(
      "validation_failed",
      `The draft is not a valid policy pack: ${parsed.errors[0]?.path || "(root)"}: ${parsed.errors[0]?.message}`,
      parsed.errors.map((e) => withFrench({ path: e.path || "(root)", message: e.message })),
    );
  if (parsed.pack.id !== packId)
    throw new AppError("validation_failed", "A draft keeps its pack's id.", [
      withFrench({ path: "id", message: `must stay "${packId}"` }),
    ]);
  const overlap = crossCheckPacks([
    ...others.map((pack) => ({ pack, file: `${pack.id}.yaml` })),
    { pack: parsed.pack, file: `${packId}.yaml` },
  ]).filter((e) => e.file === `${packId}.yaml`);
  if (overlap.length > 0)
    throw new AppError(
      "validation_failed",
      `The draft overlaps another pack: ${overlap[0]?.message}`,
      overlap.map((e) => withFrench({ path: e.path, message: e.message })),
    );
  return parsed;
}

export async function createDraft(ctx: AppContext, actor: Actor, packId: string, body: unknown) {
  const { content } = parseOrThrow(draftBody, body, "draft");
  const published = await ctx.stores.policies.published(packId);
  if (!published) throw notFound("Policy pack");
  const others = (await ctx.policies.published()).filter((p) => p.packId !== packId).map((p) => p.pack);
  const yaml = contentAsYaml(content);
  const parsed = validateDraft(packId, yaml, others);
  const existing = await ctx.stores.policies.find(packId, parsed.hash);
  if (existing) {
    if (existing.status === "draft" || existing.status === "awaiting_approval")
      return { id: existing.id, created: false, status: existing.status };
    throw new AppError(
      "conflict",
      existing.status === "published"
        ? "The draft is the same as the published version: nothing to publish."
        : "This content is an earlier version: roll back to it instead.",
      { versionId: existing.id, status: existing.status },
    );
  }
  const row = await ctx.stores.policies.createDraft({
    packId,
    hash: parsed.hash,
    content: yaml,
    authorId: actor.userId,
    basedOnId: published.id,
  });
  await ctx.stores.audit.append(
    audit(actor, "policy.draft_created", row.id, { packId, hash: row.hash, basedOn: published.id }),
  );
  return { id: row.id, created: true, status: row.status };
}

/**
 * What a content would be as a draft, without storing it: the schema's problems by path, the
 * changes in words against the published version, the widenings and the legal problems. The
 * editor calls it as the user types, so errors show on their field with the server's words.
 */
export async function checkDraft(ctx: AppContext, packId: string, body: unknown): Promise<DraftCheck> {
  const { content } = parseOrThrow(draftBody, body, "draft");
  const published = await ctx.stores.policies.published(packId);
  if (!published) throw notFound("Policy pack");
  const changes = describeChanges(contentAsJson(published.content), content);
  const others = (await ctx.policies.published()).filter((p) => p.packId !== packId).map((p) => p.pack);
  try {
    const parsed = validateDraft(packId, contentAsYaml(content), others);
    const base = parseStored(published);
    return {
      ok: true,
      errors: [],
      changes,
      widenings: wideningChanges(base, parsed.pack),
      legalProblems: legalProblems(parsed.pack, base).map(withFrench),
    };
  } catch (error) {
    if (!(error instanceof AppError) || !Array.isArray(error.details)) throw error;
    // validateDraft's details are the schema's problems, each {path, message}.
    const errors = error.details as DraftCheck["errors"];
    return { ok: false, errors, changes, widenings: [], legalProblems: [] };
  }
}

async function draftRow(ctx: AppContext, id: string): Promise<VersionRow> {
  const row = await ctx.stores.policies.get(id);
  if (!row || !["draft", "awaiting_approval"].includes(row.status)) throw notFound("Draft");
  return row;
}

function jobView(job: BackgroundJobRow): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    stage: job.stage,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    // A simulation job writes a SimulationResult (simulation.ts); other kinds write none.
    result: job.result as unknown as SimulationResult | null,
  };
}

/** What a draft changes and what stands between it and publication. */
export async function draftDetail(ctx: AppContext, id: string): Promise<DraftDetail> {
  // Readable whatever became of it (published, archived), so a link to a draft keeps working.
  const row = await ctx.stores.policies.get(id);
  if (!row) throw notFound("Draft");
  const published = await ctx.stores.policies.published(row.packId);
  const pack = parseStored(row);
  const base = published ? parseStored(published) : null;
  const job = await ctx.stores.jobs.latestFor(row.id, SIMULATION_JOB);
  return {
    id: row.id,
    packId: row.packId,
    status: row.status,
    note: row.note,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    content: packContent(row.content),
    yaml: row.content,
    publishedId: published?.id ?? null,
    changes: published ? describeChanges(contentAsJson(published.content), contentAsJson(row.content)) : [],
    widenings: base ? wideningChanges(base, pack) : [],
    legalProblems: legalProblems(pack, base).map(withFrench),
    simulation: job ? jobView(job) : null,
  };
}

export async function startSimulation(ctx: AppContext, actor: Actor, id: string, body: unknown) {
  const row = await draftRow(ctx, id);
  const options = parseOrThrow(
    simulationInputSchema.omit({ draftId: true }),
    body ?? {},
    "simulation options",
  );
  const job = await ctx.stores.jobs.enqueue({
    kind: SIMULATION_JOB,
    input: { ...options, draftId: row.id },
    policyVersionId: row.id,
    createdById: actor.userId,
  });
  await ctx.stores.audit.append(
    audit(actor, "policy.simulation_started", row.id, { packId: row.packId, jobId: job.id }),
  );
  return { jobId: job.id, status: job.status };
}

export async function jobStatus(ctx: AppContext, id: string): Promise<JobView> {
  const job = await ctx.stores.jobs.get(id);
  if (!job) throw notFound("Job");
  return jobView(job);
}

/** Refuses a draft the law forbids, or whose last simulation failed or is still running. */
async function guard(ctx: AppContext, row: VersionRow, pack: PolicyPack, base: PolicyPack | null) {
  const problems = legalProblems(pack, base);
  if (problems.length > 0)
    throw new AppError(
      "not_allowed_now",
      `The draft breaks the law of its jurisdiction: ${problems[0]?.message}`,
      problems.map((p) => withFrench({ path: p.path, message: p.message })),
    );
  const job = await ctx.stores.jobs.latestFor(row.id, SIMULATION_JOB);
  if (job && (job.status === "queued" || job.status === "running"))
    throw new AppError("not_allowed_now", "The draft's simulation is still running: wait for its result.");
  const result = job?.status === "succeeded" ? (job.result as unknown as SimulationResult | null) : null;
  if (result && result.blocking.length > 0)
    throw new AppError(
      "not_allowed_now",
      `The simulation blocks publishing: ${result.blocking[0]}`,
      result.blocking.map((message) => withFrench({ path: "simulation", message })),
    );
}

async function publishNow(
  ctx: AppContext,
  actor: Actor,
  row: VersionRow,
  note: string,
  data: Record<string, unknown>,
  approvedById?: string,
  action = "policy.published",
) {
  const previous = await ctx.stores.policies.published(row.packId);
  // A roll-back keeps the version's own note (why it was made); why it came back is audited.
  const rollingBack = action === "policy.rolled_back";
  const published = await ctx.stores.policies.publish({
    id: row.id,
    packId: row.packId,
    ...(rollingBack ? {} : { note }),
    now: ctx.clock.now(),
    ...(approvedById ? { approvedById } : {}),
    audit: audit(actor, action, row.id, {
      packId: row.packId,
      hash: row.hash,
      previous: previous?.id ?? null,
      note,
      ...data,
    }),
  });
  return { versionId: published.id, status: published.status, publishedAt: published.publishedAt };
}

export async function publishDraft(ctx: AppContext, actor: Actor, id: string, body: unknown) {
  const { note } = parseOrThrow(publishBody, body, "publication");
  const row = await draftRow(ctx, id);
  if (row.status === "awaiting_approval")
    throw new AppError("not_allowed_now", "The draft is awaiting approval by a second person.");
  const published = await ctx.stores.policies.published(row.packId);
  if (published && published.id !== row.basedOnId)
    throw new AppError(
      "conflict",
      "Another version was published since this draft was made: start a new draft from it.",
    );
  const pack = parseStored(row);
  const base = published ? parseStored(published) : null;
  await guard(ctx, row, pack, base);
  const widenings = base ? wideningChanges(base, pack) : [];
  if (widenings.length > 0) {
    await ctx.stores.policies.setStatus(
      row.id,
      { status: "awaiting_approval", note },
      audit(actor, "policy.approval_requested", row.id, { packId: row.packId, note, widenings }),
    );
    return { versionId: row.id, status: "awaiting_approval" as const, widenings };
  }
  return publishNow(ctx, actor, row, note, {});
}

export async function approveDraft(ctx: AppContext, actor: Actor, id: string) {
  const row = await draftRow(ctx, id);
  if (row.status !== "awaiting_approval")
    throw new AppError("not_allowed_now", "Only a draft awaiting approval can be approved.");
  if (row.authorId === actor.userId)
    throw new AppError("forbidden", "A second person must approve: the draft's author cannot.");
  const published = await ctx.stores.policies.published(row.packId);
  if (published && published.id !== row.basedOnId)
    throw new AppError("conflict", "Another version was published since this draft was made.");
  const pack = parseStored(row);
  await guard(ctx, row, pack, published ? parseStored(published) : null);
  return publishNow(ctx, actor, row, row.note ?? "", { approvedBy: actor.userId }, actor.userId);
}

export async function rejectDraft(ctx: AppContext, actor: Actor, id: string) {
  const row = await draftRow(ctx, id);
  await ctx.stores.policies.setStatus(
    row.id,
    { status: "archived" },
    audit(actor, "policy.draft_discarded", row.id, { packId: row.packId }),
  );
  return { versionId: row.id, status: "archived" };
}

export async function rollback(ctx: AppContext, actor: Actor, packId: string, body: unknown) {
  const { versionId, note } = parseOrThrow(rollbackBody, body, "roll-back");
  const row = await ctx.stores.policies.get(versionId);
  if (!row || row.packId !== packId) throw notFound("Policy version");
  if (row.status === "published") throw new AppError("conflict", "This version is already published.");
  // Only versions that were live once: a draft goes through publication and its checks.
  if (row.status !== "archived" || !row.publishedAt)
    throw new AppError("not_allowed_now", "Only an earlier published version can be rolled back to.");
  return publishNow(
    ctx,
    actor,
    row,
    note?.trim() || "roll-back",
    { rollback: true },
    undefined,
    "policy.rolled_back",
  );
}
