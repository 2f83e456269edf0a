// Debian's Chromium through playwright-core (never `playwright install`), and the page problems
// every test checks: uncaught errors, CSP violations, requests to other hosts, alert dialogs.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Launched {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh user-data dir (the way the brief launches Chromium). */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), "amiable-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 390, height: 844 },
    locale: options.locale ?? "fr-FR",
    timezoneId: "Europe/Paris",
    acceptDownloads: true,
  });
  return { context, close: () => context.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Records what must never happen on a debtor page. */
export class PageProblems {
  readonly errors: string[] = [];
  readonly csp: string[] = [];
  readonly foreignRequests: string[] = [];
  readonly dialogs: string[] = [];

  constructor(page: Page, allowedOrigins: readonly string[]) {
    page.on("pageerror", (e) => this.errors.push(String(e)));
    page.on("console", (m) => {
      const text = m.text();
      if (/Content Security Policy/i.test(text)) this.csp.push(text);
      else if (
        m.type() === "error" &&
        !/Failed to load resource|ERR_CONNECTION_REFUSED|WebSocket connection/i.test(text)
      )
        this.errors.push(text);
    });
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
      if (!allowedOrigins.some((o) => new URL(o).host === url.host)) this.foreignRequests.push(r.url());
    });
    page.on("dialog", (d) => {
      this.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
  }

  /** Everything recorded, for one `toEqual` that prints what went wrong. */
  summary() {
    return {
      errors: this.errors,
      csp: this.csp,
      foreignRequests: this.foreignRequests,
      dialogs: this.dialogs,
    };
  }
}

export const NO_PROBLEMS = { errors: [], csp: [], foreignRequests: [], dialogs: [] };
