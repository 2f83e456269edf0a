// socket.io namespace /console for the collector console, authenticated with a staff bearer token
// (handshake `auth: {token}`). Collectors and admins join the "staff" room (escalation.opened,
// escalation.updated, case.status, promise.updated, message.stored with the message) and may join a
// case's room (`console:join_case`) for its live transcript (`case.message`). Policy editors only get
// `kpi.refresh`: aggregates, never case data. Events come from the EventBus (payloads are the
// contract's, contract/console-socket.ts).
import type { Namespace, Server, Socket } from "socket.io";
import type { ConsoleClientEvents, ConsoleServerEvents } from "../../contract/console-socket.js";
import { caseRoomInput } from "../../contract/console-socket.js";
import { authenticate } from "../app/auth/auth-service.js";
import { getEscalation } from "../app/console/escalations.js";
import type { Actor, AppContext } from "../app/context.js";
import type { DomainEvent } from "../app/events.js";
import { hashToken } from "../auth/tokens.js";
import { AppError } from "../errors/app-error.js";
import { parseOrThrow } from "../errors/zod-details.js";
import { ackOf, errorAck } from "./acks.js";
import { hostileTextGuard } from "./hostile-text.js";
import { sessionRoom, userRoom } from "./revocation.js";

export const STAFF_ROOM = "staff";
export const KPI_ROOM = "kpis";
export const caseRoom = (caseId: string) => `case:${caseId}`;

interface SocketData {
  actor: Actor;
  token: string;
}

const isStaff = (actor: Actor) => actor.role === "collector" || actor.role === "admin";
const attached = new WeakSet<Server>();

export interface ConsoleNamespace {
  readonly nsp: Namespace<ConsoleClientEvents, ConsoleServerEvents>;
  close(): void;
}

export function attachConsoleNamespace(
  io: Server,
  ctx: AppContext,
  options: { kpiThrottleMs?: number } = {},
): ConsoleNamespace | null {
  if (attached.has(io)) return null;
  attached.add(io);
  const nsp: Namespace<ConsoleClientEvents, ConsoleServerEvents> = io.of("/console");

  nsp.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== "string")
        throw new AppError("unauthenticated", "Send a staff bearer token as auth.token.");
      const data = socket.data as SocketData;
      data.actor = await authenticate(ctx, token);
      data.token = token;
      next();
    } catch (error) {
      const e =
        error instanceof AppError
          ? error
          : new AppError("internal", "Could not open the console connection.");
      if (!(error instanceof AppError)) ctx.log.error({ err: error }, "console handshake failed");
      next(Object.assign(new Error(e.message), { data: { code: e.code, message: e.message } }));
    }
  });

  nsp.on("connection", (socket: Socket) => {
    const data = socket.data as SocketData;
    void socket.join([KPI_ROOM, sessionRoom(hashToken(data.token)), userRoom(data.actor.userId)]);
    socket.use(hostileTextGuard());
    if (isStaff(data.actor)) void socket.join(STAFF_ROOM);

    const handle =
      (handler: (payload: unknown) => Promise<unknown>) => async (payload: unknown, ack: unknown) => {
        const reply = ackOf(ack);
        try {
          // The token is checked again: a revoked or expired session stops here.
          const actor = await authenticate(ctx, data.token);
          if (!isStaff(actor))
            throw new AppError("forbidden", "Only collectors and admins may follow a case.");
          reply({ ok: true, ...((await handler(payload)) as object) });
        } catch (error) {
          reply(errorAck(error, ctx.log));
        }
      };
    socket.on(
      "console:join_case",
      handle(async (payload) => {
        const { caseId } = parseOrThrow(caseRoomInput, payload, "join");
        if (!(await ctx.stores.cases.exists(caseId))) throw new AppError("not_found", "Case not found");
        await socket.join(caseRoom(caseId));
        return { caseId };
      }),
    );
    socket.on(
      "console:leave_case",
      handle(async (payload) => {
        const { caseId } = parseOrThrow(caseRoomInput, payload, "leave");
        await socket.leave(caseRoom(caseId));
        return { caseId };
      }),
    );
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === "console:join_case" || event === "console:leave_case") return;
      ackOf(args.at(-1))({
        ok: false,
        error: { code: "bad_request", message: `Unknown event "${String(event).slice(0, 40)}".` },
      });
    });
  });

  // KPI refresh: at most one per throttle window (leading and trailing), to every console.
  const throttleMs = options.kpiThrottleMs ?? 2000;
  let kpiTimer: NodeJS.Timeout | null = null;
  let kpiPending = false;
  const refreshKpis = () => {
    if (kpiTimer) {
      kpiPending = true;
      return;
    }
    nsp.to(KPI_ROOM).emit("kpi.refresh", { at: new Date().toISOString() });
    kpiTimer = setTimeout(() => {
      kpiTimer = null;
      if (kpiPending) {
        kpiPending = false;
        refreshKpis();
      }
    }, throttleMs);
    kpiTimer.unref();
  };

  // Everything comes whole from the event bus: messages with their text and offer, statuses, cards
  // the publisher holds. The one read left is the queue card of an escalation a chat turn or the
  // promise review opened (it joins the case, debtor and creditor, which the turn does not return).
  const relay = async (event: DomainEvent) => {
    switch (event.type) {
      case "escalation.opened": {
        const escalation = event.escalation ?? (await getEscalation(ctx, event.escalationId));
        nsp.to(STAFF_ROOM).emit(event.type, {
          caseId: event.caseId,
          escalationId: event.escalationId,
          kind: event.kind,
          escalation,
        });
        refreshKpis();
        return;
      }
      case "escalation.updated": {
        const escalation = event.escalation ?? (await getEscalation(ctx, event.escalationId));
        nsp.to(STAFF_ROOM).emit(event.type, {
          caseId: event.caseId,
          escalationId: event.escalationId,
          status: event.status,
          escalation,
        });
        refreshKpis();
        return;
      }
      case "case.status":
        nsp.to(STAFF_ROOM).emit(event.type, { caseId: event.caseId, status: event.status });
        refreshKpis();
        return;
      case "promise.updated":
        nsp.to(STAFF_ROOM).emit(event.type, {
          caseId: event.caseId,
          promiseId: event.promiseId,
          status: event.status,
        });
        refreshKpis();
        return;
      case "case.note":
        // Ids only: the page reloads the notes through the role-checked API.
        nsp.to(STAFF_ROOM).emit(event.type, { caseId: event.caseId, noteId: event.noteId });
        return;
      case "message.stored": {
        const { caseId, conversationId, message } = event;
        // Every message the debtor sees (assistant replies included) goes to the case's room.
        nsp.to(caseRoom(caseId)).emit("case.message", { caseId, conversationId, message });
        // The staff feed: what debtors and people write, not the assistant's every reply.
        if (event.origin !== "turn")
          nsp.to(STAFF_ROOM).emit("message.stored", {
            caseId,
            conversationId,
            messageId: message.id,
            role: message.role,
            message: { ...message, meta: event.meta ?? {} },
          });
        return;
      }
      case "notice.sent":
        nsp.to(caseRoom(event.caseId)).emit("case.message", {
          caseId: event.caseId,
          conversationId: event.conversationId,
          message: event.message,
        });
        return;
    }
  };
  const unsubscribe = ctx.events.subscribe((event) => {
    relay(event).catch((error: unknown) =>
      ctx.log.error({ err: error, type: event.type }, "console relay failed"),
    );
  });

  return {
    nsp,
    close() {
      unsubscribe();
      if (kpiTimer) clearTimeout(kpiTimer);
    },
  };
}
