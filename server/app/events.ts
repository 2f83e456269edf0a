// The one way out of a use case: in-process domain events carrying whole payloads (the contract's
// types), so that listeners never read back what was just written. The socket namespaces (debtor
// and console), outreach and access revocation subscribe; with several instances each instance's
// listeners emit to socket.io rooms and the adapter relays them. See docs/decisions/0081-one-event-bus.md.
import { EventEmitter } from "node:events";
import type { EscalationCard } from "../../contract/console-escalations.js";
import type { WireMessage } from "../../contract/debtor-socket.js";
import type { CaseStatus, EscalationKind, EscalationStatus } from "../../contract/enums.js";

/** Who wrote a stored message: the console shows people's and debtors' messages in its staff feed. */
export type MessageOrigin = "debtor" | "turn" | "person";

export type DomainEvent =
  /** A message written to a conversation; the debtor sees it, and so does the case's room. */
  | {
      type: "message.stored";
      caseId: string;
      conversationId: string;
      origin: MessageOrigin;
      message: WireMessage;
      /** The stored message's meta, for the console's staff feed (debtor and person messages). */
      meta?: unknown;
    }
  /** A message the debtor sees that is not stored (a turn failed and storage may be why). */
  | { type: "notice.sent"; caseId: string; conversationId: string; message: WireMessage }
  /** `conversationId` when the case has one: the debtor's page is told the new status too. */
  | { type: "case.status"; caseId: string; conversationId?: string; status: CaseStatus }
  /** `escalation` when the publisher holds the queue card; otherwise the console builds it. */
  | {
      type: "escalation.opened";
      caseId: string;
      escalationId: string;
      kind: EscalationKind;
      escalation?: EscalationCard;
    }
  | {
      type: "escalation.updated";
      caseId: string;
      escalationId: string;
      status: EscalationStatus;
      escalation?: EscalationCard;
    }
  | { type: "promise.updated"; caseId: string; promiseId: string; status: string }
  /**
   * Access withdrawn: the sockets it authorised must close at once, on every instance. `case_links`:
   * the case's debtor links were revoked or replaced (id = case id); `session`: one staff session
   * ended (id = its token hash); `user`: every session of a user (id = user id: disabled, new
   * password).
   */
  | { type: "access.revoked"; scope: "case_links" | "session" | "user"; id: string }
  | { type: "case.note"; caseId: string; noteId: string };

export type DomainEventOf<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

export class EventBus {
  private readonly emitter = new EventEmitter({ captureRejections: true });

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  publish(event: DomainEvent): void {
    this.emitter.emit("event", event);
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}
