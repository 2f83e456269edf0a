// Waits for a socket.io client socket to be disconnected by the server (revocation tests).
import type { Socket } from "socket.io-client";

/** Resolves with the disconnect reason; rejects if the socket is still connected after `ms`. */
export function disconnection(socket: Socket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the socket was not disconnected")), ms);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
