// In-process domain events (escalation opened, message stored, case status changed). Transports
// subscribe to push them to the collector console and the debtor chat; with several instances,
// the socket.io adapter relays what each instance emits.
import { EventEmitter } from "node:events";

export type DomainEvent =
  | { type: "case.status"; caseId: string; status: string }
  | { type: "escalation.opened"; caseId: string; escalationId: string; kind: string }
  | { type: "escalation.updated"; caseId: string; escalationId: string; status: string }
  | { type: "message.stored"; caseId: string; conversationId: string; messageId: string; role: string }
  | { type: "promise.updated"; caseId: string; promiseId: string; status: string }
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
