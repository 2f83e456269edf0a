// The tools the model may call, as LangChain tools with zod schemas over the Toolbox. Read tools have
// no side effect; write tools record through the Toolbox (which runs the policy engine). Which tools
// are offered depends on the phase: no case data before verification, no offers once escalated.
import { type StructuredToolInterface, tool } from "@langchain/core/tools";
import { z } from "zod";
import { ASSISTANT_ESCALATION_KINDS } from "../../domain/escalation-kinds.js";
import type { Proposal } from "../../policy/index.js";
import { faqTopicSchema } from "../../policy/schema-faq.js";
import type { EscalationKind, Phase, Toolbox, TurnContext } from "../language-layer.js";
import { answerQuestion } from "../offline/answer-question.js";
import { loadCatalogue } from "../offline/catalogue.js";
import { Reply } from "../offline/reply.js";
import { escalationGrounds, offerGrounds, withdrawalGrounds } from "./grounds.js";
import { presentCase, presentOutcome } from "./tool-results.js";

export type ToolAccess = "read" | "write";
export type ToolName =
  | "case_summary"
  | "evaluate_proposal"
  | "make_offer"
  | "escalate"
  | "verify_identity"
  | "withdraw_promise"
  | "withdraw_escalation"
  | "answer_question"
  | "payment_instructions";

export interface LlmTool {
  readonly name: ToolName;
  readonly access: ToolAccess;
  /** The schema the loop validates arguments against before anything runs. */
  readonly schema: z.ZodType;
  readonly tool: StructuredToolInterface;
}

const ESCALATION_KINDS = ASSISTANT_ESCALATION_KINDS satisfies readonly EscalationKind[];

// Models often send null for an argument they mean to leave out: accept it, then drop it.
const opt = <T extends z.ZodType>(t: T) => t.nullish();

// A plain pattern keeps the JSON schema short; the engine checks that the date exists.
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const proposalArgs = z
  .object({
    kind: opt(z.enum(["full", "plan", "settlement"])).describe(
      "full payment, instalment plan, or lump-sum settlement",
    ),
    total: opt(z.number().int().positive()).describe("total the debtor would pay, in minor units (cents)"),
    instalmentAmount: opt(z.number().int().positive()).describe("amount of each instalment, in minor units"),
    firstAmount: opt(z.number().int().positive()).describe(
      "a first payment of the debtor's own, in minor units; the rest is split over the other instalments",
    ),
    restDate: opt(isoDay).describe(
      "with firstAmount: the day the debtor pays the rest in one payment ('the rest in March'), YYYY-MM-DD",
    ),
    count: opt(z.number().int().min(1).max(120)).describe("number of instalments"),
    firstDate: opt(isoDay).describe("date of the first payment, YYYY-MM-DD"),
    cadence: opt(z.enum(["weekly", "biweekly", "monthly"])),
    discountBps: opt(z.number().int().min(0).max(10_000)).describe(
      "discount asked, in basis points (100 = 1 %)",
    ),
  })
  .strict();

export const escalateArgs = z
  .object({
    kind: z.enum(ESCALATION_KINDS),
    claim: z.string().trim().min(1).max(1000).describe("what the debtor says, in one or two sentences"),
  })
  .strict();

export const questionArgs = z.object({ topic: faqTopicSchema }).strict();

export const verifyArgs = z.object({ answer: z.string().trim().min(1).max(200) }).strict();
export const noArgs = z.object({}).strict();

function toProposal(args: z.infer<typeof proposalArgs>): Proposal {
  const fields = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null && v !== undefined));
  return { source: "model", ...fields };
}

const json = (v: unknown) => JSON.stringify(v);

