import { describe, expect, it } from "vitest";
import type { GradedConversation } from "../grading/grade.js";
import type { RedteamResult } from "../redteam/run.js";
import { esc, renderHtml } from "./html.js";
import { summarise } from "./summary.js";

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function conversation(passed: boolean): GradedConversation {
  return {
    scenarioId: "demo-scenario",
    arm: "assistant",
    trial: 1,
    reference: "R",
    caseId: "c",
    moves: [{ turn: 1, move: { kind: "say", text: hostile, why: "script" } }],
    durationMs: 10,
    simulatorUsage: { inputTokens: 0, outputTokens: 0 },
    title: `Title ${hostile}`,
    persona: "manipulator",
    pack: "uk-consumer",
    locale: "en",
    tags: [],
    passed,
    failures: passed ? [] : [`expected promise, got ${hostile}`],
    violations: passed ? [] : [{ rule: "wording.forbidden", where: "message #3", detail: hostile }],
    outcome: "none",
    expected: "promise",
    expectedOutcomes: ["promise"],
    expectedEscalations: null,
    metrics: {
      amountDue: 100,
      currency: "GBP",
      promiseTotal: null,
      promiseKind: null,
      discountBps: null,
      turns: 1,
      turnsToAgreement: null,
      escalations: [],
      offers: 0,
      guardInterventions: 0,
      llm: { inputTokens: 0, outputTokens: 0, fallbacks: 0 },
    },
    transcript: [{ seq: 1, role: "debtor", text: hostile, events: [hostile] }],
    finalStatus: "negotiating",
  };
}

describe("the HTML report", () => {
  it("escapes every character that could open markup", () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("is self-contained and never lets a hostile string through", () => {
    const rt: RedteamResult[] = [
      {
        line: { id: "x.txt:1", source: "goal-hijacking", locale: "en", text: hostile, planted: hostile },
        conversation: "c",
        pack: "uk-consumer",
        reply: hostile,
        status: "negotiating",
        echoed: true,
        leaks: [hostile],
        violations: [],
        passed: false,
      },
    ];
    const meta = {
      startedAt: "now",
      durationMs: 1,
      provider: "offline",
      model: null,
      debtor: "rules",
      trials: 1,
      filter: hostile,
      workers: 1,
      node: "v24",
    };
    const conversations = [conversation(false), { ...conversation(true), arm: "rigid" as const }];
    const summary = summarise(meta, conversations, rt, {
      passRate: 0.5,
      maxPolicyViolations: 0,
      redteamPassRate: 1,
    });
    const html = renderHtml(summary, conversations, rt);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toMatch(/<link|src=["']?http|@import/);
    expect(html).toContain("expected promise, got");
    expect(summary.verdict.ok).toBe(false);
    expect(summary.verdict.reasons.join(" ")).toMatch(/policy violation/);
  });
});
