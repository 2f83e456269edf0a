// The conversation: one look per role (assistant, agent = a person of the collection team, the
// debtor, system notes), offer cards under the messages that carry them, the debtor's messages
// still on their way, and the typing indicator. Every text is rendered as text (React escapes it).
import { useEffect, useRef } from "react";
import { ACTION_MARKER } from "../../../contract/debtor-page.js";
import type { WireMessage, WireOffer } from "../../../contract/debtor-socket.js";
import type { ChatCaseStatus as CaseStatus } from "../../../contract/enums.js";
import { formatTime } from "../../shared/format.js";
import type { OfferDecision } from "../chat/client.js";
import type { PromiseInfo } from "../chat/info.js";
import type { OutboxItem } from "../chat/outbox.js";
import { useLocale } from "../locale.js";
import { ConfirmationCard, OfferCard, offerAcceptable, offerState } from "./OfferCard.js";

interface Props {
  readonly messages: readonly WireMessage[];
  readonly pending: readonly OutboxItem[];
  readonly online: boolean;
  readonly typing: boolean;
  readonly status: CaseStatus | undefined;
  readonly decisions: Readonly<Record<string, OfferDecision>>;
  readonly promises: readonly PromiseInfo[];
  readonly linkBase: string;
  readonly onAccept: (offer: WireOffer, trigger: HTMLButtonElement) => void;
  readonly onAcceptAndPay?: ((offer: WireOffer, trigger: HTMLButtonElement) => void) | undefined;
  readonly onDecline: (offer: WireOffer) => void;
}

function SystemText({ text }: { text: string }) {
  const { t } = useLocale();
  const action = ACTION_MARKER.exec(text)?.[1] as keyof typeof t.action | undefined;
  return <>{action ? t.action[action] : text}</>;
}

function Bubble({ message }: { message: WireMessage }) {
  const { t, locale } = useLocale();
  const role = message.role;
  return (
    <div className={`msg msg--${role}`} data-role={role} data-id={message.id}>
      <p className={role === "debtor" || role === "system" ? "msg__who sr-only" : "msg__who"}>
        {t.role[role]}
      </p>
      <p className="msg__text">{role === "system" ? <SystemText text={message.text} /> : message.text}</p>
      {role !== "system" ? (
        <time className="msg__time" dateTime={message.createdAt}>
          {formatTime(message.createdAt, locale)}
        </time>
      ) : null}
    </div>
  );
}

function PendingBubble({ item, online }: { item: OutboxItem; online: boolean }) {
  const { t } = useLocale();
  const status = online ? t.sending : t.queued;
  if (item.kind === "action") {
    return (
      <div className="msg msg--system msg--pending" data-role="pending" data-client-id={item.clientMessageId}>
        <p className="msg__text">
          {t.action[item.type]} <span className="msg__state">({status})</span>
        </p>
      </div>
    );
  }
  return (
    <div className="msg msg--debtor msg--pending" data-role="pending" data-client-id={item.clientMessageId}>
      <p className="msg__who sr-only">{t.role.debtor}</p>
      <p className="msg__text">{item.text}</p>
      <p className="msg__state">{status}</p>
    </div>
  );
}

export function MessageList(props: Props) {
  const { t } = useLocale();
  const { messages, pending, promises, decisions } = props;
  const end = useRef<HTMLDivElement>(null);
  const lastOfferId = messages.findLast((m) => m.offer)?.offer?.id;
  const now = Date.now();
  const promised = (offerId: string) => promises.find((p) => p.offerId === offerId);
  const orphanPromises = promises.filter(
    (p) => p.status === "active" && !messages.some((m) => m.offer?.id === p.offerId),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever something is added below
  useEffect(() => {
    // Keep the newest message in view (smoothly, unless the debtor prefers less motion).
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    end.current?.scrollIntoView({ block: "end", behavior: reduce ? "auto" : "smooth" });
  }, [messages.length, pending.length, props.typing, promises.length]);

  return (
    <div className="log-wrap">
      <div
        className="log"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t.conversation}
      >
        {messages.map((m) => (
          <div key={m.id} className="log__item">
            <Bubble message={m} />
            {m.offer ? (
              <OfferCard
                offer={m.offer}
                promise={promised(m.offer.id)}
                state={offerState(m.offer, {
                  latest: m.offer.id === lastOfferId,
                  decision: decisions[m.offer.id],
                  promised: Boolean(promised(m.offer.id)),
                  promiseStatus: promised(m.offer.id)?.status,
                  acceptable: offerAcceptable(props.status, m.role),
                  now,
                })}
                linkBase={props.linkBase}
                onAccept={props.onAccept}
                onAcceptAndPay={props.onAcceptAndPay}
                onDecline={props.onDecline}
              />
            ) : null}
          </div>
        ))}
        {orphanPromises.map((p) => (
          <div key={p.id} className="log__item">
            <ConfirmationCard promise={p} linkBase={props.linkBase} />
          </div>
        ))}
        {pending.map((item) => (
          <div key={item.clientMessageId} className="log__item">
            <PendingBubble item={item} online={props.online} />
          </div>
        ))}
      </div>
      {props.typing ? (
        <div className="typing" role="status">
          <span className="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="typing__text">{t.typing}</span>
        </div>
      ) : null}
      <div ref={end} />
    </div>
  );
}
