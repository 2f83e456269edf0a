// One build for every browser page of amiable, into web/dist/ (served by the Node service):
//   web/dist/debtor/index.html   the debtor chat (served at /c/<token>)
//   web/dist/widget.js           the embed script (served at /widget.js, a stable name)
//   web/dist/assets/*            hashed JS and CSS, cached for a year
//   *.br and *.gz beside each     precompressed twins (web/build/precompress.ts)
// A later collector console adds `console: resolve(here, "console/index.html")` to `input`.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { precompress } from "./build/precompress.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const server = process.env.AMIABLE_DEV_SERVER ?? "http://127.0.0.1:3000";

/** In development, /c/<token> serves the debtor page as the Node service does in production. */
const debtorRoute: Plugin = {
  name: "amiable-debtor-route",
  configureServer(dev) {
    dev.middlewares.use((req, _res, next) => {
      if (req.url && /^\/c\/[A-Za-z0-9_-]{43}\/?$/.test(req.url)) req.url = "/debtor/index.html";
      next();
    });
  },
};

export default defineConfig({
  root: here,
  base: "/",
  publicDir: false,
  plugins: [react(), debtorRoute, precompress(resolve(here, "dist"))],
  build: {
    outDir: resolve(here, "dist"),
    emptyOutDir: true,
    target: "es2022",
    // No source maps in production: the bundle size budget counts what debtors download.
    sourcemap: false,
    modulePreload: { polyfill: false },
    // The shared React chunk is ~80 KB gzipped; the debtor page's budget (150 KB gzipped for all
    // its JS) is checked by web/e2e/bundle-size.test.ts instead.
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      input: {
        debtor: resolve(here, "debtor/index.html"),
        console: resolve(here, "console/index.html"),
        widget: resolve(here, "widget/widget.ts"),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === "widget" ? "widget.js" : "assets/[name]-[hash].js"),
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
  // `vite --config web/vite.config.ts` for development: the API, the socket and the /c/ pages come
  // from a running service (npm run dev); open http://localhost:5173/c/<token>.
  server: {
    proxy: {
      "/socket.io": { target: server, ws: true },
      "^/c/[^/]+/(info|receipt|calendar)": { target: server },
    },
  },
  appType: "mpa",
});
