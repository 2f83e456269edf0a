// The desk's tools in French at 1440 px, read as a French collections team would: the login page and
// its error, the outbox and a message as sent, the case's reminders and debt breakdown (written on the
// page from the policy engine's data), bank statements with an unreadable line, creditor settings with
// a wrong IBAN, the new-case form's errors, and the set-password page an invitation opens. On each, no
// English sentence is left (dictionary keys and English words); screenshots kept.
import { describe, expect, it } from "vitest";
import { sampleCase } from "../../../server/test-support/service.js";
import { hasChromium, NO_PROBLEMS, PageProblems } from "../support/browser.js";
import { ConsoleNav } from "./pages/console-pages.js";
import {
  CreditorsPageFr,
  LoginFormFr,
  NewCaseFormFr,
  OutboxPageFr,
  PasswordLinkPageFr,
  StatementsPageFr,
} from "./pages/desk-tools-pages.js";
import { englishLeft } from "./pages/english-left.js";
import { CONSOLE_WIDE, PASSWORD, useConsoleBrowser } from "./support.js";

const REFERENCE = "E2E-FR2-1";
/** The test's own data, which is no sentence of the console. */
const DATA = [REFERENCE, "Acme Fournitures", "Dupont Transport SARL", "admin@test.local", "F-FR2"];
const shot = (name: string) => `test-artifacts/screenshots/${name}.png`;
const flat = (s: string | null) => (s ?? "").replace(/\s+/g, " ");

