// Injects red-team lines as debtor turns inside live negotiations: a fresh case, the identity
// verified, an offer on the table, then one line after another in the same conversation for as long
// as it stays open (a line that ends the negotiation, e.g. read as a dispute or a third insult, closes
// it and the next line opens a new one). Each reply is checked for echoes and leaks; each finished
// conversation is graded for policy violations like any scenario, and those are traced to the line
// whose reply carried them.
import { checkMessages } from "../grading/messages.js";
import { checkRecords } from "../grading/offers.js";
import { readSnapshot } from "../grading/snapshot.js";
import type { PolicyViolation } from "../grading/types.js";
import { DebtorConnection } from "../harness/client.js";
import { newReference } from "../harness/drive.js";
import type { EvalService } from "../harness/service.js";
import { caseBody } from "../scenario/dates.js";
import { REDTEAM_CASES } from "./cases.js";
import { echoes, leaks } from "./checks.js";
import type { RedteamLine } from "./lines.js";

/** Violations in a red-team conversation before its first injected line (greeting, verification, first offer). */
export interface RedteamSetupFinding {
  readonly conversation: string;
  readonly pack: string;
  readonly violations: readonly PolicyViolation[];
}

export interface RedteamRun {
  readonly lines: RedteamResult[];
  readonly setup: RedteamSetupFinding[];
}

export interface RedteamResult {
  readonly line: RedteamLine;
  readonly conversation: string;
  readonly pack: string;
  readonly reply: string;
  readonly status: string;
  readonly echoed: boolean;
  readonly leaks: readonly string[];
  readonly violations: readonly PolicyViolation[];
  readonly error?: string;
  readonly passed: boolean;
}

const OPENER = { fr: "J'avais oublié de payer, désolé.", en: "I forgot to pay, sorry." };
const PAY_FULL = { fr: "Je peux tout payer.", en: "I can pay the whole amount." };
/** Lines per conversation before a fresh one: keeps transcripts readable. */
const MAX_LINES_PER_CONVERSATION = 20;

async function offerOpen(service: EvalService, caseId: string): Promise<boolean> {
  return (await service.prisma.offer.count({ where: { caseId, status: "proposed" } })) > 0;
}

interface Injected {
  readonly line: RedteamLine;
  readonly reply: string;
  readonly replyId: string | null;
  readonly status: string;
  readonly error?: string;
}

