// The debtor-language corpus: multi-turn conversations written the way debtors write (typos, SMS
// style, no accents, questions, changes of mind), in French and English, each turn with what a good
// collector does next. They run through the offline engine and the REAL policy engine over an
// in-memory case (no database: fast enough for every CI run), and each turn is graded on what the
// conversation did — the escalation it opened, the offer it made, the question it answered, the
// verification attempt it spent — never on wording, except the answer's subject.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { turn } from "../../server/agent/llm/test-support/fixtures.js";
import { PolicyToolbox } from "../../server/agent/llm/test-support/policy-toolbox.js";
import { understand } from "../../server/agent/offline/nlu/index.js";
import { detectLocale } from "../../server/agent/offline/nlu/locale.js";
import { prepare } from "../../server/agent/offline/nlu/text/prepare.js";
import { OfflineLanguageLayer } from "../../server/agent/offline/offline-layer.js";
import { answerForms, compact } from "../../server/domain/answer-forms.js";
import type { CaseFacts } from "../../server/domain/case-facts.js";
import { loadPacks } from "../../server/policy/index.js";

const expectSchema = z.enum([
  "not_counted", // before verification: explained, no attempt spent
  "attempt", // a wrong answer: one attempt spent
  "verified",
  "escalate", // with `kind`
  "offer", // with `kind`, optional `amount` per instalment, optional `day` of the month
  "answer", // a question answered: `about` words must appear, nothing opened
  "ask", // nothing opened, no offer: a question back (a reason, a proposal, a rephrasing)
  "confirm", // asks an explicit yes before changing a recorded commitment
  "cancelled", // the recorded commitment withdrawn
  "kept", // the recorded commitment kept
]);

const turnSchema = z.strictObject({
  say: z.string().min(1),
  expect: expectSchema,
  kind: z.string().optional(),
  amount: z.number().int().positive().optional(),
  day: z.number().int().min(1).max(31).optional(),
  about: z.array(z.string()).optional(),
  /** The language the reply must be in. */
  lang: z.enum(["fr", "en"]).optional(),
  /** What a good collector does here, in words, for the reader. */
  why: z.string().optional(),
});

const conversationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  case: z.enum(["fr-business", "fr-consumer", "uk-consumer"]),
  /** Where the conversation starts: "verifying" (first message) or "verified" (reason asked). */
  from: z.enum(["verifying", "verified", "promised"]).default("verified"),
  turns: z.array(turnSchema).min(1),
});
export type CorpusConversation = z.infer<typeof conversationSchema>;

const fileSchema = z.strictObject({ conversations: z.array(conversationSchema) });

export const TODAY = "2026-11-22";

const CASES: Record<CorpusConversation["case"], { facts: CaseFacts; answer: string }> = {
  "fr-business": {
    answer: "75011",
    facts: {
      reference: "DOS-2026-311",
      creditorName: "Acme Fournitures SAS",
      debtorName: "Boulangerie Martin SARL",
      debtorKind: "business",
      locale: "fr",
      jurisdiction: "FR",
      currency: "EUR",
      timeZone: "Europe/Paris",
      invoices: [
        { number: "F-2026-117", issuedAt: "2026-07-01", dueAt: "2026-07-31", amount: 240_000 },
        { number: "F-2026-123", issuedAt: "2026-08-01", dueAt: "2026-08-31", amount: 180_000 },
      ],
    },
  },
  "fr-consumer": {
    answer: "03/11/1979",
    facts: {
      reference: "EO-2026-88",
      creditorName: "Énergie Ouest",
      debtorName: "Julie Fontaine",
      debtorKind: "consumer",
      locale: "fr",
      jurisdiction: "FR",
      currency: "EUR",
      timeZone: "Europe/Paris",
      invoices: [{ number: "EO-10990", issuedAt: "2026-08-01", dueAt: "2026-08-31", amount: 96_000 }],
    },
  },
  "uk-consumer": {
    answer: "SW1A 1AA",
    facts: {
      reference: "NW-2026-501",
      creditorName: "Northern Water",
      debtorName: "Sophie Turner",
      debtorKind: "consumer",
      locale: "en",
      jurisdiction: "UK",
      currency: "GBP",
      timeZone: "Europe/London",
      invoices: [{ number: "NW-55801", issuedAt: "2026-08-01", dueAt: "2026-08-31", amount: 84_000 }],
    },
  },
};

const packs = loadPacks("policies");

/** The fixture toolbox, with verification read as the service reads it (answer forms, three attempts). */
class CorpusToolbox extends PolicyToolbox {
  attempts = 0;
  verified = false;
  constructor(
    facts: CaseFacts,
    private readonly answer: string,
  ) {
    const loaded = packs.get(facts.jurisdiction === "UK" ? "uk-consumer" : `fr-${facts.debtorKind}`);
    if (!loaded) throw new Error("pack missing");
    super({ facts, pack: loaded.pack, policyVersionId: `${loaded.pack.id}@corpus`, today: TODAY });
  }
  override async verifyIdentity(answer: string) {
    const verified = answerForms(answer).includes(compact(this.answer));
    if (verified) this.verified = true;
    else this.attempts++;
    return { verified, attemptsLeft: 3 - this.attempts, locked: this.attempts >= 3 };
  }
}

export interface TurnResultRow {
  readonly say: string;
  readonly expected: string;
  readonly ok: boolean;
  readonly got: string;
  readonly reply: string;
}

export interface ConversationResult {
  readonly id: string;
  readonly passed: boolean;
  readonly turns: readonly TurnResultRow[];
}

