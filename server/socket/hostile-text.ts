// Socket counterpart of the HTTP hostile-text net: an event whose payload holds NUL, a lone
// surrogate or a control character is answered with a validation_failed ack and never reaches
// its handler (nor the database).
import type { Event } from "socket.io";
import { findHostileField } from "../validation/user-text.js";
import { ackOf } from "./acks.js";

export function hostileTextGuard() {
  return ([event, ...args]: Event, next: (err?: Error) => void): void => {
    const ack = ackOf(args.at(-1));
    const payload = typeof args.at(-1) === "function" ? args.slice(0, -1) : args;
    const found =
      findHostileField(String(event), ["event"]) ??
      findHostileField(payload.length <= 1 ? payload[0] : payload);
    if (!found) {
      next();
      return;
    }
    ack({
      ok: false,
      error: {
        code: "validation_failed",
        message: `Invalid payload: ${found.path}: ${found.message}`,
        details: [found],
      },
    });
  };
}
