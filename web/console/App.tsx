// The console shell: login, then a role-aware navigation. Collectors and admins work the queue,
// the cases and the transcripts; policy editors see policy versions and aggregate KPIs only; the
// audit log is for admins.
import type { ReactNode } from "react";
import { LanguageProvider, LanguageSwitch, t as pageWords, useLang } from "./i18n.js";
import { disconnectLive, useLiveStatus } from "./live.js";
import { useEscalationNotifications } from "./notify.js";
import { OutboxPage } from "./outreach/OutboxPage.js";
import { AccountPage } from "./pages/AccountPage.js";
import { AuditPage } from "./pages/AuditPage.js";
import { CasePage } from "./pages/CasePage.js";
import { CasesPage } from "./pages/CasesPage.js";
import { CreditorsPage } from "./pages/CreditorsPage.js";
import { KpiPage } from "./pages/KpiPage.js";
import { LoginPage } from "./pages/LoginPage.js";
import { PasswordLinkPage } from "./pages/PasswordLinkPage.js";
import { PoliciesPage } from "./pages/PoliciesPage.js";
import { PolicyEditorPage } from "./pages/PolicyEditorPage.js";
import { QueuePage } from "./pages/QueuePage.js";
import { SsoPage } from "./pages/SsoPage.js";
import { StatementsPage } from "./pages/StatementsPage.js";
import { ROLE_LABELS, TeamPage } from "./pages/TeamPage.js";
import { Link, match, Redirect, useLocation } from "./router.js";
import { SessionProvider, useSession } from "./session.js";
import type { Role } from "./types.js";

interface NavItem {
  readonly to: string;
  readonly label: string;
  readonly roles: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { to: "/queue", label: "Escalations", roles: ["collector", "admin"] },
  { to: "/cases", label: "Cases", roles: ["collector", "admin"] },
  { to: "/outbox", label: "Outbox", roles: ["collector", "admin"] },
  { to: "/statements", label: "Statements", roles: ["collector", "admin"] },
  { to: "/creditors", label: "Creditors", roles: ["collector", "admin"] },
  { to: "/kpis", label: "KPIs", roles: ["collector", "policy_editor", "admin"] },
  { to: "/policies", label: "Policies", roles: ["policy_editor", "admin"] },
  { to: "/team", label: "Team", roles: ["admin"] },
  { to: "/audit", label: "Audit log", roles: ["admin"] },
];

export function App() {
  return (
    <LanguageProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </LanguageProvider>
  );
}

function Shell() {
  const session = useSession();
  const { path } = useLocation();
  // A one-time password link works whoever is (or is not) logged in on this browser.
  if (path === "/password") return <PasswordLinkPage />;
  if (path === "/sso") return <SsoPage />;
  if (!session.user) return path === "/login" ? <LoginPage /> : <Redirect to="/login" />;
  if (path === "/login" || path === "/")
    return <Redirect to={session.user.role === "policy_editor" ? "/kpis" : "/queue"} />;
  return <Layout>{route(path, session.user.role)}</Layout>;
}

function route(path: string, role: Role): ReactNode {
  const allowed = (to: string) => NAV.find((n) => n.to === to)?.roles.includes(role) ?? false;
  const forbidden = <Forbidden />;
  if (path === "/queue") return allowed("/queue") ? <QueuePage /> : forbidden;
  if (path === "/cases") return allowed("/cases") ? <CasesPage /> : forbidden;
  const caseMatch = match("/cases/:id", path);
  if (caseMatch?.id) return allowed("/cases") ? <CasePage key={caseMatch.id} id={caseMatch.id} /> : forbidden;
  if (path === "/outbox") return allowed("/outbox") ? <OutboxPage /> : forbidden;
  if (path === "/kpis") return <KpiPage />;
  if (path === "/policies") return allowed("/policies") ? <PoliciesPage /> : forbidden;
  const pack = match("/policies/:packId", path);
  if (pack?.packId)
    return allowed("/policies") ? <PolicyEditorPage key={pack.packId} packId={pack.packId} /> : forbidden;
  if (path === "/audit") return allowed("/audit") ? <AuditPage /> : forbidden;
  if (path === "/statements") return allowed("/statements") ? <StatementsPage /> : forbidden;
  if (path === "/creditors") return allowed("/creditors") ? <CreditorsPage /> : forbidden;
  if (path === "/team") return allowed("/team") ? <TeamPage /> : forbidden;
  if (path === "/account") return <AccountPage />;
  return (
    <section className="page">
      <h1>{pageWords("Page not found")}</h1>
      <p>
        <Link to="/">{pageWords("Back to the console")}</Link>
      </p>
    </section>
  );
}

function Forbidden() {
  return (
    <section className="page">
      <h1>{pageWords("Not available for your role")}</h1>
      <p>{pageWords("Ask an administrator if you need access to this page.")}</p>
    </section>
  );
}

function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { path } = useLocation();
  const live = useLiveStatus();
  const { t } = useLang();
  const user = session.user;
  useEscalationNotifications(user?.role === "collector" || user?.role === "admin");
  if (!user) return null;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">amiable</span>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
              <li key={n.to}>
                <Link to={n.to} aria-current={path.startsWith(n.to) ? "page" : undefined}>
                  {t.nav[n.to] ?? n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span
          className={`live live--${live}`}
          title={live === "online" ? "Live updates on" : "Live updates off"}
        >
          {live === "online" ? t.live : t.offline}
        </span>
        <LanguageSwitch />
        <Link to="/account" className="whoami" title={t.myAccount}>
          <span>{user.email}</span> <span className="role">{pageWords(ROLE_LABELS[user.role])}</span>
        </Link>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            disconnectLive();
            void session.logout();
          }}
        >
          {t.logout}
        </button>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
