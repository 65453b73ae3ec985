// The ledger's idempotency, proven on two copies of the demo with the same changes: a worker
// killed (SIGKILL) in the middle of its run writes nothing, and its restart leaves exactly the
// ledger one clean run leaves; reruns and retries append nothing; and recomputing partner by
// partner (scoped runs, shared budgets included) leaves the same ledger as one run over everyone.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, dropDatabase } from "../../test/databases.ts";
import { db } from "../db/client.ts";
import { PrismaClient } from "../db/generated/client.ts";
import { accrueIncentives } from "./accrue.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const serverUrl = inject("testServerUrl");
const asOf = new Date();
let cleanUrl: string;
let clean: PrismaClient;

/**
 * The same changes on a database: programmes of every budget kind added (so a run appends
 * hundreds of entries and shared budgets bind), APPROVED deals won at spread-out dates, and a
 * won deal reopened (so a clawback is due). Plain SQL with fixed values: both copies get the same.
 */
async function change(url: string): Promise<void> {
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query(`
      INSERT INTO incentive_program (id, key, version, name, kind, status, rules, currency, budget_cap, effective_from, effective_to) VALUES
        ('00000000-0000-4000-8000-00000000c001', 't-capped-commission', 1, 'Capped commission', 'COMMISSION', 'ACTIVE',
         '{"rateBasisPoints": 300, "ratesByLine": {"HR": 450}}', 'EUR', 5000000, ($1::timestamptz - interval '300 days')::date, NULL),
        ('00000000-0000-4000-8000-00000000c002', 't-spiff', 1, 'Test SPIFF', 'SPIFF', 'ACTIVE',
         jsonb_build_object('from', to_char($1::timestamptz - interval '200 days', 'YYYY-MM-DD'), 'to', to_char($1::timestamptz, 'YYYY-MM-DD'),
                            'bonus', 40000, 'budgetCap', 600000, 'regionCodes', (SELECT jsonb_agg(code) FROM (SELECT code FROM region ORDER BY code LIMIT 3) r)),
         'EUR', NULL, '2020-01-01', NULL),
        ('00000000-0000-4000-8000-00000000c003', 't-first-order', 1, 'Capped first order', 'NEW_PRODUCT_FIRST_ORDER', 'ACTIVE',
         '{"bonus": 30000}', 'EUR', 200000, ($1::timestamptz - interval '400 days')::date, NULL),
        ('00000000-0000-4000-8000-00000000c004', 't-actions', 1, 'Capped actions', 'ACTION_REWARD', 'ACTIVE',
         '{"amounts": {"DEMO": 5000, "CERTIFICATION": 20000}, "monthlyCap": 15000}', 'EUR', 300000, '2020-01-01', NULL)`,
      [asOf],
    );
    await sql.query(
      `UPDATE deal SET status = 'WON', stage = 'CLOSED', closed_amount = amount,
              closed_at = $1::timestamptz - (abs(hashtext(id::text)) % 300) * interval '1 day'
       WHERE id IN (SELECT id FROM deal WHERE status = 'APPROVED' ORDER BY id LIMIT 12)`,
      [asOf],
    );
    await sql.query(`UPDATE deal SET status = 'APPROVED', stage = 'NEGOTIATE', closed_at = NULL, closed_amount = NULL
                     WHERE id = (SELECT id FROM deal WHERE status = 'WON' ORDER BY closed_at DESC, id LIMIT 1)`);
  } finally {
    await sql.end();
  }
}

