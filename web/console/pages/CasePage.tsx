// One case: status, debt breakdown, debtor details, link management, escalations, offers,
// promises with payments, and the conversation (takeover and the annotated transcript), live.
import { request } from "../api.js";
import { Breakdown, DebtorDetails, LinkPanel, OfferTable } from "../components/CaseDetails.js";
import { Badge, ErrorText, Loading } from "../components/common.js";
import { EscalationItem } from "../components/Escalation.js";
import { NotesPanel } from "../components/Notes.js";
import { PromiseList } from "../components/Promises.js";
import { TakeoverPanel } from "../components/Takeover.js";
import { TranscriptView } from "../components/Transcript.js";
import { money } from "../format.js";
import { useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { useCaseRoom, useLiveEvents } from "../live.js";
import { OutreachPanel } from "../outreach/OutreachPanel.js";
import { Link } from "../router.js";
import type { CaseView, EscalationList, Transcript } from "../types.js";

export function CasePage({ id }: { id: string }) {
  const view = useResource(() => request<CaseView>("GET", `/api/cases/${id}`), [id]);
  const transcript = useResource(() => request<Transcript>("GET", `/api/cases/${id}/transcript`), [id]);
  const escalations = useResource(
    () => request<EscalationList>("GET", `/api/escalations?caseId=${id}&status=all&pageSize=50`),
    [id],
  );
  useCaseRoom(id);
  useLiveEvents(
    ["case.message", "case.status", "promise.updated", "escalation.opened", "escalation.updated"],
    (name, payload) => {
      if (payload?.caseId !== id) return;
      if (name === "case.message") transcript.reload();
      view.reload();
      if (name.startsWith("escalation")) escalations.reload();
    },
  );
  const refresh = () => {
    view.reload();
    transcript.reload();
    escalations.reload();
  };

  if (view.error) return <ErrorText error={view.error} />;
  if (!view.data) return <Loading what={t("the case")} />;
  const c = view.data;
  return (
    <article className="page case-page" aria-labelledby="case-title">
      <p>
        <Link to="/cases">{t("← Cases")}</Link>
      </p>
      <header className="page__head">
        <h1 id="case-title">
          {c.reference} <Badge value={c.status} />
        </h1>
        <p className="muted">
          {c.debtor.name} · {t("owed to {creditor}", { creditor: c.creditor.name })} ·{" "}
          {t("principal {amount}", { amount: money(c.principal.amount, c.principal.currency) })}
          {c.amountDue
            ? ` · ${t("due now {amount}", { amount: money(c.amountDue.total, c.amountDue.currency) })}`
            : ""}
        </p>
      </header>
      <div className="case-grid">
        <div className="case-grid__main">
          <section aria-labelledby="h-conv">
            <h2 id="h-conv">{t("Conversation")}</h2>
            <TakeoverPanel view={c} messages={transcript.data?.messages ?? []} onChange={refresh} />
            <ErrorText error={transcript.error} />
            {transcript.data && (
              <TranscriptView
                messages={transcript.data.messages}
                events={transcript.data.events}
                offers={c.offers}
              />
            )}
          </section>
          <section aria-labelledby="h-outreach">
            <h2 id="h-outreach">{t("Reminders")}</h2>
            <OutreachPanel caseId={c.id} />
          </section>
        </div>
        <div className="case-grid__side">
          <NotesPanel caseId={c.id} />
          {escalations.data && escalations.data.items.length > 0 && (
            <section aria-labelledby="h-esc">
              <h2 id="h-esc">{t("Escalations")}</h2>
              {escalations.data.items.map((e) => (
                <EscalationItem key={e.id} card={e} onChange={refresh} />
              ))}
            </section>
          )}
          <section aria-labelledby="h-promises">
            <h2 id="h-promises">{t("Promises")}</h2>
            <PromiseList view={c} onChange={refresh} />
          </section>
          <section aria-labelledby="h-offers">
            <h2 id="h-offers">{t("Offers")}</h2>
            <OfferTable view={c} />
          </section>
          <section aria-labelledby="h-debt">
            <h2 id="h-debt">{t("Debt breakdown")}</h2>
            <Breakdown view={c} />
          </section>
          <section aria-labelledby="h-debtor">
            <h2 id="h-debtor">{t("Debtor")}</h2>
            <DebtorDetails view={c} />
          </section>
          <section aria-labelledby="h-link">
            <h2 id="h-link">{t("Debtor link")}</h2>
            <LinkPanel view={c} onChange={refresh} />
          </section>
        </div>
      </div>
    </article>
  );
}
