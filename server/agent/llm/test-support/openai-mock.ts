// msw 3 mock of the OpenAI Chat Completions endpoint. Each test queues the responses the "model"
// gives, in order, and reads back the request bodies the layer sent. Loopback traffic is let through
// so socket.io and HTTP tests in the same process keep working; anything else unhandled fails.
import { delay, HttpResponse, http } from "msw";
import { HttpNetworkFrame } from "msw/experimental";
import { setupServer } from "msw/node";
import { MOCK_BASE_URL } from "./fixtures.js";

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
  tool_choice?: unknown;
}

export interface ToolCallSpec {
  readonly name: string;
  /** An object is JSON-encoded; a string is sent as is (to test malformed JSON). */
  readonly args: Record<string, unknown> | string;
}

let seq = 0;

/** A chat.completion body. Every response gets its own id: LangChain keys messages by it. */
export function completion(
  o: { text?: string | null; tools?: readonly ToolCallSpec[]; usage?: [number, number]; model?: string } = {},
) {
  seq++;
  const toolCalls = o.tools?.map((t, i) => ({
    id: `call_${seq}_${i}`,
    type: "function",
    function: { name: t.name, arguments: typeof t.args === "string" ? t.args : JSON.stringify(t.args) },
  }));
  const [prompt, completionTokens] = o.usage ?? [100, 20];
  return {
    id: `chatcmpl-${seq}`,
    object: "chat.completion",
    created: 1_757_900_000 + seq,
    model: o.model ?? "gpt-4o-mini-2024-07-18",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: o.text ?? null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: toolCalls ? "tool_calls" : "stop",
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completionTokens,
      total_tokens: prompt + completionTokens,
    },
  };
}

export type Responder = () => Response | Promise<Response>;

export const reply =
  (body: object): Responder =>
  () =>
    HttpResponse.json(body);
export const status =
  (code: number): Responder =>
  () =>
    HttpResponse.json(
      { error: { message: `mock ${code}`, type: "server_error", code: null } },
      { status: code },
    );
export const slow =
  (ms: number, body: object): Responder =>
  async () => {
    await delay(ms);
    return HttpResponse.json(body);
  };
export const dropConnection: Responder = () => HttpResponse.error();

export class OpenAiMock {
  readonly requests: ChatRequestBody[] = [];
  private queue: Responder[] = [];

  readonly handler = http.post(`${MOCK_BASE_URL}/chat/completions`, async ({ request }) => {
    this.requests.push((await request.json()) as ChatRequestBody);
    const next = this.queue.shift();
    return next
      ? next()
      : HttpResponse.json({ error: { message: "no mock response queued" } }, { status: 418 });
  });

  /** Queue responses, served in order. */
  enqueue(...responders: Responder[]): this {
    this.queue.push(...responders);
    return this;
  }

  reset(): void {
    this.requests.length = 0;
    this.queue = [];
  }

  get pending(): number {
    return this.queue.length;
  }

  /** The n-th request's messages with the given role (0-based request index). */
  messages(n: number, role: string) {
    return this.requests[n]?.messages.filter((m) => m.role === role) ?? [];
  }

  toolNames(n: number): string[] {
    return this.requests[n]?.tools?.map((t) => t.function.name) ?? [];
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function frameUrl(frame: unknown): URL | undefined {
  if (frame instanceof HttpNetworkFrame) return new URL(frame.data.request.url);
  const ws = (frame as { data?: { connection?: { client?: { url?: URL } } } }).data?.connection?.client?.url;
  return ws instanceof URL ? ws : undefined;
}

/** One msw server for the file; loopback is bypassed, any other unhandled request is an error. */
export function mockOpenAi() {
  const mock = new OpenAiMock();
  const server = setupServer(mock.handler);
  const listen = () =>
    server.listen({
      onUnhandledFrame({ frame, defaults }) {
        const url = frameUrl(frame);
        if (url && LOOPBACK.has(url.hostname)) return;
        defaults.error();
        // A Response.error() makes fetch reject like a real network failure (a plain Error would
        // come back as a 500 response); WebSocket frames take an Error.
        if (frame instanceof HttpNetworkFrame) throw HttpResponse.error();
        throw new Error(`unexpected network request to ${url?.href ?? "an unknown address"}`);
      },
    });
  return { mock, server, listen };
}
