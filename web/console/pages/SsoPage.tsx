// Where single sign-on lands: the session is in the URL fragment (never sent to a server); it is
// kept like a password login's, the fragment is wiped, and the console opens.
import { useEffect, useRef } from "react";
import { t } from "../i18n.js";
import { navigate } from "../router.js";
import { useSession } from "../session.js";
import type { Role } from "../types.js";

const ROLES = new Set(["collector", "policy_editor", "admin"]);

export function SsoPage() {
  const session = useSession();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    const p = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    const token = p.get("token");
    const email = p.get("email");
    const role = p.get("role");
    window.history.replaceState(null, "", window.location.pathname);
    if (token && email && role && ROLES.has(role)) {
      session.adopt(token, { id: p.get("id") ?? undefined, email, role: role as Role });
      navigate("/", { replace: true });
    } else navigate("/login", { replace: true });
  }, [session]);
  return <p className="muted">{t("Signing you in…")}</p>;
}
