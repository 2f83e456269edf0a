// The conversation so far for the debtor's chat page itself (GET /c/:token), so that the page shows
// its first message before its socket connects (docs/decisions/0092-first-message-in-the-page.md).
// A first visit is greeted here, through the same queue and claim as the socket's greeting: the
// greeting is written once whichever of the page and the socket (on any instance) comes first.
import type { InlineHistory } from "../../../contract/debtor-page.js";
import { CHAT_CASE_STATUSES } from "../../../contract/enums.js";
import type { ChatService } from "./chat-service.js";

const CHAT_STATUSES: ReadonlySet<string> = new Set(CHAT_CASE_STATUSES);

/**
 * Opens the link's session and reads the conversation, in one statement (decision 0105); throws
 * link_invalid or link_locked as the socket's handshake does. What it returns greets or resumes the
 * conversation when it needs it (waiting at most `waitMs`: a busy queue must not hold the page,
 * whose socket brings what is late), reads it again then, and gives the inline history: null when
 * the case's status is not one the page knows (handed off), which the socket tells then.
 */
export async function openFirstPage(
  chat: ChatService,
  token: string,
  waitMs: number,
  onLateFailure: (error: unknown) => void,
): Promise<() => Promise<InlineHistory | null>> {
  const { session, view: opened } = await chat.openWithHistory(token);
  return async () => {
    let view = opened;
    if (!view.settled) {
      const resumed = chat.resume(session);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      });
      try {
        await Promise.race([resumed, late]);
      } catch {
        // The greeting failed: the page shows what is stored; the socket's own resume tries again.
      } finally {
        clearTimeout(timer);
      }
      resumed.catch(onLateFailure);
      view = await chat.history(session);
    }
    const { messages, status } = view;
    if (!CHAT_STATUSES.has(status)) return null;
    return { messages, status: status as InlineHistory["status"], locale: session.locale };
  };
}

/** How long the page waits for a greeting before it leaves without it (it takes tens of ms). */
export const FIRST_PAGE_WAIT_MS = 1500;
