// The conversation so far as plain HTML, written into the debtor's page after its root (decision
// 0125). The debtor reads the greeting as soon as the page arrives, before the JavaScript (290 KB
// on a phone) has been parsed and run; the app removes it when it renders the conversation itself.
// It looks like the app's messages (the same classes, styled by the page's stylesheet) but has none
// of their hooks (no role="log", no data-role or data-id): it is a picture of the conversation,
// not a second one. Every text is escaped: a debtor may have typed markup.
import { ACTION_MARKER, PRERENDER_ID, ROLE_LABELS } from "../../../contract/debtor-page.js";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { escapeHtml } from "./debtor-link-page.js";

/** The newest messages shown: the page opens on the end of the conversation, as the app does. */
const SHOWN = 6;

export function prerenderConversation(messages: readonly WireMessage[], locale: "fr" | "en"): string {
  const shown = messages.filter((m) => !(m.role === "system" && ACTION_MARKER.test(m.text))).slice(-SHOWN);
  if (shown.length === 0) return "";
  const labels = ROLE_LABELS[locale];
  const bubbles = shown.map((m, i) => {
    const who = m.role === "debtor" || m.role === "system" ? "msg__who sr-only" : "msg__who";
    // Element Timing on the newest message: when the debtor could first read the conversation
    // (npm run bench:web reads it; for a first visit it is the greeting).
    const timing = i === shown.length - 1 ? ' elementtiming="amiable-first-message"' : "";
    return `<div class="log__item"><div class="msg msg--${m.role}"><p class="${who}">${escapeHtml(labels[m.role])}</p><p class="msg__text"${timing}>${escapeHtml(m.text)}</p></div></div>`;
  });
  return `<div id="${PRERENDER_ID}" class="app prerender" lang="${locale}"><div class="main"><div class="log-wrap"><div class="log">${bubbles.join("")}</div></div></div></div>`;
}
