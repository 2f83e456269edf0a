// The page a dead, unknown or locked link shows instead of the chat.
import type { Locator, Page } from "playwright-core";

export class LinkStatusPage {
  readonly card: Locator;
  readonly french: Locator;
  readonly english: Locator;

  constructor(readonly page: Page) {
    this.card = page.locator("main.card");
    this.french = page.locator('section[lang="fr"]');
    this.english = page.locator('section[lang="en"]');
  }

  /** Opens the link and returns the HTTP status. */
  async open(url: string): Promise<number> {
    const res = await this.page.goto(url);
    return res?.status() ?? 0;
  }

  async problem(): Promise<string | null> {
    return this.card.getAttribute("data-problem");
  }
}
