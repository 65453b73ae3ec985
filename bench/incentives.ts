// bench/incentives: the incentive ledger at scale, in a throwaway embedded PostgreSQL — a full
// recompute from an empty ledger (and a second one that must append nothing), the incremental
// accrual of one newly won deal, and the simulator over 12 months. The data is built with
// set-based inserts: partners over five regions, products in lines (some new), ~3 years of deals
// with a realistic status mix, activities, ERP sales, a segment run, regional targets, and an
// ACTIVE programme of every kind (plus an archived commission version). Prints each figure next
// to its budget; a missed budget says MISSED but does not fail the run (errors do).
// Run: npx tsx bench/incentives.ts [--partners=10000] [--deals=1000000] [--incremental=30]
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { PrismaClient } from "../models/db/generated/client.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { accrueIncentives } from "../models/incentives/accrue.ts";
import { REGION_TARGETS_SETTING } from "../models/incentives/region-targets.ts";
import { simulateProgram } from "../models/incentives/simulate.ts";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const PARTNERS = arg("partners", 10_000);
const DEALS = arg("deals", 1_000_000);
const INCREMENTAL = arg("incremental", 30);
const CUSTOMERS = Math.max(1_000, Math.round(DEALS / 5));
const ACTIVITIES = DEALS / 2;
const SALES = Math.round(DEALS / 4);
const budgets = { fullMs: 60_000, incrementalMs: 50, simulatorMs: 10_000 };

const REGIONS = ["NORDICS", "DACH", "UKI", "FRANCE", "IBERIA"] as const;
const LINES = ["Finance", "HR", "Analytics", "Supply", "CRM"] as const;
const PRODUCTS = 40;
const NEW_SKUS = ["PX-037", "PX-038", "PX-039", "PX-040"];
const DAY_MS = 86_400_000;

