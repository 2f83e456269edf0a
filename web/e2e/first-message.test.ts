// The debtor's first message comes with the page itself (decision 0092): shown while the socket
// cannot connect at all, shown once when it does, and a debtor's "</script>" in the inline history
// neither breaks the page nor runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestService } from "../../server/test-support/service.js";
import { ChatPage } from "./pages/chat-page.js";
import {
  hasChromium,
  type Launched,
  launchBrowser,
  launchChromium,
  NO_PROBLEMS,
  PageProblems,
  PHONE,
} from "./support/browser.js";
import { createCase, startE2eService } from "./support/service.js";

describe.skipIf(!hasChromium)("the debtor page's first message in Chromium", () => {
  let t: TestService;
  let browser: Launched;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startE2eService(), launchChromium({ viewport: PHONE })]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const ids = async (chat: ChatPage) => (await chat.shown()).map((m) => m.id);

  it("shows the greeting with no socket at all, then once when the socket connects", async () => {
    const c = await createCase(t);
    const page = await browser.context.newPage();
    const problems = new PageProblems(page, [t.url]);
    // No socket.io at all, websocket nor polling.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
    await page.route(/\/socket\.io\//, (route) => route.abort());
    const chat = new ChatPage(page);
    await page.goto(c.link);
    await chat.messages("assistant").first().waitFor({ timeout: 20_000 });
    const greeting = await ids(chat);
    expect(greeting).toHaveLength(1);
    await page.waitForTimeout(500);
    // Nothing came through a socket (the page still says it is connecting): the greeting was in the page.
    expect(await page.locator(".banner--quiet").count()).toBe(1);
    expect(await page.evaluate("document.querySelectorAll('#amiable-history').length")).toBe(1);
    expect(await ids(chat)).toEqual(greeting);

    // The socket connects (asking for what follows the greeting): still one greeting, and the turn works.
    await page.close();
    const live = await browser.context.newPage();
    const liveProblems = new PageProblems(live, [t.url]);
    const chat2 = new ChatPage(live);
    await live.goto(c.link);
    await chat2.messages("assistant").first().waitFor();
    await chat2.say("75011");
    const shown = await ids(chat2);
    expect(shown[0]).toBe(greeting[0]);
    expect(new Set(shown).size).toBe(shown.length);
    expect((await chat2.shown()).map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
    expect(problems.summary().errors).toEqual([]);
    expect(liveProblems.summary()).toEqual(NO_PROBLEMS);
    await live.close();
  });

  it("shows a debtor's </script> from the inline history as text, once, and runs nothing", async () => {
    const c = await createCase(t);
    const page = await browser.context.newPage();
    const problems = new PageProblems(page, [t.url]);
    const chat = new ChatPage(page);
    await page.goto(c.link);
    await chat.nextAssistant(0);
    const hostile = `</script><script>alert(1)</script><!-- ${"<"}/body>`;
    await chat.say(hostile);
    await page.reload();
    await chat.messages("debtor").first().waitFor();
    // From the inline history, before and after the socket's own (newer-only) messages.
    await page.waitForTimeout(800);
    const shown = await chat.shown();
    expect(shown.filter((m) => m.role === "debtor").map((m) => m.text)).toEqual([hostile]);
    expect(new Set(shown.map((m) => m.id)).size).toBe(shown.length);
    expect(await chat.log.locator("script").count()).toBe(0);
    expect(await page.evaluate("document.querySelectorAll('body script:not([type])').length")).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("shows the conversation as plain HTML before any script runs, escaped, and the app replaces it", async () => {
    const c = await createCase(t);
    // A returning debtor who once typed markup.
    const page = await browser.context.newPage();
    const chat = new ChatPage(page);
    await page.goto(c.link);
    await chat.nextAssistant(0);
    const hostile = `<img src=x onerror="alert(1)"></p><script>alert(2)</script>`;
    await chat.say(hostile);
    await page.close();

    // JavaScript off: what the debtor reads is the server's picture (decision 0125).
    const noJs = await launchBrowser();
    try {
      const context = await noJs.newContext({ javaScriptEnabled: false, viewport: PHONE });
      const still = await context.newPage();
      await still.goto(c.link);
      const picture = still.locator("#amiable-prerender");
      const texts = await picture.locator(".msg__text").allTextContents();
      expect(texts).toHaveLength(3);
      expect(texts[0]).toMatch(/assistant/i);
      expect(texts[1]).toBe(hostile);
      expect(await picture.locator(".msg--debtor").count()).toBe(1);
      expect(await picture.locator("script, img").count()).toBe(0);
      // Not a second conversation for assistive technology or the app's hooks.
      expect(await still.getByRole("log").count()).toBe(0);
      expect(await picture.locator("[data-role], [data-id]").count()).toBe(0);
      expect(await still.locator(".boot").isVisible()).toBe(false);
      expect(await picture.locator(".msg--assistant").first().isVisible()).toBe(true);
      const box = await picture.locator(".msg--assistant").first().boundingBox();
      expect(box?.y ?? Number.NaN).toBeLessThan(PHONE.height / 2);
      await new ChatPage(still).screenshot("phone-00-page-before-script");
      await context.close();
    } finally {
      await noJs.close();
    }

    // JavaScript on: the app's conversation, once, and the picture gone.
    const live = await browser.context.newPage();
    const problems = new PageProblems(live, [t.url]);
    const chat2 = new ChatPage(live);
    await live.goto(c.link);
    await chat2.messages("assistant").nth(1).waitFor();
    expect(await live.locator("#amiable-prerender").count()).toBe(0);
    expect(await live.getByRole("log").count()).toBe(1);
    expect((await chat2.shown()).map((m) => m.role)).toEqual(["assistant", "debtor", "assistant"]);
    expect(problems.dialogs).toEqual([]);
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await live.close();
  });
});
