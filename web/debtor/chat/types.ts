// The debtor socket contract as the page sees it (DESIGN.md, "Public contract").

export type Role = "assistant" | "debtor" | "agent" | "system";
export type OfferKind = "full" | "plan" | "settlement";
export type CaseStatus = "verifying" | "negotiating" | "promised" | "escalated" | "closed";
export type ActionType = "accept_offer" | "decline_offer" | "request_human";

export interface Instalment {
  readonly dueDate: string;
  readonly amount: number;
}

export interface WireOffer {
  readonly id: string;
  readonly kind: OfferKind;
  readonly total: number;
  readonly currency: string;
  readonly instalments: readonly Instalment[];
  readonly expiresAt: string;
  /** Sent by the server with history (proposed, accepted, declined, expired, superseded...). */
  readonly status?: string;
}

export interface WireMessage {
  readonly id: string;
  readonly role: Role;
  readonly text: string;
  readonly createdAt: string;
  readonly offer?: WireOffer;
  readonly quickReplies?: readonly string[];
  /** On a system message written by a person's action: takeover, handback, resolved_… */
  readonly notice?: string;
}

export interface AckError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export type Ack =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly error: AckError };

export const MAX_MESSAGE_LENGTH = 2000;
