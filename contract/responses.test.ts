// Real responses parsed with the contract's schemas: a case taken to an escalation and a promise,
// then every page's main read (cases list and detail, transcript, escalation queue, KPIs and their
// filters, audit log, team, policy packs, outreach) and the socket events the console received on the way. A field the
// server renames, drops or fills differently fails here, not in a collector's browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ConsoleClient } from "../server/test-support/console-client.js";
import { escalatedDispute } from "../server/test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../server/test-support/console-service.js";
import { PASSWORD } from "../server/test-support/service.js";
import { caseList, caseNotes, caseView, transcript } from "./console-cases.js";
import { escalationCard, escalationList } from "./console-escalations.js";
import { auditPage, kpiFilters, kpiReport } from "./console-reports.js";
import { consoleEventSchemas } from "./console-socket.js";
import { invitationView, loginResult, meResponse, teamList } from "./console-team.js";
import { creditorView } from "./creditor-settings.js";
import { outbox, outreachSequence } from "./outreach.js";
import { draftCheck, policyDetail, policyList } from "./policy-studio.js";
import { statementLinePage } from "./statement-inputs.js";

describe("the server's responses follow the contract", () => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("parses the console's reads and live events with the contract's schemas", async () => {
    const staff = await ConsoleClient.connect(t.url, t.tokens.collector);
    const { c, debtor, escalationId } = await escalatedDispute(t);
    const get = async (path: string, token = t.tokens.collector) => {
      const res = await t.api("GET", path, { token });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
      return res.body as unknown;
    };

    const list = caseList.parse(await get("/api/cases"));
    expect(list.items.map((i) => i.id)).toContain(c.id);
    const view = caseView.parse(await get(`/api/cases/${c.id}`));
    expect(view.escalations.map((e) => e.id)).toContain(escalationId);
    const messages = transcript.parse(await get(`/api/cases/${c.id}/transcript`)).messages;
    expect(messages.length).toBeGreaterThan(3);
    const queue = escalationList.parse(await get("/api/escalations"));
    expect(queue.items.map((e) => e.id)).toContain(escalationId);

    const assigned = await t.api("POST", `/api/escalations/${escalationId}/assign`, {
      token: t.tokens.collector,
    });
    expect(assigned.status).toBe(200);
    expect(escalationCard.parse(assigned.body).status).toBe("assigned");

    outreachSequence.parse(await get(`/api/cases/${c.id}/outreach`));
    outbox.parse(await get("/api/outreach/messages"));
    const creditors = z.object({ items: z.array(creditorView) }).parse(await get("/api/creditors")).items;
    expect(creditors.length).toBeGreaterThan(0);
    statementLinePage.parse(await get("/api/statements/lines?status=all"));
    kpiReport.parse(await get("/api/kpis"));
    kpiFilters.parse(await get("/api/kpis/filters"));
    auditPage.parse(await get("/api/audit", t.tokens.admin));
    teamList.parse(await get("/api/users", t.tokens.admin));
    const login = await t.api("POST", "/api/login", {
      body: { email: "editor@test.local", password: PASSWORD },
    });
    expect(loginResult.parse(login.body).user.role).toBe("policy_editor");
    expect(meResponse.parse(await get("/api/me")).user.role).toBe("collector");
    caseNotes.parse(await get(`/api/cases/${c.id}/notes`));
    const packs = policyList.parse(await get("/api/policies", t.tokens.policy_editor)).packs;
    expect(packs.length).toBeGreaterThan(0);
    const pack = policyDetail.parse(await get(`/api/policies/${packs[0]?.packId}`, t.tokens.policy_editor));
    expect(pack.published?.content).toBeTypeOf("object");
    const check = await t.api("POST", `/api/policies/${pack.packId}/check`, {
      token: t.tokens.policy_editor,
      body: { content: pack.published?.content },
    });
    expect(draftCheck.parse(check.body).ok, JSON.stringify(check.body)).toBe(true);
    const invited = await t.api("POST", "/api/users", {
      token: t.tokens.admin,
      body: { email: "new.collector@example.com", role: "collector" },
    });
    expect(invited.status).toBe(201);
    invitationView.parse(invited.body.invitation);

    // The live events of all this: each one parsed (ConsoleClient.named parses with the schema).
    await staff.waitFor(() => staff.named("escalation.updated").length > 0, "escalation.updated");
    for (const name of Object.keys(consoleEventSchemas) as (keyof typeof consoleEventSchemas)[])
      staff.named(name);
    expect(staff.named("escalation.opened").map((e) => e.escalationId)).toContain(escalationId);
    expect(staff.named("message.stored").some((e) => e.caseId === c.id && e.message.role === "debtor")).toBe(
      true,
    );
    expect(debtor.violations).toEqual([]);
    debtor.close();
    staff.close();
  });
});
