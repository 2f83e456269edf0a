// The desk's tools as tests drive them in French: the login form, the outbox, bank statements,
// creditor settings, the new-case form and the set-password page, by role and French label.
import type { Locator, Page } from "playwright-core";

export class LoginFormFr {
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.form = page.locator("main.login");
  }

  /** Opens the console's login page and switches it to French (kept in this browser). */
  async open(base: string): Promise<void> {
    await this.page.goto(`${base}/console`);
    await this.page.getByRole("button", { name: "FR", exact: true }).click();
    await this.page.getByRole("heading", { name: "Console amiable" }).waitFor();
  }

  async fill(email: string, password: string): Promise<void> {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Mot de passe").fill(password);
    await this.page.getByRole("button", { name: "Se connecter", exact: true }).click();
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.fill(email, password);
    await this.page.getByRole("navigation", { name: "Main" }).waitFor();
  }

  alert(): Locator {
    return this.form.getByRole("alert");
  }
}

export class OutboxPageFr {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.locator("table.outreach-table");
  }

  async filter(name: "Statut" | "Canal" | "Type", label: string): Promise<void> {
    await this.page
      .getByRole("form", { name: "Filtrer les envois" })
      .getByLabel(name)
      .selectOption({ label });
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }

  /** Opens a message as sent; returns its preview. */
  async view(row: Locator): Promise<Locator> {
    await row.getByRole("button", { name: "Voir" }).click();
    const preview = this.page.locator("section.outreach-preview");
    await preview.waitFor();
    return preview;
  }
}

export class StatementsPageFr {
  constructor(readonly page: Page) {}

  async upload(name: string, text: string): Promise<void> {
    await this.page
      .getByLabel("Fichier de relevé")
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  }

  result(): Locator {
    return this.page.locator("main").getByRole("status");
  }

  lineErrors(): Locator {
    return this.page.locator("main ul.error li");
  }

  rows(): Locator {
    return this.page.locator("main table tbody tr");
  }
}

export class CreditorsPageFr {
  constructor(readonly page: Page) {}

  async choose(name: string): Promise<Locator> {
    await this.page.getByRole("combobox", { name: /^Créancier/ }).selectOption({ label: name });
    const form = this.page.getByRole("form", { name: `Paramètres de ${name}` });
    await form.waitFor();
    return form;
  }
}

export class NewCaseFormFr {
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.form = page.getByRole("form", { name: "Nouveau dossier" });
  }

  async open(): Promise<void> {
    await this.page.getByRole("button", { name: "Nouveau dossier", exact: true }).click();
    await this.form.waitFor();
  }

  async submit(): Promise<void> {
    await this.form.getByRole("button", { name: "Créer le dossier" }).click();
  }

  fieldErrors(): Locator {
    return this.form.locator(".field-error");
  }

  /** Fills the smallest valid case (one invoice), amounts the French way ("1200,50"). */
  async fill(c: { reference: string; creditor: string; debtor: string; invoice: string; amount: string }) {
    await this.form.getByLabel("Référence").fill(c.reference);
    await this.form.getByLabel("Créancier").fill(c.creditor);
    await this.form.getByLabel("Nom du débiteur").fill(c.debtor);
    await this.form.getByLabel("Numéro").fill(c.invoice);
    await this.form.getByLabel("Émise le").fill("2026-02-01");
    await this.form.getByLabel("Échéance").fill("2026-03-01");
    await this.form.getByLabel(/^Montant/).fill(c.amount);
  }
}

export class PasswordLinkPageFr {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole("heading", { name: "Choisissez votre mot de passe" }).waitFor();
  }

  async choose(password: string, repeat = password): Promise<void> {
    await this.page.getByLabel("Nouveau mot de passe").fill(password);
    await this.page.getByLabel("Répétez le mot de passe").fill(repeat);
    await this.page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  }
}
