// socket.io namespace /console for the collector console, authenticated with a staff bearer token
// (handshake `auth: {token}`). Collectors and admins join the "staff" room (escalation.opened,
// escalation.updated, case.status, promise.updated, message.stored with the message) and may join a
// case's room (`console:join_case`) for its live transcript (`case.message`). Policy editors only get
// `kpi.refresh`: aggregates, never case data. Events come from the EventBus and the chat service.
import type { Namespace, Server, Socket } from "socket.io";
import { z } from "zod";
import { authenticate } from "../app/auth/auth-service.js";
import type { ChatService } from "../app/chat/chat-service.js";
import { toWire } from "../app/chat/wire.js";
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

const joinCaseInput = z.strictObject({ caseId: z.uuid("must be a case id") });

interface SocketData {
  actor: Actor;
  token: string;
}

const isStaff = (actor: Actor) => actor.role === "collector" || actor.role === "admin";
const attached = new WeakSet<Server>();

export interface ConsoleNamespace {
  readonly nsp: Namespace;
  close(): void;
}

export function attachConsoleNamespace(
  io: Server,
  ctx: AppContext,
  chat: ChatService,
  options: { kpiThrottleMs?: number } = {},
): ConsoleNamespace | null {
  if (attached.has(io)) return null;
  attached.add(io);
  const nsp = io.of("/console");

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
        const { caseId } = parseOrThrow(joinCaseInput, payload, "join");
        if (!(await ctx.stores.cases.exists(caseId))) throw new AppError("not_found", "Case not found");
        await socket.join(caseRoom(caseId));
        return { caseId };
      }),
    );
    socket.on(
      "console:leave_case",
      handle(async (payload) => {
        const { caseId } = parseOrThrow(joinCaseInput, payload, "leave");
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

  const relay = async (event: DomainEvent) => {
    switch (event.type) {
      case "escalation.opened":
      case "escalation.updated": {
        const escalation = await getEscalation(ctx, event.escalationId);
        nsp.to(STAFF_ROOM).emit(event.type, { ...event, escalation });
        refreshKpis();
        return;
      }
      case "case.status":
      case "promise.updated":
        nsp.to(STAFF_ROOM).emit(event.type, event);
        refreshKpis();
        return;
      case "case.note":
        // Ids only: the page reloads the notes through the role-checked API.
        nsp.to(STAFF_ROOM).emit(event.type, event);
        return;
      case "message.stored": {
        if (event.message) {
          nsp.to(STAFF_ROOM).emit("message.stored", event);
          return;
        }
        const row = await ctx.stores.conversations.messageWithOffer(event.messageId);
        if (row)
          nsp
            .to(STAFF_ROOM)
            .emit("message.stored", { ...event, message: { ...toWire(row), meta: row.meta } });
        return;
      }
    }
  };
  const unsubscribe = ctx.events.subscribe((event) => {
    relay(event).catch((error: unknown) =>
      ctx.log.error({ err: error, type: event.type }, "console relay failed"),
    );
  });

  // Every message the debtor sees (assistant replies included) goes to the case's room.
  const caseOf = new Map<string, string>();
  const stopListening = chat.listen({
    message: (conversationId, message, knownCaseId) => {
      void (async () => {
        let caseId = knownCaseId ?? caseOf.get(conversationId);
        if (!caseId) {
          const found = await ctx.stores.conversations.caseIdOf(conversationId);
          if (!found) return;
          caseId = found;
          if (caseOf.size > 10_000) caseOf.clear();
          caseOf.set(conversationId, caseId);
        }
        nsp.to(caseRoom(caseId)).emit("case.message", { caseId, conversationId, message });
      })().catch((error: unknown) => ctx.log.error({ err: error }, "console case relay failed"));
    },
    state: () => {},
  });

  return {
    nsp,
    close() {
      unsubscribe();
      stopListening();
      if (kpiTimer) clearTimeout(kpiTimer);
    },
  };
}
