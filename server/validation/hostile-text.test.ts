// Hostile text over every route and socket event: NUL, lone UTF-16 surrogates and control
// characters in any string (body field, query parameter, path segment, socket payload) give a 400
// or an error ack naming the problem, never a 500 and never a stored row. Ordinary Unicode (accents,
// emoji, right-to-left text) still passes. Search treats "%" and "_" as the characters they are.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../config/paths.js";
import { ConsoleClient } from "../test-support/console-client.js";
import { escalatedDispute, newCase } from "../test-support/console-fixtures.js";
import { type ConsoleTestService, startConsoleTestService } from "../test-support/console-service.js";
import { TEST_TARGETS } from "../test-support/databases.js";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase } from "../test-support/service.js";
import { findHostileChar, findHostileField } from "./user-text.js";

const HOSTILE: Record<string, string> = {
  nul: "a\u0000b",
  "lone high surrogate": "a\ud800b",
  "lone low surrogate": "\udc00",
  bell: "ring\u0007",
  escape: "\u001b[31mred",
  "C1 control": "x\u0085y",
  "high surrogate at the end": "end\ud83d",
};
const FRIENDLY = ["Dupont & Fils — société", "😀 👍🏽", "שלום", "line\nbreak\tand tab", "naïve café"];

describe("findHostileChar", () => {
  it.each(Object.entries(HOSTILE))("refuses %s", (_name, s) => {
    expect(findHostileChar(s)).not.toBeNull();
  });
  it.each(FRIENDLY)("accepts %j", (s) => {
    expect(findHostileChar(s)).toBeNull();
  });
  it("names the field, keys included", () => {
    expect(findHostileField({ a: [{ b: "ok" }, { c: "\u0000" }] })?.path).toBe("a.1.c");
    expect(findHostileField({ "k\u0000": 1 })?.path).toBe("(key)");
  });
});

type Json = Record<string, unknown>;

