// The policy studio as a policy editor drives it: the packs list, the editor's form fields by
// label, the changes in words, the simulation and its tables, publish, approve and roll back.
import type { Locator, Page } from "playwright-core";

export class PolicyEditorPage {
  readonly changes: Locator;
  readonly simulation: Locator;
  readonly publishing: Locator;
  readonly versions: Locator;
  constructor(readonly page: Page) {
    this.changes = page.getByRole("region", { name: "Changes" });
    this.simulation = page.getByRole("region", { name: "Simulation" });
    this.publishing = page.getByRole("region", { name: "Publish" });
    this.versions = page.getByRole("region", { name: "Versions" });
  }

  async open(packName: string): Promise<void> {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Policies" }).click();
    await this.page.getByRole("link", { name: packName }).click();
    await this.page.getByRole("heading", { name: "Limits" }).waitFor();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error shown on a field (its aria-describedby). */
  async fieldError(label: string): Promise<string> {
    const input = this.field(label);
    await this.page.waitForFunction(
      (el) => el?.getAttribute("aria-invalid") === "true",
      await input.elementHandle(),
    );
    const id = await input.getAttribute("aria-describedby");
    return (await this.page.locator(`[id="${id}"]`).textContent()) ?? "";
  }

  async changeList(): Promise<string[]> {
    return this.changes.getByRole("listitem").allTextContents();
  }

  async saveDraft(): Promise<void> {
    await this.page.getByRole("button", { name: "Save draft" }).click();
    await this.page.getByRole("status").filter({ hasText: "Draft saved." }).waitFor();
  }

  async runSimulation(filter: string): Promise<void> {
    await this.simulation.getByLabel(/Scenarios/).fill(filter);
    await this.simulation.getByRole("button", { name: /Run the simulation/ }).click();
    await this.simulation.getByRole("progressbar", { name: "Simulation progress" }).waitFor();
  }

  async waitForSimulation(timeoutMs = 80_000): Promise<string> {
    const status = this.simulation.getByTestId("simulation-status");
    await status.filter({ hasText: /Finished|Failed/ }).waitFor({ timeout: timeoutMs });
    return (await status.textContent()) ?? "";
  }

  movedConversations(): Locator {
    return this.simulation.getByRole("table", { name: "Conversations that moved" }).locator("tbody tr");
  }

  async publish(note: string): Promise<void> {
    await this.publishing.getByLabel("Why this change (required)").fill(note);
    await this.publishing.getByRole("button", { name: "Publish" }).click();
  }

  async rollBackTo(note: string): Promise<void> {
    await this.versions
      .getByRole("row")
      .filter({ hasText: note })
      .getByRole("button", { name: "Roll back to this version" })
      .click();
    await this.page.getByRole("status").filter({ hasText: "Rolled back" }).waitFor();
  }
}
