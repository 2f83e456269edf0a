// The live connection to the /console socket.io namespace, shared by every page: one socket per
// session token. Pages subscribe to named events; a case page joins its case's room.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ConsoleEventName, ConsoleEventPayload } from "../../contract/console-socket.js";
import { useSession } from "./session.js";

let socket: Socket | null = null;
let socketToken: string | null = null;
const rooms = new Map<string, number>();

function connect(token: string): Socket {
  if (socket && socketToken === token) return socket;
  socket?.close();
  socketToken = token;
  socket = io("/console", {
    auth: { token },
    transports: ["websocket", "polling"],
    reconnectionDelayMax: 5000,
  });
  // Rejoin the case rooms after a reconnection.
  socket.on("connect", () => {
    for (const caseId of rooms.keys()) socket?.emit("console:join_case", { caseId }, () => {});
  });
  return socket;
}

export function disconnectLive(): void {
  socket?.close();
  socket = null;
  socketToken = null;
  rooms.clear();
}

/** "online" once the namespace accepted the token. */
export function useLiveStatus(): "online" | "offline" {
  const { token } = useSession();
  const [status, setStatus] = useState<"online" | "offline">("offline");
  useEffect(() => {
    if (!token) return;
    const s = connect(token);
    const on = () => setStatus("online");
    const off = () => setStatus("offline");
    if (s.connected) on();
    s.on("connect", on);
    s.on("disconnect", off);
    s.on("connect_error", off);
    return () => {
      s.off("connect", on);
      s.off("disconnect", off);
      s.off("connect_error", off);
    };
  }, [token]);
  return status;
}

/** Calls `handler` for each of the named events (the latest handler, without resubscribing). */
export function useLiveEvents<N extends ConsoleEventName>(
  names: readonly N[],
  handler: (name: N, payload: ConsoleEventPayload<N>) => void,
): void {
  const { token } = useSession();
  const ref = useRef(handler);
  ref.current = handler;
  const key = names.join(",");
  useEffect(() => {
    if (!token) return;
    const s = connect(token);
    const subs = key.split(",").map((name) => {
      const fn = (payload: ConsoleEventPayload<N>) => ref.current(name as N, payload);
      s.on(name, fn);
      return [name, fn] as const;
    });
    return () => {
      for (const [name, fn] of subs) s.off(name, fn);
    };
  }, [token, key]);
}

/** Joins the case's room while mounted: its messages arrive as `case.message`. */
export function useCaseRoom(caseId: string): void {
  const { token } = useSession();
  useEffect(() => {
    if (!token) return;
    const s = connect(token);
    rooms.set(caseId, (rooms.get(caseId) ?? 0) + 1);
    s.emit("console:join_case", { caseId }, () => {});
    return () => {
      const left = (rooms.get(caseId) ?? 1) - 1;
      if (left > 0) rooms.set(caseId, left);
      else {
        rooms.delete(caseId);
        s.emit("console:leave_case", { caseId }, () => {});
      }
    };
  }, [token, caseId]);
}
