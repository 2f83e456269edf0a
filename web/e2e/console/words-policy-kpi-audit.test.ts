// The policy studio, the KPIs and the audit log in French, at 1440 px, as a French collections team
// reads them: every heading, field, button, error and message in French (the server's own sentences
// too: schema errors on their field, the changes in words, a guard rail, a refusal), no English
// sentence of the dictionary or English word left, the codes one hover away; screenshots kept.
import { beforeAll, describe, expect, it } from "vitest";
import { verifiedDebtor } from "../../../server/test-support/console-fixtures.js";
import { POLICY_AUDIT_CODES } from "../../console/words/codes-policy.js";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { ConsoleNav } from "./pages/console-pages.js";
import { englishLeft, PolicyStudioFr } from "./pages/french-pages.js";
import { CONSOLE_WIDE, useConsoleBrowser } from "./support.js";

const SHOTS = "test-artifacts/screenshots";
const PACK = "France — débiteurs professionnels (B2B)";

describe.skipIf(!hasChromium)("console in French: policy studio, KPIs, audit log", () => {
  const e2e = useConsoleBrowser({
    contexts: { context: CONSOLE_WIDE },
    // Something to count and to audit: a verified debtor who got an offer and asked for a person.
    prepare: async (t) => {
      const { debtor } = await verifiedDebtor(t);
      await debtor.say("je peux payer 300 euros par mois");
      await debtor.say("je voudrais parler à une personne");
      debtor.close();
      // A past conversation the draft below (longer plans) would answer differently.
      const asks15 = await verifiedDebtor(t, {
        invoices: [{ number: "F-15", issuedAt: "2026-09-01", dueAt: "2026-10-01", amount: 300_000 }],
      });
      await asks15.debtor.say("Je peux payer en 15 mensualités");
      asks15.debtor.close();
    },
    page: { logIn: "admin@test.local" },
  });
  let nav: ConsoleNav;

  beforeAll(async () => {
    nav = new ConsoleNav(e2e.page);
    await nav.language("FR");
  });

  const main = () => e2e.page.locator("main");
  /** The page never scrolls sideways at 1440 px. */
  const fitsTheWidth = () =>
    e2e.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it("shows the policies and the editor in French, the server's sentences included", async () => {
    await nav.go("Politiques");
    await e2e.page.getByRole("heading", { level: 1, name: "Politiques" }).waitFor();
    // The heading comes before the list it heads: wait for the table itself (a busy machine showed
    // the heading alone once).
    await main().locator("table thead th").first().waitFor();
    await expect
      .poll(() => main().locator("table thead th").allTextContents())
      .toEqual(["Politique", "Version publiée", "Publiée", "Note", "Brouillons", "En attente d'approbation"]);
    await e2e.page.getByRole("link", { name: "Comparer les versions dans les indicateurs" }).waitFor();
    // The packs' names are their authors' words (some packs are for English-speaking countries).
    const packNames = (await e2e.t.db.prisma.policyVersion.findMany({ select: { content: true } })).map(
      (v) => /^name: (.+)$/m.exec(v.content)?.[1] ?? "",
    );
    expect(await englishLeft(main(), packNames)).toEqual([]);
    await e2e.page.screenshot({ path: `${SHOTS}/console-policies-fr.png`, fullPage: true });

    const studio = new PolicyStudioFr(e2e.page);
    await studio.openPack(PACK);
    for (const heading of [
      "Échelle de concessions",
      "Frais",
      "Séquence de relances",
      "Mentions et formulations",
      "Textes d'escalade",
      "Réponses aux questions fréquentes",
    ])
      await e2e.page.getByRole("heading", { level: 2, name: heading }).waitFor();
    // A schema error from the server, in French on its field.
    await studio.field("Nombre maximal d'échéances").fill("0");
    expect(await studio.fieldError("Nombre maximal d'échéances")).toBe("doit être au moins 1");
    await studio.changes
      .getByText("1 problème(s) à corriger avant d'enregistrer", { exact: false })
      .waitFor();
    await e2e.page.screenshot({ path: `${SHOTS}/console-policy-field-error-fr.png` });
    // The changes in words and the widening, in French.
    await studio.field("Nombre maximal d'échéances").fill("18");
    await studio.field("Durée maximale de l'échéancier (mois)").fill("18");
    await studio.changes.getByText("nombre maximal d'échéances 12 → 18").waitFor();
    await studio.changes
      .getByText(
        "Ce brouillon élargit : nombre maximal d'échéances, durée maximale de l'échéancier (mois). La publication demande l'approbation d'une seconde personne.",
      )
      .waitFor();
    // A guard rail (checked once the content is valid): the recovery indemnity above its legal cap.
    const indemnity = studio.field("Indemnité de recouvrement par facture (EUR)");
    expect(await indemnity.inputValue()).toBe("40,00");
    await indemnity.fill("45,00");
    await studio.changes
      .getByRole("list", { name: "Problèmes juridiques" })
      .getByText("l'indemnité de recouvrement est plafonnée à 40,00 EUR par facture (FR-B1), pas 45,00")
      .waitFor();
    await indemnity.fill("40,00");
    // Cadences, channels and tones in words; the codes stay the values.
    const cadences = e2e.page.locator('fieldset[data-path="limits.cadences.value"]');
    expect(await cadences.locator("label").allTextContents()).toEqual([
      " hebdomadaire",
      " toutes les deux semaines",
      " mensuelle",
    ]);
    expect(await studio.field("Étape 1 : canal").locator("option:checked").textContent()).toBe("e-mail");
    expect(await englishLeft(main())).toEqual([]);
    expect(await fitsTheWidth()).toBe(true);
    expect(await seriousViolations(e2e.page)).toEqual([]);
    await e2e.page.screenshot({ path: `${SHOTS}/console-policy-editor-fr.png`, fullPage: true });

    // The YAML view: a syntax error said in French.
    await e2e.page.getByRole("tab", { name: "YAML" }).click();
    const yaml = e2e.page.getByLabel("La politique en YAML");
    const text = await yaml.inputValue();
    await yaml.fill(`${text}\nlimits: [\n`);
    await e2e.page.getByText(/Le YAML est illisible à la ligne \d+, colonne \d+\./).waitFor();
    await yaml.fill(text);
    await e2e.page.getByRole("tab", { name: "Formulaire" }).click();
    await studio.saveDraft();

    // The simulation in French: progress, the replay's totals, the suite's metrics side by side.
    expect(await studio.runSimulation("fr-business-cooperative", 200_000)).toBe("Terminée");
    const replay = studio.simulation.getByRole("table", { name: "Totaux du rejeu" });
    expect(await replay.locator("th").allTextContents()).toEqual([
      "Conversations rejouées",
      "Conversations modifiées",
      "Offres qui changeraient",
      "Escalades ouvertes / évitées",
    ]);
    const metrics = studio.simulation.getByRole("table", { name: "Mesures de la suite" });
    await expect
      .poll(() => metrics.locator("thead th").allTextContents())
      .toEqual(["Assistant (1 scénario(s))", "Publiée", "Brouillon", "Écart"]);
    expect(await metrics.locator("tbody td:first-child").allTextContents()).toEqual(
      expect.arrayContaining(["taux de réussite", "violations de la politique", "taux d'accord"]),
    );
    // The past conversation that moved, told in French.
    const moved = studio.simulation
      .getByRole("table", { name: "Conversations modifiées" })
      .locator("tbody tr");
    await moved.first().waitFor();
    expect(await moved.first().textContent()).toMatch(
      /demande échéancier en 15 paiements : contre-proposition : échéancier : 12 ×.*acceptée : échéancier : 15 ×/,
    );
    // Scenario ids and their expected outcomes are the scenario files' own words: data.
    const scenarios = await studio.simulation
      .getByRole("table", { name: "Scénarios modifiés" })
      .locator("tbody td")
      .allTextContents()
      .catch(() => []);
    expect(await englishLeft(studio.simulation, scenarios)).toEqual([]);
    await studio.simulation.screenshot({ path: `${SHOTS}/console-policy-simulation-fr.png` });

    // Publishing a widening waits for a second person; the author cannot approve: the server's
    // refusal in French.
    await studio.publishing.getByLabel("Motif du changement (obligatoire)").fill("Échéanciers plus longs");
    await studio.publishing.getByRole("button", { name: "Publier" }).click();
    await e2e.page
      .getByRole("status")
      .filter({ hasText: "attend l'approbation d'un second éditeur" })
      .waitFor();
    await studio.publishing.getByRole("button", { name: "Approuver et publier" }).click();
    await e2e.page
      .getByRole("alert")
      .filter({ hasText: "Une seconde personne doit approuver : l'auteur du brouillon ne le peut pas." })
      .waitFor();
    await e2e.page.locator("h1 .badge").filter({ hasText: "En attente d'approbation" }).waitFor();
    await expect
      .poll(() => studio.versions.locator("thead th").allTextContents())
      .toEqual(["Version", "Statut", "Note", "Auteur", "Publiée", ""]);
    expect(await englishLeft(main())).toEqual([]);
    await e2e.page.screenshot({ path: `${SHOTS}/console-policy-publish-fr.png`, fullPage: true });
  }, 300_000);

  it("shows the KPIs in French, figures and dates as the French write them", async () => {
    await nav.go("Indicateurs");
    await e2e.page.getByRole("heading", { level: 1, name: "Indicateurs" }).waitFor();
    const tiles = e2e.page.locator("dl.tiles dt");
    await tiles.first().waitFor();
    expect(await tiles.allTextContents()).toEqual(
      expect.arrayContaining([
        "Conversations",
        "Taux de vérification",
        "Taux d'engagement de paiement",
        "Taux d'engagements tenus",
        "Remise moyenne",
        "Délai médian jusqu'à l'accord",
      ]),
    );
    const filters = e2e.page.getByRole("form", { name: "Filtres des indicateurs" });
    expect(await filters.getByLabel("Créancier").locator("option").first().textContent()).toBe(
      "Tous les créanciers",
    );
    expect(await e2e.page.locator("figure.chart figcaption").allTextContents()).toEqual(
      expect.arrayContaining(["Escalades par type", "Engagements tenus selon qui les a obtenus"]),
    );
    // The cohort's dates in French ("3 déc. 2026").
    expect(await main().locator("p.muted").last().textContent()).toMatch(
      /^Cohorte : conversations commencées du \d{1,2} \S+ \d{4} au \d{1,2} \S+ \d{4}\./,
    );
    // The escalation kinds in the chart, in words.
    expect(await e2e.page.locator("figure.chart svg").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining("A demandé une personne")]),
    );
    // Creditor names are data, not words of the console.
    expect(await englishLeft(main().locator(":scope > :not(form)"))).toEqual([]);
    expect(await fitsTheWidth()).toBe(true);
    await e2e.page.screenshot({ path: `${SHOTS}/console-kpis-fr.png`, fullPage: true });
  });

  it("shows the audit log in French: actions in plain words, the code in the tooltip", async () => {
    await nav.go("Journal d'audit");
    await e2e.page.getByRole("heading", { level: 1, name: "Journal d'audit" }).waitFor();
    await e2e.page.getByRole("status").filter({ hasText: "Chaîne de hachage intacte" }).waitFor();
    await expect
      .poll(() => e2e.page.locator("table.audit thead th").allTextContents())
      .toEqual(["#", "Date", "Auteur", "Action", "Objet", "Données"]);
    const saved = e2e.page.locator('table.audit abbr[title="policy.draft_created"]').first();
    expect(await saved.textContent()).toBe("Brouillon de politique enregistré");
    expect(await e2e.page.locator('table.audit abbr[title="escalation.open"]').first().textContent()).toBe(
      "Escalade ouverte",
    );
    // No action shown as its code or spelt out in English.
    const actions = await e2e.page.locator("table.audit tbody tr td:nth-child(4)").allTextContents();
    const english = new Set(Object.values(POLICY_AUDIT_CODES.en));
    expect(actions.filter((a) => /^[a-z_]+\.[a-z_]+$/.test(a) || english.has(a))).toEqual([]);
    await e2e.page.getByLabel("L'action commence par").fill("policy.");
    await expect.poll(() => e2e.page.locator("table.audit tbody tr").count()).toBeLessThan(actions.length);
    expect(await englishLeft(main())).toEqual([]);
    expect(await fitsTheWidth()).toBe(true);
    await e2e.page.getByLabel("L'action commence par").fill("");
    await e2e.page.screenshot({ path: `${SHOTS}/console-audit-fr.png`, fullPage: true });
    expect(e2e.problems.summary()).toEqual(NO_PROBLEMS);
  });
});
