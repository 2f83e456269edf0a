// HTTP response bodies of the policy studio: the packs (GET /api/policies), one pack with its
// versions, a draft with what it changes and what stands before publication, a simulation job and
// its result. A pack's content crosses as JSON (`PackJson`); its schema is the policy engine's own
// (server/policy), whose value lists the forms read are re-exported here.
import { z } from "zod";

export type { FaqTopic } from "../server/policy/schema-faq.js";
export type { ReminderChannel, ReminderTone } from "../server/policy/schema-reminders.js";

const instant = z.iso.datetime();

/** A pack's content as JSON, read and written by path. */
export const packJson = z.record(z.string(), z.unknown());
export type PackJson = z.infer<typeof packJson>;

export const POLICY_VERSION_STATUSES = ["draft", "published", "archived", "awaiting_approval"] as const;
const versionStatus = z.enum(POLICY_VERSION_STATUSES);

export const policyList = z.object({
  packs: z.array(
    z.object({
      packId: z.string(),
      name: z.string(),
      published: z
        .object({
          versionId: z.string(),
          hash: z.string(),
          publishedAt: instant.nullable(),
          note: z.string().nullable(),
        })
        .nullable(),
      versions: z.number().int(),
      drafts: z.number().int(),
      awaitingApproval: z.number().int(),
    }),
  ),
});
export type PolicyList = z.infer<typeof policyList>;

export const versionSummary = z.object({
  versionId: z.string(),
  hash: z.string(),
  status: versionStatus,
  note: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: instant,
  publishedAt: instant.nullable(),
  basedOnId: z.string().nullable(),
  approvedById: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const policyDetail = z.object({
  packId: z.string(),
  published: z
    .object({
      versionId: z.string(),
      hash: z.string(),
      content: packJson,
      yaml: z.string(),
      publishedAt: instant.nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  versions: z.array(versionSummary),
});
export type PolicyDetail = z.infer<typeof policyDetail>;

export const replayedConversation = z.object({
  /** The case id's first characters: enough to tell conversations apart, nothing about the debtor. */
  caseKey: z.string(),
  caseId: z.string(),
  currency: z.string(),
  messages: z.number().int(),
  moved: z.boolean(),
  published: z.object({
    lastOfferTotal: z.number().nullable(),
    agreed: z.boolean(),
    escalations: z.array(z.string()).readonly(),
  }),
  draft: z.object({
    lastOfferTotal: z.number().nullable(),
    agreed: z.boolean(),
    escalations: z.array(z.string()).readonly(),
  }),
  /** Only the messages whose outcome differs. */
  changes: z
    .array(
      z.object({
        index: z.number().int(),
        published: z.string(),
        draft: z.string(),
        /** The same in French (absent from results stored before). */
        publishedFr: z.string().optional(),
        draftFr: z.string().optional(),
      }),
    )
    .readonly(),
});
export type ReplayedConversation = z.infer<typeof replayedConversation>;

export const replayTotals = z.object({
  conversations: z.number().int(),
  moved: z.number().int(),
  offersChanged: z.number().int(),
  escalationsOpened: z.number().int(),
  escalationsAvoided: z.number().int(),
  agreementsPublished: z.number().int(),
  agreementsDraft: z.number().int(),
  /** Sum of the last offer's totals per currency, minor units. */
  amounts: z.array(z.object({ currency: z.string(), published: z.number(), draft: z.number() })).readonly(),
});
export type ReplayTotals = z.infer<typeof replayTotals>;

/** The evaluation suite, published pack against draft (evals/compare/comparison.ts builds it). */
export const suiteComparison = z.object({
  scenarios: z.number().int(),
  policyViolations: z.number().int(),
  metrics: z
    .array(z.object({ metric: z.string(), published: z.string(), draft: z.string(), change: z.string() }))
    .readonly(),
  shifts: z
    .array(
      z.object({
        scenarioId: z.string(),
        expected: z.string(),
        published: z.string(),
        draft: z.string(),
        direction: z.enum(["better", "worse", "moved"]),
      }),
    )
    .readonly(),
  packs: z.array(z.unknown()).readonly(),
  draftVerdict: z.object({ ok: z.boolean(), reasons: z.array(z.string()).readonly() }),
});

export const simulationResult = z.object({
  packId: z.string(),
  draftId: z.string(),
  publishedId: z.string(),
  replay: z.object({ totals: replayTotals, conversations: z.array(replayedConversation).readonly() }),
  suite: suiteComparison.nullable(),
  blocking: z.array(z.string()).readonly(),
  /** The same in French for the console; absent from results stored before. */
  blockingFr: z.array(z.string()).readonly().optional(),
});
export type SimulationResult = z.infer<typeof simulationResult>;

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  progress: z.number(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: instant,
  startedAt: instant.nullable(),
  finishedAt: instant.nullable(),
  /** A simulation's result once it succeeded. */
  result: simulationResult.nullable(),
});
export type JobView = z.infer<typeof jobView>;

/** A change of the draft against the published version, in words ("maximum instalments 12 → 18"). */
export const wordedChange = z.object({
  path: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  label: z.string(),
  text: z.string(),
  /** The same change in French words. */
  textFr: z.string().optional(),
});
/** A limit the draft loosens. */
export const widening = z.object({
  path: z.string(),
  before: z.union([z.number(), z.string()]),
  after: z.union([z.number(), z.string()]),
});
export const legalProblem = z.object({
  path: z.string(),
  message: z.string(),
  /** The message in French, when the studio has a French sentence for it. */
  messageFr: z.string().optional(),
  rule: z.string(),
});

export const draftDetail = z.object({
  id: z.string(),
  packId: z.string(),
  status: versionStatus,
  note: z.string().nullable(),
  authorId: z.string().nullable(),
  createdAt: instant,
  content: packJson,
  yaml: z.string(),
  publishedId: z.string().nullable(),
  changes: z.array(wordedChange),
  widenings: z.array(widening),
  legalProblems: z.array(legalProblem),
  simulation: jobView.nullable(),
});
export type DraftDetail = z.infer<typeof draftDetail>;

/** POST /api/policies/:packId/check: what a content would be as a draft, without storing it. */
export const draftCheck = z.object({
  ok: z.boolean(),
  /** The pack schema's problems, by path. */
  errors: z.array(z.object({ path: z.string(), message: z.string(), messageFr: z.string().optional() })),
  changes: z.array(wordedChange),
  widenings: z.array(widening),
  legalProblems: z.array(legalProblem),
});
export type DraftCheck = z.infer<typeof draftCheck>;

// ---- request bodies ---------------------------------------------------------------------------

/** POST /api/policies/:packId/drafts (a new draft) and /check (the editor's live check) */
export const draftBody = z
  .object({
    content: z.record(z.string(), z.unknown(), { error: "content must be the pack as a JSON object" }),
  })
  .strict();

/** POST /api/policies/drafts/:id/publish */
export const publishBody = z
  .object({
    note: z
      .string({ error: "a note saying why is required" })
      .trim()
      .min(3, { error: "a note saying why is required" })
      .max(2000),
  })
  .strict();

/** POST /api/policies/:packId/rollback */
export const rollbackBody = z
  .object({
    versionId: z.uuid({ error: "versionId must be a version id" }),
    note: z.string().max(2000).optional(),
  })
  .strict();