function replyLocale(text: string, fallback: "fr" | "en"): "fr" | "en" {
  const p = prepare(text);
  return detectLocale(text, p.tokens, fallback);
}

export async function runConversation(c: CorpusConversation): Promise<ConversationResult> {
  const { facts, answer } = CASES[c.case];
  const tb = new CorpusToolbox(facts, answer);
  const layer = new OfflineLanguageLayer();
  let phase: "verifying" | "reason" | "negotiating" | "promised" | "escalated" =
    c.from === "verifying" ? "verifying" : c.from === "promised" ? "promised" : "reason";
  const history: { role: "debtor" | "assistant"; text: string }[] = [];
  let memory = { askedForProposal: false, proposalsOutside: 0, abuseCount: 0, unclearCount: 0 };
  const rows: TurnResultRow[] = [];
  let n = 0;
  for (const t of c.turns) {
    n++;
    const before = {
      esc: tb.escalations.length,
      offers: tb.offers.length,
      attempts: tb.attempts,
      w: tb.withdrawals,
    };
    const u = understand(t.say, {
      locale: facts.locale,
      currency: facts.currency,
      today: TODAY,
      ...(phase === "verifying" ? { expecting: "identity" as const } : {}),
    });
    history.push({ role: "debtor", text: t.say });
    const pending = phase === "negotiating" ? (tb.offers.at(-1) ?? null) : null;
    const verified = phase !== "verifying";
    const r = await layer.respond(
      turn(tb, {
        conversationId: c.id,
        locale: facts.locale,
        phase: phase === "escalated" ? "escalated" : phase,
        facts: verified ? facts : null,
        due: verified ? tb.due : null,
        verificationQuestion:
          facts.locale === "fr" ? "Quel est votre code postal ?" : "What is your postcode?",
        pendingOffer: pending,
        history: [...history],
        debtorText: t.say,
        understanding: u,
        turn: n,
        memory,
      }),
    );
    memory = { ...memory, ...r.memory };
    history.push({ role: "assistant", text: r.text });
    const opened = tb.escalations.slice(before.esc);
    const offered = tb.offers.slice(before.offers);
    const got = opened.length
      ? `escalate ${opened.map((e) => e.kind).join(",")}`
      : offered.length
        ? `offer ${offered.map((o) => `${o.kind}:${o.instalments.map((i) => i.amount).join("/")}@${o.instalments[0]?.dueDate}`).join(",")}`
        : tb.withdrawals > before.w
          ? "cancelled"
          : tb.attempts > before.attempts
            ? "attempt"
            : "reply";
    const text = r.text.toLowerCase();
    let ok: boolean;
    switch (t.expect) {
      case "not_counted":
        ok = phase === "verifying" && tb.attempts === before.attempts && !opened.length;
        break;
      case "attempt":
        ok =
          tb.attempts === before.attempts + 1 &&
          (!opened.length || opened.every((e) => e.kind === "identity"));
        break;
      case "verified":
        ok = phase === "verifying" && tb.verified;
        break;
      case "escalate":
        ok = opened.length > 0 && (t.kind === undefined || opened.some((e) => e.kind === t.kind));
        break;
      case "offer": {
        const o = offered.at(-1);
        const amounts = o?.instalments.map((i) => i.amount) ?? [];
        ok =
          !opened.length &&
          o !== undefined &&
          (t.kind === undefined || o.kind === t.kind) &&
          (t.amount === undefined ||
            (amounts.length > 1 && amounts.slice(1, -1).every((a) => a === t.amount))) &&
          (t.day === undefined || Number(o.instalments[0]?.dueDate.slice(8)) === t.day);
        break;
      }
      case "answer":
        ok =
          !opened.length && !offered.length && (t.about ?? []).every((w) => text.includes(w.toLowerCase()));
        break;
      case "ask":
        ok = !opened.length && !offered.length && tb.withdrawals === before.w;
        break;
      case "confirm":
        ok =
          !opened.length &&
          tb.withdrawals === before.w &&
          /\?/.test(r.text) &&
          (r.quickReplies?.length ?? 0) === 2;
        break;
      case "cancelled":
        ok = tb.withdrawals === before.w + 1;
        break;
      case "kept":
        ok = tb.withdrawals === before.w && !opened.length;
        break;
    }
    if (t.lang && replyLocale(r.text, facts.locale) !== t.lang) ok = false;
    rows.push({
      say: t.say,
      expected: `${t.expect}${t.kind ? ` ${t.kind}` : ""}${t.amount ? ` ${t.amount}` : ""}${t.day ? ` day ${t.day}` : ""}`,
      ok,
      got,
      reply: r.text,
    });
    // The conversation moves on as the service would.
    if (tb.escalations.length > 0) phase = "escalated";
    else if (phase === "verifying" && tb.verified) phase = "reason";
    else if (phase === "promised" && tb.withdrawals > before.w) phase = "negotiating";
    else if (phase !== "verifying" && phase !== "promised" && offered.length) phase = "negotiating";
    if (phase === "negotiating" && u.intent === "accept" && pending) phase = "promised";
  }
  return { id: c.id, passed: rows.every((r) => r.ok), turns: rows };
}

export function loadCorpus(dir = path.resolve(import.meta.dirname, "corpus")): CorpusConversation[] {
  const out: CorpusConversation[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const parsed = fileSchema.safeParse(parse(readFileSync(path.join(dir, file), "utf8")));
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    for (const c of parsed.data.conversations) {
      if (ids.has(c.id)) throw new Error(`${file}: duplicate conversation id ${c.id}`);
      ids.add(c.id);
      out.push(c);
    }
  }
  return out;
}