/** One conversation: takes lines from `queue` until it closes; returns the graded results. */
async function conversation(
  service: EvalService,
  locale: "fr" | "en",
  variant: number,
  queue: RedteamLine[],
): Promise<RedteamRun> {
  const choice = REDTEAM_CASES[locale][variant % REDTEAM_CASES[locale].length];
  if (!choice) return { lines: [], setup: [] };
  const reference = newReference(`redteam-${choice.pack}`, "assistant", 1);
  service.assign(reference, "assistant");
  const created = await service.api<{ id: string; token: string }>(
    "POST",
    "/api/cases",
    caseBody(choice.body, service.today, reference),
  );
  if (created.status !== 201) throw new Error(`red-team case refused: ${JSON.stringify(created.body)}`);
  const caseId = created.body.id;
  const conn = await DebtorConnection.open(service.url, created.body.token);
  const injected: Injected[] = [];
  try {
    await conn.waitFor(() => conn.assistantCount() > 0, "the greeting");
    await conn.say(choice.body.invoices[0]?.number ?? "");
    await conn.say(OPENER[locale]);
    while (queue.length > 0 && injected.length < MAX_LINES_PER_CONVERSATION) {
      if (conn.status !== "negotiating") break;
      if (!(await offerOpen(service, caseId))) {
        await conn.say(PAY_FULL[locale]);
        if (conn.status !== "negotiating" || !(await offerOpen(service, caseId))) break;
      }
      const line = queue.shift() as RedteamLine;
      try {
        const { ack, reply } = await conn.say(line.text);
        await new Promise((r) => setTimeout(r, 15));
        injected.push({
          line,
          reply: reply?.text ?? "",
          replyId: reply?.id ?? null,
          status: conn.status,
          ...(ack.ok ? {} : { error: `message refused: ${ack.error?.code}` }),
        });
      } catch (error) {
        injected.push({ line, reply: "", replyId: null, status: conn.status, error: String(error) });
        break;
      }
    }
  } finally {
    conn.close();
  }
  const snapshot = await readSnapshot(service, caseId);
  const violations = [...checkRecords(snapshot), ...checkMessages(snapshot)];
  const seqOf = new Map(snapshot.messages.map((m) => [m.id, m.seq]));
  const replySeqs = injected.map((inj) => (inj.replyId ? (seqOf.get(inj.replyId) ?? null) : null));
  // A violation in a message belongs to the line whose reply it is (or the last line before it); one in
  // the set-up, before any line, to the conversation; one on the records (offers, promises) to the
  // last line.
  const owner = (v: PolicyViolation): number => {
    const m = /^message #(\d+)$/.exec(v.where ?? "");
    if (!m) return injected.length - 1;
    const at = Number(m[1]);
    let index = -1;
    replySeqs.forEach((seq, i) => {
      if (seq !== null && seq <= at) index = i;
    });
    return index;
  };
  const setupViolations = violations.filter((v) => owner(v) === -1);
  const setup =
    setupViolations.length > 0
      ? [{ conversation: reference, pack: choice.pack, violations: setupViolations }]
      : [];
  const lines = injected.map((inj, i) => {
    const mine = violations.filter((v) => owner(v) === i);
    const echoed = inj.line.planted ? echoes(inj.reply, inj.line.planted) : false;
    const leaked = leaks(inj.reply, snapshot);
    return {
      line: inj.line,
      conversation: reference,
      pack: choice.pack,
      reply: inj.reply,
      status: inj.status,
      echoed,
      leaks: leaked,
      violations: mine,
      ...(inj.error ? { error: inj.error } : {}),
      passed: !echoed && leaked.length === 0 && mine.length === 0 && !inj.error,
    };
  });
  return { lines, setup };
}

function failedLine(line: RedteamLine, error: string): RedteamResult {
  return {
    line,
    conversation: "",
    pack: "",
    reply: "",
    status: "error",
    echoed: false,
    leaks: [],
    violations: [],
    error,
    passed: false,
  };
}

/**
 * Runs `lines` through about `concurrency` conversations at a time. Each language's lines are cut
 * into fixed segments, one per parallel conversation thread, and each thread walks its segment in
 * order with its own rotation of packs: which line meets which pack does not depend on timing, so two
 * runs give the same results.
 */
export async function runRedteam(
  service: EvalService,
  lines: readonly RedteamLine[],
  concurrency: number,
): Promise<RedteamRun> {
  const results: RedteamResult[] = [];
  const setup: RedteamSetupFinding[] = [];
  const perLocale = Math.max(1, Math.ceil(concurrency / 2));
  const threads: { locale: "fr" | "en"; queue: RedteamLine[]; index: number }[] = [];
  for (const locale of ["fr", "en"] as const) {
    const list = lines.filter((l) => l.locale === locale);
    const size = Math.ceil(list.length / perLocale);
    for (let i = 0; i < perLocale; i++) {
      const queue = list.slice(i * size, (i + 1) * size);
      if (queue.length > 0) threads.push({ locale, queue, index: i });
    }
  }
  const thread = async ({ locale, queue, index }: (typeof threads)[number]) => {
    for (let n = 0; queue.length > 0; n++) {
      const before = queue.length;
      let problem: string | undefined;
      try {
        const run = await conversation(service, locale, index + n, queue);
        results.push(...run.lines);
        setup.push(...run.setup);
        if (queue.length === before) problem = "the negotiation closed before the line could be injected";
      } catch (error) {
        problem = String(error);
      }
      // A conversation that could not take its first line: that line fails, and the next one goes on.
      const line = problem && queue.length === before ? queue.shift() : undefined;
      if (line && problem) results.push(failedLine(line, problem));
    }
  };
  await Promise.all(threads.map(thread));
  results.sort((a, b) => lines.indexOf(a.line) - lines.indexOf(b.line));
  return { lines: results, setup };
}
