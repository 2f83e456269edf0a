// Negotiation records outside a chat turn (app/ports/negotiation.ts) on the database client.
import type { NegotiationStore } from "../../app/ports/negotiation.js";
import { acceptOfferAsPromise, recordOffer } from "../negotiation.js";
import type { Prisma } from "../open.js";

export function negotiationStore(db: Prisma): NegotiationStore {
  return {
    recordOffer: (offer) => recordOffer(db, offer),
    acceptOffer: (input) => acceptOfferAsPromise(db, input),
  };
}
