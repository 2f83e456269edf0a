// The debtor pages over HTTP on the real service: link states, header data, receipts of the case's
// own promises only, framing headers, static files.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Router as makeRouter, type Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { openFirstPage } from "../../app/chat/first-page.js";
import { parseCalendar, pdfText } from "../../app/receipts/test-support/read-documents.js";
import { TEST_TARGETS } from "../../test-support/databases.js";
import { DebtorClient } from "../../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../../test-support/service.js";
import { debtorPageRoutes } from "./debtor-pages.js";

describe.each(TEST_TARGETS)("debtor pages on %s", (target) => {
  let t: TestService;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "amiable-web-"));
    await mkdir(join(dist, "debtor"));
    await mkdir(join(dist, "assets"));
    await writeFile(
      join(dist, "debtor", "index.html"),
      "<!doctype html><title>chat</title><body><div id=root></div></body></html>",
    );
    await writeFile(join(dist, "assets", "debtor-abc123.js"), "console.log(1)");
    await writeFile(join(dist, "widget.js"), "(()=>{})()");
    // Mounted lazily: the router needs the context that startService creates.
    let inner: Router | undefined;
    const lazy = makeRouter();
    lazy.use((req, res, next) => (inner ? inner(req, res, next) : next()));
    const http = { extraRoutes: [lazy] };
    t = await startTestService(target, {}, http);
    inner = debtorPageRoutes(t.service.ctx, {
      webDist: dist,
      history: (token) => openFirstPage(t.service.chat, token, 1500, () => {}),
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(dist, { recursive: true, force: true });
  });

  async function newCase(overrides: Record<string, unknown> = {}) {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase(overrides) });
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string; link: string };
  }

  const get = (path: string) => fetch(`${t.url}${path}`);

  async function promised(overrides: Record<string, unknown> = {}) {
    const c = await newCase(overrides);
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    const offer = (await debtor.say("J'ai oublié, je peux tout payer")).offer;
    expect(offer?.kind).toBe("full");
    expect((await debtor.action("accept_offer", offer?.id)).ok).toBe(true);
    await debtor.waitFor(() => debtor.states.includes("promised"), "promised");
    debtor.close();
    const view = await t.api("GET", `/api/cases/${c.id}`, { token: t.tokens.collector });
    return {
      c,
      promise: view.body.promises[0] as {
        id: string;
        total: number;
        instalments: { dueDate: string; amount: number }[];
      },
    };
  }

  /** The chat page's inline history (decision 0092): the one data block, parsed as the page does. */
  async function inlineHistory(token: string) {
    const res = await get(`/c/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    const blocks = [
      ...html.matchAll(/<script type="application\/json" id="amiable-history">([^<]*)<\/script>/g),
    ];
    expect(blocks).toHaveLength(1);
    return { html, history: JSON.parse(blocks[0]?.[1] ?? "") as { messages: WireMessage[]; status: string } };
  }

  it("writes a first visit's greeting into the page, once, and the socket sends only what is newer", async () => {
    const c = await newCase();
    const first = await inlineHistory(c.token);
    expect(first.history.status).toBe("verifying");
    expect(first.history.messages.map((m) => m.role)).toEqual(["assistant"]);
    const greeting = first.history.messages[0] as WireMessage;
    // The greeting and the verification question only: nothing about the debt before verification.
    expect(greeting.text).not.toMatch(/€|EUR|INV-/);
    expect(greeting.offer).toBeUndefined();
    // Requested again (a reload, a second tab): the same greeting, not a second one.
    expect((await inlineHistory(c.token)).history.messages).toEqual([greeting]);

    // The page's socket asks for what follows its inline history: no message again, then the state.
    const page = await DebtorClient.connect(t.url, c.token, { after: greeting.id });
    await page.waitFor(() => page.states.length > 0, "state");
    await new Promise((r) => setTimeout(r, 200));
    expect(page.messages).toEqual([]);
    const reply = await page.say("75011");
    expect(page.messages.filter((m) => m.id === greeting.id)).toEqual([]);
    page.close();

    // A socket with no `after` (or an unknown or malformed one) gets the whole conversation, greeted once.
    for (const extra of [{}, { after: "not-a-message" }, { after: 42 }, { after: "x".repeat(500) }]) {
      const other = await DebtorClient.connect(t.url, c.token, extra);
      await other.waitFor(() => other.states.length > 0, "state");
      expect(other.messages.map((m) => m.id).slice(0, 2)).toEqual([
        greeting.id,
        other.messages.find((m) => m.role === "debtor")?.id,
      ]);
      expect(other.messages.filter((m) => m.role === "assistant").map((m) => m.id)).toEqual([
        greeting.id,
        reply.id,
      ]);
      other.close();
    }
    // And after the debtor's answer, the page carries it all, in order.
    const later = await inlineHistory(c.token);
    expect(later.history.messages.map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
  });

  it("greets once when the page and sockets open a new conversation at the same instant", async () => {
    const c = await newCase();
    const [pages, sockets] = await Promise.all([
      Promise.all([inlineHistory(c.token), inlineHistory(c.token)]),
      Promise.all([DebtorClient.connect(t.url, c.token), DebtorClient.connect(t.url, c.token)]),
    ]);
    for (const s of sockets) await s.waitFor(() => s.lastAssistant(), "greeting");
    await t.service.chat.idle();
    const greeting = (await inlineHistory(c.token)).history.messages;
    expect(greeting.map((m) => m.role)).toEqual(["assistant"]);
    for (const p of pages) expect(p.history.messages.every((m) => m.id === greeting[0]?.id)).toBe(true);
    for (const s of sockets) {
      expect(s.assistant().map((m) => m.id)).toEqual([greeting[0]?.id]);
      s.close();
    }
  });

  it("escapes the inline history: a debtor's </script> neither closes the block nor adds markup", async () => {
    const c = await newCase();
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    const hostile = `</script><script>alert("x")</script><!-- <b>&amp; \u2028 fin`;
    const ack = await debtor.send(hostile);
    expect(ack.ok).toBe(true);
    await debtor.waitFor(() => debtor.assistant().length >= 2, "reply");
    debtor.close();
    const { html, history } = await inlineHistory(c.token);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<!-- <b>");
    const stored = history.messages.find((m) => m.role === "debtor");
    expect(stored?.text).toBe(hostile.trim());
    // The block sits before </body> and the page's markup after it is intact.
    expect(html.endsWith("</script></body></html>")).toBe(true);
  });

  it("serves the chat page for a live link, frameable by the widget, never cached", async () => {
    const c = await newCase();
    expect(c.link.endsWith(`/c/${c.token}`)).toBe(true);
    const res = await get(`/c/${c.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("<div id=root>");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-frame-options")).toBeNull();
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("script-src 'self'");
  });

  it("answers an unknown or malformed link with a bilingual 404 page that reveals nothing", async () => {
    for (const token of ["abc", "A".repeat(43), `${"A".repeat(42)}!`]) {
      const res = await get(`/c/${encodeURIComponent(token)}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain("Ce lien n'est pas valable");
      expect(html).toContain("This link is not valid");
      expect(html).not.toContain(token);
      expect(html).not.toMatch(/<script|style=/);
    }
  });

  it("tells a revoked or expired link's holder whom to contact, and nothing else about the case", async () => {
    const creditor = {
      name: "Créances & Fils",
      contactEmail: "contact@creances.example",
      contactPhone: "+33 1 23 45 67 89",
    };
    const c = await newCase({ creditor });
    await t.api("DELETE", `/api/cases/${c.id}/link`, { token: t.tokens.collector });
    const res = await get(`/c/${c.token}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("Ce lien n'est plus valable");
    expect(html).toContain("This link is no longer valid");
    expect(html).toContain("Créances &amp; Fils");
    expect(html).toContain('href="mailto:contact@creances.example"');
    expect(html).toContain('href="tel:+33123456789"');
    expect(html).not.toMatch(/Dupont|INV-|F-1001|1 200|€/);
    expect(html).toContain('<link rel="stylesheet" href="/link-status.css">');
    const css = await get("/link-status.css");
    expect(css.headers.get("content-type")).toContain("text/css");

    const live = await newCase({ creditor });
    t.clock.advanceDays(31);
    try {
      const expired = await get(`/c/${live.token}`);
      expect(expired.status).toBe(404);
      expect(await expired.text()).toContain("contact@creances.example");
      expect((await get(`/c/${live.token}/info`)).status).toBe(401);
    } finally {
      t.clock.advanceDays(-31);
    }
  });

  it("answers a locked link with 423 and the way to reach a person", async () => {
    const c = await newCase({ creditor: { name: "Verrou SA", contactEmail: "aide@verrou.example" } });
    const debtor = await DebtorClient.connect(t.url, c.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    for (const wrong of ["11111", "22222", "33333"]) await debtor.say(wrong);
    debtor.close();
    const res = await get(`/c/${c.token}`);
    expect(res.status).toBe(423);
    const html = await res.text();
    expect(html).toContain("Ce lien est verrouillé");
    expect(html).toContain("This link is locked");
    expect(html).toContain("aide@verrou.example");
    const info = await get(`/c/${c.token}/info`);
    expect(info.status).toBe(423);
    expect((await info.json()).error.code).toBe("link_locked");
  });

  it("gives the header its data, the reference and promises only once the debtor is verified", async () => {
    const c = await newCase({ creditor: { name: "Info SARL", contactEmail: "info@info.example" } });
    const before = await (await get(`/c/${c.token}/info`)).json();
    expect(before).toMatchObject({
      creditor: { name: "Info SARL", contactEmail: "info@info.example" },
      locale: "fr",
      verified: false,
      promises: [],
    });
    expect(before.reference).toBeUndefined();
    const { c: done, promise } = await promised();
    const after = await (await get(`/c/${done.token}/info`)).json();
    expect(after.verified).toBe(true);
    expect(after.reference).toMatch(/^INV-/);
    expect(after.promises).toHaveLength(1);
    expect(after.promises[0]).toMatchObject({
      id: promise.id,
      total: promise.total,
      currency: "EUR",
      status: "active",
    });
    expect(after.status).toBe("promised");
  });

  it("serves the receipt and the calendar of the case's own promise, and 404 for anything else", async () => {
    const { c, promise } = await promised();
    const pdf = await get(`/c/${c.token}/receipt/${promise.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toMatch(
      /^attachment; filename="engagement-INV-[\w-]+\.pdf"$/,
    );
    expect(pdf.headers.get("cache-control")).toBe("no-store");
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    // The debtor's document carries the payment reference, not internal ids.
    expect(text).not.toContain(promise.id);
    const row = await t.db.prisma.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(text.replace(/ /g, "")).toContain(row.paymentReference);
    expect(text).toContain("Paiement en une fois");

    const ics = await get(`/c/${c.token}/calendar/${promise.id}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const events = parseCalendar(await ics.text());
    expect(events.map((e) => e.start)).toEqual(promise.instalments.map((i) => i.dueDate));

    const other = await newCase();
    expect((await get(`/c/${other.token}/receipt/${promise.id}.pdf`)).status).toBe(404);
    expect((await get(`/c/${other.token}/calendar/${promise.id}.ics`)).status).toBe(404);
    expect((await get(`/c/${c.token}/receipt/00000000-0000-4000-8000-000000000000.pdf`)).status).toBe(404);
    expect((await get(`/c/${c.token}/receipt/${promise.id}.ics`)).status).toBe(404);
    expect((await get(`/c/${c.token}/receipt/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await get(`/c/${"B".repeat(43)}/receipt/${promise.id}.pdf`)).status).toBe(401);
  });

  it("serves hashed assets for a year and the widget script under a stable name", async () => {
    const asset = await get("/assets/debtor-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await get("/assets/missing.js")).status).toBe(404);
    const widget = await get("/widget.js");
    expect(widget.status).toBe(200);
    expect(widget.headers.get("content-type")).toContain("javascript");
    expect(widget.headers.get("cache-control")).toBe("public, max-age=3600");
  });
});
