// Live revocation: every socket joins rooms named after what authorised it (the debtor's case
// links; the staff session and its user). When access is withdrawn (access.revoked on the event
// bus: link revoked or rotated, logout, user disabled, password changed) the matching room is
// disconnected. Through the cluster adapter `disconnectSockets` reaches every instance, so a socket
// opened on another instance closes too.
import type { Server } from "socket.io";
import type { AppContext } from "../app/context.js";

/** Debtor sockets opened with any link of this case. */
export const caseLinksRoom = (caseId: string) => `links:${caseId}`;
/** Console sockets opened with this staff session (token hash). */
export const sessionRoom = (tokenHash: string) => `session:${tokenHash}`;
/** Console sockets of this user, whatever the session. */
export const userRoom = (userId: string) => `user:${userId}`;

export function attachRevocation(io: Server, ctx: AppContext): () => void {
  return ctx.events.subscribe((event) => {
    if (event.type !== "access.revoked") return;
    const [namespace, room] =
      event.scope === "case_links"
        ? ["/debtor", caseLinksRoom(event.id)]
        : event.scope === "session"
          ? ["/console", sessionRoom(event.id)]
          : ["/console", userRoom(event.id)];
    // `true` closes the underlying connection: a revoked client gets nothing more, and its
    // reconnection attempt meets the handshake's refusal.
    io.of(namespace).in(room).disconnectSockets(true);
    ctx.log.info({ scope: event.scope, namespace }, "access revoked: sockets disconnected");
  });
}
