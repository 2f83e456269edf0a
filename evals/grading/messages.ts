// Policy violations in what the debtor was told, message by message: forbidden wording, figures
// that come from neither the case nor an engine offer, debt details before the identity was verified,
// and the pack's required disclosures (session start, first amount, every offer, every message).
// The disclosures are the pack's own texts: they are taken out of a message before its wording and
// figures are checked, and looked for verbatim when they are due.
import { findAmounts } from "../../server/policy/extract.js";
import { checkText, effectiveLimits, type OfferTerms, renderDisclosure } from "../../server/policy/index.js";
import type { CaseSnapshot, PolicyViolation, TranscriptMessage } from "./types.js";

interface Rendered {
  readonly id: string;
  readonly text: string;
  readonly moment: string;
  readonly repeat: boolean;
  readonly applies: boolean;
}

function renderedDisclosures(s: CaseSnapshot): Rendered[] {
  const flags = new Set<string>(s.due.timeBarred ? ["time_barred"] : []);
  return s.pack.disclosures.map((d) => {
    const r = renderDisclosure(d.text[s.facts.locale], s.facts);
    return {
      id: d.id,
      text: r.text,
      moment: d.moment,
      repeat: d.repeat,
      // A disclosure whose placeholders the case cannot fill (e.g. the FR-1 letter outside agency
      // mode) or whose flags do not hold is not due on this case.
      applies: r.missing.length === 0 && d.onlyIf.every((f) => flags.has(f)),
    };
  });
}

const squash = (t: string) => t.replace(/\s+/g, " ").trim();

function withoutDisclosures(text: string, rendered: readonly Rendered[]): string {
  let out = squash(text);
  for (const d of rendered) if (d.text) out = out.split(squash(d.text)).join(" ");
  return out;
}

function assistantMessages(s: CaseSnapshot): TranscriptMessage[] {
  return s.messages.filter((m) => m.role === "assistant");
}

function offersUpTo(s: CaseSnapshot, m: TranscriptMessage): OfferTerms[] {
  return s.offers.filter((o) => o.createdAt <= m.createdAt || o.id === m.offerId).map((o) => o.terms);
}

const where = (m: TranscriptMessage) => `message #${m.seq}`;

export function checkMessages(s: CaseSnapshot): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const rendered = renderedDisclosures(s);
  for (const m of assistantMessages(s)) {
    const verified = s.verifiedFromSeq !== null && m.seq >= s.verifiedFromSeq;
    const body = withoutDisclosures(m.text, rendered);
    const check = checkText(
      body,
      {
        locale: s.facts.locale,
        facts: s.facts,
        due: s.due,
        approvedOffers: offersUpTo(s, m),
        moment: "message",
        disclosuresShown: s.pack.disclosures.map((d) => d.id),
        identityVerified: verified,
        now: `${s.today}T12:00:00Z`,
        variables: s.guardVariables,
        // A refusal may quote the pack's public limits (the minimum instalment, with or without
        // hardship): engine figures, like the live guard allows.
        engineAmounts: [
          effectiveLimits(s.pack, false).minInstalment,
          effectiveLimits(s.pack, true).minInstalment,
        ],
      },
      s.pack,
    );
    for (const v of check.violations) {
      if (v.kind === "forbidden_wording")
        out.push({ rule: "wording.forbidden", where: where(m), detail: `"${v.match}" (${v.rule})` });
      else if (v.kind === "debt_before_verification")
        out.push({
          rule: "verification.details_before",
          where: where(m),
          detail: `"${v.match}" before identity verification`,
        });
      else if (v.kind === "unknown_amount" || v.kind === "unknown_percent" || v.kind === "unknown_date")
        out.push({
          rule: "figures.not_from_engine",
          where: where(m),
          detail: `${v.kind.replace("unknown_", "")} "${v.match}" matches no case fact or engine offer`,
        });
    }
  }
  out.push(...checkDisclosures(s, rendered));
  return out;
}

/** Every disclosure the pack requires, at the moment it requires it. */
export function checkDisclosures(s: CaseSnapshot, rendered = renderedDisclosures(s)): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const shown = new Set<string>();
  const messages = assistantMessages(s);
  messages.forEach((m, index) => {
    const text = squash(m.text);
    const present = new Set(rendered.filter((d) => d.text && text.includes(squash(d.text))).map((d) => d.id));
    const offer = m.offerId ? s.offers.find((o) => o.id === m.offerId) : undefined;
    const hasAmount = findAmounts(withoutDisclosures(m.text, rendered)).length > 0 || offer !== undefined;
    const require = (d: Rendered, moment: string) => {
      const ok = d.repeat ? present.has(d.id) : present.has(d.id) || shown.has(d.id);
      if (!ok)
        out.push({
          rule: "disclosure.missing",
          where: where(m),
          detail: `${d.id} (${d.moment}) missing ${moment}`,
        });
    };
    for (const d of rendered.filter((r) => r.applies)) {
      if (d.moment === "session_start" && index === 0) require(d, "from the first message");
      if (d.moment === "message") require(d, "from this message");
      if (d.moment === "before_first_amount" && hasAmount) require(d, "by the first amount");
      if (d.moment === "offer" && offer) require(d, `with this ${offer.kind} offer`);
      if (d.moment === "settlement" && offer?.kind === "settlement") require(d, "with this settlement offer");
    }
    for (const id of present) shown.add(id);
  });
  return out;
}
