// Decides what a case's sequence does next, from facts only (no database, no clock of its own):
// - with an active promise, the regular steps pause; each unpaid instalment gets a reminder some days
//   before it falls due and a follow-up the day after it is missed (reminders.promise);
// - otherwise the next regular step whose day has come. A sequence that starts (a case created
//   already overdue, or a sequence a collector resumes) starts at the latest step whose day has come,
//   never with a burst of past steps; later, steps go one by one, spaced by the 7-day cap;
// - any send waits for the sending window (quiet hours, working days) and the 7-day cap.
import { addDays } from "../../policy/index.js";
import type { ReminderStep, Reminders } from "../../policy/schema-reminders.js";
import { dayStart, localDate, nextSendable, type SendWindow } from "./send-window.js";

export interface PlanInstalment {
  readonly id: string;
  readonly seq: number;
  /** ISO date. */
  readonly dueDate: string;
  readonly paid: boolean;
}

export interface PlanInput {
  readonly now: Date;
  readonly reminders: Reminders;
  readonly window: SendWindow;
  /** ISO date of the oldest unpaid invoice's due date. */
  readonly oldestDueDate: string;
  readonly nextStepIndex: number;
  /** Start at the latest due step (a new or resumed sequence) rather than the first one not yet sent. */
  readonly jump: boolean;
  /** Step keys already composed (sent, skipped or failed): never composed twice. */
  readonly existingKeys: ReadonlySet<string>;
  /** Instalments of the active promise, if any. */
  readonly promise?: readonly PlanInstalment[];
  /** When the reminders counted by the 7-day cap were composed. */
  readonly recentReminders: readonly Date[];
}

export type PlanStep =
  | { readonly kind: "step"; readonly key: string; readonly index: number; readonly step: ReminderStep }
  | {
      readonly kind: "instalment_due" | "instalment_missed";
      readonly key: string;
      readonly instalment: PlanInstalment;
    };

export type PlanDecision =
  | { readonly kind: "send"; readonly what: PlanStep; readonly respondBy: string }
  | { readonly kind: "wait"; readonly until: Date | null }
  | { readonly kind: "done" };

const DAY = 86_400_000;

interface Candidate {
  readonly what: PlanStep;
  readonly date: string;
  readonly respondWithinDays: number;
}

function promiseCandidates(input: PlanInput, instalments: readonly PlanInstalment[]): Candidate[] {
  const { beforeInstalmentDays, afterMissedDays } = input.reminders.promise;
  const today = localDate(input.now, input.window.timeZone);
  const out: Candidate[] = [];
  for (const i of instalments) {
    if (i.paid) continue;
    const before = addDays(i.dueDate, -beforeInstalmentDays.value);
    // A reminder before the due date is pointless once the date has passed.
    if (i.dueDate >= today)
      out.push({
        what: { kind: "instalment_due", key: `instalment:${i.id}:due`, instalment: i },
        date: before,
        respondWithinDays: beforeInstalmentDays.value,
      });
    out.push({
      what: { kind: "instalment_missed", key: `instalment:${i.id}:missed`, instalment: i },
      date: addDays(i.dueDate, afterMissedDays.value),
      respondWithinDays: 7,
    });
  }
  return out.filter((c) => !input.existingKeys.has(c.what.key));
}

function stepCandidates(input: PlanInput): Candidate[] {
  return input.reminders.steps
    .map((step, index) => ({ step, index }))
    .filter(({ index, step }) => index >= input.nextStepIndex && !input.existingKeys.has(`step:${step.id}`))
    .map(({ step, index }) => ({
      what: { kind: "step" as const, key: `step:${step.id}`, index, step },
      date: addDays(input.oldestDueDate, step.day),
      respondWithinDays: step.respondWithinDays,
    }));
}

export function plan(input: PlanInput): PlanDecision {
  const today = localDate(input.now, input.window.timeZone);
  const candidates = input.promise ? promiseCandidates(input, input.promise) : stepCandidates(input);
  if (candidates.length === 0) return input.promise ? { kind: "wait", until: null } : { kind: "done" };
  const sorted = [...candidates].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const due = sorted.filter((c) => c.date <= today);
  // Promise reminders and a starting sequence take the latest due item; a running one the next in order.
  const chosen = input.promise || input.jump ? due.at(-1) : due[0];
  if (!chosen) {
    const first = sorted[0] as Candidate;
    return { kind: "wait", until: nextSendable(dayStart(first.date, input.window), input.window) };
  }
  const sendable = nextSendable(input.now, input.window);
  if (sendable.getTime() > input.now.getTime()) return { kind: "wait", until: sendable };
  const cap = input.reminders.maxPerSevenDays.value;
  const inWindow = input.recentReminders
    .filter((t) => input.now.getTime() - t.getTime() < 7 * DAY)
    .sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length >= cap) {
    const oldest = inWindow[inWindow.length - cap] as Date;
    return { kind: "wait", until: nextSendable(new Date(oldest.getTime() + 7 * DAY), input.window) };
  }
  return { kind: "send", what: chosen.what, respondBy: addDays(today, chosen.respondWithinDays) };
}
