// Serves the built console (web/dist/console, from `npm run build`) at /console as a single-page
// app: files as they are, and index.html for every other path under /console so that deep links
// (/console/cases/<id>) load the app, which then routes on the client.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import express, { Router } from "express";
import { fromRoot } from "../../config/paths.js";

/** The vite build output (web/dist/console under the project root). */
export const CONSOLE_DIST = fromRoot("web", "dist", "console");

export function consolePages(directory = CONSOLE_DIST): Router {
  const dir = resolve(directory);
  const router = Router();
  router.use(
    "/console",
    express.static(dir, {
      index: false,
      fallthrough: true,
      // Hashed asset names change with their content; index.html itself is never cached.
      setHeaders: (res, path) =>
        res.setHeader(
          "cache-control",
          /[/\\]assets[/\\]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        ),
    }),
  );
  router.get(["/console", "/console/{*splat}"], (req, res) => {
    const index = resolve(dir, "index.html");
    if (/\.[a-z0-9]+$/i.test(req.path) && !req.path.endsWith(".html")) {
      res.status(404).type("text/plain").send("Not found.");
      return;
    }
    if (!existsSync(index)) {
      res.status(503).type("text/plain").send("The console is not built. Run `npm run build`, then restart.");
      return;
    }
    res.setHeader("cache-control", "no-cache");
    res.sendFile(index);
  });
  return router;
}
