// Single sign-on through OpenID Connect (openid-client): authorization code with PKCE, state and
// nonce. SSO opens only existing, enabled accounts (an admin invites first: the role comes from the
// team, never from the provider), matched on a verified e-mail. The state waits here for 10 minutes
// (one instance; behind several, sticky sessions or a shared store are needed).
import * as oidc from "openid-client";
import { hashToken, newSecretToken } from "../../auth/tokens.js";
import { AppError } from "../../errors/app-error.js";
import type { AppContext } from "../context.js";

const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 1000;

interface Pending {
  readonly verifier: string;
  readonly nonce: string;
  readonly expiresAt: number;
}

export interface SsoLogin {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: { id: string; email: string; role: string };
}

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

export class SsoService {
  private config: Promise<oidc.Configuration> | null = null;
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly ctx: AppContext) {}

  get enabled(): boolean {
    const env = this.ctx.env;
    return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID);
  }

  private redirectUri(): string {
    return `${this.ctx.publicUrl.replace(/\/$/, "")}/api/sso/callback`;
  }

  private configuration(): Promise<oidc.Configuration> {
    const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = this.ctx.env;
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) throw new AppError("not_found", "Single sign-on is not configured.");
    if (!this.config) {
      const issuer = new URL(OIDC_ISSUER);
      // Plain HTTP only for a provider on this machine (tests, a local dev provider).
      this.config = oidc
        .discovery(issuer, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, undefined, {
          ...(isLoopback(issuer) && issuer.protocol === "http:"
            ? { execute: [oidc.allowInsecureRequests] }
            : {}),
        })
        .catch((error: unknown) => {
          this.config = null;
          throw error;
        });
    }
    return this.config;
  }

  /** The provider's authorization URL for a new login attempt. */
  async start(): Promise<URL> {
    const config = await this.configuration();
    const now = this.ctx.clock.now().getTime();
    for (const [key, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(key);
    if (this.pending.size >= MAX_PENDING)
      throw new AppError("rate_limited", "Too many sign-ins in progress.");
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    this.pending.set(state, { verifier, nonce, expiresAt: now + PENDING_MS });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: "openid email",
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
  }

  /** Checks the provider's answer and opens a session for the matching team member. */
  async finish(callbackUrl: URL): Promise<SsoLogin> {
    const config = await this.configuration();
    const state = callbackUrl.searchParams.get("state") ?? "";
    const pending = this.pending.get(state);
    this.pending.delete(state);
    if (!pending || pending.expiresAt <= this.ctx.clock.now().getTime())
      throw new AppError("unauthenticated", "This sign-in expired; start again.");
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    // Providers may keep scope claims out of the ID token: then they come from the userinfo endpoint
    // (whose subject must match the ID token's).
    const claims =
      typeof idClaims?.email === "string" || !idClaims
        ? idClaims
        : await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const email = typeof claims?.email === "string" ? claims.email : "";
    if (!email || claims?.email_verified !== true)
      throw new AppError("unauthenticated", "The provider did not confirm an e-mail address.");
    const user = await this.ctx.stores.users.findByEmail(email);
    if (!user || user.disabled)
      throw new AppError("forbidden", "No active team member has this e-mail: ask an admin to invite you.");
    const token = newSecretToken();
    const expiresAt = new Date(
      this.ctx.clock.now().getTime() + this.ctx.env.STAFF_SESSION_TTL_HOURS * 3_600_000,
    );
    await this.ctx.stores.sessions.create(user.id, hashToken(token), expiresAt);
    await this.ctx.stores.audit.append({
      actorType: "user",
      actorId: user.id,
      action: "user.sso_login",
      entity: "user",
      entityId: user.id,
      data: { issuer: this.ctx.env.OIDC_ISSUER ?? null },
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { id: user.id, email: user.email, role: user.role },
    };
  }
}
