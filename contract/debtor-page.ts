// What the debtor's chat page (GET /c/:token) carries inline, so that it shows the conversation
// before its socket connects (docs/decisions/0092-first-message-in-the-page.md). Zod-free on
// purpose: the page's bundle imports the id and the types, and must not pull in zod for them.
import type { DebtorState, WireMessage } from "./debtor-socket.js";

/** The id of the `<script type="application/json">` element holding the conversation so far. */
export const INLINE_HISTORY_ID = "amiable-history";

/**
 * The id of the conversation written as plain HTML after the page's root (decision 0125): the
 * debtor reads it before the JavaScript has run; the app removes it when it renders its own.
 */
export const PRERENDER_ID = "amiable-prerender";

/**
 * A system message that records a debtor's button ("[accept_offer:<id>]"): the page writes it in
 * words of its own (its strings' `action`); the server's prerender leaves it out.
 */
export const ACTION_MARKER = /^\[(accept_offer|decline_offer|request_human)(?::[\w-]*)?\]$/;

/** Who wrote a message, as the page labels it (the app's strings and the server's prerender). */
export const ROLE_LABELS: Readonly<Record<"fr" | "en", Readonly<Record<WireMessage["role"], string>>>> = {
  fr: { assistant: "Assistant", agent: "Conseiller", debtor: "Vous", system: "Information" },
  en: { assistant: "Assistant", agent: "Adviser", debtor: "You", system: "Information" },
};

/** The conversation so far, as the socket would send it on connection (`message`s, then `state`). */
export interface InlineHistory {
  readonly messages: readonly WireMessage[];
  readonly status: DebtorState["status"];
  /** The case's language (the server's prerender labels the messages in it). */
  readonly locale?: "fr" | "en";
}

/**
 * The handshake's `auth` on /debtor: the link's token and, optionally, the id of the newest server
 * message the page already shows (from the inline history). The server then sends only the
 * messages after it; an id it does not know gets the whole history, as without `after`.
 */
export interface DebtorHandshakeAuth {
  readonly token: string;
  readonly after?: string;
}
