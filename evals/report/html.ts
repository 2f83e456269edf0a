// report.html: one self-contained page (inline CSS, no script, no external resource). Every string
// that comes from a scenario, a debtor, the assistant or the data set is HTML-escaped: red-team lines
// are hostile by design.

import type { GradedConversation } from "../grading/grade.js";
import type { RedteamResult, RedteamSetupFinding } from "../redteam/run.js";
import { discountRatio, discountRatioLine } from "./discount-ratio.js";
import type { RunSummary } from "./summary.js";
import { pct } from "./table.js";

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232b;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:0}
table{border-collapse:collapse;background:#fff;margin:8px 0;width:100%}
th,td{border:1px solid #d9dde3;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
.ok{color:#11703a;font-weight:600}.ko{color:#b3261e;font-weight:600}
.verdict{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
.verdict.ok{background:#e3f4e9}.verdict.ko{background:#fbe4e2}
td.pass{background:#e9f7ee}td.fail{background:#fdecea}
details{background:#fff;border:1px solid #d9dde3;border-radius:6px;margin:8px 0;padding:6px 10px}
summary{cursor:pointer}
.msg{margin:6px 0;padding:6px 10px;border-radius:6px;white-space:pre-wrap;word-wrap:break-word}
.assistant{background:#eef3fb}.debtor{background:#f3f0e8;margin-left:60px}.system{background:#f0f0f0;font-size:12px;color:#555}
.meta{font-size:12px;color:#5b6470}.ev{font-size:12px;color:#6b4e00}
.offer{display:inline-block;font-size:12px;background:#dfe9ff;border-radius:4px;padding:1px 6px;margin-top:4px}
ul.problems{margin:4px 0 8px 18px;padding:0}ul.problems li{color:#b3261e}
code{font-size:12px}
`;

function totals(summary: RunSummary): string {
  const arms = summary.arms;
  const rows: [string, (i: number) => string][] = [
    ["conversations", (i) => `${arms[i]?.conversations}`],
    ["pass rate (pass^1)", (i) => pct(arms[i]?.passRate)],
    ["pass^k", (i) => pct(arms[i]?.passHatK)],
    ["policy violations", (i) => `${arms[i]?.policyViolations}`],
    ["agreement rate", (i) => pct(arms[i]?.agreementRate)],
    ["recovery ratio", (i) => pct(arms[i]?.recoveryRatio)],
    ["mean discount granted", (i) => pct((arms[i]?.meanDiscountBps ?? 0) / 10_000, 2)],
    ["escalation precision", (i) => pct(arms[i]?.escalationPrecision)],
    ["escalation recall", (i) => pct(arms[i]?.escalationRecall)],
    ["turns to agreement", (i) => (arms[i]?.meanTurnsToAgreement ?? null)?.toFixed(1) ?? "n/a"],
    ["guard interventions", (i) => `${arms[i]?.guardInterventions}`],
    ["tokens in / out", (i) => `${arms[i]?.tokens.input} / ${arms[i]?.tokens.output}`],
    ["cost (USD)", (i) => (arms[i]?.costUsd === null ? "unknown" : (arms[i]?.costUsd ?? 0).toFixed(4))],
  ];
  const head = `<tr><th></th>${arms.map((a) => `<th>${esc(a.arm)}</th>`).join("")}</tr>`;
  const body = rows
    .map(
      ([label, f]) =>
        `<tr><th>${esc(label)}</th>${arms.map((_, i) => `<td>${esc(f(i))}</td>`).join("")}</tr>`,
    )
    .join("");
  const gains = summary.gains
    .map(
      (g) =>
        `<tr><th>assistant vs ${esc(g.baseline)}</th>${[
          g.passRate,
          g.agreementRate,
          g.recoveryRatio,
          g.meanDiscountBps,
        ]
          .map((v) => `<td>${v === null ? "n/a" : `× ${v.toFixed(2)}`}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  const dr = discountRatio(summary.arms);
  const ratio = dr ? `<p>${esc(discountRatioLine(dr, summary.thresholds.maxDiscountRatioVsNaive))}</p>` : "";
  return `<table>${head}${body}</table>${
    gains
      ? `<table><tr><th></th><th>pass rate</th><th>agreement</th><th>recovery</th><th>discount</th></tr>${gains}</table>`
      : ""
  }${ratio}`;
}

const anchor = (c: GradedConversation) => `c-${c.scenarioId}-${c.arm}-${c.trial}`;

function matrix(conversations: readonly GradedConversation[], arms: readonly string[]): string {
  const ids = [...new Set(conversations.map((c) => c.scenarioId))].sort();
  const rows = ids.map((id) => {
    const first = conversations.find((c) => c.scenarioId === id) as GradedConversation;
    const cells = arms.map((arm) => {
      const runs = conversations.filter((c) => c.scenarioId === id && c.arm === arm);
      if (runs.length === 0) return "<td></td>";
      const ok = runs.every((r) => r.passed);
      const links = runs
        .map(
          (r) =>
            `<a href="#${esc(anchor(r))}">${r.passed ? "pass" : "fail"}</a> ${esc(r.outcome)}${r.violations.length ? " ⚠" : ""}`,
        )
        .join("<br>");
      return `<td class="${ok ? "pass" : "fail"}">${links}</td>`;
    });
    return `<tr><td><code>${esc(id)}</code><div class="meta">${esc(first.title)}</div></td><td>${esc(first.expected)}</td>${cells.join("")}</tr>`;
  });
  return `<table><tr><th>scenario</th><th>expected</th>${arms.map((a) => `<th>${esc(a)}</th>`).join("")}</tr>${rows.join("")}</table>`;
}

function conversation(c: GradedConversation): string {
  const problems = [
    ...c.failures.map((f) => `<li>${esc(f)}</li>`),
    ...c.violations.map(
      (v) => `<li>policy violation <code>${esc(v.rule)}</code> ${esc(v.where ?? "")}: ${esc(v.detail)}</li>`,
    ),
  ];
  const why = c.passed
    ? `<p class="ok">Passed: outcome ${esc(c.outcome)} as expected (${esc(c.expected)}), no policy violation.</p>`
    : `<ul class="problems">${problems.join("")}</ul>`;
  const m = c.metrics;
  const facts = `<p class="meta">pack ${esc(c.pack)} · ${esc(c.locale)} · persona ${esc(c.persona ?? "—")} · due ${esc(m.amountDue)} ${esc(m.currency)} · promise ${esc(m.promiseKind ?? "none")} ${esc(m.promiseTotal ?? "")} · escalations ${esc(m.escalations.join(", ") || "none")} · ${esc(m.turns)} debtor turns · ${esc(m.guardInterventions)} guard interventions · case ${esc(c.caseId ?? "")}</p>`;
  const lines = c.transcript
    .map((l) => {
      const offer = l.offer
        ? `<div class="offer">${esc(l.offer.kind)} ${esc(l.offer.total)} in ${esc(l.offer.instalments)} · ${esc(l.offer.status)}</div>`
        : "";
      const events = l.events.length ? `<div class="ev">${l.events.map(esc).join(" · ")}</div>` : "";
      const meta = l.meta
        ? `<div class="meta">#${esc(l.seq)} ${esc(l.meta)}</div>`
        : `<div class="meta">#${esc(l.seq)}</div>`;
      return `<div class="msg ${esc(l.role)}">${meta}${esc(l.text)}${offer}${events}</div>`;
    })
    .join("");
  const moves = c.moves.map(
    (mv) =>
      `<li>${esc(mv.move.kind)}${"text" in mv.move ? `: ${esc(mv.move.text)}` : ""} <span class="meta">(${esc(mv.move.why)}${mv.refused ? `; refused: ${esc(mv.refused)}` : ""})</span></li>`,
  );
  return `<details id="${esc(anchor(c))}"${c.passed ? "" : " open"}><summary><span class="${c.passed ? "ok" : "ko"}">${c.passed ? "PASS" : "FAIL"}</span> <code>${esc(c.scenarioId)}</code> · ${esc(c.arm)} · trial ${esc(c.trial)} — ${esc(c.title)}</summary>${why}${facts}${c.harnessError ? `<p class="ko">${esc(c.harnessError)}</p>` : ""}${lines}<details><summary>simulated debtor's moves</summary><ol>${moves.join("")}</ol></details></details>`;
}

function redteam(
  summary: RunSummary,
  results: readonly RedteamResult[],
  setup: readonly RedteamSetupFinding[],
): string {
  const rt = summary.redteam;
  if (!rt) return "";
  const sources = Object.entries(rt.bySource)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([s, v]) => `<tr><td>${esc(s)}</td><td>${v.lines}</td><td>${v.passed}</td><td>${v.escalated}</td></tr>`,
    )
    .join("");
  const row = (r: RedteamResult) => {
    const problems = [
      ...(r.echoed ? [`echoes the planted sentence "${r.line.planted ?? ""}"`] : []),
      ...r.leaks,
      ...r.violations.map((v) => `${v.rule} ${v.where ?? ""}: ${v.detail}`),
      ...(r.error ? [r.error] : []),
    ];
    return `<tr><td class="${r.passed ? "pass" : "fail"}">${r.passed ? "pass" : "fail"}</td><td><code>${esc(r.line.id)}</code> ${esc(r.line.locale)} · ${esc(r.pack)}</td><td>${esc(r.line.text)}</td><td>${esc(r.reply)}<div class="meta">status after: ${esc(r.status)}</div></td><td>${problems.map(esc).join("<br>")}</td></tr>`;
  };
  const head = "<tr><th></th><th>line</th><th>injected</th><th>assistant reply</th><th>problems</th></tr>";
  const failing = results.filter((r) => !r.passed);
  const setupRows = setup
    .map(
      (f) =>
        `<tr><td><code>${esc(f.conversation)}</code> ${esc(f.pack)}</td><td>${f.violations.map((v) => esc(`${v.rule} ${v.where ?? ""}: ${v.detail}`)).join("<br>")}</td></tr>`,
    )
    .join("");
  const setupTable = setup.length
    ? `<h3>Violations before any red-team line (set-up: greeting, verification, first offer)</h3><table><tr><th>conversation</th><th>violations</th></tr>${setupRows}</table>`
    : "";
  return `<h2>Red team</h2><p>${esc(rt.lines)} lines in ${esc(rt.conversations)} live negotiations: ${esc(rt.passed)} passed (${esc(pct(rt.passRate))}); ${esc(rt.policyViolations)} policy violations (${esc(rt.setupViolations)} of them in the set-up), ${esc(rt.echoed)} planted sentences echoed, ${esc(rt.leaks)} leaks, ${esc(rt.errors)} errors.</p>${setupTable}
<table><tr><th>source</th><th>lines</th><th>passed</th><th>ended in escalation</th></tr>${sources}</table>
${failing.length ? `<h3>Failing lines</h3><table>${head}${failing.map(row).join("")}</table>` : '<p class="ok">Every line passed.</p>'}
<details><summary>All ${esc(results.length)} lines</summary><table>${head}${results.map(row).join("")}</table></details>`;
}

export function renderHtml(
  summary: RunSummary,
  conversations: readonly GradedConversation[],
  results: readonly RedteamResult[],
  setup: readonly RedteamSetupFinding[] = [],
): string {
  const arms = summary.arms.map((a) => a.arm);
  const sorted = [...conversations].sort(
    (a, b) =>
      a.scenarioId.localeCompare(b.scenarioId) ||
      arms.indexOf(a.arm) - arms.indexOf(b.arm) ||
      a.trial - b.trial,
  );
  const meta = summary.meta;
  const verdict = summary.verdict.ok
    ? `<div class="verdict ok">Result: ok</div>`
    : `<div class="verdict ko">Result: failed<ul>${summary.verdict.reasons.map((r) => `<li>${esc(r)}</li>`).join("")}</ul></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>amiable evaluation ${esc(meta.startedAt)}</title><style>${CSS}</style></head>
<body><main>
<h1>amiable evaluation</h1>
<p class="meta">${esc(meta.startedAt)} · ${esc((meta.durationMs / 1000).toFixed(1))} s · provider ${esc(meta.provider)}${meta.model ? ` (${esc(meta.model)})` : ""} · simulated debtor ${esc(meta.debtor)} · ${esc(meta.trials)} trial(s) · filter ${esc(meta.filter ?? "none")} · thresholds: pass rate ≥ ${esc(pct(summary.thresholds.passRate))}, red team ≥ ${esc(pct(summary.thresholds.redteamPassRate))}, ${esc(summary.thresholds.maxPolicyViolations)} policy violations</p>
${verdict}
<h2>Totals</h2>${totals(summary)}
<h2>Scenarios</h2>${matrix(sorted, arms)}
${redteam(summary, results, setup)}
<h2>Conversations</h2>${sorted.map(conversation).join("\n")}
</main></body></html>
`;
}
