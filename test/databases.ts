// Helpers for the per-file test databases cloned from the templates of test/global-setup.ts.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureDatabase } from "../models/db/embedded.ts";

export const TEMPLATE_EMPTY = "cw_template_empty";
export const TEMPLATE_DEMO = "cw_template_demo";

export function withDatabaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The URL of the maintenance database on the same server as `url`. */
export function serverUrlOf(url: string): string {
  return withDatabaseUrl(url, "postgres");
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A new database copied from a template; returns its URL. */
export async function createTestDatabase(serverUrl: string, template: "empty" | "demo"): Promise<string> {
  const name = `cw_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(serverUrl, name, template === "demo" ? TEMPLATE_DEMO : TEMPLATE_EMPTY);
  return withDatabaseUrl(serverUrl, name);
}
