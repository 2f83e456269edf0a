// The debtor chat page: header (creditor, AI notice, language, a person), status banners, the
// conversation, the composer, and the commitment dialog. State lives in the chat client; this
// component wires it to the page and manages focus (input after sending, dialog, return).
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { PRERENDER_ID } from "../../contract/debtor-page.js";
import type { WireOffer } from "../../contract/debtor-socket.js";
import { usePageInfo } from "./chat/info.js";
import { openBlankTab, sendTabToCheckout } from "./chat/pay-now.js";
import { useChat } from "./chat/useChat.js";
import { Banners } from "./components/Banners.js";
import { Composer } from "./components/Composer.js";
import { ConfirmDialog } from "./components/ConfirmDialog.js";
import { Header } from "./components/Header.js";
import { LinkProblem } from "./components/LinkProblem.js";
import { MessageList } from "./components/MessageList.js";
import { STRINGS } from "./i18n.js";
import { LocaleContext, usePageLocale } from "./locale.js";

export function App({ token, base }: { token: string; base: string }) {
  const chat = useChat(token);
  const accepted = Object.values(chat.decisions).filter((d) => d === "accepted").length;
  const info = usePageInfo(base, `${chat.status ?? ""}:${accepted}`);
  const [locale, setLocale] = usePageLocale(info?.locale);
  const t = STRINGS[locale];
  const localeValue = useMemo(() => ({ locale, t, timeZone: info?.timeZone }), [locale, t, info?.timeZone]);
  const input = useRef<HTMLTextAreaElement>(null);
  const [confirming, setConfirming] = useState<WireOffer>();
  const trigger = useRef<HTMLElement | null>(null);
  // "Accept and pay now": the offer being confirmed should open Checkout once it is accepted.
  const payAfterConfirm = useRef(false);
  const [paying, setPaying] = useState<{ offerId: string; tab: Window | null }>();
  const [payFailed, setPayFailed] = useState(false);
  const payDecision = paying ? chat.decisions[paying.offerId] : undefined;

  // Checkout is opened only once the server has recorded the promise (the acceptance's ack): the
  // session is for the promise's amount due now (the full or settlement amount, or instalment 1).
  useEffect(() => {
    if (!paying || payDecision === "sending" || payDecision === undefined) return;
    setPaying(undefined);
    if (payDecision !== "accepted") {
      paying.tab?.close();
      return;
    }
    void sendTabToCheckout(base, paying.tab).then((ok) => setPayFailed(!ok));
  }, [paying, payDecision, base]);

  useEffect(() => {
    document.title = t.pageTitle(info?.creditor.displayName ?? info?.creditor.name ?? "");
  }, [t, info?.creditor.displayName, info?.creditor.name]);

  // The server's picture of the conversation (decision 0125) goes before the app's first paint.
  useLayoutEffect(() => {
    document.getElementById(PRERENDER_ID)?.remove();
  }, []);

  // Performance marks read by web/e2e/bench-first-render.ts.
  useEffect(() => {
    performance.mark("amiable:app-rendered");
  }, []);
  const hasMessages = chat.messages.length > 0;
  useEffect(() => {
    if (hasMessages && !performance.getEntriesByName("amiable:first-message").length)
      performance.mark("amiable:first-message");
  }, [hasMessages]);

  useEffect(() => {
    // Inside the widget's iframe, Escape asks the host page to close the panel (see widget.ts).
    if (window.parent === window) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && !document.querySelector("dialog[open]")) {
        window.parent.postMessage({ type: "amiable:close" }, "*");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (chat.connection === "refused") {
    return (
      <LocaleContext.Provider value={localeValue}>
        <LinkProblem code={chat.refusal?.code ?? "link_invalid"} />
      </LocaleContext.Provider>
    );
  }

  const online = chat.connection === "online";
  const last = chat.messages.at(-1);
  const quickReplies =
    last?.role === "assistant" && !chat.pending.length && !chat.awaitingReply
      ? (last.quickReplies ?? [])
      : [];
  const personPending = chat.pending.some((p) => p.kind === "action" && p.type === "request_human");
  const send = (text: string) => {
    const ok = chat.send(text);
    input.current?.focus();
    return ok;
  };

  return (
    <LocaleContext.Provider value={localeValue}>
      <div className="app">
        <Header
          info={info}
          onLocale={setLocale}
          onTalkToPerson={() => chat.act("request_human")}
          personPending={personPending}
          personPresent={chat.personPresent}
        />
        <Banners
          connection={chat.connection}
          everConnected={chat.everConnected}
          status={chat.status}
          notices={chat.notices}
          onDismiss={(key) => {
            chat.dismiss(key);
            input.current?.focus();
          }}
        />
        {/* Focusable so that keyboard users can scroll a long conversation. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <main className="main" tabIndex={0} aria-label={t.conversation}>
          <MessageList
            messages={chat.messages}
            pending={chat.pending}
            online={online}
            typing={online && !chat.personPresent && (chat.awaitingReply || chat.pending.length > 0)}
            status={chat.status}
            decisions={chat.decisions}
            promises={info?.promises ?? []}
            linkBase={base}
            onAccept={(offer, button) => {
              trigger.current = button;
              payAfterConfirm.current = false;
              setConfirming(offer);
            }}
            onAcceptAndPay={
              info?.payNow
                ? (offer, button) => {
                    trigger.current = button;
                    payAfterConfirm.current = true;
                    setConfirming(offer);
                  }
                : undefined
            }
            onDecline={(offer) => {
              chat.act("decline_offer", offer.id);
              input.current?.focus();
            }}
          />
          {payFailed ? (
            <p className="payment__error" role="alert">
              {t.payNowFailed}
            </p>
          ) : null}
        </main>
        <footer className="bottom">
          <Composer
            ref={input}
            onSend={send}
            quickReplies={quickReplies}
            disabled={chat.status === "closed"}
          />
        </footer>
        <ConfirmDialog
          offer={confirming}
          onConfirm={(offer) => {
            setConfirming(undefined);
            if (payAfterConfirm.current) {
              // Opened in the confirming click itself, so that pop-up blockers let it through.
              setPayFailed(false);
              setPaying({ offerId: offer.id, tab: openBlankTab() });
            }
            payAfterConfirm.current = false;
            chat.act("accept_offer", offer.id);
            // The offer's buttons are gone: the message box is the next useful place.
            requestAnimationFrame(() => input.current?.focus());
          }}
          onCancel={() => {
            setConfirming(undefined);
            payAfterConfirm.current = false;
            const back = trigger.current;
            requestAnimationFrame(() => (back?.isConnected ? back.focus() : input.current?.focus()));
          }}
        />
      </div>
    </LocaleContext.Provider>
  );
}
