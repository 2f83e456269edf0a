// The policy studio API on the real service: roles on every route, drafts validated by the pack's
// schema, publication with a note, a second person's approval for a widening change, the law's
// guard rails, the simulation as a background job (suite comparison and replay of a real past
// conversation), roll-back, and cases pinned to the version they started under.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";

// biome-ignore lint/suspicious/noExplicitAny: API bodies read loosely in assertions
type Json = Record<string, any>;

const ROUTES: [string, string, unknown?][] = [
  ["GET", "/api/policies"],
  ["GET", "/api/policies/fr-business"],
  ["GET", "/api/policies/fr-business/export.yaml"],
  ["POST", "/api/policies/fr-business/drafts", { content: {} }],
  ["GET", "/api/policies/drafts/00000000-0000-4000-8000-000000000000"],
  ["POST", "/api/policies/drafts/00000000-0000-4000-8000-000000000000/simulations", {}],
  ["POST", "/api/policies/drafts/00000000-0000-4000-8000-000000000000/publish", { note: "x" }],
  ["POST", "/api/policies/drafts/00000000-0000-4000-8000-000000000000/approve", {}],
  ["POST", "/api/policies/fr-business/rollback", { versionId: "00000000-0000-4000-8000-000000000000" }],
  ["GET", "/api/jobs/00000000-0000-4000-8000-000000000000"],
];

