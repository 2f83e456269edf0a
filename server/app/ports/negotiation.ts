// Negotiation records outside a chat turn: an offer recorded on its own (superseding the case's
// open one) and its acceptance as a promise in a transaction of its own. The chat turn writes the
// same records inside its transaction (ports/chat.ts TurnTxStore); today the test fixtures that
// set up a promise "as the chat would" are what use these.
import type { AcceptOfferInput, OfferTerms, PromiseWithInstalments } from "./chat.js";
import type { OfferRow } from "./rows.js";

export interface NewOfferRecord extends OfferTerms {
  readonly caseId: string;
}

export interface NegotiationStore {
  /** Records an offer and supersedes any other open offer of the case: one live offer at a time. */
  recordOffer(offer: NewOfferRecord): Promise<OfferRow>;
  /** Turns an open offer into a promise in one transaction; null when the offer was no longer open. */
  acceptOffer(input: AcceptOfferInput): Promise<PromiseWithInstalments | null>;
}
