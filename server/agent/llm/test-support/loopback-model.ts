// A fake OpenAI-compatible server on loopback that misbehaves on purpose: it answers each chat
// completion from a script (slowly, never, or with a status and Retry-After), so the LLM layer is
// tested through the real SDK and a real socket, not an interceptor.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type LoopbackStep =
  | { readonly kind: "reply"; readonly body: object; readonly afterMs?: number }
  | { readonly kind: "hang" }
  | { readonly kind: "status"; readonly code: number; readonly retryAfter?: string };

export class LoopbackModel {
  readonly requests: { at: number; body: unknown }[] = [];
  private script: LoopbackStep[] = [];
  private fallbackStep: LoopbackStep = { kind: "hang" };
  private readonly open = new Set<ServerResponse>();
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<LoopbackModel> {
    let model: LoopbackModel | undefined;
    const server = createServer((req, res) => void model?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    model = new LoopbackModel(server, `http://127.0.0.1:${port}/v1`);
    return model;
  }

  /** Steps answered in order; once spent, every request gets `then` (hang by default). */
  play(steps: LoopbackStep[], then: LoopbackStep = { kind: "hang" }): void {
    this.script = [...steps];
    this.fallbackStep = then;
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    this.requests.push({ at: Date.now(), body: raw ? JSON.parse(raw) : null });
    const step = this.script.shift() ?? this.fallbackStep;
    this.open.add(res);
    res.on("close", () => this.open.delete(res));
    if (step.kind === "hang") return;
    if (step.kind === "status") {
      res.writeHead(step.code, {
        "content-type": "application/json",
        ...(step.retryAfter !== undefined ? { "retry-after": step.retryAfter } : {}),
      });
      res.end(
        JSON.stringify({ error: { message: `loopback ${step.code}`, type: "server_error", code: null } }),
      );
      return;
    }
    if (step.afterMs) await new Promise((r) => setTimeout(r, step.afterMs));
    if (res.destroyed) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(step.body));
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
