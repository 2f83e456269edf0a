// Policy versions (for policy editors and admins): which pack content is published, archived or in
// draft, so that each conversation's policy version can be traced. Packs are edited as files
// (policies/README.md) and replayed on the evaluation suite before publishing (npm run eval -- --compare).
import { request } from "../api.js";
import { Badge, ErrorText, Loading } from "../components/common.js";
import { instant } from "../format.js";
import { useResource } from "../hooks.js";
import { Link } from "../router.js";
import type { KpiFilters } from "../types.js";

export function PoliciesPage() {
  const data = useResource(() => request<KpiFilters>("GET", "/api/kpis/filters"), []);
  return (
    <section className="page">
      <h1>Policy versions</h1>
      <ErrorText error={data.error} />
      {!data.data && data.loading && <Loading what="policy versions" />}
      {data.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Version (content hash)</th>
              <th scope="col">Status</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {data.data.policyVersions.map((v) => (
              <tr key={v.id}>
                <td>{v.packId}</td>
                <td>
                  <code title={v.hash}>{v.hash.slice(0, 16)}</code>
                </td>
                <td>
                  <Badge value={v.status} kind="policy" />
                </td>
                <td>{instant(v.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Packs are edited as files in the <code>policies/</code> folder of the deployment. Before publishing a
        change, replay it on the evaluation suite beside the published packs:{" "}
        <code>npm run eval -- --compare &lt;draft folder&gt;</code>. The next start publishes the new content;
        conversations keep the version they started under.
      </p>
      <p>
        <Link to="/kpis">Compare versions in the KPIs</Link>
      </p>
    </section>
  );
}
