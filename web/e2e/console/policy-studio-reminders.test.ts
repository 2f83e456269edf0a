// The policy studio's reminder sequence and FAQ answers in the browser: a policy editor moves a
// reminder step and rewrites an FAQ answer in the form, sees the schema's error on the field for a
// bad value, sees each change in words, adds and removes a step, and saves the draft.
import { beforeAll, describe, expect, it } from "vitest";
import { contentAsJson } from "../../../server/app/policy-studio/content.js";
import { hasChromium } from "../support/browser.js";
import { PolicyEditorPage } from "./pages/policy-studio-pages.js";
import { useConsoleBrowser } from "./support.js";

const SHOTS = "test-artifacts/screenshots";

describe.skipIf(!hasChromium)("policy studio: the reminder sequence and FAQ answers in the form", () => {
  const e2e = useConsoleBrowser({ page: { logIn: "editor@test.local" } });
  let editor: PolicyEditorPage;

  beforeAll(async () => {
    editor = new PolicyEditorPage(e2e.page);
    await editor.open("France — débiteurs professionnels (B2B)");
  });

  it("edits a reminder step's day: the field error for a bad value, then the change in words", async () => {
    const sequence = e2e.page.getByRole("heading", { name: "Reminder sequence" });
    await sequence.scrollIntoViewIfNeeded();
    expect(await editor.field("Step 3: day").inputValue()).toBe("10");
    expect(await editor.field("Step 3: template").inputValue()).toBe("reminder-firm");

    await editor.field("Step 3: day").fill("500");
    expect(await editor.fieldError("Step 3: day")).toMatch(/at most 365/);
    await editor.field("Quiet hours from").fill("25:00");
    expect(await editor.fieldError("Quiet hours from")).toMatch(/expected a time HH:MM/);
    await sequence.locator("xpath=..").screenshot({ path: `${SHOTS}/policy-studio-reminders-error.png` });

    await editor.field("Quiet hours from").fill("21:00");
    await editor.field("Step 3: day").fill("12");
    await editor.field("At most reminders per 7 days").fill("1");
    await editor.changes.getByText("reminder step 3: day 10 → 12").waitFor();
    expect(await editor.changeList()).toEqual(
      expect.arrayContaining([
        "reminder step 3: day 10 → 12",
        "quiet hours from “20:00” → “21:00”",
        "maximum reminders per 7 days 2 → 1",
      ]),
    );
    expect(await e2e.page.locator('[aria-invalid="true"]').count()).toBe(0);
  });

  it("adds a step (a copy of the last, ten days later) and removes it", async () => {
    const steps = e2e.page.getByRole("table", { name: "Reminder steps" }).locator("tbody tr");
    const count = await steps.count();
    await e2e.page.getByRole("button", { name: "Add a step" }).click();
    await expect.poll(() => steps.count()).toBe(count + 1);
    const added = `reminder step ${count + 1} (none) → day 55, task, “task-review”, formal`;
    await editor.changes.getByText(added).waitFor();
    await editor.field(`Step ${count + 1}: channel`).selectOption("email");
    await editor.changes.getByText(`reminder step ${count + 1} (none) → day 55, email,`).waitFor();
    await e2e.page.getByRole("button", { name: `Remove step ${count + 1}` }).click();
    await expect.poll(() => steps.count()).toBe(count);
    await expect
      .poll(async () => (await editor.changeList()).some((c) => c.includes("(none) → day 55")))
      .toBe(false);
  });

  it("rewrites an FAQ answer: an empty text is refused on its field, the new text shows in words", async () => {
    const answer = editor.field("creditor: English");
    await answer.scrollIntoViewIfNeeded();
    expect(await answer.inputValue()).toMatch(/^I am the virtual assistant/);
    await answer.fill("");
    expect(await editor.fieldError("creditor: English")).not.toBe("");
    await answer.fill("We act for {creditor} on file {reference}; check it with {creditor} directly.");
    await editor.changes.getByText(/^FAQ answer “creditor” \(English\) “I am .*” → “We act for/).waitFor();
    expect(await editor.changeList()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^FAQ answer “creditor” \(English\) “I am .*” → “We act for \{creditor\} on file/,
        ),
        "reminder step 3: day 10 → 12",
      ]),
    );
    await e2e.page
      .getByRole("heading", { name: "FAQ answers" })
      .locator("xpath=..")
      .screenshot({
        path: `${SHOTS}/policy-studio-faq.png`,
      });
    await editor.changes.screenshot({ path: `${SHOTS}/policy-studio-reminders-changes.png` });

    await editor.saveDraft();
    const draftId = new URL(e2e.page.url()).searchParams.get("draft") ?? "";
    const draft = await e2e.t.db.prisma.policyVersion.findUniqueOrThrow({ where: { id: draftId } });
    const content = contentAsJson(draft.content) as {
      reminders: { steps: { day: number }[]; maxPerSevenDays: { value: number } };
      faq: { creditor: { en: string } };
    };
    expect(content.reminders.steps[2]?.day).toBe(12);
    expect(content.reminders.maxPerSevenDays.value).toBe(1);
    expect(content.faq.creditor.en).toMatch(/^We act for \{creditor\}/);
    expect(e2e.problems.errors).toEqual([]);
  });
});
