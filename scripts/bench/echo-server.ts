// Child process of bench-chat: a bare socket.io server that acknowledges each message and emits
// it back, the denominator of the benchmark's ratios (same machine, same run, same client).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";

const http = createServer();
const io = new Server(http, { serveClient: false });
io.of("/debtor").on("connection", (socket) => {
  socket.emit("message", { id: "greeting", role: "assistant", text: "hello" });
  socket.on(
    "debtor:message",
    (payload: { clientMessageId: string; text: string }, ack: (r: unknown) => void) => {
      ack({ ok: true, id: payload.clientMessageId });
      socket.emit("message", { id: `r-${payload.clientMessageId}`, role: "assistant", text: payload.text });
    },
  );
});
http.listen(0, "127.0.0.1", () => {
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` })}\n`,
  );
});
// SIGUSR2: the warm-up round is over (bench-chat.ts), as for the service.
process.on("SIGUSR2", () => process.stdout.write(`${JSON.stringify({ measuring: true })}\n`));
process.on("SIGTERM", () => io.close(() => process.exit(0)));
