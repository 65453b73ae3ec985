// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (or to the embedded
// database in DATA_DIR when DATABASE_URL is unset).
import { ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { parseEnv } from "../models/env.ts";

try {
  const env = parseEnv();
  let url = env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT });
    stop = embedded.stop;
    await ensureDatabase(embedded.serverUrl, "channelwise");
    url = embedded.urlFor("channelwise");
  }
  try {
    const applied = await migrateDatabase(url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await stop();
  }
} catch (error) {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
