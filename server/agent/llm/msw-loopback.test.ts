// msw 3 intercepts at the socket level: the mock must let loopback traffic through (real HTTP and
// socket.io tests share the process) and fail any other unhandled request instead of reaching out.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { mockOpenAi } from "./test-support/openai-mock.js";

const { server, listen } = mockOpenAi();
const real = createServer((_req, res) => res.end("real server"));
beforeAll(async () => {
  listen();
  await new Promise<void>((resolve) => real.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  server.close();
  await new Promise((resolve) => real.close(resolve));
});

it("lets loopback requests reach a real server", async () => {
  const { port } = real.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(await res.text()).toBe("real server");
});

it("fails an unhandled request to any other host", async () => {
  const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
  await expect(fetch("http://elsewhere.invalid/")).rejects.toThrow();
  quiet.mockRestore();
});
