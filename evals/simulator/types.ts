// What the simulated debtor sees (the socket.io contract only: messages, offers, states) and what it
// does next. Both simulators (rules, LLM) share these shapes; the wire shapes are the contract's.
import type { WireMessage, WireOffer } from "../../contract/debtor-socket.js";

export interface DebtorView {
  /** The case status from the last `state` event. */
  readonly status: string;
  readonly messages: readonly WireMessage[];
  /** The offer the debtor believes is open (the last one shown, unless declined or overtaken). */
  readonly offer: WireOffer | null;
  /** Debtor moves so far. */
  readonly turns: number;
}

export type DebtorMove =
  | { readonly kind: "say"; readonly text: string; readonly why: string; readonly scripted?: boolean }
  | { readonly kind: "accept"; readonly offerId: string; readonly why: string }
  | { readonly kind: "decline"; readonly offerId: string; readonly why: string }
  | { readonly kind: "human"; readonly why: string }
  | { readonly kind: "stop"; readonly why: string };

export interface SimulatedDebtor {
  next(view: DebtorView): Promise<DebtorMove>;
  /** Tokens the simulator itself spent (LLM mode). */
  readonly usage: { inputTokens: number; outputTokens: number };
}
