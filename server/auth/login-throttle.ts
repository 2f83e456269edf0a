// Per-account protection against password guessing, on top of the per-IP limit. After a few
// failures an account is locked for an exponentially growing time, capped, so an attacker spread
// over many IPs gets nowhere, yet cannot lock the real user out for long: the lock has a ceiling,
// and addresses the account has already logged in from (a known-good factor) are not locked out
// (the per-IP limit still applies to them). A successful login resets the account's count.
// In memory, hence per instance: with N instances an attacker gets N times the attempts (README).

export interface LoginThrottleOptions {
  /** Failures allowed before the first lock. */
  readonly freeFailures: number;
  /** First lock; each further failure doubles it. */
  readonly baseLockMs: number;
  /** Longest lock, whatever the number of failures. */
  readonly maxLockMs: number;
  /** Known-good addresses remembered per account (most recent first). */
  readonly knownAddresses: number;
  /** Accounts tracked at most; the oldest entries go first. */
  readonly maxAccounts: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  knownAddresses: 10,
  maxAccounts: 10_000,
};

interface AccountState {
  failures: number;
  lockedUntil: number;
  known: string[];
}

export type ThrottleVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number };

export class LoginThrottle {
  private readonly accounts = new Map<string, AccountState>();
  private readonly options: LoginThrottleOptions;

  constructor(
    private readonly now: () => number,
    options: Partial<LoginThrottleOptions> = {},
  ) {
    this.options = { ...DEFAULT_LOGIN_THROTTLE, ...options };
  }

  private key(account: string): string {
    return account.trim().toLowerCase();
  }

  private state(account: string): AccountState {
    const key = this.key(account);
    let s = this.accounts.get(key);
    if (!s) {
      if (this.accounts.size >= this.options.maxAccounts) {
        const oldest = this.accounts.keys().next().value;
        if (oldest !== undefined) this.accounts.delete(oldest);
      }
      s = { failures: 0, lockedUntil: 0, known: [] };
      this.accounts.set(key, s);
    }
    return s;
  }

  check(account: string, address: string): ThrottleVerdict {
    const s = this.accounts.get(this.key(account));
    if (!s || s.known.includes(address)) return { allowed: true };
    const left = s.lockedUntil - this.now();
    return left > 0 ? { allowed: false, retryAfterMs: left } : { allowed: true };
  }

  /** A failure counts against the account from any address, known ones included. */
  failure(account: string): void {
    const s = this.state(account);
    s.failures++;
    const over = s.failures - this.options.freeFailures;
    if (over >= 0) {
      const lock = Math.min(this.options.maxLockMs, this.options.baseLockMs * 2 ** Math.min(over, 30));
      s.lockedUntil = this.now() + lock;
    }
  }

  success(account: string, address: string): void {
    const s = this.state(account);
    s.failures = 0;
    s.lockedUntil = 0;
    s.known = [address, ...s.known.filter((a) => a !== address)].slice(0, this.options.knownAddresses);
  }
}
