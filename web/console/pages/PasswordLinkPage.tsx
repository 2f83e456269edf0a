// The page a one-time link opens (invitation or reset): whose account, a new password twice, then
// the login page. The token is read from the URL fragment, which browsers never send to a server.
import { type FormEvent, useEffect, useState } from "react";
import { ApiError, request } from "../api.js";
import { LanguageSwitch, t } from "../i18n.js";
import { navigate } from "../router.js";
import { Rich } from "../words/rich.js";
import { fieldMessage, serverMessage } from "../words/server-words.js";

const tokenFromHash = () => new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token") ?? "";

export function PasswordLinkPage() {
  const [token] = useState(tokenFromHash);
  const [account, setAccount] = useState<{ email: string; purpose: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request<{ email: string; purpose: string }>("POST", "/api/password-links/check", { body: { token } })
      .then(setAccount)
      .catch((err: unknown) =>
        setError(err instanceof ApiError ? serverMessage(err) : t("This link is not valid.")),
      );
  }, [token]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setError(t("The two passwords differ."));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request("POST", "/api/password-links/use", { body: { token, password } });
      window.history.replaceState(null, "", window.location.pathname);
      navigate("/login", { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.fieldErrors()[0]
            ? t("The password {why}.", { why: fieldMessage(err.fieldErrors()[0]?.message ?? "") })
            : serverMessage(err)
          : t("The password could not be set."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card login__form" onSubmit={submit} aria-labelledby="password-title">
        <LanguageSwitch />
        <h1 id="password-title">{t("Choose your password")}</h1>
        {account && (
          <p>
            <Rich
              text={
                account.purpose === "invite"
                  ? "Welcome to the amiable console, {email}."
                  : "New password for {email}."
              }
              values={{ email: <strong>{account.email}</strong> }}
            />{" "}
            {t("At least 12 characters.")}
          </p>
        )}
        <label>
          {t("New password")}
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            disabled={!account}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t("Repeat the password")}
          <input
            type="password"
            autoComplete="new-password"
            required
            value={repeat}
            disabled={!account}
            onChange={(e) => setRepeat(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy || !account}>
          {t("Set the password")}
        </button>
      </form>
    </main>
  );
}
