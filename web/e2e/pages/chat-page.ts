// The debtor chat page as tests drive it: what a debtor sees and does, by role and label.
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";

export class ChatPage {
  readonly header: Locator;
  readonly creditor: Locator;
  readonly aiNotice: Locator;
  readonly talkToPerson: Locator;
  readonly log: Locator;
  readonly input: Locator;
  readonly counter: Locator;
  readonly typing: Locator;
  readonly offlineBanner: Locator;
  readonly escalatedBanner: Locator;
  readonly dialog: Locator;
  readonly confirmation: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator("header.top");
    this.creditor = page.locator(".top__creditor");
    this.aiNotice = page.locator(".top__ai");
    this.talkToPerson = page.locator(".btn--person");
    this.log = page.getByRole("log");
    this.input = page.locator("textarea.composer__input");
    this.counter = page.locator(".composer__counter");
    this.typing = page.locator(".typing");
    this.offlineBanner = page.locator('[data-banner="offline"]');
    this.escalatedBanner = page.locator('[data-banner="escalated"]');
    this.dialog = page.locator("dialog.confirm");
    this.confirmation = page.locator(".confirmation");
  }

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.creditor.filter({ hasText: /\S/ }).waitFor();
  }

  messages(role?: "assistant" | "agent" | "debtor" | "system" | "pending"): Locator {
    return this.log.locator(role ? `.msg[data-role="${role}"]` : ".msg");
  }

  /** Texts of the server messages shown, in order, with their ids. */
  async shown(): Promise<{ id: string; role: string; text: string }[]> {
    return this.log.locator(".msg[data-id]").evaluateAll((nodes) =>
      nodes.map((n) => ({
        id: (n as HTMLElement).dataset.id ?? "",
        role: (n as HTMLElement).dataset.role ?? "",
        text: n.querySelector(".msg__text")?.textContent ?? "",
      })),
    );
  }

  async assistantCount(): Promise<number> {
    return this.messages("assistant").count();
  }

  /** Waits for an assistant message beyond the first `count` ones and returns its text. */
  async nextAssistant(count: number, timeout = 20_000): Promise<string> {
    const next = this.messages("assistant").nth(count);
    await next.waitFor({ timeout });
    return (await next.locator(".msg__text").textContent()) ?? "";
  }

  /** Types a message and sends it with Enter; resolves with the assistant's reply. */
  async say(text: string): Promise<string> {
    const before = await this.assistantCount();
    await this.type(text);
    return this.nextAssistant(before);
  }

  async type(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press("Enter");
  }

  offers(): Locator {
    return this.log.locator("section.offer");
  }

  openOffer(): Locator {
    return this.log.locator('section.offer[data-state="open"]').last();
  }

  /** Presses Tab until `target` has the focus: proves it is reachable with the keyboard. */
  async tabTo(target: Locator, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press("Tab");
    }
    throw new Error(`could not reach ${target} with Tab`);
  }

  async focusedIsInside(selector: string): Promise<boolean> {
    return this.page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);
  }

  async focusedIs(target: Locator): Promise<boolean> {
    return target.evaluate((el) => el === document.activeElement);
  }

  /** Clicks a download link and returns the file's bytes. */
  async download(link: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), link.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  async setLocale(locale: "fr" | "en"): Promise<void> {
    await this.header.locator(`button[lang="${locale}"]`).click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-artifacts/screenshots/${name}.png`, fullPage: false });
  }
}
