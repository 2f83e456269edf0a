// The real service for browser tests, with the debtor pages mounted and the built web served.
import { Router as makeRouter, type Router } from "express";
import type { AppContext } from "../../../server/app/context.js";
import { debtorPageRoutes } from "../../../server/http/routes/debtor-pages.js";
import { sampleCase, startTestService, type TestService } from "../../../server/test-support/service.js";

/**
 * Mounts the debtor pages on a service whose context does not exist yet (the router needs it):
 * pass `mount.router` in the HTTP options, then `mount.attach(ctx)` once the service runs.
 * Harmless when the service mounts the same routes itself.
 */
export function lazyDebtorPages() {
  let inner: Router | undefined;
  const router = makeRouter();
  router.use((req, res, next) => (inner ? inner(req, res, next) : next()));
  return {
    router,
    attach(ctx: AppContext) {
      inner = debtorPageRoutes(ctx);
    },
  };
}

/** The real service (startService mounts the debtor pages and serves the built web itself). */
export function startE2eService(): Promise<TestService> {
  return startTestService("pglite");
}

export interface CreatedCase {
  readonly id: string;
  readonly link: string;
  readonly token: string;
}

export async function createCase(
  t: Pick<TestService, "api" | "tokens">,
  overrides: Record<string, unknown> = {},
): Promise<CreatedCase> {
  const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
  if (res.status !== 201) throw new Error(`case creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreatedCase;
}

export async function caseView(t: Pick<TestService, "api" | "tokens">, id: string) {
  const res = await t.api("GET", `/api/cases/${id}`, { token: t.tokens.collector });
  return res.body as {
    status: string;
    reference: string;
    offers: { id: string; kind: string; status: string; total: number }[];
    promises: {
      id: string;
      total: number;
      currency: string;
      instalments: { dueDate: string; amount: number }[];
    }[];
    escalations: { kind: string; status: string }[];
  };
}

export async function transcript(t: Pick<TestService, "api" | "tokens">, id: string) {
  const res = await t.api("GET", `/api/cases/${id}/transcript`, { token: t.tokens.collector });
  return res.body as {
    messages: { id: string; role: string; text: string; clientMessageId: string | null }[];
  };
}
