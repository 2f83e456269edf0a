// In-process domain events (escalation opened, message stored, case status changed). Transports
// subscribe to push them to the collector console and the debtor chat; with several instances,
// the socket.io adapter relays what each instance emits.
import { EventEmitter } from "node:events";
import type { WireMessage } from "./chat/wire.js";

export type DomainEvent =
  | { type: "case.status"; caseId: string; status: string }
  | { type: "escalation.opened"; caseId: string; escalationId: string; kind: string }
  | { type: "escalation.updated"; caseId: string; escalationId: string; status: string }
  | {
      type: "message.stored";
      caseId: string;
      conversationId: string;
      messageId: string;
      role: string;
      /** The message itself when the publisher has it: listeners need not read it back. */
      message?: WireMessage & { meta: unknown };
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