describe.each(TEST_TARGETS)("policy studio API on %s", (target) => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  const editor = () => t.tokens.policy_editor;
  const detail = async () =>
    (await t.api("GET", "/api/policies/fr-business", { token: editor() })).body as Json;
  const edit = async (change: (content: Json) => void) => {
    const content = structuredClone((await detail()).published.content) as Json;
    change(content);
    return t.api("POST", "/api/policies/fr-business/drafts", { token: editor(), body: { content } });
  };
  const newCase = async (invoiceAmount = 300_000) => {
    const res = await t.api("POST", "/api/cases", {
      token: t.tokens.collector,
      body: sampleCase({
        invoices: [{ number: "F-9", issuedAt: "2026-09-01", dueAt: "2026-10-01", amount: invoiceAmount }],
      }),
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  };
  const pinnedVersion = async (caseId: string) =>
    (await t.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).policyVersionId;
  const waitForJob = async (jobId: string, token = editor()) => {
    for (let i = 0; i < 600; i++) {
      const res = await t.api("GET", `/api/jobs/${jobId}`, { token });
      expect(res.status).toBe(200);
      if (res.body.status === "succeeded" || res.body.status === "failed") return res.body as Json;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the job did not finish");
  };
  const auditActions = async () =>
    (
      await t.db.prisma.auditLog.findMany({ where: { entity: "policy_version" }, orderBy: { id: "asc" } })
    ).map((a) => a.action);

  it("answers 403 to collectors and 401 without a token on every route", async () => {
    for (const [method, path, body] of ROUTES) {
      const asCollector = await t.api(method, path, { token: t.tokens.collector, body });
      expect(asCollector.status, `${method} ${path}`).toBe(403);
      const anonymous = await t.api(method, path, { body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
  });

  it("lists the packs and shows one with its published content as JSON and its versions", async () => {
    for (const token of [editor(), t.tokens.admin]) {
      const list = await t.api("GET", "/api/policies", { token });
      expect(list.status).toBe(200);
      expect(list.body.packs.map((p: Json) => p.packId)).toEqual(
        expect.arrayContaining([
          "fr-business",
          "fr-consumer",
          "uk-consumer",
          "us-consumer",
          "generic-business",
        ]),
      );
    }
    const pack = await detail();
    expect(pack.packId).toBe("fr-business");
    expect(pack.published.content.limits.maxInstalments.value).toBe(12);
    expect(pack.published.versionId).toEqual(expect.any(String));
    expect(pack.published.note).toBe("loaded from policies/");
    expect(pack.versions).toHaveLength(1);
    const yaml = await t.api("GET", "/api/policies/fr-business/export.yaml", { token: editor() });
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get("content-type")).toMatch(/yaml/);
    expect(yaml.body).toContain("maxInstalments:");
    expect((await t.api("GET", "/api/policies/no-such-pack", { token: editor() })).status).toBe(404);
  });

  it("refuses an invalid draft with each problem's path and message", async () => {
    const res = await edit((c) => {
      c.limits.maxInstalments.value = 0;
      c.limits.cadences.value = ["daily"];
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: Json) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["limits.maxInstalments.value", "limits.cadences.value[0]"]),
    );
    for (const d of res.body.error.details) expect(d.message).toEqual(expect.any(String));
    // Each problem also in French for the console in French, the English kept for API clients.
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "limits.maxInstalments.value",
          message: "must be at least 1",
          messageFr: "doit être au moins 1",
        }),
      ]),
    );
    const renamed = await edit((c) => {
      c.id = "fr-business-two";
    });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details[0].path).toBe("id");
    const notAnObject = await t.api("POST", "/api/policies/fr-business/drafts", {
      token: editor(),
      body: { content: "limits: {}" },
    });
    expect(notAnObject.status).toBe(400);
  });

  it("publishes a tightening with a required note; new cases use it, older ones keep theirs", async () => {
    const before = await newCase();
    const original = await pinnedVersion(before.id);
    const draft = await edit((c) => {
      c.limits.minInstalment.value = 20000;
    });
    expect(draft.status).toBe(201);
    const seen = await t.api("GET", `/api/policies/drafts/${draft.body.id}`, { token: editor() });
    expect(seen.body.changes.map((c: Json) => c.text)).toEqual(["minimum instalment 10000 → 20000"]);
    expect(seen.body.widenings).toEqual([]);
    expect(seen.body.legalProblems).toEqual([]);

    const noNote = await t.api("POST", `/api/policies/drafts/${draft.body.id}/publish`, {
      token: editor(),
      body: {},
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details[0].path).toBe("note");
    const published = await t.api("POST", `/api/policies/drafts/${draft.body.id}/publish`, {
      token: editor(),
      body: { note: "Larger instalments for businesses" },
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("published");
    const stored = await t.api("GET", `/api/policies/drafts/${draft.body.id}`, { token: editor() });
    expect(stored.body.status).toBe("published");
    const again = await t.api("POST", `/api/policies/drafts/${draft.body.id}/publish`, {
      token: editor(),
      body: { note: "twice" },
    });
    expect(again.status).toBe(404);

    const after = await newCase();
    expect(await pinnedVersion(after.id)).toBe(draft.body.id);
    expect(await pinnedVersion(before.id)).toBe(original);
    expect((await t.service.ctx.policies.forVersion(original)).pack.limits.minInstalment.value).toBe(10000);
    expect((await detail()).published).toMatchObject({
      versionId: draft.body.id,
      note: "Larger instalments for businesses",
    });
    expect(await auditActions()).toEqual(["policy.draft_created", "policy.published"]);
  });

  it("keeps a widening change waiting for a second person's approval", async () => {
    const draft = await edit((c) => {
      c.limits.maxInstalments.value = 18;
      c.limits.maxPlanMonths.value = 18;
    });
    expect(draft.status).toBe(201);
    const asked = await t.api("POST", `/api/policies/drafts/${draft.body.id}/publish`, {
      token: editor(),
      body: { note: "Longer plans" },
    });
    expect(asked.status).toBe(202);
    expect(asked.body.status).toBe("awaiting_approval");
    expect(asked.body.widenings.map((w: Json) => w.path)).toEqual(
      expect.arrayContaining(["limits.maxInstalments", "limits.maxPlanMonths"]),
    );
    const self = await t.api("POST", `/api/policies/drafts/${draft.body.id}/approve`, { token: editor() });
    expect(self.status).toBe(403);
    expect((await detail()).published.content.limits.maxInstalments.value).toBe(12);
    const approved = await t.api("POST", `/api/policies/drafts/${draft.body.id}/approve`, {
      token: t.tokens.admin,
    });
    expect(approved.status).toBe(200);
    expect((await detail()).published).toMatchObject({ versionId: draft.body.id, note: "Longer plans" });
    const row = await t.db.prisma.policyVersion.findUniqueOrThrow({ where: { id: draft.body.id } });
    expect(row.approvedById).not.toBeNull();
    expect((await auditActions()).slice(-2)).toEqual(["policy.approval_requested", "policy.published"]);
  });

  it("refuses to publish a draft that breaks the law of its jurisdiction", async () => {
    const fee = await edit((c) => {
      c.fees.recoveryIndemnity.amount = 5000;
    });
    expect(fee.status).toBe(201);
    const refused = await t.api("POST", `/api/policies/drafts/${fee.body.id}/publish`, {
      token: editor(),
      body: { note: "More indemnity" },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "fees.recoveryIndemnity.amount" })]),
    );
    const noDisclosure = await edit((c) => {
      c.disclosures = c.disclosures.filter((d: Json) => !d.rules.includes("DP-8"));
      c.limitation.timeBarred.disclosure = c.disclosures.some(
        (d: Json) => d.id === c.limitation.timeBarred.disclosure,
      )
        ? c.limitation.timeBarred.disclosure
        : undefined;
    });
    expect(noDisclosure.status).toBe(201);
    const missing = await t.api("POST", `/api/policies/drafts/${noDisclosure.body.id}/publish`, {
      token: editor(),
      body: { note: "Shorter start" },
    });
    expect(missing.status).toBe(409);
    expect(missing.body.error.message).toMatch(/DP-8/);
    const threat = await edit((c) => {
      c.forbiddenWording = c.forbiddenWording.slice(1);
    });
    expect(threat.status).toBe(201);
    const removed = await t.api("POST", `/api/policies/drafts/${threat.body.id}/publish`, {
      token: editor(),
      body: { note: "Fewer words" },
    });
    expect(removed.status).toBe(409);
    expect(removed.body.error.details[0].path).toBe("forbiddenWording");
  });

  it("simulates a draft in the background: the suite side by side and the past conversations that moved", async () => {
    // A real past conversation: the debtor asks for 15 monthly payments, within the 18 now
    // published; the draft goes down to 10, so the same request would be handled otherwise.
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    try {
      await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
      await debtor.say("75011");
      await debtor.say("Je peux payer en 15 mensualités");
    } finally {
      debtor.close();
    }
    const draft = await edit((c) => {
      c.limits.maxInstalments.value = 10;
      c.limits.maxPlanMonths.value = 10;
    });
    expect(draft.status).toBe(201);
    const started = await t.api("POST", `/api/policies/drafts/${draft.body.id}/simulations`, {
      token: editor(),
      body: { filter: "fr-business-cooperative" },
    });
    expect(started.status).toBe(202);
    const job = await waitForJob(started.body.jobId, t.tokens.admin);
    expect(job.status, job.error).toBe("succeeded");
    expect(job.progress).toBe(100);
    const replay = job.result.replay;
    expect(replay.totals.conversations).toBeGreaterThanOrEqual(1);
    expect(replay.totals.offersChanged).toBeGreaterThanOrEqual(1);
    const moved = replay.conversations.find((m: Json) => m.caseId === c.id);
    expect(moved?.moved, JSON.stringify(replay)).toBe(true);
    expect(moved.changes[0].published).toMatch(/15 payments/);
    expect(moved.changes[0].published).not.toBe(moved.changes[0].draft);
    expect(job.result.suite.scenarios).toBe(1);
    expect(job.result.suite.metrics.map((m: Json) => m.metric)).toContain("pass rate");
    expect(job.result.blocking).toEqual([]);
    const seen = await t.api("GET", `/api/policies/drafts/${draft.body.id}`, { token: editor() });
    expect(seen.body.simulation).toMatchObject({ id: started.body.jobId, status: "succeeded" });
    expect(await auditActions()).toContain("policy.simulation_started");
  });

  it("blocks publishing while the simulation runs and when it found policy violations", async () => {
    const draft = await edit((c) => {
      c.ladder.offerValidDays.value = 5;
    });
    expect(draft.status).toBe(201);
    // The worker's own rows, as it leaves them (the suite's violations cannot be staged otherwise).
    const job = await t.db.prisma.backgroundJob.create({
      data: {
        kind: "policy.simulation",
        status: "running",
        policyVersionId: draft.body.id,
        lockedBy: "elsewhere",
        lockedAt: new Date(),
      },
    });
    const publish = () =>
      t.api("POST", `/api/policies/drafts/${draft.body.id}/publish`, {
        token: editor(),
        body: { note: "Shorter offers" },
      });
    const running = await publish();
    expect(running.status).toBe(409);
    expect(running.body.error.message).toMatch(/still running/);
    await t.db.prisma.backgroundJob.update({
      where: { id: job.id },
      data: {
        status: "succeeded",
        progress: 100,
        result: {
          blocking: ["the evaluation suite found 2 policy violation(s) under the draft (CI would fail)"],
        },
      },
    });
    const violations = await publish();
    expect(violations.status).toBe(409);
    expect(violations.body.error.details).toEqual([
      {
        path: "simulation",
        message: expect.stringMatching(/2 policy violation/),
        // The same for the console in French (kept beside the English for API clients).
        messageFr: expect.stringMatching(/2 violation\(s\) de la politique/),
      },
    ]);
    await t.db.prisma.backgroundJob.update({ where: { id: job.id }, data: { result: { blocking: [] } } });
    expect((await publish()).status).toBe(200);
  });

  it("rolls back to an earlier version in one action", async () => {
    const versions = (await detail()).versions as Json[];
    const first = versions.find((v) => v.note === "loaded from policies/");
    const res = await t.api("POST", "/api/policies/fr-business/rollback", {
      token: editor(),
      body: { versionId: first?.versionId },
    });
    expect(res.status).toBe(200);
    expect((await detail()).published).toMatchObject({
      versionId: first?.versionId,
      note: "loaded from policies/",
    });
    const c = await newCase();
    expect(await pinnedVersion(c.id)).toBe(first?.versionId);
    expect((await auditActions()).at(-1)).toBe("policy.rolled_back");
    const again = await t.api("POST", "/api/policies/fr-business/rollback", {
      token: editor(),
      body: { versionId: first?.versionId },
    });
    expect(again.status).toBe(409);
    const bad = await t.api("POST", "/api/policies/fr-business/rollback", { token: editor(), body: {} });
    expect(bad.status).toBe(400);
  });
});
