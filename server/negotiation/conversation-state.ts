// The negotiation's own memory between turns, stored as JSON on the conversation and validated
// when read back (an older or damaged value falls back to a fresh state, never a crash).
import { z } from "zod";

export const PHASES = ["verifying", "reason", "negotiating", "promised", "escalated", "closed"] as const;
export type Phase = (typeof PHASES)[number];

export const conversationStateSchema = z.object({
  phase: z.enum(PHASES).default("verifying"),
  turn: z.number().int().min(0).default(0),
  disclosuresShown: z.array(z.string()).default([]),
  reason: z.enum(["forgot", "admin", "dispute", "hardship"]).optional(),
  signals: z
    .object({
      fullPaymentImpossible: z.boolean().default(false),
      hardship: z.boolean().default(false),
      promptPayment: z.boolean().default(false),
    })
    .default({ fullPaymentImpossible: false, hardship: false, promptPayment: false }),
  declinedKinds: z.array(z.enum(["full", "plan", "settlement"])).default([]),
  step: z.number().int().min(0).default(0),
  /** Debtor proposals the policy could not meet; the second one goes to a person. */
  proposalsOutside: z.number().int().min(0).default(0),
  askedForProposal: z.boolean().default(false),
  abuseCount: z.number().int().min(0).default(0),
  unclearCount: z.number().int().min(0).default(0),
  /**
   * An escalation the debtor may still take back (the pack allows it for its kind): until when, and
   * the phase the conversation returns to. Cleared when it is withdrawn; a collector picking it up
   * makes it final whatever this says (the toolbox reads the escalation itself).
   */
  correction: z
    .object({
      escalationId: z.string(),
      kind: z.string(),
      until: z.iso.datetime(),
      resumePhase: z.enum(["verifying", "reason", "negotiating", "promised"]),
    })
    .optional(),
});

export type ConversationState = z.infer<typeof conversationStateSchema>;

export function readState(raw: unknown): ConversationState {
  const parsed = conversationStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : conversationStateSchema.parse({});
}

/** The case status the contract exposes for a phase. */
export function statusOf(phase: Phase): "verifying" | "negotiating" | "promised" | "escalated" | "closed" {
  switch (phase) {
    case "verifying":
      return "verifying";
    case "reason":
    case "negotiating":
      return "negotiating";
    default:
      return phase;
  }
}
