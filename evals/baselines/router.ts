// One service runs the assistant and the baselines side by side: the negotiation layer of each
// conversation is chosen by its case reference, which the runner registers before creating the case.
// Verification, safety escalations and on-hold replies stay with the offline engine for every arm
// (the turn runner routes them there), so the arms differ in how they negotiate only.
import type { LanguageLayer, TurnContext, TurnResult } from "../../server/agent/language-layer.js";

export type Arm = "assistant" | "rigid" | "naive";
export const ARMS: readonly Arm[] = ["assistant", "rigid", "naive"];

export class ArmRouter implements LanguageLayer {
  readonly name: "offline" | "llm";
  private readonly byReference = new Map<string, Arm>();

  constructor(private readonly layers: Record<Arm, LanguageLayer>) {
    this.name = layers.assistant.name;
  }

  assign(reference: string, arm: Arm): void {
    this.byReference.set(reference, arm);
  }

  private layerFor(ctx: TurnContext): LanguageLayer {
    const arm = ctx.facts ? this.byReference.get(ctx.facts.reference) : undefined;
    return this.layers[arm ?? "assistant"];
  }

  respond(ctx: TurnContext): Promise<TurnResult> {
    return this.layerFor(ctx).respond(ctx);
  }

  async regenerate(ctx: TurnContext, previous: string, feedback: readonly string[]): Promise<TurnResult> {
    const layer = this.layerFor(ctx);
    if (!layer.regenerate) return layer.respond(ctx);
    return layer.regenerate(ctx, previous, feedback);
  }
}
