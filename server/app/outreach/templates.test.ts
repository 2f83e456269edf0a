import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { amountDue } from "../../policy/index.js";
import { pack, packs } from "../../policy/test-support/fixtures.js";
import { OutreachGuardError, renderOutreach } from "./render.js";
import { checkOutreachTemplates, sampleFacts } from "./template-check.js";

const TODAY = "2026-12-03";

function copyTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), "outreach-"));
  cpSync("prompts/outreach", dir, { recursive: true });
  return dir;
}

describe("outreach templates through the output guard", () => {
  it("renders every template of every pack in both locales without a guard violation", async () => {
    const report = await checkOutreachTemplates([...packs().values()], { today: TODAY });
    expect(report.lines.filter((l) => !l.startsWith("ok "))).toEqual([]);
    expect(report.lines.filter((l) => l.includes("outreach templates"))).toHaveLength(5);
    expect(report.ok).toBe(true);
  });

  it("reports forbidden wording and an invented figure in a template, per pack and locale", async () => {
    const dir = copyTemplates();
    const file = join(dir, "en", "reminder-firm.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "We would rather find a solution with you:",
        "Pay a handling charge of 99.00 or we will take legal action. We would rather find a solution with you:",
      ),
    );
    const fr = join(dir, "fr", "reminder-firm.yaml");
    writeFileSync(
      fr,
      readFileSync(fr, "utf8").replace("Nous préférons", "Des frais de 99,00 € s'ajoutent. Nous préférons"),
    );
    const report = await checkOutreachTemplates([...packs().values()], { today: TODAY, templatesDir: dir });
    expect(report.ok).toBe(false);
    const bad = report.lines.filter((l) => !l.startsWith("ok "));
    // Every pack uses reminder-firm: each English rendering is refused for its wording...
    const en = bad.filter((l) => l.includes(": en: "));
    expect(new Set(en.map((l) => l.split(" ")[0])).size).toBe(5);
    for (const line of en)
      expect(line).toMatch(/reminder-firm fails the output guard: .*forbidden_wording "legal action"/);
    // ...and the French one in a euro pack for a figure the engine never produced.
    const frBad = bad.filter((l) => l.includes(": fr: ") && l.includes("fr-"));
    expect(frBad.length).toBeGreaterThanOrEqual(2);
    for (const line of frBad) expect(line).toMatch(/unknown_amount "99,00 €"/);
  });

  it("refuses an SMS that carries an amount: a phone may be read by someone else", async () => {
    const dir = copyTemplates();
    writeFileSync(
      join(dir, "fr", "sms-reminder.yaml"),
      'sms: "{creditorName} : vous devez {totalDue}, voir"\n',
    );
    const p = pack("fr-consumer");
    const facts = sampleFacts(p, "fr", TODAY);
    expect(() =>
      renderOutreach({
        pack: p,
        facts,
        due: amountDue(facts, p, TODAY),
        channel: "sms",
        templateId: "sms-reminder",
        link: "https://amiable.example/c/abc",
        disclosureIds: [],
        now: new Date(`${TODAY}T10:00:00Z`),
        templatesDir: dir,
      }),
    ).toThrow(OutreachGuardError);
  });

  it("writes the e-mail in the debtor's language with the link, the unsubscribe link and escaped names", async () => {
    const p = pack("us-consumer");
    const facts = { ...sampleFacts(p, "en", TODAY), debtorName: 'Jo <script>alert("x")</script>' };
    const msg = renderOutreach({
      pack: p,
      facts,
      due: amountDue(facts, p, TODAY),
      channel: "email",
      templateId: "us-validation-notice",
      link: "https://amiable.example/c/abc",
      unsubscribeUrl: "https://amiable.example/u/def",
      respondBy: "2027-01-07",
      disclosureIds: ["mini-miranda", "validation-rights", "debt-collector", "opt-out"],
      now: new Date(`${TODAY}T15:00:00Z`),
    });
    expect(msg.subject).toBe("Atelier Sample: information about your account INV-SAMPLE-1");
    expect(msg.text).toContain("Review, pay or dispute: https://amiable.example/c/abc");
    expect(msg.text).toContain("7 January 2027");
    expect(msg.text).toContain("This is an attempt to collect a debt");
    expect(msg.text).toContain("Reply STOP");
    expect(msg.text).toContain("US$1,684.56");
    expect(msg.html).toContain('href="https://amiable.example/c/abc"');
    expect(msg.html).toContain('href="https://amiable.example/u/def"');
    expect(msg.html).toContain("&#60;script&#62;");
    expect(msg.html).not.toContain("<script>");
    expect(msg.html).not.toContain("{{");
    expect(msg.html).toContain('<html lang="en"');
    expect(msg.html).toMatch(/@media only screen and \(min-width:480px\)/);
  });

  it("keeps a French amount on one line in the e-mail's HTML, and its plain spaces in the text", () => {
    const p = pack("fr-business");
    const facts = sampleFacts(p, "fr", TODAY);
    const msg = renderOutreach({
      pack: p,
      facts,
      due: amountDue(facts, p, TODAY),
      channel: "email",
      templateId: "reminder",
      link: "https://amiable.example/c/abc",
      respondBy: "2027-01-07",
      paymentInstructions: "Virement sur FR76 3000 6000 0112 3456 7890 189, référence INV-SAMPLE-1.",
      paymentVerbatim: ["FR76 3000 6000 0112 3456 7890 189", "INV-SAMPLE-1"],
      disclosureIds: [],
      now: new Date(`${TODAY}T15:00:00Z`),
    });
    expect(msg.text).toContain("1 234,56 €");
    // "de {creditorName}" before a vowel, as French writes it.
    expect(msg.text).toContain("les factures suivantes d'Atelier Sample");
    expect(msg.html).toContain("1&#160;234,56&#160;€");
    expect(msg.html).not.toMatch(/\d \d{3},\d\d/);
    expect(msg.html).toContain("FR76 3000 6000 0112 3456 7890 189");
    expect(msg.html).toContain('<html lang="fr"');
  });

  it("writes a confirmed plan one instalment a line, its total on a line of its own", () => {
    const p = pack("fr-business");
    const facts = sampleFacts(p, "fr", TODAY);
    const msg = renderOutreach({
      pack: p,
      facts,
      due: amountDue(facts, p, TODAY),
      channel: "email",
      templateId: "confirmation-accepted",
      link: "https://amiable.example/c/abc",
      paymentInstructions: "Virement sur FR76 3000 6000 0112 3456 7890 189.",
      paymentVerbatim: ["FR76 3000 6000 0112 3456 7890 189"],
      plan: {
        total: 60_000,
        currency: "EUR",
        instalments: [
          { amount: 20_000, dueDate: "2026-12-18" },
          { amount: 40_000, dueDate: "2027-01-18" },
        ],
      },
      disclosureIds: [],
      now: new Date(`${TODAY}T15:00:00Z`),
    });
    const lines = msg.text.split("\n");
    expect(lines.filter((l) => /^- Versement \d : /.test(l))).toHaveLength(2);
    expect(lines).toContain("Montant total de l'accord : 600,00 €");
    // One line each in the HTML too, the amounts kept whole.
    expect(msg.html).toContain("- Versement 1 : 200,00&#160;€ le 18 décembre 2026<br/>- Versement 2 : ");
    expect(msg.html).toContain("<br/>Montant total de l&#39;accord : 600,00&#160;€");
  });
});
