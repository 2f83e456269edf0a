// The console's outreach API: roles, the case's sequence, pause and resume (audited; a resumed
// sequence starts at the case's age), the outbox filters, the letter PDF and the task list.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCase } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { DebtorClient } from "../../test-support/debtor-client.js";

describe("outreach routes", () => {
  let t: ConsoleTestService;
  beforeAll(async () => {
    t = await startConsoleTestService("pglite", { env: { OUTREACH_INTERVAL_SECONDS: "0" } });
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (path: string, token = t.tokens.collector) => t.api("GET", path, { token });
  const post = (path: string, body?: unknown, token = t.tokens.collector) =>
    t.api("POST", path, { token, ...(body === undefined ? {} : { body }) });

  it("shows the sequence, pauses and resumes it at the case's age, and records who did it", async () => {
    t.clock.set("2026-03-10T09:30:00Z");
    const c = await newCase(t, {
      reference: "ROUTE-1",
      invoices: [{ number: "F-9001", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    expect((await get(`/api/cases/${c.id}/outreach`, t.tokens.policy_editor)).status).toBe(403);
    await t.service.outreach.tick();
    let view = await get(`/api/cases/${c.id}/outreach`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: "active",
      nextStep: { id: "second-reminder", channel: "email", date: "2026-03-16" },
      lastOpenedAt: null,
      messages: [{ stepKey: "step:first-reminder", status: "sent", transport: "outbox", channel: "email" }],
    });
    const paused = await post(`/api/cases/${c.id}/outreach/pause`);
    expect(paused.body).toMatchObject({ status: "paused", reason: "collector" });
    t.clock.set("2026-03-27T09:30:00Z"); // day 21: second and third reminders have come, while paused
    await t.service.outreach.tick();
    expect((await get(`/api/cases/${c.id}/outreach`)).body.messages).toHaveLength(1);
    const resumed = await post(`/api/cases/${c.id}/outreach/resume`);
    expect(resumed.body.status).toBe("active");
    // Resumed at the step matching the age (the third reminder), not the missed second one.
    expect(resumed.body.messages.map((m: { stepKey: string }) => m.stepKey)).toEqual([
      "step:first-reminder",
      "step:third-reminder",
    ]);
    const actions = await t.db.prisma.auditLog.findMany({
      where: { entityId: c.id, action: { startsWith: "outreach." } },
      orderBy: { id: "asc" },
    });
    expect(actions.map((a) => [a.action, a.actorId])).toEqual([
      ["outreach.pause", t.userIds.collector],
      ["outreach.resume", t.userIds.collector],
    ]);
    view = await get(`/api/outreach/messages?caseId=${c.id}&status=sent&channel=email`);
    expect(view.body.messages).toHaveLength(2);
    expect(view.body.messages[0]).toMatchObject({ reference: "ROUTE-1", creditor: "Acme Fournitures" });
    const bad = await get("/api/outreach/messages?status=teleported");
    expect(bad.status).toBe(400);
  });

  it("sends the link now without rotating the case's link, and serves the formal notice as a letter PDF", async () => {
    t.clock.set("2026-04-08T08:30:00Z"); // Wednesday, day 33 after 6 March: the formal-notice letter is due
    const c = await newCase(t, {
      reference: "ROUTE-2",
      invoices: [{ number: "F-9002", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    await t.service.outreach.tick();
    const seq = (await get(`/api/cases/${c.id}/outreach`)).body;
    const letter = seq.messages.find((m: { channel: string }) => m.channel === "letter");
    expect(letter).toMatchObject({ stepKey: "step:formal-notice-letter", status: "to_post" });
    const pdf = await fetch(`${t.url}/api/outreach/messages/${letter.id}/letter.pdf`, {
      headers: { authorization: `Bearer ${t.tokens.collector}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const sent = await post(`/api/cases/${c.id}/outreach/send-link`, { channel: "email" });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe("queued");
    const msg = await get(`/api/outreach/messages/${sent.body.messageId}`);
    expect(msg.body).toMatchObject({ kind: "link", status: "sent", recipient: "compta@dupont.example" });
    expect(msg.body.subject).toBe("Acme Fournitures : votre espace personnel pour le dossier ROUTE-2");
    // The debtor opens the chat through the message's own link: the console shows when.
    expect((await get(`/api/cases/${c.id}/outreach`)).body.lastOpenedAt).toBeNull();
    const token = /\/c\/([\w-]{43})/.exec(msg.body.text)?.[1] as string;
    const debtor = await DebtorClient.connect(t.url, token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    debtor.close();
    expect((await get(`/api/cases/${c.id}/outreach`)).body.lastOpenedAt).toBe(t.clock.now().toISOString());
    // The case's original link still works (its page's data: the page itself needs a web build).
    const page = await fetch(`${t.url}/c/${c.token}/info`);
    expect(page.status).toBe(200);
    expect((await post(`/api/cases/${c.id}/outreach/send-link`, { channel: "fax" })).status).toBe(400);
  });

  it("lists open reminder tasks and marks one done", async () => {
    t.clock.set("2026-04-21T08:30:00Z"); // Tuesday, day 46: the review task
    const c = await newCase(t, {
      reference: "ROUTE-3",
      invoices: [{ number: "F-9003", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    await t.service.outreach.tick();
    const tasks = await get("/api/outreach/tasks");
    const task = tasks.body.messages.find((m: { caseId: string }) => m.caseId === c.id);
    expect(task).toMatchObject({ channel: "task", status: "open", stepKey: "step:review" });
    const done = await post(`/api/outreach/tasks/${task.id}/done`);
    expect(done.body).toEqual({ id: task.id, status: "done" });
    expect(
      (await get("/api/outreach/tasks")).body.messages.some((m: { id: string }) => m.id === task.id),
    ).toBe(false);
  });

  it("hands a case off in one action: contact stops, the case file holds the originals, the KPIs count it", async () => {
    t.clock.set("2026-04-08T08:30:00Z");
    const c = await newCase(t, {
      reference: "ROUTE-4",
      invoices: [{ number: "F-9004", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    await t.service.outreach.tick();
    expect(
      (await post(`/api/cases/${c.id}/hand-off`, { recipient: "bailiff" }, t.tokens.policy_editor)).status,
    ).toBe(403);
    expect((await post(`/api/cases/${c.id}/hand-off`, { recipient: "the moon" })).status).toBe(400);
    const done = await post(`/api/cases/${c.id}/hand-off`, { recipient: "court_order", note: "injonction" });
    expect(done.body).toMatchObject({ status: "handed_off", caseFile: `/api/cases/${c.id}/case-file.zip` });
    expect((await get(`/api/cases/${c.id}`)).body.status).toBe("handed_off");
    const seq = (await get(`/api/cases/${c.id}/outreach`)).body;
    expect(seq).toMatchObject({ status: "stopped", reason: "case:handed_off" });
    // The letter not yet posted is cancelled; nothing more is composed, and no link can be sent.
    expect(seq.messages.map((m: { status: string }) => m.status)).toEqual(["cancelled"]);
    t.clock.set("2026-05-20T08:30:00Z");
    await t.service.outreach.tick();
    expect((await get(`/api/cases/${c.id}/outreach`)).body.messages).toHaveLength(1);
    expect((await post(`/api/cases/${c.id}/outreach/send-link`, { channel: "email" })).status).toBe(409);

    const res = await fetch(`${t.url}/api/cases/${c.id}/case-file.zip`, {
      headers: { authorization: `Bearer ${t.tokens.collector}` },
    });
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const names = Object.keys(files).sort();
    expect(names).toContain("case-file.pdf");
    expect(names).toContain("invoices.csv");
    expect(names).toContain("transcript.txt");
    expect(names.some((n) => /^messages\/01-step-formal-notice-letter\.txt$/.test(n))).toBe(true);
    expect(names.some((n) => /^policies\/fr-business-[0-9a-f]{12}\.yaml$/.test(n))).toBe(true);
    expect(strFromU8(files["invoices.csv"] as Uint8Array)).toContain(
      "F-9004,2026-02-04,2026-03-06,150000,EUR",
    );
    const letter = strFromU8(files[names.find((n) => n.startsWith("messages/01")) as string] as Uint8Array);
    expect(letter).toContain("Status: cancelled");
    expect(letter).toContain("Mise en demeure de payer");
    const kpis = await get("/api/kpis?from=2026-04-01&to=2026-05-20");
    expect(kpis.body.handedOff).toBe(1);
  });
});
