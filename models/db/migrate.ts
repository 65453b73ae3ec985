// Applies the SQL migrations in prisma/migrations with node-pg-migrate (never `prisma migrate`,
// which needs an engine an offline machine cannot download). Safe to run from several
// processes at once: node-pg-migrate holds an advisory lock while it works.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export async function migrateDatabase(databaseUrl: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: migrationsDir,
    direction: "up",
    migrationsTable: "pgmigrations",
    checkOrder: true,
    singleTransaction: true,
    log,
    logger: { debug: () => {}, info: log, warn: log, error: log },
  });
  return applied.map((m) => m.name);
}
