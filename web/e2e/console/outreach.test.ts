// The collector sees the reminder sequence: a case created overdue gets its reminder in the outbox
// (no mail server), the case page lists it with its status, the e-mail as sent opens in a preview,
// "send the link by e-mail" adds a message, and pausing shows a paused sequence.
import { describe, expect, it } from "vitest";
import { sampleCase } from "../../../server/test-support/service.js";
import { hasChromium, NO_PROBLEMS } from "../support/browser.js";
import { ConsoleNav } from "./pages/console-pages.js";
import { OutboxPage, RemindersPanel } from "./pages/outreach-pages.js";
import { loggedIn, useConsoleBrowser } from "./support.js";

describe.skipIf(!hasChromium)("collector console: reminders and outbox", () => {
  const e2e = useConsoleBrowser();

  it("shows the reminder in the outbox and on the case, previews it, sends the link and pauses", async () => {
    e2e.t.clock.set("2026-03-10T09:30:00Z");
    const created = await e2e.t.api("POST", "/api/cases", {
      token: e2e.t.tokens.collector,
      body: sampleCase({
        reference: "E2E-OUTREACH",
        invoices: [{ number: "F-E2E", issuedAt: "2026-02-04", dueAt: "2026-03-06", amount: 150_000 }],
      }),
    });
    expect(created.status).toBe(201);
    await e2e.t.service.outreach.tick();

    const { page, problems } = await loggedIn(e2e.context, e2e.t.url, "collector@test.local");
    await new ConsoleNav(page).go("Outbox");
    await page.getByRole("heading", { name: "Outbox" }).waitFor();
    const outbox = new OutboxPage(page);
    await outbox.filter("Channel", "email");
    await expect.poll(() => outbox.rows().count()).toBe(1);
    expect(await outbox.rows().first().textContent()).toContain("E2E-OUTREACH");
    expect(await outbox.rows().first().textContent()).toContain("Sent (outbox)");

    await outbox.rows().first().getByRole("link", { name: "E2E-OUTREACH" }).click();
    const panel = new RemindersPanel(page);
    await panel.row("step:first-reminder").waitFor();
    await panel.row("step:first-reminder").getByRole("button", { name: "View" }).click();
    const preview = page.getByRole("region", { name: /^Message Acme Fournitures/ });
    await preview.getByText(/Régler ou discuter mon solde : http/).waitFor();
    await preview.getByRole("button", { name: "Download the HTML e-mail" }).waitFor();

    await panel.press("Send the link by e-mail");
    await panel.row("link:").waitFor();
    await panel.press("Pause reminders");
    await panel.region.getByRole("button", { name: "Resume reminders" }).waitFor();
    expect(await panel.region.textContent()).toContain("Paused");
    expect(problems.summary()).toEqual(NO_PROBLEMS);
  });
});
