// `npm start`: one process with the portal, the job worker and (without DATABASE_URL) an
// embedded PostgreSQL. `--web-only` and `--worker-only` run one side, for scaling out;
// `--dev` serves through Vite with hot reload. Ctrl-C stops web, worker and database in order.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { ServerBuild } from "react-router";
import { EmbeddedPostgresError, ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { EnvError, type Env, parseEnv } from "../models/env.ts";
import { createLogger, type Logger } from "../models/log.ts";
import { buildWebApp, isBuildCurrent, projectRoot } from "./build.ts";
import { createReadiness } from "./readiness.ts";

type Mode = { web: boolean; worker: boolean; dev: boolean };

class StartupError extends Error {}

function parseMode(argv: string[]): Mode {
  const dev = argv.includes("--dev");
  if (argv.includes("--web-only")) return { web: true, worker: false, dev };
  if (argv.includes("--worker-only")) return { web: false, worker: true, dev };
  return { web: true, worker: true, dev };
}

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use: stop the other server or set PORT to a free port.`
            : `Cannot listen on ${host}:${port} (${error.code ?? error.message}): check HOST and PORT.`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}${u.pathname}`;
      } catch {
        return "DATABASE_URL";
      }
    })();
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    throw new StartupError(`Cannot reach the database at ${where} (${reason}): check DATABASE_URL and that PostgreSQL is running.`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Development installs get a session secret kept in DATA_DIR, so sessions survive restarts. */
async function ensureSessionSecret(env: Env): Promise<void> {
  if (env.SESSION_SECRET) return;
  const file = path.join(path.resolve(env.DATA_DIR), "session-secret");
  await mkdir(path.dirname(file), { recursive: true });
  if (!existsSync(file)) await writeFile(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  process.env.SESSION_SECRET = (await readFile(file, "utf8")).trim();
}

/** Seeds the demo on an empty database; an advisory lock keeps two starting processes from both seeding. */
async function seedIfEmpty(url: string, log: Logger): Promise<boolean> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock(hashtext('channelwise:seed'))");
    const { db } = await import("../models/db/client.ts");
    const { isDatabaseEmpty, seedDemo } = await import("../models/seed/demo.ts");
    if (!(await isDatabaseEmpty(db))) return false;
    const started = Date.now();
    log.info("empty database: seeding the demo data…");
    await seedDemo(db, { log: log.debug });
    log.info(`demo data seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    await lock.end().catch(() => {});
  }
}

async function main() {
  const mode = parseMode(process.argv.slice(2));
  const env = parseEnv();
  const log = createLogger(env.LOG_LEVEL);
  const stops: Array<[string, () => Promise<unknown>]> = [];

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping…`);
    for (const [name, stop] of stops.reverse()) {
      try {
        await stop();
        log.info(`${name} stopped`);
      } catch (error) {
        log.warn(`${name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    process.exit(0);
  };
  process.on("unhandledRejection", (reason) => {
    log.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  if (mode.web) await assertPortFree(env.HOST, env.PORT);
  await ensureSessionSecret(env);

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    log.info(`starting the embedded PostgreSQL in ${path.resolve(env.DATA_DIR, "postgres")}…`);
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, log: log.debug });
    stops.push(["embedded PostgreSQL", () => embedded.stop()]);
    await ensureDatabase(embedded.serverUrl, "channelwise");
    databaseUrl = embedded.urlFor("channelwise");
    process.env.DATABASE_URL = databaseUrl;
  } else {
    await assertDatabaseReachable(databaseUrl);
  }

  const applied = await migrateDatabase(databaseUrl, log.debug);
  if (applied.length) log.info(`applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const seeded = env.SEED_DEMO === "auto" ? await seedIfEmpty(databaseUrl, log) : false;

  const { closeDb } = await import("../models/db/client.ts");
  stops.push(["database pool", closeDb]);

  let workerRunning: boolean | null = null;
  const { setJobQueue } = await import("../models/services.ts");
  const { startJobs } = await import("../jobs/worker.ts");
  const jobs = await startJobs({
    connectionString: databaseUrl,
    work: mode.worker,
    schedule: mode.worker && env.JOBS_SCHEDULE,
    // PostgreSQL ends its connections when it is stopped (Ctrl-C reaches it too): expected, not an error.
    log: (message, level = "info") => log[/administrator command/.test(message) ? "debug" : level](`[jobs] ${message}`),
  });
  setJobQueue(jobs.boss);
  if (mode.worker) workerRunning = true;
  stops.push(["job worker", async () => {
    workerRunning = false;
    setJobQueue(undefined);
    await jobs.stop();
  }]);

  if (!mode.web) {
    log.info("worker running (no web server in this process)");
    return;
  }

  const readiness = createReadiness(databaseUrl, () => workerRunning);
  stops.push(["readiness probe", readiness.close]);
  const { createWebApp } = await import("./web.ts");
  let app: ReturnType<typeof createWebApp>;
  let closeBundleDb = async () => {};
  if (mode.dev) {
    const { createServer } = await import("vite");
    const vite = await createServer({ root: projectRoot, server: { middlewareMode: true }, appType: "custom" });
    stops.push(["vite", () => vite.close()]);
    app = createWebApp({ mode: "development", trustProxy: false, readiness: readiness.check, log, vite });
  } else {
    if (!(await isBuildCurrent())) {
      log.info("building the web app (first start or changed sources)…");
      await buildWebApp(log.info);
    }
    const build = (await import(pathToFileURL(path.join(projectRoot, "build", "server", "index.js")).href)) as ServerBuild;
    const entry = build.entry.module as unknown as { closeDb?: () => Promise<void> };
    closeBundleDb = entry.closeDb ?? closeBundleDb;
    app = createWebApp({ mode: "production", trustProxy: env.TRUST_PROXY, readiness: readiness.check, log, build });
  }
  stops.push(["web app database pool", () => closeBundleDb()]);

  const server = app.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new StartupError(error.code === "EADDRINUSE" ? `Port ${env.PORT} on ${env.HOST} is already in use: stop the other server or set PORT.` : error.message)),
    );
  });
  stops.push(["web server", () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5000).unref();
  })]);

  const url = env.APP_URL ?? `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
  await printBanner(url, seeded, log);
}

async function printBanner(url: string, seeded: boolean, log: Logger) {
  const { db } = await import("../models/db/client.ts");
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import("../models/seed/demo.ts");
  const present = await db.user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } }, select: { email: true } });
  const lines = [`Channelwise is ready at ${url}`];
  if (present.length > 0) {
    lines.push(seeded ? "Demo data seeded. Demo logins (password: " + DEMO_PASSWORD + "):" : "Demo logins (password: " + DEMO_PASSWORD + "):");
    for (const login of DEMO_LOGINS) {
      if (present.some((p) => p.email === login.email)) lines.push(`  ${login.email.padEnd(24)} ${login.description}`);
    }
  }
  lines.push("Press Ctrl-C to stop.");
  log.info(lines.join("\n"));
}

main().catch((error: unknown) => {
  const message = error instanceof EnvError || error instanceof StartupError || error instanceof EmbeddedPostgresError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`Channelwise could not start: ${message}\n`);
  process.exit(1);
});
