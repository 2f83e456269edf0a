// What every use case receives: storage, policies, clock, configuration and the event bus.
// Passed explicitly (no globals) so that tests can build one per database and clock.
import type { AnswerHasher } from "../auth/answer-hash.js";
import type { Env } from "../config/env.js";
import type { AppDatabase } from "../db/open.js";
import type { Logger } from "../logging/logger.js";
import type { EventBus } from "./events.js";
import type { PolicyRegistry } from "./policy-registry.js";
import type { Stores } from "./ports/index.js";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  /** Storage, through the ports (decision 0085): use cases read and write only through these. */
  readonly stores: Stores;
  /** The database handle: kind, url, health (no client: storage goes through `stores`). */
  readonly db: AppDatabase;
  readonly env: Env;
  readonly log: Logger;
  readonly policies: PolicyRegistry;
  readonly clock: Clock;
  readonly events: EventBus;
  /** Hashes and checks the debtors' security answers (decision 0111). */
  readonly answers: AnswerHasher;
  /** Base URL for debtor links, without a trailing slash. */
  publicUrl: string;
}

export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly role: "collector" | "policy_editor" | "admin";
}