async function generate(sql: pg.Client, now: Date): Promise<void> {
  await sql.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '128MB'; SELECT setseed(0.2026)");
  await sql.query(`INSERT INTO region (code, name) SELECT code, initcap(code) FROM unnest($1::text[]) code`, [REGIONS]);
  await sql.query(
    `INSERT INTO product (sku, name, line, is_new, list_price)
     SELECT 'PX-' || lpad(g::text, 3, '0'), 'Module ' || g, ($1::text[])[1 + g % 5], g > ${PRODUCTS - NEW_SKUS.length}, 1000000
     FROM generate_series(1, ${PRODUCTS}) g`,
    [LINES],
  );
  // Regions of unequal size, tiers skewed towards the bottom.
  await sql.query(
    `INSERT INTO partner_org (name, region_code, country, tier)
     SELECT 'Bench Partner ' || g, ($1::text[])[1 + (g * 7 % 10) / 3], 'DE',
            (ARRAY['REGISTERED','REGISTERED','SILVER','SILVER','GOLD','PLATINUM'])[1 + g % 6]::partner_tier
     FROM generate_series(1, ${PARTNERS}) g`,
    [REGIONS.slice(0, 4)],
  );
  await sql.query(`UPDATE partner_org SET region_code = 'IBERIA' WHERE abs(hashtext(id::text)) % 10 = 0`);
  await sql.query(
    `INSERT INTO customer (name, normalized_name, country, industry)
     SELECT 'Customer ' || g, 'customer ' || g, 'DE', (ARRAY['Manufacturing','Retail','Healthcare','Finance','Public sector','Energy'])[1 + g % 6]
     FROM generate_series(1, ${CUSTOMERS}) g`,
  );
  await sql.query(`CREATE TEMP TABLE cidx AS SELECT (row_number() OVER ())::int AS n, id FROM customer; ALTER TABLE cidx ADD PRIMARY KEY (n)`);
  await sql.query(`CREATE TEMP TABLE pidx AS SELECT (row_number() OVER ())::int AS n, id FROM partner_org; ALTER TABLE pidx ADD PRIMARY KEY (n)`);
  // ~3 years of deals; partners' activity is skewed (some register many deals). Recent deals are
  // still open; older ones are mostly decided. A won deal closes between submission and now.
  // Inserted oldest first, as a real table grows: rows of the same months share pages.
  await sql.query(
    `INSERT INTO deal (partner_org_id, customer_id, title, amount, currency, expected_close_date, stage, status, submitted_at,
                       decided_at, protection_expires_at, closed_at, closed_amount)
     SELECT p.id, c.id, 'Bench deal ' || s.g, s.amount, s.currency, (s.submitted_at + interval '120 days')::date,
            CASE WHEN s.status IN ('WON', 'LOST') THEN 'CLOSED' ELSE 'DEVELOP' END::deal_stage, s.status::deal_status, s.submitted_at,
            CASE WHEN s.status <> 'SUBMITTED' THEN s.submitted_at + interval '2 days' END,
            CASE WHEN s.status <> 'SUBMITTED' THEN s.submitted_at + interval '92 days' END,
            CASE WHEN s.status IN ('WON', 'LOST') THEN s.submitted_at + s.age_days * (0.2 + 0.7 * s.r2) * interval '1 day' END,
            CASE WHEN s.status = 'WON' THEN (s.amount * (0.8 + 0.3 * s.r2))::bigint END
     FROM (
       SELECT g, age_days, r2, 1 + floor(random() * ${CUSTOMERS})::int AS cn, 1 + floor(power(random(), 1.5) * ${PARTNERS})::int AS pn,
              (200000 + floor(power(random(), 2) * 500) * 20000)::bigint AS amount,
              CASE WHEN random() < 0.04 THEN 'USD' ELSE 'EUR' END AS currency,
              $1::timestamptz - age_days * interval '1 day' AS submitted_at,
              CASE WHEN age_days < 2 THEN 'SUBMITTED'
                   WHEN age_days < 120 THEN CASE WHEN r < 0.55 THEN 'APPROVED' WHEN r < 0.65 THEN 'REJECTED' WHEN r < 0.85 THEN 'WON' ELSE 'LOST' END
                   ELSE CASE WHEN r < 0.35 THEN 'WON' WHEN r < 0.65 THEN 'LOST' WHEN r < 0.85 THEN 'EXPIRED' ELSE 'REJECTED' END
              END AS status
       FROM (SELECT g, random() * 1095 AS age_days, random() AS r, random() AS r2 FROM generate_series(1, ${DEALS}) g) raw
     ) s
     JOIN cidx c ON c.n = s.cn
     JOIN pidx p ON p.n = s.pn
     ORDER BY s.submitted_at`,
    [now],
  );
  // One to three products per deal; the new products only in the last year's deals.
  await sql.query(`
    INSERT INTO deal_product (deal_id, product_id)
    SELECT DISTINCT d.id, pr.id
    FROM (SELECT id, abs(hashtext(id::text)) AS h, submitted_at > $1::timestamptz - interval '1 year' AS recent FROM deal) d
    CROSS JOIN LATERAL generate_series(0, d.h % 3) k
    JOIN (SELECT (row_number() OVER (ORDER BY sku))::int - 1 AS n, id FROM product) pr
      ON pr.n = CASE WHEN d.recent AND (d.h / 7 + k) % 9 = 0 THEN ${PRODUCTS - NEW_SKUS.length} + (d.h / 11 + k) % ${NEW_SKUS.length}
                     ELSE (d.h / 3 + k * 7) % ${PRODUCTS - NEW_SKUS.length} END`,
    [now]);
  await sql.query(
    `INSERT INTO activity (partner_org_id, kind, occurred_at)
     SELECT p.id, (ARRAY['LOGIN','LOGIN','LOGIN','LOGIN','LOGIN','TRAINING','TRAINING','DEMO','DEMO','SOLUTION_SUBMITTED','CERTIFICATION','MARKETING_EVENT'])[1 + floor(random() * 12)::int]::activity_kind,
            $1::timestamptz - random() * 1095 * interval '1 day'
     -- random() in a subquery's output, so each row draws its partner once (never inside a join condition)
     FROM (SELECT 1 + floor(power(random(), 1.5) * ${PARTNERS})::int AS pn FROM generate_series(1, ${ACTIVITIES}) g) s JOIN pidx p ON p.n = s.pn
     ORDER BY 3`,
    [now],
  );
  await sql.query(
    `INSERT INTO sales_record (partner_org_id, region_code, product_id, sold_on, amount, currency)
     SELECT p.id, p.region_code, pr.id, ($1::timestamptz - random() * 1095 * interval '1 day')::date, (10000 + floor(random() * 1000) * 5000)::bigint, 'EUR'
     FROM (SELECT 1 + floor(power(random(), 1.5) * ${PARTNERS})::int AS pn, 1 + floor(random() * ${PRODUCTS})::int AS prn FROM generate_series(1, ${SALES}) g) s
     JOIN pidx x ON x.n = s.pn
     JOIN partner_org p ON p.id = x.id
     JOIN (SELECT (row_number() OVER (ORDER BY sku))::int AS n, id FROM product) pr ON pr.n = s.prn`,
    [now],
  );
  const { rows: [run] } = await sql.query<{ id: string }>(
    `INSERT INTO segment_run (status, finished_at, k) VALUES ('SUCCEEDED', $1::timestamptz - interval '1 day', 4) RETURNING id`,
    [now],
  );
  await sql.query(
    `INSERT INTO partner_score (run_id, partner_org_id, segment_index, segment_label, distance)
     SELECT $1, id, i, (ARRAY['Champions','Rising stars','Steady','At risk'])[1 + i], random()
     FROM (SELECT id, abs(hashtext(id::text || 'segment')) % 4 AS i FROM partner_org) p`,
    [run.id],
  );
  const targets = [
    { regionCode: "NORDICS", targetAmount: 5_000_000_000, forecastAmount: null, managerGapBasisPoints: 1_500 },
    { regionCode: "DACH", targetAmount: 9_000_000_000, forecastAmount: 8_100_000_000, managerGapBasisPoints: null },
    { regionCode: "UKI", targetAmount: 6_000_000_000, forecastAmount: 6_500_000_000, managerGapBasisPoints: null },
  ];
  await sql.query(`INSERT INTO setting (key, value) VALUES ($1, $2::jsonb)`, [REGION_TARGETS_SETTING, JSON.stringify(targets)]);
  await insertPrograms(sql, now);
}