/** Every tool, bound to this turn's Toolbox. */
export function buildTools(ctx: TurnContext): Record<ToolName, LlmTool> {
  const tb: Toolbox = ctx.tools;
  const currency = ctx.facts?.currency ?? ctx.due?.currency ?? "EUR";
  const outcome = (o: Parameters<typeof presentOutcome>[0]) => json(presentOutcome(o, currency, ctx.locale));
  const def = <S extends z.ZodObject>(
    name: ToolName,
    access: ToolAccess,
    schema: S,
    description: string,
    run: (args: z.infer<S>) => Promise<string> | string,
  ): LlmTool => ({
    name,
    access,
    schema,
    tool: tool(async (args: z.infer<S>) => run(args), {
      name,
      description,
      schema,
      tags: [access],
      metadata: { access },
    }) as unknown as StructuredToolInterface,
  });

  return {
    case_summary: def(
      "case_summary",
      "read",
      noArgs,
      "Read the case: invoices, amount due today and the pending offer.",
      () => json(presentCase(tb.caseSummary(), ctx.locale)),
    ),
    payment_instructions: def(
      "payment_instructions",
      "read",
      noArgs,
      "How the debtor pays: the amount due now (or the next instalment), the bank details, the payment reference to quote, the creditor's payment page and whether the page's Pay now button works. Call it when the debtor asks how, where or by what means to pay, and give them `text` (or its facts) exactly as returned.",
      async () => {
        const found = await tb.paymentInstructions();
        if (!found) return json({ available: false, why: "identity not verified" });
        return json({ available: true, text: found.text, ...found.data });
      },
    ),
    answer_question: def(
      "answer_question",
      "read",
      questionArgs,
      "The reviewed answer to a debtor's question about their file: what_for (what the debt is for), creditor (who we are, or whether this is a scam), missed_payment (what happens if a payment is missed), change_plan (whether a plan can be changed), invoice_copy (a copy of the invoice), proof_of_payment (how to send a proof of payment), contact (a phone number or a person). Give `answer` to the debtor as written: it is the creditor's approved wording.",
      ({ topic }) => {
        // The pack's FAQ first, the case's invoices for what_for, the catalogue's generic wording last:
        // the same words the offline engine says.
        const reply = new Reply(loadCatalogue(ctx.locale), `${ctx.conversationId}:${ctx.turn}:faq`, ctx);
        return json({ topic, answer: answerQuestion(reply, tb, topic), sayItAsWritten: true });
      },
    ),
    evaluate_proposal: def(
      "evaluate_proposal",
      "read",
      proposalArgs,
      "Check what the policy would answer to a proposal, without offering anything. Returns accept, counter (with the terms the policy allows) or refuse (with the limits).",
      (args) => outcome(tb.evaluateProposal(toProposal(args))),
    ),
    make_offer: def(
      "make_offer",
      "write",
      proposalArgs,
      "Make an offer to the debtor. With the debtor's proposal as arguments, the policy accepts, counters or refuses it; with no arguments, it offers the next step the policy allows. Only the returned terms may be presented.",
      async (args) => {
        const proposal = toProposal(args);
        const hasTerms = Object.keys(proposal).length > 1;
        // Nothing is recorded on a guess: the debtor must be negotiating and have given the figures.
        const grounds = offerGrounds(hasTerms ? args : null, ctx);
        if (!grounds.ok) return json({ refused: true, reason: "no_grounds", explanation: grounds.why });
        return outcome(await tb.makeOffer(hasTerms ? { proposal } : {}));
      },
    ),
    escalate: def(
      "escalate",
      "write",
      escalateArgs,
      "Hand the conversation to a human adviser and stop negotiating (dispute, already paid, vulnerability, hardship, request for a person, stop request, attorney, surendettement, breathing space, bankruptcy, third party, time-barred, repeated abuse).",
      async (args) => {
        const grounds = escalationGrounds(args.kind, ctx);
        if (!grounds.ok)
          return json({ escalated: false, refused: true, reason: "no_grounds", explanation: grounds.why });
        const opened = await tb.escalate(args.kind, args.claim);
        // The pack's fixed notice is shown by the system: the model only adds what happens next.
        const { policyNotice, correctable } = opened;
        return json({
          escalated: true,
          kind: args.kind,
          ...(policyNotice ? { noticeShownToDebtor: policyNotice, doNotRepeatIt: true } : {}),
          // The debtor may take it back: say what was understood, so a misreading can be put right.
          ...(correctable ? { correctable: true, sayWhatYouUnderstood: true } : {}),
        });
      },
    ),
    verify_identity: def(
      "verify_identity",
      "write",
      verifyArgs,
      "Check the person's answer to the verification question.",
      async (args) => json(await tb.verifyIdentity(args.answer)),
    ),
    withdraw_escalation: def(
      "withdraw_escalation",
      "write",
      noArgs,
      "Take back the escalation opened earlier, only when the debtor says you misunderstood them (for example that they do not dispute the debt, or have not paid yet). Their own words are kept with it. Returns withdrawn: true (negotiation resumes: ask what they could pay) or withdrawn: false with the reason (an adviser will check it with them).",
      async () => {
        const grounds = withdrawalGrounds(ctx);
        if (!grounds.ok)
          return json({ withdrawn: false, refused: true, reason: "no_grounds", explanation: grounds.why });
        return json(await tb.withdrawEscalation(ctx.debtorText));
      },
    ),
    withdraw_promise: def(
      "withdraw_promise",
      "write",
      noArgs,
      "Withdraw the debtor's recorded promise to pay, only when the debtor clearly says they take back their commitment. Negotiation then resumes.",
      async () => json({ withdrawn: await tb.withdrawPromise() }),
    ),
  };
}

const BY_PHASE: Record<Phase, readonly ToolName[]> = {
  verifying: ["verify_identity", "escalate"],
  reason: [
    "case_summary",
    "evaluate_proposal",
    "make_offer",
    "escalate",
    "payment_instructions",
    "answer_question",
  ],
  negotiating: [
    "case_summary",
    "evaluate_proposal",
    "make_offer",
    "escalate",
    "payment_instructions",
    "answer_question",
  ],
  promised: ["case_summary", "withdraw_promise", "escalate", "payment_instructions", "answer_question"],
  escalated: ["case_summary", "withdraw_escalation"],
  closed: ["case_summary"],
};

/** The tools offered this turn; `readOnly` for a regeneration, where nothing may be recorded. */
export function toolsFor(ctx: TurnContext, opts: { readOnly: boolean }): LlmTool[] {
  const all = buildTools(ctx);
  return BY_PHASE[ctx.phase].map((n) => all[n]).filter((t) => !opts.readOnly || t.access === "read");
}
