// Builds one assistant reply from catalogue messages: text parts, quick replies, dialogue memory.
import type { DialogueMemory, EscalationOpened, TurnContext, TurnResult } from "../language-layer.js";
import type { Catalogue } from "./catalogue.js";
import { money } from "./format.js";

export class Reply {
  private readonly parts: string[] = [];
  private quickKey: string | undefined;
  private memoryPatch: DialogueMemory = {};

  constructor(
    readonly catalogue: Catalogue,
    private readonly seed: string,
    readonly ctx: Pick<TurnContext, "locale" | "verificationQuestion" | "availability">,
  ) {}

  get locale() {
    return this.ctx.locale;
  }

  text(key: string, params: Record<string, string | number> = {}): string {
    // Most messages do not say when a person answers: that sentence is rendered only for those that do.
    const needed = params.nextContact === undefined && this.catalogue.uses(key, "nextContact");
    return this.catalogue.render(
      key,
      needed ? { nextContact: this.nextContact(), ...params } : params,
      this.seed,
    );
  }

  say(key: string, params: Record<string, string | number> = {}): void {
    this.parts.push(this.text(key, params));
  }

  /**
   * The words that follow an escalation. When the policy pack's own notice is shown (the system puts
   * it first), only what happens next and when; otherwise `full`, the catalogue's whole message.
   */
  escalated(kind: string, opened: EscalationOpened, full = `escalation_${kind}`): void {
    const own = `escalation_next_${kind}`;
    if (!opened.policyNotice) this.say(full);
    else this.say(this.catalogue.has(own) ? own : "escalation_next");
    // Say what was understood, so a misread claim can be put right before a person picks it up.
    const correctable = `escalation_correctable_${kind}`;
    if (opened.correctable && this.catalogue.has(correctable)) this.say(correctable);
  }

  raw(text: string): void {
    if (text) this.parts.push(text);
  }

  quick(key: string): void {
    this.quickKey = key;
  }

  remember(patch: DialogueMemory): void {
    this.memoryPatch = { ...this.memoryPatch, ...patch };
  }

  question(): string {
    return this.ctx.verificationQuestion || this.catalogue.render("default_question", {}, this.seed);
  }

  /** When a person will answer, honestly: today while on duty, else the next on-duty time. */
  nextContact(): string {
    const a = this.ctx.availability;
    if (a.onDuty) return this.catalogue.render("next_contact_on_duty", {}, this.seed);
    const when = a.whenIn?.[this.locale] ?? a.when;
    return this.catalogue.render("next_contact_off_duty", { when }, this.seed);
  }

  /** The public bounds of a refused proposal (never the settlement floor). */
  bounds(bounds: Record<string, unknown> | undefined): string {
    if (!bounds) return this.text("ask_proposal");
    const currency = String(bounds.currency);
    return this.text("refuse_bounds", {
      maxInstalments: Number(bounds.maxInstalments),
      minInstalment: money(Number(bounds.minInstalment), currency, this.locale),
      firstWithinDays: Number(bounds.firstPaymentWithinDays),
    });
  }

  result(): TurnResult {
    return {
      text: this.parts.join(" "),
      ...(this.quickKey ? { quickReplies: this.catalogue.quickReplies(this.quickKey) } : {}),
      meta: {
        layer: "offline",
        promptId: this.catalogue.id,
        promptHash: this.catalogue.hash,
        locale: this.catalogue.locale,
      },
      memory: this.memoryPatch,
    };
  }
}