/** Polls every 20 ms (a run can be mid-way only briefly) until `probe` gives a value. */
async function poll<T>(probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type LedgerRow = Record<string, unknown>;

/** Every entry as content (no ids, no creation time), by idempotency key. */
async function ledgerOf(client: PrismaClient): Promise<LedgerRow[]> {
  return client.$queryRaw<LedgerRow[]>`
    SELECT idempotency_key, partner_org_id::text, program_id::text, kind::text, amount::text, currency, deal_id::text,
           activity_id::text, occurred_at, explanation, explanation_data
    FROM incentive_ledger_entry ORDER BY idempotency_key`;
}

beforeAll(async () => {
  cleanUrl = await createTestDatabase(serverUrl, "demo");
  clean = new PrismaClient({ adapter: new PrismaPg({ connectionString: cleanUrl }) });
  await change(process.env.DATABASE_URL ?? "");
  await change(cleanUrl);
});

afterAll(async () => {
  await clean.$disconnect();
  await dropDatabase(serverUrl, new URL(cleanUrl).pathname.slice(1));
});

describe("accrueIncentives, killed and restarted", () => {
  it("writes nothing when killed mid-run, and its restart leaves the ledger of one clean run", async () => {
    const before = await ledgerOf(db);
    const cleanRun = await accrueIncentives(clean, { asOf });
    expect(cleanRun.appended).toBeGreaterThan(100);
    const expected = await ledgerOf(clean);
    // The clean run's last entry: the crashing run will append the same entries in the same order.
    const [last] = await clean.$queryRaw<{ row: object }[]>`SELECT to_jsonb(e) - 'id' - 'created_at' AS row FROM incentive_ledger_entry e ORDER BY id DESC LIMIT 1`;

    // Another session holds that entry's key, uncommitted: the worker's INSERT reaches it and waits.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const observer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([blocker.connect(), observer.connect()]);
    try {
      await blocker.query("BEGIN");
      await blocker.query(`INSERT INTO incentive_ledger_entry SELECT * FROM jsonb_populate_record(NULL::incentive_ledger_entry, $1::jsonb || jsonb_build_object('id', nextval('incentive_ledger_entry_id_seq'), 'created_at', now()))`, [JSON.stringify(last.row)]);

      const worker = spawn(process.execPath, ["--import", "tsx", "test/accrue-incentives-child.ts", asOf.toISOString()], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => worker.on("exit", (code, signal) => resolve(signal ?? code)));
      // Provably mid-run: it holds the recompute lock, has inserted into the ledger, and waits inside that INSERT.
      const midRun = async () => {
        const { rows } = await observer.query<{ pid: number }>(`
          SELECT a.pid FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.wait_event_type = 'Lock' AND a.query LIKE '%INSERT INTO incentive_ledger_entry%'
            AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted)
            AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.relation = 'incentive_ledger_entry'::regclass AND l.mode = 'RowExclusiveLock' AND l.granted)`);
        return rows[0]?.pid ?? null;
      };
      const backend = await poll(midRun);
      worker.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");

      // Its session ends with it: once the key is free, the INSERT finishes, finds no client and rolls back.
      await blocker.query("ROLLBACK");
      await poll(async () => ((await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend])).rowCount === 0 ? true : null));
    } finally {
      await Promise.all([blocker.end(), observer.end()]);
    }
    expect(await ledgerOf(db)).toEqual(before);

    const restart = await accrueIncentives(db, { asOf });
    expect(restart).toEqual(cleanRun);
    expect(await ledgerOf(db)).toEqual(expected);
  }, 120_000);

  it("appends nothing on a rerun or a retry, over everyone or partner by partner", async () => {
    const expected = await ledgerOf(clean);
    expect(await accrueIncentives(db, { asOf })).toEqual({ appended: 0, total: 0 });
    expect(await accrueIncentives(db, { asOf: new Date(asOf.getTime() + 60_000) })).toEqual({ appended: 0, total: 0 });
    const partners = await db.partnerOrg.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    for (const { id } of partners) expect(await accrueIncentives(db, { asOf, partnerOrgIds: [id] })).toEqual({ appended: 0, total: 0 });
    expect(await ledgerOf(db)).toEqual(expected);
  }, 120_000);
});

describe("accrueIncentives, partner by partner", () => {
  it("leaves the same ledger as one run over everyone, shared budgets included", async () => {
    const [scopedUrl, fullUrl] = await Promise.all([createTestDatabase(serverUrl, "demo"), createTestDatabase(serverUrl, "demo")]);
    const scoped = new PrismaClient({ adapter: new PrismaPg({ connectionString: scopedUrl }) });
    const full = new PrismaClient({ adapter: new PrismaPg({ connectionString: fullUrl }) });
    try {
      // The same history on both: the changes, a run over everyone, then more deals won inside the
      // SPIFF and the caps' windows, some dated before other partners' entries, and a deal reopened.
      for (const [url, client] of [[scopedUrl, scoped], [fullUrl, full]] as const) {
        await change(url);
        await accrueIncentives(client, { asOf });
        await client.$executeRaw`
          UPDATE deal SET status = 'WON', stage = 'CLOSED', closed_amount = amount, closed_at = ${asOf}::timestamptz - (abs(hashtext(id::text)) % 150) * interval '1 day'
          WHERE id IN (SELECT id FROM deal WHERE status = 'APPROVED' ORDER BY id DESC LIMIT 8)`;
        await client.$executeRaw`
          UPDATE deal SET status = 'LOST', closed_amount = NULL
          WHERE id = (SELECT id FROM deal WHERE status = 'WON' AND closed_at > ${asOf}::timestamptz - interval '150 days' ORDER BY id LIMIT 1)`;
      }
      const later = new Date(asOf.getTime() + 60_000);
      const partners = await scoped.partnerOrg.findMany({ select: { id: true }, orderBy: { id: "asc" } });
      let appended = 0;
      for (const { id } of partners) appended += (await accrueIncentives(scoped, { asOf: later, partnerOrgIds: [id] })).appended;
      expect(appended).toBeGreaterThan(0);
      expect((await accrueIncentives(full, { asOf: later })).appended).toBe(appended);
      expect(await ledgerOf(scoped)).toEqual(await ledgerOf(full));
    } finally {
      await Promise.all([scoped.$disconnect(), full.$disconnect()]);
      await Promise.all([scopedUrl, fullUrl].map((url) => dropDatabase(serverUrl, new URL(url).pathname.slice(1))));
    }
  }, 120_000);
});
