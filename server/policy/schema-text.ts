// Text sections: disclosures the system adds, wording the guard blocks, and escalation triggers.
import { z } from "zod";
import type { AssistantEscalationKind } from "../domain/escalation-kinds.js";
import { localeTextSchema, refineUnique, rulesSchema } from "./schema-common.js";

const textIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "id must be lower-case words joined by hyphens" });

/**
 * When a disclosure is due. session_start: first turn of a session; before_first_amount: before the
 * first figure about the debt; offer: with every offer; settlement: with every settlement offer;
 * message: with every assistant message.
 */
export const momentSchema = z.enum([
  "session_start",
  "before_first_amount",
  "offer",
  "settlement",
  "message",
]);
export type Moment = z.infer<typeof momentSchema>;

/** Case flags that switch disclosures on or wording off; set by the caller (time_barred also by the engine). */
export const caseFlagSchema = z.enum([
  "agency_mode",
  "time_barred",
  "litigation_authorized",
  "enforceable_title",
  "validation_period",
]);
export type CaseFlag = z.infer<typeof caseFlagSchema>;

export const disclosureSchema = z
  .object({
    id: textIdSchema,
    moment: momentSchema,
    /** true: due every time the moment occurs; false: once per session. */
    repeat: z.boolean().default(false),
    /** Due only when all these flags are set. */
    onlyIf: z.array(caseFlagSchema).default([]),
    /** Placeholders: {creditorName}, {debtorName}, {reference}, and any variable the caller supplies. */
    text: localeTextSchema,
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();
export type Disclosure = z.infer<typeof disclosureSchema>;

export const wordingCategorySchema = z.enum([
  "authority",
  "seizure",
  "criminal",
  "litigation",
  "credit_threat",
  "bankruptcy",
  "pressure",
  "urgency",
  "insult",
  "fees",
  /** Saying the debt is cancelled, forgiven or not owed (US-12, UK-3): only a person decides that. */
  "false_status",
]);
export type WordingCategory = z.infer<typeof wordingCategorySchema>;

const termSchema = z.string().refine((t) => /\p{L}/u.test(t), {
  error: (iss) => `term ${JSON.stringify(iss.input)} must contain a letter`,
});

export const forbiddenWordingSchema = z
  .object({
    id: textIdSchema,
    category: wordingCategorySchema,
    /** The entry does not apply when all these flags are set (e.g. litigation_authorized). */
    allowedWithFlags: z.array(caseFlagSchema).default([]),
    terms: z
      .object({ fr: z.array(termSchema).default([]), en: z.array(termSchema).default([]) })
      .strict()
      .refine((t) => t.fr.length + t.en.length > 0, { error: "list at least one term" }),
    rules: rulesSchema,
    note: z.string().optional(),
  })
  .strict();
export type ForbiddenWording = z.infer<typeof forbiddenWordingSchema>;

/**
 * The escalations a pack describes are the assistant's kinds (server/domain/escalation-kinds.ts),
 * with hardship named for what it means to a policy (the ladder ran out), and without the kinds a
 * pack has no rule for (a counter-offer, a third party, abuse): the type keeps the two in step.
 */
type PackEscalationKind =
  | Exclude<AssistantEscalationKind, "hardship" | "counter_offer" | "third_party" | "abuse">
  | "hardship_beyond_ladder";

export const escalationKindSchema = z.enum([
  "dispute",
  "already_paid",
  "vulnerability",
  "hardship_beyond_ladder",
  "human_request",
  "stop_request",
  "surendettement",
  "breathing_space",
  "bankruptcy",
  "attorney",
  "identity",
  "time_barred",
] as const satisfies readonly PackEscalationKind[]);
export type EscalationKind = z.infer<typeof escalationKindSchema>;

/** Kinds every pack must handle; surendettement (FR) and breathing_space (UK) depend on jurisdiction. */
export const UNIVERSAL_ESCALATION_KINDS: readonly EscalationKind[] = escalationKindSchema.options.filter(
  (k) => k !== "surendettement" && k !== "breathing_space",
);

/**
 * The only kinds a pack may let the debtor take back: claims about the debt that the rules can
 * misread in a debtor's words (a fee question read as a dispute, "how do I pay" read as "already
 * paid"), where the debtor's correction is the best evidence (FR-7, UK-9, US-5 stop collecting a
 * *contested* claim; a question is not one). Never the protected states: vulnerability (UK-8, DP-3),
 * insolvency (FR-6, UK-13), a representative (US-9), a stop request (US-6, FR-P4: honoured at once),
 * a request for a person (US-17), nor what the engine opens itself (identity, time bar, ladder).
 */
export const CORRECTABLE_ESCALATION_KINDS: readonly EscalationKind[] = ["dispute", "already_paid"];

export const escalationTriggerSchema = z
  .object({
    kind: escalationKindSchema,
    /** stop_and_handoff: stop collecting, hand to a person; handoff: hand over, collection may resume;
     *  close: stop all contact except the allowed confirmation; verify: pause until a person checks. */
    action: z.enum(["stop_and_handoff", "handoff", "close", "verify"]),
    stopCollection: z.boolean(),
    /** What the debtor is told, verbatim (a fixed text, never written by a model). */
    handling: localeTextSchema,
    rules: rulesSchema,
    note: z.string().optional(),
    /**
     * Minutes during which the debtor may take back a misunderstood escalation of this kind ("non je
     * ne conteste pas"), as long as no collector has picked it up. Absent: it cannot be taken back.
     */
    correctableWithinMinutes: z.number().int().min(1).max(10_080).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.correctableWithinMinutes !== undefined && !CORRECTABLE_ESCALATION_KINDS.includes(t.kind))
      ctx.addIssue({
        code: "custom",
        path: ["correctableWithinMinutes"],
        message: `a ${t.kind} escalation cannot be taken back by the debtor: only ${CORRECTABLE_ESCALATION_KINDS.join(", ")} can (a protected state or a request for a person is always honoured)`,
      });
  });
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;

export const escalationSchema = z
  .array(escalationTriggerSchema)
  .superRefine(refineUnique("kind", "escalation kind"))
  .superRefine((triggers, ctx) => {
    const kinds = new Set(triggers.map((t) => t.kind));
    const missing = UNIVERSAL_ESCALATION_KINDS.filter((k) => !kinds.has(k));
    if (missing.length > 0)
      ctx.addIssue({ code: "custom", path: [], message: `missing escalation kinds: ${missing.join(", ")}` });
  });

export const guardSchema = z
  .object({
    /** No amount, invoice number or date of the debt before the identity is verified. */
    identityBeforeDetails: z.object({ rules: rulesSchema }).strict(),
    /** Every amount, percentage and date in a message comes from the case or an approved offer. */
    figuresFromEngine: z.object({ rules: rulesSchema }).strict(),
  })
  .strict();
