// The web entry point: an Express app that serves the React Router portal and the JSON API,
// with security headers, a same-origin check on every state-changing request, and the
// /healthz and /readyz probes.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { RouterContextProvider, ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import type { Logger } from "../models/log.ts";
import { projectRoot } from "./build.ts";
import type { Readiness } from "./readiness.ts";

type EntryModule = {
  createLoadContext(info: { ip: string; cspNonce: string }): RouterContextProvider;
};

export type WebOptions = {
  mode: "production" | "development";
  trustProxy: boolean;
  readiness: Readiness;
  log: Logger;
  /** Production: the built server bundle. Development: a Vite dev server. */
  build?: ServerBuild;
  vite?: ViteDevServer;
};

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses a state-changing request whose Origin (or, failing that, Sec-Fetch-Site) shows it
 * came from another site. SameSite=Lax cookies already stop most cross-site posts; this also
 * covers the JSON API, which React Router's own check does not. Requests that authenticate with
 * an API key and carry no cookie are not a CSRF risk and pass.
 */
export function sameOriginOnly(req: Request, res: Response, next: NextFunction) {
  if (!unsafeMethods.has(req.method)) return next();
  // A bearer key without cookies cannot be forged by another site: nothing ambient to ride on.
  if (/^Bearer\s/i.test(req.get("authorization") ?? "") && !req.get("cookie")) return next();
  const origin = req.get("origin");
  const fetchSite = req.get("sec-fetch-site");
  let crossSite = fetchSite === "cross-site";
  if (origin && origin !== "null") {
    try {
      crossSite = new URL(origin).host !== req.get("host");
    } catch {
      crossSite = true;
    }
  } else if (origin === "null") {
    // A privacy-minded referrer policy makes some browsers send "null" even for a same-origin
    // form post; their Sec-Fetch-Site still tells the truth, and without it we refuse.
    crossSite = fetchSite !== "same-origin";
  }
  if (!crossSite) return next();
  res.status(403).json({ error: { code: "cross_origin_refused", message: "Cross-site requests may not change data." } });
}

export function createWebApp(options: WebOptions) {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy);

  app.get("/healthz", (_req, res) => {
    res.status(200).json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const result = await options.readiness();
    res.status(result.ready ? 200 : 503).json(result);
  });

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  if (options.mode === "production") {
    app.use(
      helmet({
        contentSecurityPolicy: {
          directives: {
            "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
            "style-src": ["'self'", "'unsafe-inline'"],
            "img-src": ["'self'", "data:"],
            "connect-src": ["'self'"],
            "upgrade-insecure-requests": null,
          },
        },
        strictTransportSecurity: false,
        // Chromium sends `Origin: null` on a form post under helmet's default no-referrer, which
        // would make a form submitted before hydration look cross-site; same-origin keeps the
        // referrer off every other site.
        referrerPolicy: { policy: "same-origin" },
      }),
    );
  } else {
    app.use(helmet({ contentSecurityPolicy: false, strictTransportSecurity: false, referrerPolicy: { policy: "same-origin" } }));
  }
  app.use(sameOriginOnly);

  let getEntry: () => Promise<EntryModule>;
  let handler: ReturnType<typeof createRequestHandler>;
  if (options.vite) {
    const vite = options.vite;
    const load = () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
    app.use(vite.middlewares);
    getEntry = async () => (await load()).entry.module as unknown as EntryModule;
    handler = createRequestHandler({ build: load, getLoadContext, mode: "development" });
  } else if (options.build) {
    const build = options.build;
    const client = path.join(projectRoot, "build", "client");
    app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h", index: false }));
    getEntry = async () => build.entry.module as unknown as EntryModule;
    handler = createRequestHandler({ build, getLoadContext, mode: "production" });
  } else {
    throw new Error("createWebApp needs a build or a Vite dev server");
  }

  async function getLoadContext(req: Request, res: Response): Promise<RouterContextProvider> {
    const entry = await getEntry();
    return entry.createLoadContext({ ip: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: String(res.locals.cspNonce) });
  }

  app.all("/{*path}", handler);
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    options.log.error(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) res.status(500).type("text/plain").send("Internal Server Error");
  });
  return app;
}