const day = (at: Date) => at.toISOString().slice(0, 10);

async function insertPrograms(sql: pg.Client, now: Date): Promise<void> {
  const ago = (days: number) => day(new Date(now.getTime() - days * DAY_MS));
  const switchedOn = ago(540);
  const programs: [string, number, string, string, string, object, number | null, string, string | null][] = [
    ["won-deal-commission", 1, "Commission on won deals", "COMMISSION", "ARCHIVED", { rateBasisPoints: 400, ratesByLine: { Analytics: 600 } }, null, ago(1100), ago(541)],
    ["won-deal-commission", 2, "Commission on won deals", "COMMISSION", "ACTIVE", { rateBasisPoints: 500, ratesByLine: { HR: 700, Analytics: 800 } }, null, switchedOn, null],
    [
      "quarterly-volume-rebate", 1, "Quarterly volume rebate", "TIERED_REBATE", "ACTIVE",
      {
        period: "QUARTER", base: "WON_DEAL_AMOUNT", mode: "MARGINAL",
        tiers: [{ fromAmount: 0, rateBasisPoints: 100 }, { fromAmount: 50_000_000, rateBasisPoints: 200 }, { fromAmount: 200_000_000, rateBasisPoints: 300 }],
        accelerators: [{ productSkus: NEW_SKUS, extraBasisPoints: 150, reason: "the new product family" }],
      },
      null, ago(1100), null,
    ],
    ["autumn-spiff", 1, "Autumn SPIFF", "SPIFF", "ACTIVE", { from: ago(45), to: ago(-45), bonus: 25_000, regionCodes: ["NORDICS", "DACH"], budgetCap: 30_000_000 }, null, ago(45), ago(-45)],
    ["new-product-first-order", 1, "First order of a new product", "NEW_PRODUCT_FIRST_ORDER", "ACTIVE", { bonus: 50_000 }, null, ago(365), null],
    ["action-rewards", 1, "Action rewards", "ACTION_REWARD", "ACTIVE", { amounts: { DEMO: 5_000, SOLUTION_SUBMITTED: 10_000, CERTIFICATION: 20_000 }, monthlyCap: 25_000 }, null, ago(730), null],
    ["regional-boost", 1, "Regional boost", "REGIONAL_BOOST", "ACTIVE", { rateBasisPoints: 100, maxMultiplierBasisPoints: 15_000, multiplierBasisPointsByRegion: { IBERIA: 12_000 } }, null, ago(365), null],
    ["segment-accelerator", 1, "Champions accelerator", "SEGMENT_ACCELERATOR", "ACTIVE", { segments: ["Champions", "Rising stars"], extraBasisPoints: 100 }, null, ago(365), null],
  ];
  for (const [key, version, name, kind, status, rules, budgetCap, from, to] of programs) {
    await sql.query(
      `INSERT INTO incentive_program (key, version, name, kind, status, rules, budget_cap, effective_from, effective_to, activated_at)
       VALUES ($1, $2, $3, $4::program_kind, $5::program_status, $6::jsonb, $7, $8::date, $9::date, $10)`,
      [key, version, name, kind, status, JSON.stringify(rules), budgetCap, from, to, now],
    );
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const verdict = (value: number, budget: number, label: string) => (value <= budget ? `budget ${label}   within budget` : `budget ${label}   MISSED`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "channelwise-bench-incentives-"));
  console.log(`bench/incentives: ${PARTNERS.toLocaleString("en")} partners, ${DEALS.toLocaleString("en")} deals (data in ${dir})`);
  const server = await startEmbeddedPostgres({ dataDir: dir });
  const url = server.urlFor("bench");
  const sql = new pg.Client({ connectionString: url });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  const now = new Date();
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    await ensureDatabase(server.serverUrl, "bench");
    await migrateDatabase(url);
    await sql.connect();
    const [, generateMs] = await timed(async () => {
      await generate(sql, now);
      await sql.query("VACUUM ANALYZE");
    });
    const { rows: [counts] } = await sql.query<Record<string, string>>(`
      SELECT (SELECT count(*) FROM deal) AS deals, (SELECT count(*) FROM deal WHERE status = 'WON') AS won,
             (SELECT count(*) FROM deal_product) AS deal_products, (SELECT count(*) FROM activity) AS activities,
             (SELECT count(*) FROM sales_record) AS sales, (SELECT count(*) FROM incentive_program) AS programs`);
    console.log(`  data generated in ${seconds(generateMs)}: ${Object.entries(counts).map(([k, v]) => `${Number(v).toLocaleString("en")} ${k.replace("_", " ")}`).join(", ")}`);

    const [first, fullMs] = await timed(() => accrueIncentives(db, { asOf: now }));
    say(`full recompute (empty ledger)   ${seconds(fullMs).padStart(8)}   ${first.appended.toLocaleString("en")} entries   ${verdict(fullMs, budgets.fullMs, "≤ 60 s")}`);
    const [second, secondMs] = await timed(() => accrueIncentives(db, { asOf: now }));
    say(`full recompute again            ${seconds(secondMs).padStart(8)}   ${second.appended.toLocaleString("en")} entries appended ${second.appended === 0 ? "(none, as it must)" : "— WRONG: a rerun must append nothing"}   ${verdict(secondMs, budgets.fullMs, "≤ 60 s")}`);
    if (second.appended !== 0) process.exitCode = 1;

    // Incremental: one APPROVED deal won now (by a partner each time), then that partner's run.
    const { rows: picks } = await sql.query<{ id: string; partner_org_id: string }>(
      `SELECT DISTINCT ON (partner_org_id) id, partner_org_id FROM deal WHERE status = 'APPROVED' ORDER BY partner_org_id, id LIMIT ${INCREMENTAL + 3}`,
    );
    const incrementalMs: number[] = [];
    let accrued = 0;
    for (const [index, pick] of picks.entries()) {
      const closedAt = new Date(now.getTime() + (index + 1) * 1_000);
      await sql.query(`UPDATE deal SET status = 'WON', stage = 'CLOSED', closed_at = $2, closed_amount = amount WHERE id = $1`, [pick.id, closedAt]);
      const [result, ms] = await timed(() => accrueIncentives(db, { partnerOrgIds: [pick.partner_org_id], asOf: new Date(closedAt.getTime() + 500) }));
      if (index >= 3) incrementalMs.push(ms); // the first few warm up the connection pool and plans
      accrued += result.appended;
    }
    const sorted = [...incrementalMs].sort((a, b) => a - b);
    const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
    say(`incremental (one won deal)      p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   n=${sorted.length}, ${accrued} entries   ${verdict(p95, budgets.incrementalMs, "p95 ≤ 50 ms")}`);
    const lastAsOf = new Date(now.getTime() + (picks.length + 1) * 1_000);
    const [check, checkMs] = await timed(() => accrueIncentives(db, { asOf: lastAsOf }));
    say(`full run after the incremental  ${seconds(checkMs).padStart(8)}   ${check.appended} entries appended ${check.appended === 0 ? "(scoped runs left what a full run would)" : "— WRONG: scoped runs differ from a full run"}`);
    if (check.appended !== 0) process.exitCode = 1;

    const { rows: [draft] } = await sql.query<{ id: string }>(
      `INSERT INTO incentive_program (key, version, name, kind, status, rules, currency, budget_cap, effective_from, effective_to)
       SELECT key, 3, name || ' (draft)', kind, 'DRAFT', jsonb_set(rules, '{rateBasisPoints}', '600'), currency, budget_cap, $1::date, NULL
       FROM incentive_program WHERE key = 'won-deal-commission' AND version = 2 RETURNING id`,
      [day(now)],
    );
    const [, simulateMs] = await timed(() => simulateProgram(db, draft.id, { months: 12, asOf: now }));
    say(`simulator (12 months)           ${seconds(simulateMs).padStart(8)}   ${verdict(simulateMs, budgets.simulatorMs, "≤ 10 s")}`);
    console.log(JSON.stringify({ bench: "incentives", partners: PARTNERS, deals: DEALS, fullMs, secondMs, incrementalP50Ms: p50, incrementalP95Ms: p95, entries: first.appended }));
  } finally {
    await db.$disconnect();
    await sql.end().catch(() => {});
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
