// The staff session: the bearer token from POST /api/login, kept in sessionStorage (this tab only,
// gone when it closes), the user's email and role, and logout. A 401 from any call ends it.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { LoginResult, MeResponse } from "../../contract/console-team.js";
import { onSessionExpired, request, setToken } from "./api.js";
import type { Role, SessionUser } from "./types.js";

const KEY = "amiable.console.session";

interface Stored {
  readonly token: string;
  readonly user: SessionUser;
}

interface Session {
  readonly user: SessionUser | null;
  readonly token: string | null;
  readonly expired: boolean;
  login(email: string, password: string): Promise<void>;
  /** A session opened elsewhere (single sign-on hands it over in the URL fragment). */
  adopt(token: string, user: SessionUser): void;
  logout(): Promise<void>;
  can(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

function load(): Stored | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<Stored | null>(() => {
    const s = load();
    setToken(s?.token ?? null);
    return s;
  });
  const [expired, setExpired] = useState(false);

  const save = useCallback((next: Stored | null) => {
    setToken(next?.token ?? null);
    if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
    else sessionStorage.removeItem(KEY);
    setStored(next);
  }, []);

  useEffect(() => {
    onSessionExpired(() => {
      save(null);
      setExpired(true);
    });
  }, [save]);

  // The user id (to recognise "my" conversations) comes from /api/me when the server gives it.
  useEffect(() => {
    if (!stored || stored.user.id) return;
    request<MeResponse>("GET", "/api/me")
      .then((me) => {
        if (me.user.id) save({ token: stored.token, user: { ...stored.user, id: me.user.id } });
      })
      .catch(() => {});
  }, [stored, save]);

  const value = useMemo<Session>(
    () => ({
      user: stored?.user ?? null,
      token: stored?.token ?? null,
      expired,
      async login(email, password) {
        const res = await request<LoginResult>("POST", "/api/login", {
          body: { email, password },
        });
        setExpired(false);
        save({ token: res.token, user: res.user });
      },
      adopt(token, user) {
        setExpired(false);
        save({ token, user });
      },
      async logout() {
        await request("POST", "/api/logout").catch(() => {});
        save(null);
      },
      can: (...roles) => (stored ? roles.includes(stored.user.role) : false),
    }),
    [stored, expired, save],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
