// socket.io namespace /debtor: the debtor chat transport of the public contract. The handshake
// token opens a session; each conversation is a room, so connection-state recovery can replay
// what a briefly disconnected debtor missed. Handlers parse, call one use case, and ack.
import type { Namespace, Server, Socket } from "socket.io";
import {
  type DebtorClientEvents,
  type DebtorServerEvents,
  type DebtorState,
  debtorHandshakeAuth,
} from "../../contract/debtor-socket.js";
import { CHAT_CASE_STATUSES } from "../../contract/enums.js";
import type { ChatService, DebtorSession, DebtorView } from "../app/chat/chat-service.js";
import type { AppContext } from "../app/context.js";
import { AppError } from "../errors/app-error.js";
import { ackOf, errorAck } from "./acks.js";
import { hostileTextGuard } from "./hostile-text.js";
import { KeyedBuckets } from "./rate-limiter.js";
import { caseLinksRoom } from "./revocation.js";
import { RoomWatch } from "./room-watch.js";

export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;

interface SocketData {
  session: DebtorSession;
  /** The conversation as the handshake read it, and the room watch's mark taken before that read. */
  opened?: { view: DebtorView; mark: number };
}

const KNOWN_EVENTS = new Set(["debtor:message", "debtor:action"]);

/** Eight messages at once, then one every two seconds, per case (all its connections together). */
export const DEFAULT_DEBTOR_RATE = { burst: 8, perSecond: 0.5 };

export function attachDebtorNamespace(
  io: Server,
  chat: ChatService,
  app: AppContext,
  rate: { burst: number; perSecond: number } = DEFAULT_DEBTOR_RATE,
): { nsp: Namespace<DebtorClientEvents, DebtorServerEvents>; close(): void } {
  const nsp: Namespace<DebtorClientEvents, DebtorServerEvents> = io.of("/debtor");
  const perCase = new KeyedBuckets(rate.burst, rate.perSecond);
  const watch = new RoomWatch(nsp);

  nsp.use(async (socket, next) => {
    try {
      const auth = debtorHandshakeAuth.safeParse(socket.handshake.auth ?? {});
      const token = auth.success ? auth.data.token : undefined;
      const data = socket.data as SocketData;
      // A recovered connection is sent no history: the link alone. Otherwise the handshake reads
      // the conversation and a turn's context with the link, in one statement (decision 0117).
      if (socket.recovered) data.session = await chat.openSession(token);
      else {
        const mark = watch.mark();
        const { session, view } = await chat.openWithContext(token);
        data.session = session;
        data.opened = { view, mark };
      }
      next();
    } catch (error) {
      const e =
        error instanceof AppError ? error : new AppError("internal", "Could not open the conversation.");
      if (!(error instanceof AppError)) app.log.error({ err: error }, "debtor handshake failed");
      const refusal = new Error(e.message) as Error & { data?: unknown };
      refusal.data = { code: e.code, message: e.message };
      next(refusal);
    }
  });

  nsp.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    const { session } = data;
    const rooms = [conversationRoom(session.conversationId), caseLinksRoom(session.caseId)];
    void socket.join(rooms);
    socket.use(hostileTextGuard());

    const guarded =
      (handler: (payload: unknown) => Promise<{ id: string }>) => async (payload: unknown, ack: unknown) => {
        const reply = ackOf(ack);
        try {
          if (!perCase.take(session.caseId))
            throw new AppError("rate_limited", "You are sending messages too quickly; please wait a moment.");
          const result = await handler(payload);
          reply({ ok: true, id: result.id });
        } catch (error) {
          reply(errorAck(error, app.log));
        }
      };
    socket.on(
      "debtor:message",
      guarded((payload) => chat.postMessage(session, payload)),
    );
    socket.on(
      "debtor:action",
      guarded((payload) => chat.postAction(session, payload)),
    );
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args.at(-1);
      ackOf(ack)({
        ok: false,
        error: { code: "bad_request", message: `Unknown event "${String(event).slice(0, 40)}".` },
      });
    });

    void (async () => {
      try {
        // The handshake's read holds unless something was broadcast to the socket's rooms since it
        // began: such a message may be in neither the read nor this socket's deliveries (it was not
        // in the rooms yet), so the conversation is read again now that it is (decisions 0105, 0117).
        let seen: DebtorView | undefined;
        if (!socket.recovered) {
          const opened = data.opened;
          data.opened = undefined;
          seen =
            opened && !watch.touchedSince(opened.mark, rooms) ? opened.view : await chat.history(session);
          const { messages, status } = seen;
          // The page already shows the conversation up to `after` (inline in it, decision 0092):
          // only the newer messages are sent; an id not found gets the whole history.
          const auth = debtorHandshakeAuth.safeParse(socket.handshake.auth ?? {});
          const after = auth.success ? auth.data.after : undefined;
          const from = after ? messages.findIndex((m) => m.id === after) + 1 : 0;
          for (const m of messages.slice(from)) socket.emit("message", m);
          socket.emit("state", { status });
        }
        await chat.resume(session, seen);
      } catch (error) {
        const notice = chat.sessionFailed(session, error);
        if (socket.connected) socket.emit("message", notice);
      }
    })();
  });

  // What the debtor sees comes from the event bus, whole: nothing is read back from the database.
  const chatStatuses: ReadonlySet<string> = new Set(CHAT_CASE_STATUSES);
  const unsubscribe = app.events.subscribe((event) => {
    switch (event.type) {
      case "message.stored":
      case "notice.sent":
        nsp.to(conversationRoom(event.conversationId)).emit("message", event.message);
        return;
      case "case.status":
        // A case without a conversation, or handed off to an agency, has no page to tell.
        if (event.conversationId && chatStatuses.has(event.status))
          nsp
            .to(conversationRoom(event.conversationId))
            .emit("state", { status: event.status as DebtorState["status"] });
        return;
    }
  });
  return { nsp, close: unsubscribe };
}
