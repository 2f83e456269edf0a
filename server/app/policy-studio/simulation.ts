// A draft's simulation, run as a background job (kind "policy.simulation"):
// (a) the evaluation suite's scenarios of the pack, on the published packs and on the draft, in
//     the same run, compared by the eval suite's own comparison (evals/compare), as
//     `npm run eval -- --compare DIR` does;
// (b) a replay of the pack's real past conversations (replay-core.ts) under both versions.
// The result is stored on the job row; `blocking` lists what forbids publishing (as CI would).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  ReplayedConversation,
  ReplayTotals,
  SimulationResult,
} from "../../../contract/policy-studio.js";
import { compareRuns } from "../../../evals/compare/comparison.js";
import { diffPackFolders, type PackChange } from "../../../evals/compare/pack-diff.js";
import type { GradedConversation } from "../../../evals/grading/grade.js";
import { startEvalService } from "../../../evals/harness/service.js";
import { summarise } from "../../../evals/report/summary.js";
import { loadThresholds } from "../../../evals/report/thresholds.js";
import { filterScenarios, loadScenarios } from "../../../evals/scenario/load.js";
import { runShard } from "../../../evals/suite.js";
import { fromRoot } from "../../config/paths.js";
import { dateInZone, parsePack } from "../../policy/index.js";
import { studioFrench } from "../../policy/pack-errors-fr.js";
import { caseFacts } from "../cases/case-view.js";
import { MAX_VERIFY_ATTEMPTS } from "../chat/toolbox.js";
import { answerMatches } from "../chat/verification-answer.js";
import type { AppContext } from "../context.js";
import type { Progress } from "../jobs/worker.js";
import { replayConversation } from "./replay-core.js";

import { type SimulationInput, simulationInputSchema } from "./simulation-input.js";

export { SIMULATION_JOB, type SimulationInput, simulationInputSchema } from "./simulation-input.js";

export type { ReplayedConversation, ReplayTotals, SimulationResult };

async function replay(
  ctx: AppContext,
  packId: string,
  publishedContent: string,
  draftContent: string,
  input: SimulationInput,
): Promise<SimulationResult["replay"]> {
  const published = parsePack(publishedContent, `${packId} (published)`);
  const draft = parsePack(draftContent, `${packId} (draft)`);
  if (!published.ok || !draft.ok) throw new Error("a stored version no longer parses");
  const since = new Date(ctx.clock.now().getTime() - input.days * 86_400_000);
  const rows = await ctx.stores.policies.conversationsToReplay(packId, since, input.maxConversations);
  const conversations: ReplayedConversation[] = [];
  const amounts = new Map<string, { published: number; draft: number }>();
  let offersChanged = 0;
  let opened = 0;
  let avoided = 0;
  let agreedP = 0;
  let agreedD = 0;
  for (const row of rows) {
    const facts = caseFacts(row.case);
    // Negotiation starts after the answer that passed the security question: earlier messages
    // are answers to it (a postcode is not an amount).
    let start = -1;
    for (const [i, m] of row.messages.entries()) {
      if (i >= MAX_VERIFY_ATTEMPTS) break;
      if (await answerMatches(ctx.answers, row.case, m.text)) {
        start = i;
        break;
      }
    }
    if (start < 0) continue;
    const negotiated = row.messages.slice(start + 1);
    const first = negotiated[0];
    if (!first) continue;
    const today = dateInZone(first.createdAt, facts.timeZone);
    const texts = negotiated.map((m) => m.text);
    const p = replayConversation(facts, today, texts, published.pack);
    const d = replayConversation(facts, today, texts, draft.pack);
    const changes = p.steps.flatMap((step, index) => {
      const other = d.steps[index];
      return other && other.text !== step.text
        ? [
            {
              index,
              published: step.text,
              draft: other.text,
              publishedFr: step.textFr,
              draftFr: other.textFr,
            },
          ]
        : [];
    });
    // An offer changed when either side made one and what was offered (terms, or none) differs.
    offersChanged += p.steps.filter((s, i) => {
      const other = d.steps[i];
      return (
        other !== undefined && s.text !== other.text && (s.offerTotal !== null || other.offerTotal !== null)
      );
    }).length;
    opened += d.escalations.filter((k) => !p.escalations.includes(k)).length;
    avoided += p.escalations.filter((k) => !d.escalations.includes(k)).length;
    if (p.agreed) agreedP++;
    if (d.agreed) agreedD++;
    const sum = amounts.get(facts.currency) ?? { published: 0, draft: 0 };
    sum.published += p.lastOfferTotal ?? 0;
    sum.draft += d.lastOfferTotal ?? 0;
    amounts.set(facts.currency, sum);
    const moved =
      changes.length > 0 || p.agreed !== d.agreed || p.escalations.join() !== d.escalations.join();
    conversations.push({
      caseKey: row.caseId.slice(0, 8),
      caseId: row.caseId,
      currency: facts.currency,
      messages: texts.length,
      moved,
      published: { lastOfferTotal: p.lastOfferTotal, agreed: p.agreed, escalations: p.escalations },
      draft: { lastOfferTotal: d.lastOfferTotal, agreed: d.agreed, escalations: d.escalations },
      changes,
    });
  }
  conversations.sort((a, b) => Number(b.moved) - Number(a.moved));
  return {
    totals: {
      conversations: conversations.length,
      moved: conversations.filter((c) => c.moved).length,
      offersChanged,
      escalationsOpened: opened,
      escalationsAvoided: avoided,
      agreementsPublished: agreedP,
      agreementsDraft: agreedD,
      amounts: [...amounts].map(([currency, v]) => ({ currency, ...v })),
    },
    // The moved ones in full; the others are counted above.
    conversations: conversations.filter((c) => c.moved).slice(0, 200),
  };
}

