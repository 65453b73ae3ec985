// Direct read access to the e2e server's embedded database, so tests can compare what the
// pages show with independent SQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export async function queryE2eDb<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const password = readFileSync(path.join(".data/e2e", "postgres.password"), "utf8").trim();
  const client = new pg.Client({ host: "127.0.0.1", port: Number(process.env.E2E_PG_PORT ?? 54397), user: "postgres", password, database: "channelwise" });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
