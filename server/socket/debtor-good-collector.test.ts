// A debtor who greets, asks, proposes, switches language and changes their mind, on the real
// service with the offline engine and a real socket.io client: each reply is what a good collector
// would say (read them with SHOW_CHAT=1). Issue 12, "Done when".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DebtorClient } from "../test-support/debtor-client.js";
import { sampleCase, startTestService, type TestService } from "../test-support/service.js";

describe("a debtor answered as a good collector would", () => {
  let t: TestService;
  beforeAll(async () => {
    // A long conversation typed quickly: the per-case rate limit is not what is tested here.
    t = await startTestService("pglite", {}, {}, { debtorRateLimit: { burst: 100, perSecond: 100 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("greets, asks, proposes, switches to English, disputes by mistake, takes it back and agrees", async () => {
    const res = await t.api("POST", "/api/cases", { token: t.tokens.collector, body: sampleCase() });
    const debtor = await DebtorClient.connect(t.url, res.body.token);
    await debtor.waitFor(() => debtor.lastAssistant(), "greeting");

    // A greeting and a question before the answer cost no attempt: we say why we ask.
    const hello = await debtor.say("bonjour");
    expect(hello.text).toContain("ne compte pas comme une tentative");
    expect(hello.text).toContain("Code postal ?");
    const what = await debtor.say("c quoi ce truc ?");
    // Not the same paragraph again: what this is about, in words that say nothing of the debt.
    expect(what.text).toContain("au sujet d'un dossier qui vous concerne");
    expect(what.text).toContain("Code postal ?");
    expect(what.text).not.toMatch(/F-1001|€/);
    const ok = await debtor.say("75011");
    expect(ok.text).toMatch(/F-1001/);

    // Questions about the file are answered from the case and the pack, then we carry on.
    const forWhat = await debtor.say("c pour quoi exactement cette facture ?");
    expect(forWhat.text).toMatch(/F-1001/);
    const missed = await debtor.say("et si je rate une échéance il se passe quoi ?");
    expect(missed.text).toMatch(/7 jours/);
    expect(missed.text).not.toMatch(/huissier|saisie|tribunal/i);

    // The debtor proposes first, and the proposal is kept as it is.
    const plan = await debtor.say("je peux faire 300 par mois");
    expect(plan.offer?.kind).toBe("plan");
    expect(plan.offer?.instalments[0]?.amount).toBe(30_000);

    // They switch to English and change the amount: answered in English, with their new figure.
    const english = await debtor.say("actually could we do 400 a month instead please");
    expect(english.text).toMatch(/a plan of \d+ payments/);
    expect(english.text).not.toMatch(/versements|échéancier/);
    expect(english.offer?.instalments[0]?.amount).toBe(40_000);

    // A misread dispute, put right by the debtor: negotiation resumes in their language.
    const disputed = await debtor.say("wait I dispute the penalties, this is wrong");
    await debtor.waitFor(() => debtor.states.includes("escalated"), "escalated");
    expect(disputed.text).toMatch(/If I got that wrong/);
    // The pack's own notice, in the language the debtor now writes in.
    expect(disputed.text).toMatch(/^I have noted that you dispute/);
    // When a person will reply, in English too (the test clock is a Sunday: off duty).
    expect(disputed.text).not.toMatch(/lundi|novembre|heure de Paris/);
    const back = await debtor.say("no sorry I'm not disputing it, I was only asking");
    expect(back.text).toMatch(/I misunderstood/);
    await debtor.waitFor(() => debtor.states.at(-1) === "negotiating", "negotiating");
    const again = await debtor.say("ok 400 a month then");
    expect(again.offer?.instalments[0]?.amount).toBe(40_000);

    if (process.env.SHOW_CHAT)
      for (const m of debtor.messages) process.stdout.write(`\n${m.role}: ${m.text}\n`);
    debtor.close();
  });
});
