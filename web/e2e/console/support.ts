// The real service for the console's browser tests: the console (API, socket namespace, pages) and
// the debtor pages (the debtor's side of the conversation, and the built assets under /assets), and
// the one set-up every console browser test shares: that service, Chromium, its contexts, and (for
// a test file that walks one page from test to test) a first page, logged in if asked.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  type ConsoleTestService,
  startConsoleTestService,
} from "../../../server/test-support/console-service.js";
import { PASSWORD } from "../../../server/test-support/service.js";
import { DESKTOP, launchBrowser, PageProblems, PHONE } from "../support/browser.js";
import { lazyDebtorPages } from "../support/service.js";
import { ConsoleLogin } from "./pages/console-pages.js";

export { PASSWORD };

export async function startConsoleE2e(): Promise<ConsoleTestService> {
  const debtorPages = lazyDebtorPages();
  const t = await startConsoleTestService("pglite", { extraRoutes: [debtorPages.router] });
  debtorPages.attach(t.service.ctx);
  return t;
}

/** A collector at a desk, in English, on Paris time. */
export const CONSOLE_DESKTOP = {
  viewport: DESKTOP,
  locale: "en-GB",
  timezoneId: "Europe/Paris",
} as const satisfies BrowserContextOptions;
/** The same at 1440 px, the width the words tests check the pages at. */
export const CONSOLE_WIDE = {
  ...CONSOLE_DESKTOP,
  viewport: { width: 1440, height: 900 },
} as const satisfies BrowserContextOptions;
/** A debtor on a phone, in French. */
export const DEBTOR_PHONE = {
  viewport: PHONE,
  locale: "fr-FR",
  timezoneId: "Europe/Paris",
} as const satisfies BrowserContextOptions;

/** A new page in `context`, watched for problems from the start (`url`: the service's origin). */
export async function watchedPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  return { page, problems: new PageProblems(page, [url]) };
}

/** The same, logged in to the console as `email` (the test service's password). */
export async function loggedIn(
  context: BrowserContext,
  url: string,
  email: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const watched = await watchedPage(context, url);
  const login = new ConsoleLogin(watched.page);
  await login.open(url);
  await login.logIn(email, PASSWORD);
  return watched;
}

/** The service, the browser and the named contexts; read them inside hooks and tests only. */
export type ConsoleBrowser<Name extends string> = {
  readonly t: ConsoleTestService;
  readonly browser: Browser;
  /** The page opened in the first context when `page` was asked for (else undefined). */
  readonly page: Page;
  readonly problems: PageProblems;
} & { readonly [K in Name]: BrowserContext };

export interface ConsoleBrowserOptions<Name extends string> {
  /** The browser contexts by name, opened in this order (default: one `context` at a desk). */
  contexts?: Record<Name, BrowserContextOptions>;
  /** Starts the service (default: `startConsoleE2e`). */
  start?: () => Promise<ConsoleTestService>;
  /** Runs once the service is up, before any context opens (the clock, data the pages show). */
  prepare?: (t: ConsoleTestService) => Promise<void> | void;
  /** A page in the first context, watched for problems; `logIn`: the e-mail it logs in with. */
  page?: { logIn?: string };
}

/**
 * Registers the `beforeAll` that starts the service and Chromium together and opens the contexts
 * (and the page), and the `afterAll` that closes them all, even after a set-up that failed half way.
 * The object returned is filled in by the `beforeAll`: a test file's own `beforeAll`, registered
 * after this call, runs after it.
 */
export function useConsoleBrowser<Name extends string = "context">(
  options: ConsoleBrowserOptions<Name> = {},
): ConsoleBrowser<Name> {
  const contexts = options.contexts ?? ({ context: CONSOLE_DESKTOP } as Record<Name, BrowserContextOptions>);
  const opened: Record<string, unknown> = {};
  let t: ConsoleTestService | undefined;
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([(options.start ?? startConsoleE2e)(), launchBrowser()]);
    opened.t = t;
    opened.browser = browser;
    await options.prepare?.(t);
    for (const [name, contextOptions] of Object.entries(contexts) as [Name, BrowserContextOptions][]) {
      const context = await browser.newContext(contextOptions);
      open.push(context);
      opened[name] = context;
    }
    if (options.page) {
      const first = open[0] as BrowserContext;
      const { logIn } = options.page;
      Object.assign(opened, logIn ? await loggedIn(first, t.url, logIn) : await watchedPage(first, t.url));
    }
  });
  afterAll(async () => {
    for (const context of open) await context.close();
    await browser?.close();
    await t?.close();
  });

  return opened as ConsoleBrowser<Name>;
}
