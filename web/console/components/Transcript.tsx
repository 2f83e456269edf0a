// The transcript annotated for collectors: each message with who wrote it, which language layer
// answered (offline engine, LLM with its model, a person, the system) and the prompt version; under
// it, the events it caused: guard interventions, policy decisions with the rule that fired, tool
// calls, disclosures, fallbacks, takeovers, suppressed replies. Every text is rendered as text.
import { instant, label, messageText, money } from "../format.js";
import { t } from "../i18n.js";
import type { TranscriptEvent, TranscriptMessage } from "../types.js";

type Meta = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === "string" && v ? v : null;
}

function layerOf(m: TranscriptMessage): string {
  const meta = (m.meta ?? {}) as Meta;
  if (m.role === "debtor") return t("Debtor");
  if (m.role === "agent") return t("Collector");
  if (m.role === "system") return t("System");
  const layer = str(meta.layer);
  if (layer === "llm") return `LLM${str(meta.model) ? ` · ${meta.model}` : ""}`;
  if (layer === "offline") return t("Offline engine");
  if (layer === "system") return t("System template");
  return t("Assistant");
}

function MessageMeta({ m }: { m: TranscriptMessage }) {
  const meta = (m.meta ?? {}) as Meta;
  const prompt = str(meta.promptId);
  const hash = str(meta.promptHash);
  const usage = meta.usage as { inputTokens?: number; outputTokens?: number } | undefined;
  return (
    <p className="msg__meta">
      <span className="layer">{layerOf(m)}</span>
      {prompt && (
        <span title={hash ?? undefined}>
          prompt {prompt}
          {hash ? ` (${hash.slice(0, 8)})` : ""}
        </span>
      )}
      {str(meta.policyVersionId) && (
        <span title={String(meta.policyVersionId)}>policy {String(meta.policyVersionId).slice(0, 8)}</span>
      )}
      {str(meta.intent) && <span>intent {String(meta.intent)}</span>}
      {str(meta.fallbackReason) && <span className="warn">fallback: {String(meta.fallbackReason)}</span>}
      {usage?.inputTokens !== undefined && (
        <span>
          tokens {usage.inputTokens}/{usage.outputTokens}
        </span>
      )}
      <time dateTime={m.createdAt}>{instant(m.createdAt)}</time>
    </p>
  );
}

function eventClass(kind: string): string {
  if (kind.startsWith("guard") || kind === "assistant.suppressed" || kind === "llm.fallback")
    return "event--warn";
  if (kind.startsWith("policy")) return "event--policy";
  if (kind.startsWith("takeover") || kind.startsWith("escalation") || kind.startsWith("promise"))
    return "event--human";
  return "";
}

/** One line for the event, then its details (JSON, as text). */
export function describeEvent(e: TranscriptEvent): string {
  const d = (e.data ?? {}) as Meta;
  switch (e.kind) {
    case "policy.decision": {
      const parts = [`tool ${String(d.tool ?? "?")}`];
      if (d.decision) parts.push(`decision ${String(d.decision)}`);
      if (d.reason) parts.push(`reason ${String(d.reason)}`);
      if (d.rule) parts.push(`rule ${String(d.rule)}`);
      if (d.refused) parts.push(`refused (${String(d.refused)})`);
      if (d.verified !== undefined)
        parts.push(
          d.verified ? "identity verified" : `identity not verified (attempt ${String(d.attempts ?? "?")})`,
        );
      return t("Policy decision: {parts}", { parts: parts.join(", ") });
    }
    case "assistant.suppressed":
      return t("Assistant reply suppressed: a person owned the conversation when it was ready (never sent)");
    case "takeover.started":
      return t("A collector took over the conversation");
    case "takeover.ended":
      return `${t("Handed back to the assistant")}${str(d.note) ? ` : “${String(d.note)}”` : ""}`;
    case "escalation.opened":
      return t("Escalation opened: {kind}", { kind: label(String(d.kind ?? "")) });
    case "escalation.resolved":
      return `${t("Escalation resolved: {outcome}", { outcome: label(String(d.outcome ?? "")) })}${str(d.note) ? ` (“${String(d.note)}”)` : ""}`;
    case "disclosure.added":
      return t("Disclosures added by the system: {ids}", {
        ids: Array.isArray(d.ids) ? d.ids.join(", ") : "",
      });
    case "llm.fallback":
      return t("LLM failed ({reason}); the offline engine answered", { reason: String(d.reason ?? "?") });
    case "promise.recorded":
      return t("Promise recorded after the debtor's explicit acceptance");
    case "promise.broken":
      return t("Promise broken: an instalment stayed unpaid past the grace period");
    default:
      return label(e.kind);
  }
}

function Event({ e }: { e: TranscriptEvent }) {
  return (
    <li className={`event ${eventClass(e.kind)}`} data-kind={e.kind}>
      <span>{describeEvent(e)}</span>
      <details>
        <summary>details</summary>
        <pre>{JSON.stringify(e.data, null, 2)}</pre>
      </details>
    </li>
  );
}

export function TranscriptView({
  messages,
  events,
  offers,
}: {
  messages: readonly TranscriptMessage[];
  events: readonly TranscriptEvent[];
  offers: readonly { id: string; kind: string; total: number; currency: string; rule: string }[];
}) {
  const byMessage = new Map<string, TranscriptEvent[]>();
  const loose: TranscriptEvent[] = [];
  for (const e of events) {
    if (e.messageId) byMessage.set(e.messageId, [...(byMessage.get(e.messageId) ?? []), e]);
    else loose.push(e);
  }
  // Events without a message sit in time order between the messages.
  const items: (
    | { type: "m"; m: TranscriptMessage; at: string }
    | { type: "e"; e: TranscriptEvent; at: string }
  )[] = [
    ...messages.map((m) => ({ type: "m" as const, m, at: m.createdAt })),
    ...loose.map((e) => ({ type: "e" as const, e, at: e.createdAt })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.type === "m" ? -1 : 1));
  if (items.length === 0)
    return <p className="empty">{t("No conversation yet: the debtor has not opened the link.")}</p>;
  return (
    <ol className="transcript" aria-label="Transcript">
      {items.map((item) => {
        if (item.type === "e") {
          return (
            <li key={item.e.id} className="transcript__event">
              <ul className="events">
                <Event e={item.e} />
              </ul>
            </li>
          );
        }
        const m = item.m;
        const offer = m.offerId ? offers.find((o) => o.id === m.offerId) : undefined;
        const attached = byMessage.get(m.id) ?? [];
        return (
          <li key={m.id} className={`tmsg tmsg--${m.role}`} data-role={m.role} data-id={m.id}>
            <MessageMeta m={m} />
            <p className="tmsg__text" title={m.text !== messageText(m.role, m.text) ? m.text : undefined}>
              {messageText(m.role, m.text)}
            </p>
            {offer && (
              <p className="tmsg__offer">
                {t("Offer shown: {kind} {amount} · rule {rule}", {
                  kind: label(offer.kind),
                  amount: money(offer.total, offer.currency),
                  rule: offer.rule,
                })}
              </p>
            )}
            {attached.length > 0 && (
              <ul className="events">
                {attached.map((e) => (
                  <Event key={e.id} e={e} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
