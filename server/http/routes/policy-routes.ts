// Policy studio API (README "Policy studio"): policy editors and admins read packs and versions,
// create drafts, simulate them in the background, publish, approve and roll back. Collectors get
// 403 on every route.
import { Router } from "express";
import type { AppContext } from "../../app/context.js";
import {
  approveDraft,
  checkDraft,
  createDraft,
  draftDetail,
  exportYaml,
  jobStatus,
  listPolicies,
  policyDetail,
  publishDraft,
  rejectDraft,
  rollback,
  startSimulation,
} from "../../app/policy-studio/studio.js";
import { notFound } from "../../errors/app-error.js";
import { actorOf, requireRole } from "../middleware/auth.js";
import { idParam } from "./console-routes.js";

const PACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function packParam(raw: unknown): string {
  if (typeof raw !== "string" || !PACK_ID.test(raw)) throw notFound("Policy pack");
  return raw;
}

export function policyRoutes(ctx: AppContext): Router {
  const router = Router();
  const editors = requireRole(ctx, "policy_editor", "admin");

  router.get("/api/policies", editors, async (_req, res) => {
    res.json(await listPolicies(ctx));
  });
  router.get("/api/policies/drafts/:id", editors, async (req, res) => {
    res.json(await draftDetail(ctx, idParam(req.params.id, "Draft")));
  });
  router.post("/api/policies/drafts/:id/simulations", editors, async (req, res) => {
    res.status(202).json(await startSimulation(ctx, actorOf(req), idParam(req.params.id, "Draft"), req.body));
  });
  router.post("/api/policies/drafts/:id/publish", editors, async (req, res) => {
    const result = await publishDraft(ctx, actorOf(req), idParam(req.params.id, "Draft"), req.body);
    res.status(result.status === "awaiting_approval" ? 202 : 200).json(result);
  });
  router.post("/api/policies/drafts/:id/approve", editors, async (req, res) => {
    res.json(await approveDraft(ctx, actorOf(req), idParam(req.params.id, "Draft")));
  });
  router.post("/api/policies/drafts/:id/discard", editors, async (req, res) => {
    res.json(await rejectDraft(ctx, actorOf(req), idParam(req.params.id, "Draft")));
  });
  router.get("/api/policies/:packId", editors, async (req, res) => {
    res.json(await policyDetail(ctx, packParam(req.params.packId)));
  });
  router.get("/api/policies/:packId/export.yaml", editors, async (req, res) => {
    const version = typeof req.query.version === "string" ? idParam(req.query.version, "Version") : undefined;
    const packId = packParam(req.params.packId);
    res.setHeader("content-type", "application/yaml; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="${packId}.yaml"`);
    res.send(await exportYaml(ctx, packId, version));
  });
  router.post("/api/policies/:packId/drafts", editors, async (req, res) => {
    const draft = await createDraft(ctx, actorOf(req), packParam(req.params.packId), req.body);
    res.status(draft.created ? 201 : 200).json(draft);
  });
  router.post("/api/policies/:packId/check", editors, async (req, res) => {
    res.json(await checkDraft(ctx, packParam(req.params.packId), req.body));
  });
  router.post("/api/policies/:packId/rollback", editors, async (req, res) => {
    res.json(await rollback(ctx, actorOf(req), packParam(req.params.packId), req.body));
  });
  router.get("/api/jobs/:id", editors, async (req, res) => {
    res.json(await jobStatus(ctx, idParam(req.params.id, "Job")));
  });
  return router;
}
