// Vitest global setup: one real PostgreSQL for the whole run (embedded unless DATABASE_URL is
// given), with two template databases — migrated and empty, migrated and seeded with the demo.
// Each test file then gets its own copy (test/setup-db.ts), so files never share rows.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { dropDatabase, serverUrlOf, TEMPLATE_DEMO, TEMPLATE_EMPTY, withDatabaseUrl } from "./databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = serverUrlOf(process.env.DATABASE_URL);
  } else {
    const dir = await mkdtemp(path.join(os.tmpdir(), "channelwise-test-"));
    const embedded = await startEmbeddedPostgres({ dataDir: dir });
    serverUrl = embedded.serverUrl;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }

  for (const name of [TEMPLATE_EMPTY, TEMPLATE_DEMO]) await dropDatabase(serverUrl, name);
  await ensureDatabase(serverUrl, TEMPLATE_EMPTY);
  await migrateDatabase(withDatabaseUrl(serverUrl, TEMPLATE_EMPTY));
  await ensureDatabase(serverUrl, TEMPLATE_DEMO, TEMPLATE_EMPTY);
  await seedTemplate(withDatabaseUrl(serverUrl, TEMPLATE_DEMO));

  project.provide("testServerUrl", serverUrl);
  return async () => {
    for (const name of [TEMPLATE_EMPTY, TEMPLATE_DEMO]) await dropDatabase(serverUrl, name);
    await stop();
  };
}

async function seedTemplate(url: string) {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  const { seedDemo } = await import("../models/seed/demo.ts");
  const { closeDb, db } = await import("../models/db/client.ts");
  try {
    await seedDemo(db);
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
