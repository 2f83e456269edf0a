// Policy versions (for policy editors and admins): which pack content is published, archived or in
// draft, so that each conversation's policy version can be traced. Editing lives in the policy editor.
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
        <Link to="/kpis">Compare versions in the KPIs</Link>
      </p>
    </section>
  );
}
