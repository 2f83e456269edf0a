// Outreach through real channels: an in-process SMTP server (smtp-server) receives the reminders and
// confirmations nodemailer sends; the SMS provider API is mocked with msw; the STOP webhook and the
// one-click unsubscribe are called over HTTP like a provider and a mail client would.
import { HttpResponse, http } from "msw";
import { HttpNetworkFrame } from "msw/experimental";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsSignature } from "../../http/routes/outreach-routes.js";
import { newCase, promiseOn } from "../../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../../test-support/console-service.js";
import { SmtpSink } from "../../test-support/smtp-sink.js";

const REFUSED = "refused@dupont.example";

describe("outreach by e-mail through a real SMTP server", () => {
  const sink = new SmtpSink(new Set([REFUSED]));
  let t: ConsoleTestService;
  beforeAll(async () => {
    const smtpUrl = await sink.listen();
    t = await startConsoleTestService("pglite", {
      env: {
        OUTREACH_INTERVAL_SECONDS: "0",
        SMTP_URL: smtpUrl,
        MAIL_FROM: "Acme <relances@acme.example>",
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await sink.close();
  });

  it("sends the reminder to the debtor with the subject, the personal link and List-Unsubscribe", async () => {
    t.clock.set("2026-03-10T09:30:00Z"); // Tuesday, 4 days after the due date
    const c = await newCase(t, {
      reference: "SMTP-1",
      debtor: { name: "Dupont Transport SARL", kind: "business", email: "ap@dupont.example", locale: "en" },
      invoices: [{ number: "F-7001", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    await t.service.outreach.tick();
    const [mail] = sink.to("ap@dupont.example");
    expect(mail?.subject).toBe("Acme Fournitures: invoice F-7001 is overdue (reference SMTP-1)");
    expect(mail?.from?.text).toBe('"Acme" <relances@acme.example>');
    expect(mail?.text).toMatch(
      new RegExp(`Settle or discuss my balance: ${t.service.ctx.publicUrl}/c/[\\w-]{43}`),
    );
    expect(mail?.html).toContain("Settle or discuss my balance");
    // Header lines as sent, unfolded (RFC 5322 folding puts long values on a continuation line).
    const raw = (name: string) =>
      (mail?.headerLines.find((h) => h.key === name)?.line ?? "").replace(/\r?\n\s+/g, " ");
    const url = new RegExp(`^List-Unsubscribe: <(${t.service.ctx.publicUrl}/u/[\\w-]{43})>$`).exec(
      raw("list-unsubscribe"),
    )?.[1];
    expect(url).toBeDefined();
    expect(raw("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribe = { url: url as string };
    const row = await t.db.prisma.outreachMessage.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 1 });

    // One-click unsubscribe (RFC 8058): the client POSTs; e-mail stops for this case and it is recorded.
    const res = await fetch(unsubscribe.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    const seq = await t.db.prisma.outreachSequence.findUniqueOrThrow({ where: { caseId: c.id } });
    expect(seq.emailOptOutAt).not.toBeNull();
    const audit = await t.db.prisma.auditLog.findFirst({
      where: { action: "outreach.unsubscribe", entityId: c.id },
    });
    expect(audit).not.toBeNull();
    t.clock.set("2026-03-16T09:30:00Z"); // day 10: the second reminder is due
    await t.service.outreach.tick();
    expect(sink.to("ap@dupont.example")).toHaveLength(1);
    const second = await t.db.prisma.outreachMessage.findFirstOrThrow({
      where: { caseId: c.id, stepKey: "step:second-reminder" },
    });
    expect(second).toMatchObject({ status: "skipped", error: "e-mail opted out" });
  });

  it("confirms an accepted plan at once, with the receipt PDF and the calendar attached", async () => {
    t.clock.set("2026-03-14T21:30:00Z"); // a Saturday night: a confirmation does not wait
    const c = await newCase(t, {
      reference: "SMTP-2",
      debtor: { name: "Martin SAS", kind: "business", email: "martin@sas.example", locale: "fr" },
      invoices: [{ number: "F-7002", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 90_000 }],
    });
    const promise = await promiseOn(t, c.id, [
      { dueDate: "2026-03-20", amount: 45_000 },
      { dueDate: "2026-04-20", amount: 45_000 },
    ]);
    t.service.ctx.events.publish({
      type: "promise.updated",
      caseId: c.id,
      promiseId: promise.id,
      status: "active",
    });
    await t.service.outreach.idle();
    const [mail] = sink.to("martin@sas.example");
    expect(mail?.subject).toBe("Acme Fournitures : confirmation de votre accord (référence SMTP-2)");
    expect(mail?.text).toContain("- Versement 1 : 450,00 € le 20 mars 2026");
    expect(mail?.text).toContain("Montant total de l'accord : 900,00 €");
    const files = mail?.attachments.map((a) => [a.contentType, a.filename?.split(".").pop()]);
    expect(files).toEqual([
      ["application/pdf", "pdf"],
      ["text/calendar", "ics"],
    ]);
    expect(mail?.attachments[0]?.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(mail?.attachments[1]?.content.toString()).toContain("BEGIN:VCALENDAR");

    // A cancelled promise is confirmed too.
    t.service.ctx.events.publish({
      type: "promise.updated",
      caseId: c.id,
      promiseId: promise.id,
      status: "cancelled",
    });
    await t.service.outreach.idle();
    expect(sink.to("martin@sas.example").map((m) => m.subject)).toContain(
      "Acme Fournitures : votre échéancier est annulé (référence SMTP-2)",
    );
  });

  it("records a refused recipient as failed on the case and does not retry it", async () => {
    t.clock.set("2026-03-10T09:30:00Z");
    const c = await newCase(t, {
      reference: "SMTP-3",
      debtor: { name: "Nobody SARL", kind: "business", email: REFUSED, locale: "fr" },
      invoices: [{ number: "F-7003", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 10_000 }],
    });
    await t.service.outreach.tick();
    t.clock.set("2026-03-10T15:30:00Z");
    await t.service.outreach.tick();
    const row = await t.db.prisma.outreachMessage.findFirstOrThrow({ where: { caseId: c.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1, error: "SMTP 550" });
    expect(sink.rcpt.filter((r) => r === REFUSED)).toHaveLength(1);
    const audit = await t.db.prisma.auditLog.findFirst({
      where: { action: "outreach.delivery_failed", entityId: c.id },
    });
    expect(audit?.data).toMatchObject({ channel: "email", permanent: true });
    const view = await t.api("GET", `/api/cases/${c.id}/outreach`, { token: t.tokens.collector });
    expect(view.body.messages[0]).toMatchObject({ status: "failed", error: "SMTP 550" });
  });
});

describe("outreach by SMS through the provider API, and STOP replies", () => {
  const sent: URLSearchParams[] = [];
  let failNext = 0;
  const msw = setupServer(
    http.post("https://sms.example/v1/messages", async ({ request }) => {
      if (request.headers.get("authorization") !== "Bearer sms-key-123")
        return HttpResponse.json({ error: "auth" }, { status: 401 });
      if (failNext > 0) {
        failNext--;
        return HttpResponse.json({ error: "busy" }, { status: 503 });
      }
      sent.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({ sid: `SM${sent.length}` }, { status: 201 });
    }),
  );
  let t: ConsoleTestService;
  beforeAll(async () => {
    msw.listen({
      onUnhandledFrame({ frame, defaults }) {
        if (frame instanceof HttpNetworkFrame && new URL(frame.data.request.url).hostname === "127.0.0.1")
          return;
        defaults.error();
      },
    });
    t = await startConsoleTestService("pglite", {
      env: {
        OUTREACH_INTERVAL_SECONDS: "0",
        SMS_PROVIDER_URL: "https://sms.example/v1/messages",
        SMS_API_KEY: "sms-key-123",
        SMS_FROM: "+33700000000",
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    msw.close();
  });

  it("sends the SMS step with the link and no figure, retries a provider failure, and honours STOP", async () => {
    t.clock.set("2026-03-23T09:30:00Z"); // Monday, day 17: the SMS step (day 15) is the latest due
    const c = await newCase(t, {
      reference: "SMS-1",
      debtor: { name: "Durand EURL", kind: "business", phone: "06 12 34 56 78", locale: "fr" },
      invoices: [{ number: "F-8001", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
    });
    failNext = 1;
    await t.service.outreach.tick();
    expect(sent).toHaveLength(0);
    const queued = await t.db.prisma.outreachMessage.findFirstOrThrow({ where: { caseId: c.id } });
    expect(queued).toMatchObject({ status: "queued", attempts: 1, error: "SMS API 503", channel: "sms" });
    t.clock.set("2026-03-23T09:32:00Z"); // after the first backoff (1 minute)
    await t.service.outreach.tick();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.get("To")).toBe("+33612345678");
    expect(sent[0]?.get("From")).toBe("+33700000000");
    expect(sent[0]?.get("Body")).toMatch(
      /^Acme Fournitures : au sujet de votre dossier SMS-1, .*\/c\/[\w-]{43}$/,
    );
    expect(sent[0]?.get("Body")).not.toMatch(/€|F-8001/);

    // STOP: unsigned is refused; signed stops SMS for this number, recorded.
    const url = `${t.service.ctx.publicUrl}/api/outreach/sms/inbound`;
    const params = { From: "+33612345678", Body: "STOP", MessageSid: "SM-in-1" };
    const body = new URLSearchParams(params).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const unsigned = await fetch(url, { method: "POST", headers, body });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(url, {
      method: "POST",
      headers: { ...headers, "x-twilio-signature": "AAAA" },
      body,
    });
    expect(forged.status).toBe(401);
    expect(
      (await t.db.prisma.outreachSequence.findUniqueOrThrow({ where: { caseId: c.id } })).smsOptOutAt,
    ).toBeNull();
    const signed = await fetch(url, {
      method: "POST",
      headers: { ...headers, "x-twilio-signature": smsSignature("sms-key-123", url, params) },
      body,
    });
    expect(signed.status).toBe(200);
    expect(
      (await t.db.prisma.outreachSequence.findUniqueOrThrow({ where: { caseId: c.id } })).smsOptOutAt,
    ).not.toBeNull();
    expect(await t.db.prisma.auditLog.count({ where: { action: "outreach.sms_stop", entityId: c.id } })).toBe(
      1,
    );

    // "Send the link now" by SMS is refused by the opt-out (recorded as skipped), by e-mail absent too.
    const res = await t.api("POST", `/api/cases/${c.id}/outreach/send-link`, {
      token: t.tokens.collector,
      body: { channel: "sms" },
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("skipped");
    expect(sent).toHaveLength(1);
  });

  it("sends an SMS summary of an accepted plan when a phone is known, with no figure", async () => {
    t.clock.set("2026-03-24T19:30:00Z");
    const c = await newCase(t, {
      reference: "SMS-2",
      debtor: {
        name: "Petit SARL",
        kind: "business",
        email: "petit@sarl.example",
        phone: "+33 6 98 76 54 32",
        locale: "fr",
      },
      invoices: [{ number: "F-8002", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 60_000 }],
    });
    const promise = await promiseOn(t, c.id, [{ dueDate: "2026-04-01", amount: 60_000 }]);
    const before = sent.length;
    t.service.ctx.events.publish({
      type: "promise.updated",
      caseId: c.id,
      promiseId: promise.id,
      status: "active",
    });
    await t.service.outreach.idle();
    expect(sent.length).toBe(before + 1);
    const sms = sent.at(-1);
    expect(sms?.get("To")).toBe("+33698765432");
    expect(sms?.get("Body")).toMatch(
      /^Acme Fournitures : votre accord \(référence SMS-2\) est confirmé\. .*\/c\/[\w-]{43}$/,
    );
    expect(sms?.get("Body")).not.toMatch(/€|600/);
    const rows = await t.db.prisma.outreachMessage.findMany({
      where: { caseId: c.id },
      orderBy: { channel: "asc" },
    });
    expect(rows.map((r) => [r.channel, r.kind, r.status])).toEqual([
      ["email", "confirmation", "sent"],
      ["sms", "confirmation", "sent"],
    ]);
  });
});