/** The pack folders the suite runs: every published pack, and the same with the draft's pack replaced. */
async function packFolders(ctx: AppContext, packId: string, draftContent: string) {
  const root = mkdtempSync(join(tmpdir(), "amiable-simulation-"));
  const published = join(root, "published");
  const draft = join(root, "draft");
  mkdirSync(published);
  mkdirSync(draft);
  for (const stamp of await ctx.stores.policies.publishedStamps()) {
    const row = await ctx.stores.policies.get(stamp.id);
    if (!row) continue;
    writeFileSync(join(published, `${row.packId}.yaml`), row.content);
    writeFileSync(join(draft, `${row.packId}.yaml`), row.packId === packId ? draftContent : row.content);
  }
  return { root, published, draft };
}

async function suite(
  ctx: AppContext,
  packId: string,
  draftContent: string,
  input: SimulationInput,
  progress: Progress,
): Promise<SimulationResult["suite"]> {
  const all = loadScenarios(fromRoot("evals", "scenarios"), fromRoot());
  const scenarios = filterScenarios(all, input.filter).filter((s) => s.pack === packId);
  if (scenarios.length === 0) return null;
  const thresholds = loadThresholds(fromRoot("evals", "thresholds.json"));
  const dirs = await packFolders(ctx, packId, draftContent);
  try {
    const packs: PackChange[] = diffPackFolders(dirs.published, dirs.draft);
    const runs: { summary: ReturnType<typeof summarise>; conversations: GradedConversation[] }[] = [];
    const arms = [
      { dir: dirs.published, from: 30, to: 65, stage: "suite: published version" },
      { dir: dirs.draft, from: 65, to: 99, stage: "suite: draft" },
    ];
    for (const arm of arms) {
      const service = await startEvalService({ provider: "offline", policiesDir: arm.dir });
      const started = Date.now();
      const conversations: GradedConversation[] = [];
      try {
        // In batches, so the job's progress moves while the scenarios run.
        const batch = 4;
        for (let i = 0; i < scenarios.length; i += batch) {
          await progress(arm.from + ((arm.to - arm.from) * i) / scenarios.length, arm.stage);
          const shard = await runShard(
            {
              scenarios: scenarios.slice(i, i + batch),
              arms: ["assistant"],
              trials: 1,
              redteam: [],
              provider: "offline",
              concurrency: 2,
            },
            service,
          );
          conversations.push(...shard.conversations);
        }
      } finally {
        await service.close();
      }
      const meta = {
        startedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
        provider: "offline",
        model: null,
        debtor: "rules",
        trials: 1,
        filter: input.filter ?? packId,
        workers: 1,
        node: process.version,
        policiesDir: arm.dir,
      };
      runs.push({ summary: summarise(meta, conversations, null, thresholds), conversations });
    }
    const [published, draft] = runs as [(typeof runs)[0], (typeof runs)[0]];
    const comparison = compareRuns(published, draft, packs);
    const violations = draft.summary.arms.find((a) => a.arm === "assistant")?.policyViolations ?? 0;
    return { ...comparison, scenarios: scenarios.length, policyViolations: violations };
  } finally {
    rmSync(dirs.root, { recursive: true, force: true });
  }
}

export async function runSimulation(
  ctx: AppContext,
  raw: unknown,
  progress: Progress,
): Promise<SimulationResult> {
  const input = simulationInputSchema.parse(raw);
  const draft = await ctx.stores.policies.get(input.draftId);
  if (!draft) throw new Error("the draft no longer exists");
  const published = await ctx.stores.policies.published(draft.packId);
  if (!published) throw new Error(`no published version of ${draft.packId}`);
  await progress(5, "replaying past conversations");
  const replayed = await replay(ctx, draft.packId, published.content, draft.content, input);
  await progress(30, "replay done");
  const compared = input.suite ? await suite(ctx, draft.packId, draft.content, input, progress) : null;
  const blocking: string[] = [];
  if (compared && compared.policyViolations > 0)
    blocking.push(
      `the evaluation suite found ${compared.policyViolations} policy violation(s) under the draft (CI would fail)`,
    );
  return {
    packId: draft.packId,
    draftId: draft.id,
    publishedId: published.id,
    replay: replayed,
    suite: compared,
    blocking,
    blockingFr: blocking.map((b) => studioFrench(b) ?? b),
  };
}
