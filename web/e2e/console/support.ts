// The real service for the console's browser tests: the console (API, socket namespace, pages) and
// the debtor pages (the debtor's side of the conversation, and the built assets under /assets).
import {
  type ConsoleTestService,
  startConsoleTestService,
} from "../../../server/test-support/console-service.js";
import { PASSWORD } from "../../../server/test-support/service.js";
import { lazyDebtorPages } from "../support/service.js";

export { PASSWORD };

export async function startConsoleE2e(): Promise<ConsoleTestService> {
  const debtorPages = lazyDebtorPages();
  const t = await startConsoleTestService("pglite", { extraRoutes: [debtorPages.router] });
  debtorPages.attach(t.service.ctx);
  return t;
}