/** Every route declared under server/http/routes, read from the sources so new routes are swept too. */
function declaredRoutes(): { method: string; path: string }[] {
  const dir = fromRoot("server", "http", "routes");
  const out: { method: string; path: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = readFileSync(`${dir}/${file}`, "utf8");
    for (const m of source.matchAll(/router\.(get|post|put|patch|delete)\(\s*\[?\s*"([^"]+)"/g))
      out.push({ method: (m[1] as string).toUpperCase(), path: m[2] as string });
  }
  return out;
}

/** Every socket event a namespace handles, read from server/socket/<name>-namespace.ts. */
function declaredEvents(namespace: "debtor" | "console"): string[] {
  const source = readFileSync(fromRoot("server", "socket", `${namespace}-namespace.ts`), "utf8");
  return [...source.matchAll(/socket\.on\(\s*"([^"]+)"/g)].map((m) => m[1] as string);
}

/** Every string leaf of a body, each replaced in turn by `value`. */
function variants(body: Json, value: string): { field: string; body: Json }[] {
  const out: { field: string; body: Json }[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === "string") {
      const copy = structuredClone(body);
      let target: Record<string | number, unknown> = copy;
      for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
      target[path.at(-1) as string] = value;
      out.push({ field: path.join("."), body: copy });
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
    }
  };
  walk(body, []);
  return out;
}

describe.each(TEST_TARGETS)("hostile text on %s", (target) => {
  let t: ConsoleTestService;
  let caseId: string;
  let token: string;
  let escalationId: string;
  let debtor: DebtorClient;

  beforeAll(async () => {
    t = await startConsoleTestService(target);
    const esc = await escalatedDispute(t);
    caseId = esc.c.id;
    token = esc.c.token;
    escalationId = esc.escalationId;
    debtor = esc.debtor;
  });
  afterAll(async () => {
    debtor?.socket.close();
    await t?.close();
  });

  const bodyRoutes = (): { method: string; path: string; body: Json }[] => [
    { method: "POST", path: "/api/login", body: { email: "admin@test.local", password: "x".repeat(12) } },
    { method: "POST", path: "/api/cases", body: sampleCase() },
    {
      method: "POST",
      path: `/api/escalations/${escalationId}/resolve`,
      body: { outcome: "other", note: "n" },
    },
    { method: "POST", path: `/api/cases/${caseId}/messages`, body: { text: "hello", clientMessageId: "c1" } },
    { method: "POST", path: `/api/cases/${caseId}/handback`, body: { note: "back to you" } },
    { method: "POST", path: `/api/cases/${caseId}/offers`, body: { kind: "full", text: "an offer" } },
    {
      method: "POST",
      path: "/api/payments",
      body: { caseId, amount: 100, currency: "EUR", paidAt: "2026-01-01", externalRef: "r" },
    },
  ];

  it("refuses hostile text in every string field of every JSON body with a 400", async () => {
    let tried = 0;
    for (const route of bodyRoutes()) {
      for (const [name, value] of Object.entries(HOSTILE)) {
        for (const v of variants(route.body, value)) {
          const res = await t.api(route.method, route.path, { token: t.tokens.admin, body: v.body });
          tried++;
          expect(res.status, `${route.method} ${route.path} ${v.field} with ${name}`).toBe(400);
          expect(res.body.error.code).toBe("validation_failed");
          expect(JSON.stringify(res.body.error.details)).toContain(v.field.split(".").at(-1));
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    // Nothing hostile reached the database.
    const notes = await t.db.prisma.message.findMany({ select: { text: true } });
    for (const n of notes) expect(findHostileChar(n.text)).toBeNull();
  });

  it("refuses hostile text in query parameters and path segments of every route", async () => {
    const routes: [string, string][] = [
      ["GET", "/api/cases?q=%s"],
      ["GET", "/api/cases?creditor=%s"],
      ["GET", "/api/cases/export.csv?q=%s"],
      ["GET", "/api/audit?action=%s"],
      ["GET", "/api/escalations?kind=%s"],
      ["GET", "/api/kpis?from=%s"],
      ["GET", "/api/me?x=%s"],
      ["GET", "/api/cases/%s"],
      ["GET", "/api/cases/%s/transcript"],
      ["POST", "/api/cases/%s/link"],
      ["DELETE", "/api/cases/%s/link"],
      ["POST", "/api/escalations/%s/assign"],
      ["POST", "/api/cases/%s/takeover"],
      ["POST", "/api/cases/import?mode=%s"],
      ["GET", "/c/%s"],
      ["GET", "/c/%s/info"],
      ["GET", `/c/${token}/receipt/%s`],
      ["GET", `/c/${token}/calendar/%s`],
      ["GET", "/console/%s"],
    ];
    for (const [method, template] of routes) {
      for (const encoded of ["%00", "%07", "%1B", "%C2%85", "%ED%A0%80"]) {
        const res = await t.api(method, template.replace("%s", encoded), { token: t.tokens.admin });
        expect(res.status, `${method} ${template} with ${encoded}`).toBe(400);
      }
    }
  });

  it("sweeps every declared route: NUL in a path parameter, the query or the body is a 400", async () => {
    // Read from the sources, so a route added later is swept without editing this test.
    const routes = declaredRoutes();
    expect(routes.length).toBeGreaterThan(25);
    for (const { method, path } of routes) {
      const concrete = path.replace(/:\w+/g, token).replace("{*splat}", "x");
      const hostilePath = path.replace(/:\w+/g, "a%00b").replace("{*splat}", "%00");
      // A provider's webhook reads a raw, signed body (not user text): its signature check refuses it.
      const rawBody = path.startsWith("/api/webhooks/");
      const tries = [
        ...(hostilePath !== concrete ? [{ path: hostilePath }] : []),
        { path: `${concrete}?q=%00` },
        ...(method === "GET" || rawBody
          ? []
          : [{ path: concrete, body: { note: "a\u0000b", text: "\ud800" } }]),
      ];
      for (const attempt of tries) {
        const res = await t.api(method, attempt.path, {
          token: t.tokens.admin,
          ...("body" in attempt ? { body: attempt.body } : {}),
        });
        const what = `${method} ${attempt.path} ${JSON.stringify(res.body)}`;
        // Routes that read no input (health checks, static files) may ignore a query; none may fail.
        if (/^\/(api|c)\//.test(path)) expect(res.status, what).toBe(400);
        else expect(res.status, what).toBeLessThan(500);
      }
    }
  });

  it("sweeps every declared socket event: hostile payloads get an error ack", async () => {
    const d = await DebtorClient.connect(t.url, (await newCase(t)).token);
    const staff = await ConsoleClient.connect(t.url, t.tokens.collector);
    try {
      for (const [client, events] of [
        [d, declaredEvents("debtor")],
        [staff, declaredEvents("console")],
      ] as const) {
        expect(events.length).toBeGreaterThan(1);
        for (const event of events)
          for (const value of Object.values(HOSTILE)) {
            const ack = await client.emit(event, { clientMessageId: "c1", text: value, caseId: value });
            expect(ack.ok, `${event}`).toBe(false);
            expect(ack.error.code, `${event}`).toBe("validation_failed");
          }
      }
    } finally {
      d.socket.close();
      staff.socket.close();
    }
  });

  it("refuses hostile cells in a CSV import without storing anything", async () => {
    const before = await t.db.prisma.case.count();
    const csv = [
      "reference,creditor_name,debtor_name,debtor_kind,debtor_email,debtor_locale,jurisdiction,currency,invoice_number,invoice_issued_at,invoice_due_at,invoice_amount",
      "REF-\u0000-1,Acme,Bad\u0007Name,business,a@b.example,fr,FR,EUR,F-1,2026-01-01,2026-01-31,100.00",
    ].join("\n");
    for (const mode of ["validate", "import", "import_valid"]) {
      const res = await t.api("POST", `/api/cases/import?mode=${mode}`, {
        token: t.tokens.admin,
        raw: csv,
        headers: { "content-type": "text/csv" },
      });
      expect(res.status, `${mode}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect(JSON.stringify(res.body)).toMatch(/NUL|control/);
    }
    expect(await t.db.prisma.case.count()).toBe(before);
  });

  it("still accepts ordinary Unicode", async () => {
    for (const name of FRIENDLY) {
      const res = await t.api("POST", "/api/cases", {
        token: t.tokens.collector,
        body: sampleCase({ creditor: { name } }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it("treats % and _ in search as characters, not wildcards", async () => {
    const special = await newCase(t, { reference: "PCT-100%_SPECIAL" });
    const all = await t.api("GET", "/api/cases?pageSize=100", { token: t.tokens.collector });
    expect(all.body.total).toBeGreaterThan(2);
    const pct = await t.api("GET", "/api/cases?q=%25", { token: t.tokens.collector });
    expect(pct.status).toBe(200);
    expect(pct.body.items.map((i: { id: string }) => i.id)).toEqual([special.id]);
    const under = await t.api("GET", "/api/cases?q=_", { token: t.tokens.collector });
    expect(under.body.items.map((i: { id: string }) => i.id)).toEqual([special.id]);
    const backslash = await t.api("GET", "/api/cases?q=%5C", { token: t.tokens.collector });
    expect(backslash.status).toBe(200);
    expect(backslash.body.total).toBe(0);
    const audit = await t.api("GET", "/api/audit?action=%25", { token: t.tokens.admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([]);
  });

  it("answers hostile socket payloads on every debtor event with an error ack", async () => {
    const c = await newCase(t);
    const d = await DebtorClient.connect(t.url, c.token);
    try {
      for (const [name, value] of Object.entries(HOSTILE)) {
        const payloads: [string, unknown][] = [
          ["debtor:message", { clientMessageId: "m1", text: value }],
          ["debtor:message", { clientMessageId: value, text: "hello" }],
          ["debtor:message", { [value]: 1, clientMessageId: "m2", text: "x" }],
          ["debtor:action", { clientMessageId: "a1", type: value }],
          ["debtor:action", { clientMessageId: "a2", type: "accept_offer", offerId: value }],
          [`debtor:${value}`, { text: value }],
        ];
        for (const [event, payload] of payloads) {
          const ack = await d.emit(event, payload);
          expect(ack.ok, `${event} with ${name}`).toBe(false);
          // An unknown event is refused as such before any payload is read.
          const known = ["debtor:message", "debtor:action"].includes(event);
          expect(ack.ok ? undefined : ack.error.code, `${event} with ${name}`).toBe(
            known ? "validation_failed" : "bad_request",
          );
        }
      }
      const stored = await t.db.prisma.message.findMany({
        where: { conversation: { caseId: c.id }, role: "debtor" },
      });
      expect(stored).toEqual([]);
      // The connection is still usable.
      expect((await d.send("bonjour")).ok).toBe(true);
    } finally {
      d.socket.close();
    }
  });

  it("answers hostile socket payloads on every console event with an error ack", async () => {
    const staff = await ConsoleClient.connect(t.url, t.tokens.collector);
    try {
      for (const [name, value] of Object.entries(HOSTILE)) {
        for (const [event, payload] of [
          ["console:join_case", { caseId: value }],
          ["console:leave_case", { caseId: value }],
          ["console:join_case", { caseId, extra: value }],
          [`console:${value}`, {}],
        ] as const) {
          const ack = await staff.emit(event, payload);
          expect(ack.ok, `${event} with ${name}`).toBe(false);
          const known = ["console:join_case", "console:leave_case"].includes(event);
          expect(ack.error.code, `${event} with ${name}`).toBe(known ? "validation_failed" : "bad_request");
        }
      }
    } finally {
      staff.socket.close();
    }
  });
});
