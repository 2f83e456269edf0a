// Case use cases for the collector API: create, list, read, transcript, link rotation/revocation.

import { createCaseInput, DEFAULT_TIME_ZONE, normaliseAnswer } from "../../../contract/case-input.js";
import { hashToken, newSecretToken } from "../../auth/tokens.js";
import { newPaymentReference } from "../../domain/payments/payment-reference.js";
import { AppError, notFound } from "../../errors/app-error.js";
import { parseOrThrow } from "../../errors/zod-details.js";
import { amountDue } from "../../policy/index.js";
import type { Actor, AppContext } from "../context.js";
import { settingsColumns } from "../creditors/settings-columns.js";
import { caseFacts, caseView } from "./case-view.js";

export interface CreatedCase {
  id: string;
  link: string;
  token: string;
}

function linkExpiry(ctx: AppContext): Date {
  return new Date(ctx.clock.now().getTime() + ctx.env.DEBTOR_LINK_TTL_DAYS * 86_400_000);
}

export function debtorLink(ctx: AppContext, token: string): string {
  return `${ctx.publicUrl}/c/${token}`;
}

export async function createCase(ctx: AppContext, body: unknown, actor?: Actor): Promise<CreatedCase> {
  const input = parseOrThrow(createCaseInput, body, "case");
  const existing = await ctx.stores.cases.findIdByReference(input.creditor.name, input.reference);
  if (existing) {
    throw new AppError(
      "conflict",
      `A case with reference ${input.reference} already exists for this creditor.`,
      {
        id: existing.id,
      },
    );
  }
  const policy = await ctx.policies.pinFor(input.jurisdiction, input.debtor.kind, input.currency);
  const token = newSecretToken();
  try {
    const id = await ctx.stores.cases.insert({
      reference: input.reference,
      creditor: { name: input.creditor.name },
      creditorSettings: settingsColumns(input.creditor),
      paymentReference: newPaymentReference(),
      debtor: { ...input.debtor, timeZone: input.debtor.timeZone ?? DEFAULT_TIME_ZONE[input.jurisdiction] },
      jurisdiction: input.jurisdiction,
      usState: input.usState,
      currency: input.currency,
      invoices: input.invoices,
      verificationQuestion: input.verification?.question,
      verificationAnswerHash: input.verification
        ? await ctx.answers.hash(normaliseAnswer(input.verification.answer))
        : undefined,
      policyPackId: policy.packId,
      policyVersionId: policy.versionId,
      tokenHash: hashToken(token),
      tokenExpiresAt: linkExpiry(ctx),
      createdById: actor?.userId,
    });
    return { id, link: debtorLink(ctx, token), token };
  } catch (error) {
    // Two concurrent creations of the same reference: the unique index decides, answer 409.
    const again = await ctx.stores.cases.findIdByReference(input.creditor.name, input.reference);
    if (again) {
      throw new AppError(
        "conflict",
        `A case with reference ${input.reference} already exists for this creditor.`,
        {
          id: again.id,
        },
      );
    }
    throw error;
  }
}

export async function getCase(ctx: AppContext, id: string) {
  const detail = await ctx.stores.cases.detail(id);
  if (!detail) throw notFound("Case");
  const policy = await ctx.policies.forVersion(detail.policyVersionId);
  const now = ctx.clock.now();
  const due = amountDue(caseFacts(detail), policy.pack, now.toISOString().slice(0, 10));
  return caseView(detail, due, now);
}

export async function caseTranscript(ctx: AppContext, id: string) {
  const transcript = await ctx.stores.cases.transcript(id);
  if (!transcript) throw notFound("Case");
  return transcript;
}

export async function rotateLink(ctx: AppContext, id: string, actor: Actor): Promise<CreatedCase> {
  await ensureCase(ctx, id);
  const token = newSecretToken();
  await ctx.stores.cases.replaceDebtorLink(id, ctx.clock.now(), actor.userId, {
    tokenHash: hashToken(token),
    expiresAt: linkExpiry(ctx),
  });
  // Sockets opened with the old link close now, on every instance (socket/revocation.ts).
  ctx.events.publish({ type: "access.revoked", scope: "case_links", id });
  return { id, link: debtorLink(ctx, token), token };
}

export async function revokeLink(ctx: AppContext, id: string, actor: Actor): Promise<void> {
  await ensureCase(ctx, id);
  await ctx.stores.cases.replaceDebtorLink(id, ctx.clock.now(), actor.userId);
  ctx.events.publish({ type: "access.revoked", scope: "case_links", id });
}

async function ensureCase(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.stores.cases.exists(id))) throw notFound("Case");
}
