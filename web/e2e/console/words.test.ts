// Words people read in the console, at 1440 px: money in major units with the currency (the debt
// breakdown included), plain-language names for kinds, statuses and rules with the code in a
// tooltip, the offers table within the page, and the whole frame in French or English.
import { describe, expect, it } from "vitest";
import { verifiedDebtor } from "../../../server/test-support/console-fixtures.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { CasesListPage, ConsoleNav } from "./pages/console-pages.js";
import { CONSOLE_WIDE, loggedIn, useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: words people read", () => {
  const e2e = useConsoleBrowser({ contexts: { context: CONSOLE_WIDE } });

  it("shows money, kinds and rules in plain words, in English and in French", async () => {
    const { c, debtor } = await verifiedDebtor(e2e.t);
    const offered = await debtor.say("je peux payer 300 euros par mois");
    expect(offered.offer?.kind).toBe("plan");
    await debtor.say("je voudrais parler à une personne");
    debtor.close();

    const { page, problems } = await loggedIn(e2e.context, e2e.t.url, "admin@test.local");
    await page.goto(`${e2e.t.url}/console/cases/${c.id}`);
    const breakdown = page.locator("table.breakdown");
    await breakdown.waitFor();
    const text = (await breakdown.textContent()) ?? "";
    expect(text).toContain("fixed €40.00 per overdue invoice");
    expect(text).toMatch(/€1,200\.00 × Σ/);
    expect(text).not.toMatch(/fixed 4000 |120000 ×/);
    expect(text).toContain("Late interest");
    // The rule's code stays one hover away.
    expect(await breakdown.locator('abbr[title="fees.lateInterest"]').count()).toBeGreaterThan(0);
    const offers = page.locator("table.offers");
    await offers.waitFor();
    expect(await offers.textContent()).toContain("Instalment plan");
    expect(await offers.locator("abbr.code-label").first().getAttribute("title")).toMatch(
      /^(ladder|proposal)\./,
    );
    // The offers table stays inside its column and the page does not scroll sideways.
    const table = await offers.boundingBox();
    const column = await page.locator(".case-grid__side").boundingBox();
    expect(table && column && table.x + table.width <= column.x + column.width + 1).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: "test-artifacts/screenshots/console-case-words-en.png", fullPage: true });

    // French: the frame, the codes and the statuses.
    await page.getByRole("button", { name: "FR", exact: true }).click();
    const nav = new ConsoleNav(page);
    await expect
      .poll(() => nav.items())
      .toEqual([
        "Escalades",
        "Dossiers",
        "Envois",
        "Relevés",
        "Créanciers",
        "Indicateurs",
        "Politiques",
        "Équipe",
        "Journal d'audit",
      ]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    await expect.poll(() => page.locator("table.breakdown").textContent()).toContain("Pénalités de retard");
    expect(await page.locator("table.offers").textContent()).toContain("Échéancier");
    expect(await page.locator(".page__head .badge").first().textContent()).toBe("Chez un conseiller");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/console-case-words-fr.png", fullPage: true });
    await nav.go("Escalades");
    await expect
      .poll(() => page.locator("article.escalation .badge--kind").first().textContent())
      .toBe("A demandé une personne");
    // The choice is kept for the next visit.
    await page.reload();
    await expect.poll(() => nav.items()).toContain("Dossiers");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await expect.poll(() => nav.items()).toContain("Cases");
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it("shows the queue, the cases list, the case page and the live chat desk in French", async () => {
    const reference = "WORDS-FR-1";
    const { c, debtor } = await verifiedDebtor(e2e.t, { reference });
    const caseId = c.id;
    await debtor.say("je voudrais parler à une personne");
    debtor.close();

    const { page, problems } = await loggedIn(e2e.context, e2e.t.url, "admin@test.local");
    const nav = new ConsoleNav(page);
    await nav.language("FR");

    // The queue: heading, filters and their choices.
    await nav.go("Escalades");
    await page.getByRole("heading", { level: 1, name: "Escalades" }).waitFor();
    const filters = page.getByRole("form", { name: "Filtrer les escalades" });
    await filters.getByLabel("Type").waitFor();
    expect(await filters.getByLabel("Statut").locator("option").allTextContents()).toEqual([
      "Ouvertes ou attribuées",
      "Ouvertes",
      "Attribuées",
      "Résolues",
      "Toutes",
    ]);
    expect(await filters.getByLabel("Attribuée à").locator("option").allTextContents()).toEqual([
      "N'importe qui",
      "Moi",
      "Personne",
    ]);
    // The escalation card: its summary and its actions.
    const card = page.getByRole("article", { name: `Escalade A demandé une personne sur ${reference}` });
    await card.getByRole("button", { name: "Répondre", exact: true }).waitFor();
    await card.getByRole("button", { name: "Clore", exact: true }).waitFor();
    await card.getByRole("link", { name: "Ouvrir le dossier et la transcription" }).waitFor();
    expect(await card.locator("dl.summary dt").allTextContents()).toContain("Motif de l'escalade");
    await card.getByRole("button", { name: "Clore", exact: true }).click();
    const resolve = card.getByRole("form", { name: "Clore l'escalade" });
    expect(await resolve.getByLabel("Issue").locator("option").allTextContents()).toContain(
      "Contestation rejetée",
    );
    await page.screenshot({ path: "test-artifacts/screenshots/console-queue-fr.png", fullPage: true });

    // The cases list: heading, buttons, filters, the table's columns; the search still works.
    await nav.go("Dossiers");
    await page.getByRole("heading", { level: 1, name: "Dossiers" }).waitFor();
    for (const name of ["Nouveau dossier", "Importer un CSV", "Exporter en CSV", "Exporter pour Excel (FR)"])
      await page.getByRole("button", { name, exact: true }).waitFor();
    const caseFilters = page.getByRole("form", { name: "Filtrer les dossiers" });
    await caseFilters.getByRole("button", { name: "Rechercher" }).waitFor();
    await expect
      .poll(() => page.locator("table.cases thead th").allTextContents())
      .toEqual(["Référence", "Débiteur", "Créancier", "Statut", "Engagement", "Principal", "Créé le"]);
    await expect
      .poll(() => page.locator(".pagination").textContent())
      .toMatch(/Page 1 sur 1 \(\d+ au total\)/);
    const list = new CasesListPage(page);
    await caseFilters.getByLabel("Rechercher").fill(reference);
    await caseFilters.getByLabel("Rechercher").press("Enter");
    await expect.poll(() => list.references()).toEqual([reference]);
    await page.screenshot({ path: "test-artifacts/screenshots/console-cases-fr.png", fullPage: true });

    // The case page: headings, the takeover panel, then the desk once taken over.
    await page.getByRole("link", { name: reference, exact: true }).click();
    await page.getByRole("link", { name: "← Dossiers" }).waitFor();
    await expect
      .poll(() => nav.headings())
      .toEqual(
        expect.arrayContaining([
          "Conversation",
          "L'assistant mène la conversation",
          "Relances",
          "Notes internes",
          "Escalades",
          "Engagements",
          "Offres",
          "Détail de la créance",
          "Débiteur",
          "Lien du débiteur",
        ]),
      );
    expect(await page.locator(".page__head p.muted").textContent()).toMatch(
      /dû à .+ · principal .+ · exigible /,
    );
    await expect
      .poll(() => page.locator("table.breakdown thead th").allTextContents())
      .toEqual(["Ligne", "Facture", "Montant", "Règle", "Calcul"]);
    await page.getByText("Aucune offre pour l'instant.").waitFor();
    await page.getByText("Aucun engagement pour l'instant.").waitFor();
    await page.getByRole("button", { name: "Renouveler le lien" }).waitFor();
    await page.getByRole("button", { name: "Envoyer le lien par e-mail" }).waitFor();
    await page.getByRole("form", { name: "Transmettre" }).getByLabel("Transmettre à").waitFor();
    const takeover = page.getByRole("region", { name: "Reprise" });
    await takeover.getByRole("button", { name: "Reprendre la conversation" }).click();
    await page.getByRole("heading", { name: "Vous avez repris cette conversation" }).waitFor();
    await page.locator(".transcript").getByText("Un conseiller a repris la conversation").first().waitFor();
    const composer = takeover.getByRole("form", { name: "Écrire au débiteur" });
    await composer.getByLabel("Message au débiteur").waitFor();
    await composer.getByRole("button", { name: "Envoyer", exact: true }).waitFor();
    await takeover.getByText("Faire une offre (vérifiée par la politique)").click();
    await takeover.getByRole("button", { name: "Vérifier avec la politique" }).waitFor();
    await takeover.getByRole("button", { name: "Rendre la main à l'assistant" }).waitFor();
    await page.getByRole("form", { name: "Ajouter une note" }).getByLabel("Nouvelle note").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "test-artifacts/screenshots/console-desk-fr.png", fullPage: true });

    // The team page and my account.
    await nav.go("Équipe");
    await page.getByRole("heading", { level: 1, name: "Équipe" }).waitFor();
    await page.getByRole("form", { name: "Inviter un membre de l'équipe" }).getByLabel("Rôle").waitFor();
    await expect
      .poll(() => page.locator("table.team thead th").allTextContents())
      .toEqual(["E-mail", "Rôle", "État", "Vu pour la dernière fois", "Actions"]);
    await page.goto(`${e2e.t.url}/console/account`);
    await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
    await page.getByRole("button", { name: "Changer le mot de passe" }).waitFor();
    await page.goto(`${e2e.t.url}/console/cases/${caseId}`);
    // English stays the words of the default console.
    await nav.language("EN");
    await page.getByRole("heading", { name: "You own this conversation" }).waitFor();
    expect(problems.summary()).toEqual(NO_PROBLEMS);
    await page.close();
  });
});
