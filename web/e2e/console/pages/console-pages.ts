// The collector console as tests drive it: login, navigation, the escalation queue, a case page
// with its takeover panel and transcript, by role and label as a collector sees them.
import type { Locator, Page } from "playwright-core";

export class ConsoleLogin {
  constructor(readonly page: Page) {}

  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/console`);
    await this.page.getByRole("heading", { name: "amiable console" }).waitFor();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
    await this.page.getByRole("navigation", { name: "Main" }).waitFor();
  }
}

export class ConsoleNav {
  readonly nav: Locator;
  readonly live: Locator;
  constructor(readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.live = page.locator(".live");
  }

  async items(): Promise<string[]> {
    return this.nav.getByRole("link").allTextContents();
  }

  async go(name: string): Promise<void> {
    await this.nav.getByRole("link", { name }).click();
  }

  /** Switches the console's language with the top bar's switch (kept in this browser). */
  async language(code: "FR" | "EN"): Promise<void> {
    await this.page.getByRole("button", { name: code, exact: true }).click();
    await this.page.locator(`.lang-root[lang="${code.toLowerCase()}"]`).waitFor();
  }

  /** The page's headings (h1 and h2), as a collector reads them. */
  async headings(): Promise<string[]> {
    const texts = await this.page.locator("main h1, main h2").allTextContents();
    return [...new Set(texts.map((s) => s.trim()))];
  }
}

export class QueuePage {
  constructor(readonly page: Page) {}

  escalation(reference: string): Locator {
    return this.page
      .locator("article.escalation")
      .filter({ has: this.page.getByRole("link", { name: reference, exact: true }) });
  }

  /** Resolves an escalation from its queue card with an outcome (by its label) and a note. */
  async resolve(reference: string, outcome: string, note: string): Promise<void> {
    const card = this.escalation(reference);
    await card.getByRole("button", { name: "Resolve", exact: true }).click();
    const form = card.getByRole("form", { name: "Resolve the escalation" });
    await form.getByLabel("Outcome").selectOption({ label: outcome });
    await form.getByLabel("Note").fill(note);
    await form.getByRole("button", { name: "Resolve", exact: true }).click();
  }

  async filterKind(kind: string): Promise<void> {
    await this.page
      .getByRole("form", { name: "Filter escalations" })
      .getByLabel("Kind")
      .selectOption({ label: kind });
  }
}

export class ConsoleCasePage {
  readonly transcript: Locator;
  readonly takeover: Locator;
  constructor(readonly page: Page) {
    this.transcript = page.getByRole("list", { name: "Transcript" });
    this.takeover = page.getByRole("region", { name: "Takeover" });
  }

  messages(role: "assistant" | "debtor" | "agent" | "system"): Locator {
    return this.transcript.locator(`li.tmsg[data-role="${role}"]`);
  }

  events(kind: string): Locator {
    return this.transcript.locator(`li.event[data-kind="${kind}"]`);
  }

  async takeOver(): Promise<void> {
    await this.takeover.getByRole("button", { name: "Take over the conversation" }).click();
    await this.page.getByRole("heading", { name: "You own this conversation" }).waitFor();
  }

  async send(text: string): Promise<void> {
    const box = this.takeover.getByLabel("Message to the debtor");
    await box.fill(text);
    await this.takeover.getByRole("button", { name: "Send", exact: true }).click();
    await this.messages("agent").filter({ hasText: text }).waitFor();
  }

  readonly offerForm = () => this.takeover.locator("details.offer-form");

  /** Fills the hand-offer form (the fields left out keep their defaults). */
  async fillOffer(terms: {
    kind?: "Full payment" | "Instalment plan" | "Settlement";
    count?: number;
    amount?: string;
    /** The first instalment's own amount (a plan's down payment). */
    firstAmount?: string;
    firstDate?: string;
    waive?: boolean;
  }): Promise<void> {
    const form = this.offerForm();
    if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open)))
      await form.getByText("Make an offer (checked by the policy)").click();
    if (terms.kind) await form.getByLabel("Kind").selectOption({ label: terms.kind });
    if (terms.count !== undefined) await form.getByLabel("Instalments").fill(String(terms.count));
    if (terms.amount !== undefined) await form.getByLabel(/amount per instalment|Total/).fill(terms.amount);
    if (terms.firstAmount !== undefined)
      await form.getByLabel(/First instalment amount/).fill(terms.firstAmount);
    if (terms.firstDate !== undefined) await form.getByLabel("First payment on").fill(terms.firstDate);
    if (terms.waive !== undefined) await form.getByLabel(/Waive interest and fees/).setChecked(terms.waive);
  }

  /** Asks the engine about the terms; resolves with its decision and the sentence shown. */
  async checkOffer(): Promise<{ decision: string; text: string }> {
    const form = this.offerForm();
    await form.getByRole("button", { name: "Check with the policy" }).click();
    const status = form.locator("[role=status][data-decision]");
    await status.waitFor();
    return {
      decision: (await status.getAttribute("data-decision")) ?? "",
      text: (await status.textContent()) ?? "",
    };
  }

  /** Makes an offer by hand (full payment by default): checks it, sends it, returns the status line. */
  async makeOffer(kind: "Full payment" | "Instalment plan" | "Settlement" = "Full payment"): Promise<string> {
    await this.fillOffer({ kind });
    await this.checkOffer();
    const form = this.offerForm();
    await form.getByRole("button", { name: "Send the offer" }).click();
    const sent = form.locator("[role=status]").filter({ hasText: "Offer sent" });
    await sent.waitFor();
    return (await sent.textContent()) ?? "";
  }

  readonly chat = () => this.takeover.getByRole("list", { name: "Live chat" });

  async addNote(text: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Add a note" });
    await form.getByLabel("New note").fill(text);
    await form.getByRole("button", { name: "Add the note" }).click();
    await this.page.getByRole("list", { name: "Notes" }).getByText(text).waitFor();
  }

  async handBack(note: string): Promise<void> {
    await this.takeover.getByLabel("Note for the transcript").fill(note);
    await this.takeover.getByRole("button", { name: "Hand back to the assistant" }).click();
    await this.page.getByRole("heading", { name: "The assistant is talking" }).waitFor();
  }
}

export class TeamPage {
  readonly invite: Locator;
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.invite = page.getByRole("form", { name: "Invite a team member" });
    this.table = page.locator("table.team");
  }

  /** Invites someone and returns the one-time link the page shows (no e-mail server in tests). */
  async inviteMember(email: string, role: "Collector" | "Policy editor" | "Administrator"): Promise<string> {
    await this.invite.getByLabel("Email").fill(email);
    await this.invite.getByLabel("Role").selectOption({ label: role });
    await this.invite.getByRole("button", { name: "Send the invitation" }).click();
    const link = this.page.getByLabel("One-time link");
    await link.waitFor();
    return link.inputValue();
  }

  member(email: string): Locator {
    return this.table.locator(`tr[data-email="${email}"]`);
  }

  async setRole(email: string, role: string): Promise<void> {
    await this.page.getByLabel(`Role of ${email}`).selectOption({ label: role });
  }
}

export class PasswordLinkPage {
  constructor(readonly page: Page) {}

  async choose(link: string, password: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole("heading", { name: "Choose your password" }).waitFor();
    await this.page.getByLabel("New password").fill(password);
    await this.page.getByLabel("Repeat the password").fill(password);
    await this.page.getByRole("button", { name: "Set the password" }).click();
    await this.page.getByRole("heading", { name: "amiable console" }).waitFor();
  }
}

export class CasesListPage {
  readonly importPanel: Locator;
  constructor(readonly page: Page) {
    this.importPanel = page.getByRole("region", { name: "Import cases from CSV" });
  }

  async search(text: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Filter cases" });
    await form.getByLabel("Search").fill(text);
    await form.getByLabel("Search").press("Enter");
  }

  async references(): Promise<string[]> {
    return this.page.locator("table.cases tbody tr td:first-child a").allTextContents();
  }

  async openImport(): Promise<void> {
    if (!(await this.importPanel.isVisible()))
      await this.page.getByRole("button", { name: "Import CSV" }).click();
  }

  /** Chooses a file as the browser would (bytes as saved by the spreadsheet), then runs an action. */
  async importFile(
    name: string,
    bytes: Buffer,
    action: "Import" | "Check the file" = "Import",
  ): Promise<void> {
    await this.openImport();
    await this.importPanel
      .getByLabel("CSV file")
      .setInputFiles({ name, mimeType: "text/csv", buffer: bytes });
    await this.importPanel.getByRole("button", { name: action, exact: true }).click();
  }

  report(): Locator {
    return this.importPanel.getByRole("region", { name: "Import report" });
  }
}
