// The server's picture of the conversation (decision 0125): every text escaped, the newest messages,
// labels in the case's language, none of the app's hooks.
import { describe, expect, it } from "vitest";
import type { WireMessage } from "../../../contract/debtor-socket.js";
import { prerenderConversation } from "./debtor-prerender.js";

const message = (n: number, role: WireMessage["role"], text: string): WireMessage => ({
  id: `m${n}`,
  role,
  text,
  createdAt: `2026-12-04T10:0${n}:00.000Z`,
});

describe("the conversation written into the debtor's page", () => {
  it("escapes what a debtor typed, in text and nowhere else", () => {
    const html = prerenderConversation(
      [
        message(1, "assistant", "Bonjour"),
        message(2, "debtor", `</p></div><script>alert(1)</script><img src=x onerror="a()"> & co`),
      ],
      "fr",
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;/p&gt;&lt;/div&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("onerror=&quot;a()&quot;&gt; &amp; co");
    // Balanced: each message's elements close where they open.
    expect(html.match(/<div/g)?.length).toBe(html.match(/<\/div>/g)?.length);
  });

  it("labels the messages in the case's language and keeps none of the app's hooks", () => {
    const fr = prerenderConversation([message(1, "agent", "Bonjour"), message(2, "debtor", "ok")], "fr");
    expect(fr).toContain(">Conseiller<");
    expect(fr).toContain('<p class="msg__who sr-only">Vous</p>');
    expect(fr).toContain('lang="fr"');
    const en = prerenderConversation([message(1, "agent", "Hello")], "en");
    expect(en).toContain(">Adviser<");
    for (const html of [fr, en]) {
      expect(html).not.toMatch(/role=|data-role|data-id|aria-live/);
      expect(html.match(/elementtiming=/g)).toHaveLength(1);
    }
  });

  it("shows the newest six messages, leaves out the app's action markers, and nothing for no message", () => {
    const many = Array.from({ length: 9 }, (_, i) => message(i, i % 2 ? "debtor" : "assistant", `text ${i}`));
    const html = prerenderConversation([...many, message(9, "system", "[accept_offer:abc]")], "en");
    expect(html.match(/class="msg msg--/g)).toHaveLength(6);
    expect(html).toContain("text 3");
    expect(html).not.toContain("text 2<");
    expect(html).not.toContain("accept_offer");
    expect(prerenderConversation([], "fr")).toBe("");
  });
});
