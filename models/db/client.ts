// The one Prisma client of this process, over node-postgres through the driver adapter
// (Prisma 7). It reads DATABASE_URL on first use, so the start-up code (or a test) can
// start a database and set the URL before anything queries.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

let client: PrismaClient | undefined;

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the database before querying");
  return url;
}

/** The shared client; created on first use. */
export function getDb(): PrismaClient {
  client ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: connectionString(), max: 10 }),
  });
  return client;
}

/** Closes the shared client's pool (shutdown, end of a test file). */
export async function closeDb(): Promise<void> {
  const c = client;
  client = undefined;
  await c?.$disconnect();
}

/** Proxy so call sites read `db.deal.findMany(...)` while creation stays lazy. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const target = getDb() as unknown as Record<PropertyKey, unknown>;
    const value = target[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  },
});
