// First render of the debtor page in Chromium under throttling: CPU slowed 4x and a "slow 4G"
// network (150 ms RTT, 1.6 Mbps down, 750 kbps up), as Lighthouse's mobile profile. Each run uses
// a fresh browser context (cold cache). Reports medians and the gzipped JS size.
//   npm run bench:web            (RUNS=7 CPU_RATE=4 by default; web/dist must be built)
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { launchBrowser } from "./support/browser.js";
import { debtorBundleSize } from "./support/bundle.js";
import { createCase, startE2eService } from "./support/service.js";

const RUNS = Number(process.env.RUNS ?? 7);
const CPU_RATE = Number(process.env.CPU_RATE ?? 4);
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

async function main() {
  if (!existsSync("web/dist/debtor/index.html"))
    throw new Error("web/dist is missing: run `npx vite build --config web/vite.config.ts` first");
  const service = await startE2eService();
  const browser = await launchBrowser();
  const samples: {
    fcp: number;
    app: number;
    message: number;
    appMessage: number;
    load: number;
    transferred: number;
  }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A new case per run: every run sees the greeting of a fresh conversation.
      const c = await createCase(service);
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR" });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      // Bytes on the wire (compressed where the server compressed), for every request of the page.
      let transferred = 0;
      cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
        transferred += e.encodedDataLength;
      });
      await cdp.send("Network.emulateNetworkConditions", NETWORK);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
      // Element Timing (decision 0125): when Chromium painted the server's picture of the first
      // message, before the app ran. Observed from the document's start (an init script is not
      // subject to the page's CSP); the app's own mark counts when there is no picture.
      await page.addInitScript(`new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e.identifier === "amiable-first-message") globalThis.__amiableFirstPaint ??= e.renderTime || e.loadTime;
      }).observe({ type: "element", buffered: true });`);
      await page.goto(c.link, { waitUntil: "load" });
      await page.waitForFunction(
        () => performance.getEntriesByName("amiable:first-message").length > 0,
        undefined,
        { timeout: 60_000 },
      );
      // A string, not a function: tsx would wrap a function's inner helpers with its own __name.
      const sample = (await page.evaluate(`(() => {
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType("navigation")[0];
        const painted = globalThis.__amiableFirstPaint ?? NaN;
        const app = at("amiable:first-message");
        return { fcp: at("first-contentful-paint"), app: at("amiable:app-rendered"), message: Number.isNaN(painted) ? app : Math.min(painted, app), appMessage: app, load: nav ? nav.loadEventEnd : NaN };
      })()`)) as { fcp: number; app: number; message: number; appMessage: number; load: number };
      samples.push({ ...sample, transferred });
      // Let the page finish what it does after its first message (its socket's handshake and
      // history, a greeting) before the next run, so that no run pays for the one before it.
      await page.waitForTimeout(1000);
      await context.close();
    }
  } finally {
    await browser.close();
    await service.close();
  }
  const size = debtorBundleSize();
  const report = {
    runs: RUNS,
    cpuThrottlingRate: CPU_RATE,
    network: { latencyMs: NETWORK.latency, downloadKbps: 1600, uploadKbps: 750 },
    medianMs: {
      firstContentfulPaint: Math.round(median(samples.map((s) => s.fcp))),
      appRendered: Math.round(median(samples.map((s) => s.app))),
      firstMessage: Math.round(median(samples.map((s) => s.message))),
      firstMessageByTheApp: Math.round(median(samples.map((s) => s.appMessage))),
      loadEvent: Math.round(median(samples.map((s) => s.load))),
    },
    transferredKB: Number((median(samples.map((s) => s.transferred)) / 1024).toFixed(1)),
    js: {
      bytes: size.bytes,
      gzipBytes: size.gzip,
      gzipKB: Number((size.gzip / 1024).toFixed(1)),
      budgetKB: 150,
    },
  };
  await mkdir("test-artifacts", { recursive: true });
  await writeFile("test-artifacts/bench-web.json", `${JSON.stringify({ ...report, samples }, null, 2)}\n`);
  console.log(`debtor page, ${RUNS} runs, CPU x${CPU_RATE}, 150 ms RTT / 1.6 Mbps`);
  console.table(report.medianMs);
  console.log(`JS: ${(size.bytes / 1024).toFixed(1)} KB, ${report.js.gzipKB} KB gzipped (budget 150 KB)`);
  console.log(`transferred (median, all requests of the page): ${report.transferredKB} KB`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
