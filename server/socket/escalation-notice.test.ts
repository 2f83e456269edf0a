// The words a debtor reads when the assistant hands over are the policy pack's: an editor who changes
// a pack's escalation text changes what debtors see, with no code change. Runs on the real service
// with a copy of the shipped packs in which two texts were edited.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

const EDITED_DISPUTE = "Texte de contestation revu par l'éditeur.";
const EDITED_HUMAN = "Un conseiller humain arrive, promis.";

/** A copy of policies/ whose fr-business pack says the two edited texts. */
function editedPolicies(): string {
  const dir = mkdtempSync(join(tmpdir(), "amiable-policies-"));
  cpSync("policies", dir, { recursive: true });
  const file = join(dir, "fr-business.yaml");
  const source = readFileSync(file, "utf8");
  const edited = source
    .replace(
      /(- kind: dispute\n(?:.*\n)*?\s+handling:\n\s+fr: )(?:>-\n(?:\s{8}.*\n)+|.*\n)/,
      `$1${EDITED_DISPUTE}\n`,
    )
    .replace(
      /(- kind: human_request\n(?:.*\n)*?\s+handling:\n\s+fr: )(?:>-\n(?:\s{8}.*\n)+|.*\n)/,
      `$1${EDITED_HUMAN}\n`,
    );
  if (!edited.includes(EDITED_DISPUTE) || !edited.includes(EDITED_HUMAN))
    throw new Error("fr-business.yaml changed shape: the test could not edit its escalation texts");
  writeFileSync(file, edited);
  return dir;
}

describe("escalation notices come from the policy pack", () => {
  let t: TestService;
  let dir: string;
  beforeAll(async () => {
    dir = editedPolicies();
    t = await startTestService("pglite", {}, {}, { policiesDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function verifiedDebtor() {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    expect(res.status).toBe(201);
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");
    await debtor.say("75011");
    return { id: res.body.id as string, debtor };
  }

  it("shows the edited dispute text first, then when a person will reply, and records which rules it cited", async () => {
    const { id, debtor } = await verifiedDebtor();
    const reply = await debtor.say("Je conteste cette facture, la marchandise n'a jamais été livrée");
    const [first, ...rest] = reply.text.split("\n\n");
    expect(first).toBe(EDITED_DISPUTE);
    // The catalogue adds only the next step: it does not say the pause a second time.
    expect(rest.join(" ")).toMatch(/vous répondra/);
    expect(rest.join(" ")).not.toMatch(/suspends/);
    const transcript = await t.api("GET", `/api/cases/${id}/transcript`, { token: t.tokens.collector });
    const notice = transcript.body.events.find((e: { kind: string }) => e.kind === "escalation.notice");
    expect(notice?.data).toEqual({ kind: "dispute", rules: ["FR-7", "FR-2"] });
    debtor.close();
  });

  it("uses the pack's text for a request for a person too, and the catalogue's own words where the pack has none", async () => {
    const human = await verifiedDebtor();
    const handedOver = await human.debtor.say("Je veux parler à un humain");
    expect(handedOver.text.startsWith(`${EDITED_HUMAN}\n\n`)).toBe(true);
    human.debtor.close();

    // A French pack has no breathing-space trigger: no policy notice (not even another kind's), the
    // catalogue's whole message says it.
    const other = await verifiedDebtor();
    const reply = await other.debtor.say("I am in a breathing space scheme");
    expect(reply.text).not.toContain(EDITED_HUMAN);
    // Written in English, answered in English (the reply follows the debtor's language).
    expect(reply.text.startsWith("Thank you. During a breathing space we don't ask for any payment.")).toBe(
      true,
    );
    const transcript = await t.api("GET", `/api/cases/${other.id}/transcript`, { token: t.tokens.collector });
    expect(transcript.body.events.some((e: { kind: string }) => e.kind === "escalation.opened")).toBe(true);
    expect(transcript.body.events.some((e: { kind: string }) => e.kind === "escalation.notice")).toBe(false);
    other.debtor.close();
  });
});
