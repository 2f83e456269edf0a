// Runs one scenario conversation for one arm: creates the case through the collector API, connects
// the simulated debtor through socket.io with the link token, and lets it talk until it stops.
import { randomBytes } from "node:crypto";
import type { WireOffer } from "../../contract/debtor-socket.js";
import type { Arm } from "../baselines/router.js";
import { caseBody } from "../scenario/dates.js";
import type { Scenario } from "../scenario/schema.js";
import { type DebtorFacts, RuleDebtor } from "../simulator/rules.js";
import type { DebtorMove, DebtorView, SimulatedDebtor } from "../simulator/types.js";
import { DebtorConnection } from "./client.js";
import type { EvalService } from "./service.js";

export interface MoveRecord {
  readonly turn: number;
  readonly move: DebtorMove;
  /** Error code of a refused message or action (offer_unavailable, ...). */
  readonly refused?: string;
}

export interface ConversationRun {
  readonly scenarioId: string;
  readonly arm: Arm;
  readonly trial: number;
  readonly reference: string;
  readonly caseId: string | null;
  readonly moves: readonly MoveRecord[];
  readonly harnessError?: string;
  readonly durationMs: number;
  readonly simulatorUsage: { inputTokens: number; outputTokens: number };
}

export type DebtorFactory = (scenario: Scenario, facts: DebtorFacts) => SimulatedDebtor;

export const ruleDebtors: DebtorFactory = (scenario, facts) => new RuleDebtor(scenario.debtor, facts);

export function newReference(scenarioId: string, arm: Arm, trial: number): string {
  const tag = { assistant: "A", rigid: "R", naive: "N" }[arm];
  return `EV-${tag}${trial}-${randomBytes(4).toString("hex")}-${scenarioId}`.slice(0, 100);
}

/** The open offer as the debtor can tell: the last one shown, unless it was answered since. */
class OfferTracker {
  private readonly dead = new Set<string>();
  kill(id: string): void {
    this.dead.add(id);
  }
  current(conn: DebtorConnection): WireOffer | null {
    if (conn.status !== "negotiating") return null;
    const offer = conn.lastOffer();
    if (!offer || this.dead.has(offer.id)) return null;
    return offer;
  }
}

export async function createCase(
  service: EvalService,
  scenario: Scenario,
  reference: string,
): Promise<{ id: string; token: string; amountDue: number }> {
  const body = caseBody(scenario.case, service.today, reference);
  const created = await service.api<{ id: string; token: string; error?: unknown }>(
    "POST",
    "/api/cases",
    body,
  );
  if (created.status !== 201)
    throw new Error(`POST /api/cases refused the scenario's case: ${JSON.stringify(created.body)}`);
  const view = await service.api<{ amountDue: { total: number } | null }>(
    "GET",
    `/api/cases/${created.body.id}`,
  );
  return { id: created.body.id, token: created.body.token, amountDue: view.body.amountDue?.total ?? 0 };
}

export async function driveScenario(
  service: EvalService,
  scenario: Scenario,
  arm: Arm,
  trial: number,
  makeDebtor: DebtorFactory = ruleDebtors,
): Promise<ConversationRun> {
  const started = Date.now();
  const reference = newReference(scenario.id, arm, trial);
  service.assign(reference, arm);
  const moves: MoveRecord[] = [];
  let caseId: string | null = null;
  let debtor: SimulatedDebtor | null = null;
  let conn: DebtorConnection | null = null;
  let harnessError: string | undefined;
  try {
    const created = await createCase(service, scenario, reference);
    caseId = created.id;
    conn = await DebtorConnection.open(service.url, created.token);
    const c = conn;
    await c.waitFor(() => c.assistantCount() > 0, "the greeting");
    debtor = makeDebtor(scenario, {
      locale: scenario.case.debtor.locale,
      currency: scenario.case.currency,
      amountDue: created.amountDue,
      verificationAnswer: scenario.case.verification?.answer ?? scenario.case.invoices[0]?.number ?? "",
    });
    const offers = new OfferTracker();
    for (let turn = 1; turn <= 60; turn++) {
      const view: DebtorView = {
        status: c.status,
        messages: c.messages,
        offer: offers.current(c),
        turns: moves.length,
      };
      const move = await debtor.next(view);
      if (move.kind === "stop") {
        moves.push({ turn, move });
        break;
      }
      let refused: string | undefined;
      if (move.kind === "say") {
        const { ack } = await c.say(move.text);
        if (!ack.ok) refused = ack.error?.code ?? "refused";
      } else if (move.kind === "accept" || move.kind === "decline") {
        offers.kill(move.offerId);
        const { ack } = await c.action(
          move.kind === "accept" ? "accept_offer" : "decline_offer",
          move.offerId,
        );
        if (!ack.ok) refused = ack.error?.code ?? "refused";
      } else {
        const { ack } = await c.action("request_human");
        if (!ack.ok) refused = ack.error?.code ?? "refused";
      }
      moves.push({ turn, move, ...(refused ? { refused } : {}) });
      // The new status follows the reply on the wire: let it land before the debtor looks again.
      await new Promise((r) => setTimeout(r, 15));
      if (refused === "link_locked" || refused === "bad_request") break;
    }
  } catch (error) {
    harnessError = error instanceof Error ? error.message : String(error);
  } finally {
    conn?.close();
  }
  return {
    scenarioId: scenario.id,
    arm,
    trial,
    reference,
    caseId,
    moves,
    ...(harnessError ? { harnessError } : {}),
    durationMs: Date.now() - started,
    simulatorUsage: debtor ? { ...debtor.usage } : { inputTokens: 0, outputTokens: 0 },
  };
}
