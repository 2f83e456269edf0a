// Child process for the shutdown test: opens `count` debtor sockets on a link (half over websocket,
// half over long-polling), prints "ready" once all are connected, then idles. The test stops this
// process with SIGSTOP: its connections stay open but nothing answers any more, like a phone asleep
// or a dead network. Usage: node --import tsx debtor-sockets.ts <url> <token> <count>
import { io } from "socket.io-client";

const [url, token, count = "6"] = process.argv.slice(2);
let connected = 0;
for (let i = 0; i < Number(count); i++) {
  const socket = io(`${url}/debtor`, {
    auth: { token },
    transports: i % 2 === 0 ? ["websocket"] : ["polling"],
    forceNew: true,
    reconnection: false,
  });
  socket.once("connect", () => {
    connected++;
    if (connected === Number(count)) process.stdout.write("ready\n");
  });
  socket.once("connect_error", (error) => {
    process.stderr.write(`connect_error: ${error.message}\n`);
    process.exit(1);
  });
}
