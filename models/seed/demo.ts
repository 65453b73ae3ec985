// The deterministic demo seed: fills an empty, migrated database with a vendor selling ERP
// modules through ~200 partners (three years of sales, ~5,000 deals, engagement, incentives),
// with planted partner behaviours for the ML to find. Used at start-up, by `npm run db:seed`
// and by the test database template.
import { hashPassword } from "../auth/password.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { buildDemoDataset } from "./dataset.ts";
import { DEMO_PASSWORD } from "./people.ts";
import { writeDemoDataset, type SeedCounts } from "./write.ts";

export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from "./people.ts";
export { demoArchetypeOf, demoLoginOrgs, demoPartnerPlan, type DemoPartnerPlan } from "./plan.ts";
export type { DemoArchetype } from "./archetypes.ts";
export type { SeedCounts } from "./write.ts";

export type SeedSummary = {
  counts: SeedCounts;
  /** The `now` the demo was built around. */
  now: Date;
  durationMs: number;
};

export type SeedOptions = {
  /** The moment the demo's history ends (default: the current time). */
  now?: Date;
  log?: (msg: string) => void;
};

/** Any key that fits in a bigint; it keeps two processes from seeding the same database at once. */
const SEED_LOCK_KEY = 7_307_455_112;

/** True when the database holds no users and no partner orgs: a fresh install. */
export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [users, orgs] = await Promise.all([db.user.count(), db.partnerOrg.count()]);
  return users === 0 && orgs === 0;
}

/**
 * Seeds the demo into an empty, migrated database, all in one transaction: on any error
 * nothing is written. Throws if the database is not empty. The same `now` gives the same data.
 */
export async function seedDemo(db: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = buildDemoDataset(now, passwordHash);
  log(`demo seed: built ${data.deals.length} deals, ${data.salesRecords.length} sales records and ${data.activities.length} activities in ${Date.now() - started} ms`);

  const counts = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      const [users, orgs] = await Promise.all([tx.user.count(), tx.partnerOrg.count()]);
      if (users > 0 || orgs > 0) throw new Error("seedDemo: the database is not empty; the demo seeds only an empty database");
      return writeDemoDataset(tx, data);
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  const durationMs = Date.now() - started;
  log(`demo seed: wrote ${counts.partnerOrgs} partner orgs, ${counts.users} users, ${counts.deals} deals in ${durationMs} ms`);
  return { counts, now, durationMs };
}
