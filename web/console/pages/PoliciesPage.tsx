// The policy studio's list (policy editors and admins): each pack with its published version,
// drafts and changes awaiting approval; a pack opens in the editor.

import type { PolicyList } from "../../../contract/policy-studio.js";
import { request } from "../api.js";
import { ErrorText, Loading } from "../components/common.js";
import { instant } from "../format.js";
import { useResource } from "../hooks.js";
import { t } from "../i18n.js";
import { Link } from "../router.js";
import { versionNote } from "../words/policy-server-words.js";

export function PoliciesPage() {
  const data = useResource(() => request<PolicyList>("GET", "/api/policies"), []);
  return (
    <section className="page">
      <h1>{t("Policies")}</h1>
      <ErrorText error={data.error} />
      {!data.data && data.loading && <Loading what={t("the policies")} />}
      {data.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("Pack")}</th>
              <th scope="col">{t("Published version")}</th>
              <th scope="col">{t("Published")}</th>
              <th scope="col">{t("Note")}</th>
              <th scope="col">{t("Drafts")}</th>
              <th scope="col">{t("Awaiting approval")}</th>
            </tr>
          </thead>
          <tbody>
            {data.data.packs.map((p) => (
              <tr key={p.packId}>
                <td>
                  <Link to={`/policies/${p.packId}`}>{p.name}</Link>{" "}
                  <span className="hint">({p.packId})</span>
                </td>
                <td>
                  <code title={p.published?.hash}>{p.published?.hash.slice(0, 12) ?? t("none")}</code>
                </td>
                <td>{instant(p.published?.publishedAt ?? null)}</td>
                <td>{versionNote(p.published?.note)}</td>
                <td>{p.drafts}</td>
                <td>{p.awaitingApproval}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        {t(
          "Changes are published without a restart: new cases use the new version, existing cases keep the version they started under.",
        )}{" "}
        <Link to="/kpis">{t("Compare versions in the KPIs")}</Link>.
      </p>
    </section>
  );
}
