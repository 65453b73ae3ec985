// Prisma CLI configuration. We only run `prisma generate` / `validate` / `format`, which work
// offline once the CLI is told not to fetch its schema engine (DESIGN.md §8); migrations are
// plain SQL applied by node-pg-migrate (models/db/migrate.ts).
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
if (!existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  throw new Error(`PRISMA_SCHEMA_ENGINE_BINARY points at a missing file: ${process.env.PRISMA_SCHEMA_ENGINE_BINARY}`);
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/channelwise" },
});