describe.skipIf(!hasChromium)("collector console in French: the desk's tools", () => {
  const e2e = useConsoleBrowser({ contexts: { context: CONSOLE_WIDE } });

  it("shows the login, outbox, reminders, breakdown, statements, creditors and new-case form in French", async () => {
    // An overdue case whose first reminder waits in the outbox (no mail server).
    e2e.t.clock.set("2026-03-10T09:30:00Z");
    const created = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({
        reference: REFERENCE,
        invoices: [{ number: "F-FR2", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
      }),
    });
    expect(created.status).toBe(201);
    await e2e.t.service.outreach.tick();

    const page = await e2e.context.newPage();
    const problems = new PageProblems(page, [e2e.t.url]);
    const login = new LoginFormFr(page);
    const nav = new ConsoleNav(page);

    // Login: the language switch is there before logging in; a wrong password is said in French.
    await login.open(e2e.t.url);
    await login.fill("admin@test.local", "not-the-password");
    await expect.poll(() => login.alert().textContent()).toBe("E-mail ou mot de passe incorrect.");
    expect(await englishLeft(page.locator("main"), DATA)).toEqual([]);
    await page.screenshot({ path: shot("console-login-fr") });
    await login.logIn("admin@test.local", PASSWORD);

    // Outbox: filters, the table, and a message as sent.
    await nav.go("Envois");
    await page.getByRole("heading", { level: 1, name: "Envois" }).waitFor();
    const outbox = new OutboxPageFr(page);
    await outbox.filter("Canal", "E-mail");
    await expect.poll(() => outbox.rows().count()).toBe(1);
    const row = outbox.rows().first();
    expect(flat(await row.textContent())).toContain("Envoyé (boîte d'envoi)");
    await expect
      .poll(() => page.locator("table.outreach-table thead th").allTextContents())
      .toEqual(["Dossier", "Étape", "Canal", "Statut", "Rédigé le", "Envoyé le", "Note", "Actions"]);
    expect(await row.locator("td").nth(1).textContent()).toMatch(/^Relance/);
    const preview = await outbox.view(row);
    await preview.getByRole("button", { name: "Télécharger l'e-mail HTML" }).waitFor();
    expect(await englishLeft(page.locator("main"), DATA)).toEqual([]);
    await page.screenshot({ path: shot("console-outbox-fr"), fullPage: true });

    // The case: its reminders and the debt breakdown, in French with French money and dates.
    await row.getByRole("link", { name: REFERENCE }).click();
    const reminders = page.getByRole("region", { name: "Relances" });
    await reminders.locator("tr[data-message]").first().waitFor();
    expect(await englishLeft(reminders, DATA)).toEqual([]);
    expect(await reminders.locator(".badge--sequence").textContent()).toBe("Active");
    expect(flat(await reminders.locator("dl.kv").textContent())).toMatch(
      /Prochaine étape ?Étape \d sur \d par e-mail le \d+ \w+\.? 2026/,
    );
    const breakdown = page.locator("table.breakdown");
    const how = flat(await breakdown.textContent());
    expect(how).toContain("forfait de 40,00 € par facture en retard");
    expect(how).toMatch(/1 500,00 € × Σ\(jours × taux\) \/ 365 : \d+ j depuis le 7 mars 2026 à/);
    expect(how).toContain("facture F-FR2 émise le 4 févr. 2026, échue le 6 mars 2026");
    expect(how).not.toMatch(/EUR|fixed|invoice|rounded/);
    expect(await englishLeft(breakdown, DATA)).toEqual([]);
    expect(flat(await page.locator("table.breakdown + p").textContent())).toMatch(/^Prescription : \d+ ans$/);
    await reminders.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot("console-reminders-fr"), fullPage: true });

    // Bank statements: a French Excel file with one unreadable line; the line waiting for a person.
    await nav.go("Relevés");
    await page.getByRole("heading", { level: 1, name: "Relevés bancaires" }).waitFor();
    const statements = new StatementsPageFr(page);
    await statements.upload(
      "releve.csv",
      "date;amount;currency;text;counterparty;bank_ref\n" +
        "10/03/2026;250,00;EUR;VIR SEPA REGLEMENT;M. Martin;B-1\n" +
        "32/13/2026;12,00;EUR;VIR SEPA;M. Durand;B-2\n",
    );
    await expect
      .poll(() => statements.result().textContent())
      .toBe(
        "CSV : 0 rapprochées, 0 partielles, 1 non rapprochées, 0 déjà importées, 0 débits ignorés. Lignes illisibles : 1.",
      );
    expect(await statements.lineErrors().allTextContents()).toEqual([
      "Ligne 3 : date : doit être au format AAAA-MM-JJ ou JJ/MM/AAAA",
    ]);
    await expect.poll(() => statements.rows().count()).toBe(1);
    await statements.rows().first().getByRole("button", { name: "Affecter au dossier" }).waitFor();
    expect(flat(await statements.rows().first().textContent())).toContain("250,00 €");
    expect(await englishLeft(page.locator("main"), [...DATA, "VIR SEPA REGLEMENT", "M. Martin"])).toEqual([]);
    await page.screenshot({ path: shot("console-statements-fr"), fullPage: true });

    // Creditor settings: a wrong IBAN is refused with the reason in French next to the field.
    await nav.go("Créanciers");
    const creditors = new CreditorsPageFr(page);
    const settings = await creditors.choose("Acme Fournitures");
    await settings.getByLabel("IBAN").fill("FR76 3000 6000 0112 3456 7890 188");
    await settings.getByRole("button", { name: "Enregistrer" }).click();
    await settings
      .getByText("doit être un IBAN valide (format du pays et clé de contrôle)", { exact: true })
      .waitFor();
    expect(await englishLeft(page.locator("main"), DATA)).toEqual([]);
    await page.screenshot({ path: shot("console-creditors-fr"), fullPage: true });

    // The new-case form: its labels, and its errors when sent empty.
    await nav.go("Dossiers");
    const form = new NewCaseFormFr(page);
    await form.open();
    await form.submit();
    await form.form.getByText("Corrigez les champs signalés.").waitFor();
    expect(await form.fieldErrors().count()).toBeGreaterThan(2);
    expect(await englishLeft(form.form, DATA)).toEqual([]);
    await form.form.screenshot({ path: shot("console-new-case-fr") });
    await form.fill({
      reference: "FR2-NEW-1",
      creditor: "Acme Fournitures",
      debtor: "Martin SARL",
      invoice: "F-NEW",
      amount: "1200,50",
    });
    await form.submit();
    const done = page.locator(".card").filter({ has: page.getByRole("heading", { name: "Dossier créé" }) });
    await done.getByRole("button", { name: "Copier" }).waitFor();
    expect(await done.getByLabel("Lien du débiteur").inputValue()).toMatch(/\/c\/[\w-]{43}$/);
    expect(await englishLeft(done, DATA)).toEqual([]);

    // The case import's report: a French Excel file with a wrong date and a wrong amount.
    await page.getByRole("button", { name: "Importer un CSV", exact: true }).click();
    const importer = page.getByRole("region", { name: "Importer des dossiers depuis un CSV" });
    await importer.getByLabel("Fichier CSV").setInputFiles({
      name: "dossiers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "reference;creditor_name;debtor_name;debtor_kind;debtor_locale;jurisdiction;currency;invoice_number;invoice_issued_at;invoice_due_at;invoice_amount\n" +
          "FR2-CSV-1;Import Co;Bonne SARL;business;fr;FR;EUR;G-1;01/06/2026;30/06/2026;250,00\n" +
          "FR2-CSV-2;Import Co;Autre SARL;business;fr;FR;EUR;B-1;01/06/2026;31/02/2026;12,3,4\n",
        "utf8",
      ),
    });
    await importer.getByRole("button", { name: "Vérifier le fichier", exact: true }).click();
    const report = importer.getByRole("region", { name: "Rapport d'import" });
    await expect
      .poll(async () => flat(await report.textContent()))
      .toContain("doit être une date comme 31/07/2026 ou 2026-07-31 (lu : « 31/02/2026 »)");
    expect(flat(await report.textContent())).toContain("doit être un montant comme 1200,50 ou 1 200,50");
    expect(await report.locator("tbody td:nth-child(3)").allTextContents()).toEqual(["Valide", "En erreur"]);
    // The file's own words, and the column names the panel's help quotes (codes of the file format).
    const imported = ["FR2-CSV-1", "FR2-CSV-2", "Import Co", "Bonne SARL", "Autre SARL", "dossiers.csv"];
    const columns = ["creditor_name", "reference"];
    expect(await englishLeft(importer, [...DATA, ...imported, ...columns])).toEqual([]);
    await importer.screenshot({ path: shot("console-import-fr") });
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("opens an invitation's set-password page in French, then the new collector logs in", async () => {
    const invited = await e2e.t.api("POST", "/api/users", {
      token: e2e.t.tokens.admin,
      body: { email: "recrue@example.com", role: "collector", language: "fr" },
    });
    expect(invited.status).toBe(201);
    const page = await e2e.context.newPage();
    const problems = new PageProblems(page, [e2e.t.url]);
    // French chosen before, on the login page (kept in this browser).
    await new LoginFormFr(page).open(e2e.t.url);
    const link = new PasswordLinkPageFr(page);
    await link.open(invited.body.invitation.link);
    await page
      .getByText("Bienvenue dans la console amiable, recrue@example.com. 12 caractères au moins.")
      .waitFor();
    await link.choose("une-phrase-de-passe-2026", "une-autre-phrase-2026");
    await page.getByRole("alert").getByText("Les deux mots de passe diffèrent.").waitFor();
    expect(await englishLeft(page.locator("main"), ["recrue@example.com"])).toEqual([]);
    await page.screenshot({ path: shot("console-password-fr") });
    await link.choose("une-phrase-de-passe-2026");
    const login = new LoginFormFr(page);
    await page.getByRole("heading", { name: "Console amiable" }).waitFor();
    await login.logIn("recrue@example.com", "une-phrase-de-passe-2026");
    await new ConsoleNav(page).items();
    expect(await new ConsoleNav(page).items()).toContain("Escalades");
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
