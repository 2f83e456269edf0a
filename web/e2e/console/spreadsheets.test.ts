// Real spreadsheet files in the console: a French Excel CSV (Windows-1252, ";", "1 250,00",
// dd/mm/yyyy) imports as is after a broken one was refused (whose error then leaves the screen), the
// cases are found by what a collector knows (accent-free name, phone, invoice number), and the
// "Excel (FR)" export opens as columns (BOM, ";").
import { beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../support/axe.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { CasesListPage, ConsoleNav } from "./pages/console-pages.js";
import { CONSOLE_DESKTOP, useConsoleBrowser } from "./support.js";

const HEADER =
  "reference;creditor_name;debtor_name;debtor_kind;debtor_email;debtor_phone;debtor_locale;jurisdiction;currency;invoice_number;invoice_issued_at;invoice_due_at;invoice_amount";
// As Excel on Windows saves "CSV (séparateur: point-virgule)": Windows-1252, CRLF, no BOM.
const FRENCH_EXCEL = Buffer.from(
  [
    HEADER,
    "XLS-1;Électricité Dupuis;Lefèvre Bâtiment SARL;business;compta@lefevre.example;+33 6 12 34 56 78;fr;FR;EUR;FAC-2026/0042;01/07/2026;31/07/2026;1 250,00",
    "XLS-1;Électricité Dupuis;Lefèvre Bâtiment SARL;business;compta@lefevre.example;+33 6 12 34 56 78;fr;FR;EUR;FAC-2026/0043;2026-08-01;2026-08-31;300,50",
    "",
  ].join("\r\n"),
  "latin1",
);
const BROKEN = Buffer.from(
  [
    HEADER,
    "XLS-BAD;Électricité Dupuis;Mauvais SARL;business;;;fr;FR;EUR;B-1;31/02/2026;31/03/2026;12,00",
    "",
  ].join("\r\n"),
  "latin1",
);

describe.skipIf(!hasChromium)("collector console: spreadsheets and search", () => {
  const e2e = useConsoleBrowser({
    contexts: { context: { ...CONSOLE_DESKTOP, acceptDownloads: true } },
    page: { logIn: "collector@test.local" },
  });
  beforeAll(async () => {
    await new ConsoleNav(e2e.page).go("Cases");
  });

  it("refuses a broken file line by line, then imports a French Excel file as is and clears the old error", async () => {
    const cases = new CasesListPage(e2e.page);
    await cases.importFile("broken.csv", BROKEN);
    await cases.importPanel.getByRole("alert").waitFor();
    const report = cases.report();
    await report.waitFor();
    expect(await report.textContent()).toMatch(/31\/02\/2026/);
    expect(await report.textContent()).toContain("invoice_issued_at");

    await cases.importFile("factures.csv", FRENCH_EXCEL);
    // The import creates a case through the API: on a loaded CI machine that takes more than the
    // poll's default second.
    await expect
      .poll(() => cases.report().getByRole("status").textContent(), { timeout: 15_000 })
      .toContain("1 imported");
    expect(await cases.importPanel.getByRole("alert").count()).toBe(0);
    await e2e.page.screenshot({
      path: "test-artifacts/screenshots/console-import-excel-fr.png",
      fullPage: true,
    });
    expect(await seriousViolations(e2e.page)).toEqual([]);
    const imported = await e2e.t.db.prisma.case.findFirstOrThrow({
      where: { reference: "XLS-1" },
      include: { debtor: true, invoices: { orderBy: { number: "asc" } } },
    });
    expect(imported.debtor.name).toBe("Lefèvre Bâtiment SARL");
    expect(imported.invoices.map((i) => Number(i.amount))).toEqual([125_000, 30_050]);
  });

  it("finds the case by an accent-free name, the phone and the invoice number", async () => {
    const cases = new CasesListPage(e2e.page);
    for (const q of ["lefevre batiment", "06 12 34 56 78", "fac-2026/0043", "ELECTRICITE"]) {
      await cases.search(q);
      await expect.poll(() => cases.references(), { timeout: 10_000 }).toEqual(["XLS-1"]);
    }
    await cases.search("zz-nobody");
    await expect.poll(() => cases.references()).toEqual([]);
  });

  it("exports for French Excel: BOM, semicolons, decimal commas", async () => {
    const cases = new CasesListPage(e2e.page);
    await cases.search("XLS-1");
    await expect.poll(() => cases.references()).toEqual(["XLS-1"]);
    const [download] = await Promise.all([
      e2e.page.waitForEvent("download"),
      e2e.page.getByRole("button", { name: "Export for Excel (FR)" }).click(),
    ]);
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]?.startsWith("reference;creditor_name;")).toBe(true);
    expect(lines[1]).toContain(";1250,00;");
    expect(lines[1]).toContain(";+33 6 12 34 56 78;");
    expect(e2e.problems.summary()).toEqual(NO_PROBLEMS);
  });
});
