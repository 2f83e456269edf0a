// The Express application: security headers, request ids and logs, body limits, routes, errors.
import { randomUUID } from "node:crypto";
import express, { type Express, type Router } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { AppContext } from "../app/context.js";
import { scrubPath } from "../logging/logger.js";
import { errorHandler, notFoundHandler } from "./error-handler.js";
import { rejectHostileText } from "./middleware/hostile-text.js";
import { apiLimiter } from "./middleware/rate-limits.js";
import { authRoutes } from "./routes/auth-routes.js";
import { caseRoutes } from "./routes/case-routes.js";
import { healthRoutes } from "./routes/health-routes.js";

export interface HttpOptions {
  readonly loginLimit?: number;
  readonly apiLimit?: number;
  /** Extra routers mounted before the 404 handler (debtor pages, console, static assets). */
  readonly extraRoutes?: Router[];
  /** Routers that read the raw request body themselves (signed webhooks), mounted before the JSON parser. */
  readonly rawBodyRoutes?: Router[];
}

/** 100 KB is ample for a case with 100 invoices; larger bodies answer 413. */
export const BODY_LIMIT = "100kb";

export function createHttpApp(ctx: AppContext, options: HttpOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  // A hop count, never `true`: only the addresses our own proxies appended are believed.
  app.set("trust proxy", ctx.env.TRUST_PROXY);
  app.set("query parser", "simple");

  app.use(
    pinoHttp({
      logger: ctx.log,
      genReqId: (req, res) => {
        const incoming = req.headers["x-request-id"];
        const id = typeof incoming === "string" && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader("x-request-id", id);
        return id;
      },
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: scrubPath(String(req.url)) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "frame-ancestors": ["'self'"],
        },
      },
      referrerPolicy: { policy: "no-referrer" },
    }),
  );
  app.use(healthRoutes(ctx));
  app.use("/api", apiLimiter(options.apiLimit));
  // Path and query first, for the raw-body routes (webhooks) too; the JSON body once it is parsed.
  app.use(rejectHostileText);
  for (const router of options.rawBodyRoutes ?? []) app.use(router);
  app.use(
    express.json({ limit: BODY_LIMIT, strict: true, type: ["application/json", "application/*+json"] }),
  );
  app.use(rejectHostileText);
  app.use(authRoutes(ctx, { ...(options.loginLimit ? { loginLimit: options.loginLimit } : {}) }));
  // Extra routers first: the console serves GET /api/cases (with its filters) and /api/cases/export.csv,
  // which /api/cases/:id would otherwise catch.
  for (const router of options.extraRoutes ?? []) app.use(router);
  app.use(caseRoutes(ctx));
  app.use("/api", notFoundHandler);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
