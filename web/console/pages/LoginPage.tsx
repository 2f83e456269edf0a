import { type FormEvent, useEffect, useState } from "react";
import { ApiError, request } from "../api.js";
import { LanguageSwitch, t } from "../i18n.js";
import { navigate } from "../router.js";
import { useSession } from "../session.js";
import { serverMessage } from "../words/server-words.js";

export function LoginPage() {
  const session = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState(false);
  useEffect(() => {
    request<{ enabled: boolean }>("GET", "/api/sso")
      .then((r) => setSso(r.enabled))
      .catch(() => setSso(false));
    // A failed single sign-on comes back here with its reason in the fragment.
    const reason = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("sso_error");
    if (reason) {
      setError(serverMessage(new ApiError(401, "unauthenticated", reason)));
      window.history.replaceState(null, "", window.location.pathname);
    }
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.login(email.trim(), password);
      navigate("/", { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? serverMessage(err) : t("Login failed."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card login__form" onSubmit={submit} aria-labelledby="login-title">
        <LanguageSwitch />
        <h1 id="login-title">{t("amiable console")}</h1>
        {session.expired && <p className="notice">{t("Your session has ended. Please log in again.")}</p>}
        <label>
          {t("Email")}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t("Password")}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? t("Logging in…") : t("Log in")}
        </button>
        {sso && (
          <a className="btn" href="/api/sso/start">
            {t("Log in with single sign-on")}
          </a>
        )}
      </form>
    </main>
  );
}
