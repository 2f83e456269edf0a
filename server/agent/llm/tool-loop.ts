// The turn loop: call the model, run the tools it asks for, feed the results back, until it answers
// with text. A plain loop rather than createAgent: ~30x cheaper per turn and fully deterministic.
// Every tool call of a model message is validated before any of them runs, so a malformed call
// never leaves half of a message's writes recorded.
import type { AIMessage, BaseMessage, ToolMessage } from "@langchain/core/messages";
import type { ChatModelPort } from "./chat-model.js";
import { LlmFailure } from "./errors.js";
import { invokeWithRetry, type RetryPolicy, turnDeadlineFailure } from "./retry.js";
import type { LlmTool } from "./tools.js";

export interface LoopResult {
  readonly text: string;
  readonly model: string;
  readonly usage: { inputTokens: number; outputTokens: number };
  /** The messages up to (not including) the final answer: the tool exchange, reused by regenerate. */
  readonly transcript: readonly BaseMessage[];
}

export interface LoopOptions {
  readonly maxModelCalls: number;
  readonly retry: RetryPolicy;
  readonly onAttemptFailed?: (failure: LlmFailure, attempt: number) => void;
}

interface ValidCall {
  readonly tool: LlmTool;
  readonly id: string;
  readonly args: Record<string, unknown>;
}

function validateCalls(ai: AIMessage, offered: ReadonlyMap<string, LlmTool>): ValidCall[] {
  const invalid = ai.invalid_tool_calls ?? [];
  if (invalid.length > 0)
    throw new LlmFailure("malformed_tool_call", `unparsable arguments for tool ${invalid[0]?.name ?? "?"}`);
  return (ai.tool_calls ?? []).map((call, i) => {
    const t = offered.get(call.name);
    if (!t) throw new LlmFailure("malformed_tool_call", `tool ${call.name} is not offered in this turn`);
    const parsed = t.schema.safeParse(call.args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LlmFailure(
        "malformed_tool_call",
        `tool ${call.name}: ${issue ? `${issue.path.join(".") || "(args)"}: ${issue.message}` : "invalid arguments"}`,
      );
    }
    // The tool message must answer the call's id; a server that omits ids still gets a unique one.
    return { tool: t, id: call.id ?? `call_${i}`, args: parsed.data as Record<string, unknown> };
  });
}

export async function runToolLoop(
  model: ChatModelPort,
  start: readonly BaseMessage[],
  tools: readonly LlmTool[],
  opts: LoopOptions,
): Promise<LoopResult> {
  const messages = [...start];
  const offered = new Map(tools.map((t) => [t.name, t] as const));
  const lcTools = tools.map((t) => t.tool);
  const usage = { inputTokens: 0, outputTokens: 0 };
  let modelName = model.model;

  for (let call = 1; call <= opts.maxModelCalls; call++) {
    // The last allowed call asks for text only, so a model that keeps calling tools still answers.
    const last = call === opts.maxModelCalls;
    const ai = await invokeWithRetry(model, messages, lcTools, opts.retry, {
      ...(last && lcTools.length > 0 ? { toolChoice: "none" as const } : {}),
      ...(opts.onAttemptFailed ? { onAttemptFailed: opts.onAttemptFailed } : {}),
    });
    usage.inputTokens += ai.usage_metadata?.input_tokens ?? 0;
    usage.outputTokens += ai.usage_metadata?.output_tokens ?? 0;
    const name = ai.response_metadata?.model_name;
    if (typeof name === "string" && name !== "") modelName = name;

    const calls = validateCalls(ai, offered);
    if (calls.length === 0) {
      const text = ai.text.trim();
      if (text === "") throw new LlmFailure("empty", "the model returned no text and no tool call");
      return { text, model: modelName, usage, transcript: messages };
    }
    if (last) break;
    messages.push(ai);
    // Past the turn's deadline nothing more is recorded: the offline engine is answering.
    if (opts.retry.signal?.aborted) throw turnDeadlineFailure();
    for (const c of calls) {
      if (opts.retry.signal?.aborted) throw turnDeadlineFailure();
      let result: ToolMessage;
      try {
        result = (await c.tool.tool.invoke({
          type: "tool_call",
          id: c.id,
          name: c.tool.name,
          args: c.args,
        })) as ToolMessage;
      } catch (e) {
        throw new LlmFailure("tool_error", `tool ${c.tool.name} failed`, { cause: e });
      }
      messages.push(result);
    }
  }
  throw new LlmFailure("tool_loop", `no answer after ${opts.maxModelCalls} model calls`);
}
