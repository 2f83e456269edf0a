// The console's outreach screens as tests drive them: the Reminders panel of a case page and the
// Outbox page, by role and label.
import type { Locator, Page } from "playwright-core";

export class RemindersPanel {
  readonly region: Locator;
  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Reminders" });
  }

  row(stepKeyPrefix: string): Locator {
    return this.region.locator(`tr[data-message^="${stepKeyPrefix}"]`);
  }

  async press(name: string): Promise<void> {
    await this.region.getByRole("button", { name }).click();
  }
}

export class OutboxPage {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.locator("table.outreach-table");
  }

  async filter(name: "Status" | "Channel" | "Kind", value: string): Promise<void> {
    await this.page.getByRole("form", { name: "Filter messages" }).getByLabel(name).selectOption(value);
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }
}
