// bench/deal-conflicts: p50/p95 of the deal-conflict check and of a whole registration on
// 1,000,000 deals over ~300,000 customers, in a throwaway embedded PostgreSQL. Customers are
// coined names in 20 countries (set-based inserts), deals come from generate_series with a
// realistic status mix (~7 % active); queries mix exact, near-duplicate, domain-only and new
// names. Prints each figure next to its budget (conflict check p95 ≤ 50 ms) and cleans up.
// Run: npx tsx bench/deal-conflicts.ts [--deals=1000000] [--customers=300000] [--explain=25]
// (--explain=N prints the plan of every conflict check slower than N ms, via auto_explain).
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SessionUser } from "../models/auth/users.ts";
import { ensureDatabase, startEmbeddedPostgres } from "../models/db/embedded.ts";
import { PrismaClient } from "../models/db/generated/client.ts";
import { migrateDatabase } from "../models/db/migrate.ts";
import { findDealConflicts } from "../models/deals/conflicts.ts";
import { normalizeCompanyName } from "../models/deals/customer-names.ts";
import { registerDeal } from "../models/deals/registration.ts";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const DEALS = arg("deals", 1_000_000);
const CUSTOMERS = arg("customers", 300_000);
const PARTNERS = 10_000;
const PRODUCTS = 40;
const CHECKS = 600;
const REGISTRATIONS = 250;
const EXPLAIN_MS = arg("explain", 0);
const budgets = { checkP95Ms: 50 };

/** A small seeded generator, so every run builds the same data. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20260115);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

// Country, weight, top-level domain, legal forms, trade words in the country's language.
const COUNTRIES: readonly (readonly [string, number, string, readonly string[], readonly string[]])[] = [
  ["DE", 16, "de", ["GmbH", "AG", "GmbH & Co. KG"], ["Maschinenbau", "Logistik", "Handel", "Bau", "Technik", "Pharma", "Energie", "Beratung"]],
  ["US", 16, "com", ["Inc.", "LLC", "Corp."], ["Manufacturing", "Logistics", "Foods", "Retail", "Health", "Energy", "Consulting", "Systems"]],
  ["GB", 8, "co.uk", ["Ltd", "PLC"], ["Engineering", "Logistics", "Foods", "Retail", "Healthcare", "Energy", "Partners", "Group"]],
  ["FR", 7, "fr", ["SAS", "S.A.", "SARL"], ["Industrie", "Logistique", "Alimentaire", "Distribution", "Santé", "Énergie", "Conseil", "Bâtiment"]],
  ["IT", 6, "it", ["S.r.l.", "S.p.A."], ["Meccanica", "Logistica", "Alimentari", "Commercio", "Costruzioni", "Farmaceutica", "Energia", "Consulenza"]],
  ["ES", 5, "es", ["S.L.", "S.A."], ["Industrial", "Logística", "Alimentación", "Comercial", "Construcciones", "Farma", "Energía", "Consultores"]],
  ["NL", 5, "nl", ["B.V.", "N.V."], ["Techniek", "Logistiek", "Voeding", "Handel", "Bouw", "Zorg", "Energie", "Advies"]],
  ["SE", 4, "se", ["AB"], ["Mekaniska", "Logistik", "Livsmedel", "Handel", "Bygg", "Medicin", "Energi", "Konsult"]],
  ["FI", 3, "fi", ["Oy", "Oyj"], ["Konepaja", "Logistiikka", "Elintarvike", "Kauppa", "Rakennus", "Terveys", "Energia", "Konsultointi"]],
  ["DK", 3, "dk", ["A/S", "ApS"], ["Maskinfabrik", "Logistik", "Fødevarer", "Handel", "Byg", "Medico", "Energi", "Rådgivning"]],
  ["NO", 3, "no", ["AS", "ASA"], ["Mekaniske", "Logistikk", "Mat", "Handel", "Bygg", "Helse", "Energi", "Rådgivning"]],
  ["AT", 3, "at", ["GmbH", "AG"], ["Maschinenbau", "Logistik", "Handel", "Bau", "Technik", "Pharma", "Energie", "Beratung"]],
  ["CH", 3, "ch", ["AG", "GmbH", "SA"], ["Maschinenbau", "Logistik", "Handel", "Bau", "Technik", "Pharma", "Energie", "Beratung"]],
  ["BE", 2, "be", ["NV", "BV", "S.A."], ["Techniek", "Logistiek", "Voeding", "Handel", "Bouw", "Zorg", "Énergie", "Conseil"]],
  ["PT", 2, "pt", ["Lda.", "S.A."], ["Indústria", "Logística", "Alimentar", "Comércio", "Construções", "Saúde", "Energia", "Consultoria"]],
  ["PL", 2, "pl", ["Sp. z o.o.", "S.A."], ["Przemysł", "Logistyka", "Żywność", "Handel", "Budownictwo", "Zdrowie", "Energia", "Doradztwo"]],
  ["JP", 4, "co.jp", ["K.K.", "Co., Ltd.", "株式会社"], ["Seiki", "Butsuryu", "Shokuhin", "Shoji", "Kensetsu", "Seiyaku", "Denki", "Consulting"]],
  ["CA", 2, "ca", ["Inc.", "Ltd."], ["Manufacturing", "Logistics", "Foods", "Retail", "Health", "Energy", "Consulting", "Systems"]],
  ["AU", 2, "com.au", ["Pty Ltd"], ["Engineering", "Logistics", "Foods", "Retail", "Health", "Energy", "Partners", "Mining"]],
  ["SG", 1, "com.sg", ["Pte. Ltd."], ["Engineering", "Logistics", "Foods", "Trading", "Healthcare", "Energy", "Partners", "Marine"]],
];
const WEIGHTED = COUNTRIES.flatMap((c) => Array.from({ length: c[1] }, () => c));
const SYLLABLES = "ka ro vin tes mu dal sef or quin bra lu zem pa dor fi gral ne sto bel ar hau wen tri mo ska len ber gio vec lan ru tam ol ix ey nor sul fen cor ja".split(" ");
const QUALIFIERS = ["Nord", "Süd", "International", "Holding", "Group", "Service", "West", "Ost", "Digital", "Solutions"];

function coined(): string {
  const n = 2 + Math.floor(rand() * 2);
  const word = Array.from({ length: n }, () => pick(SYLLABLES)).join("");
  return word[0].toUpperCase() + word.slice(1);
}

type CustomerSeed = { name: string; normalizedName: string; domain: string | null; country: string };

function customerSeed(): CustomerSeed {
  const [country, , tld, forms, trades] = pick(WEIGHTED);
  const stem = rand() < 0.3 ? `${coined()} ${coined()}` : coined();
  let base = rand() < 0.5 ? `${stem} ${pick(trades)}` : `${pick(trades)} ${stem}`;
  if (rand() < 0.25) base = `${base} ${pick(QUALIFIERS)}`;
  const name = `${base} ${pick(forms)}`;
  const normalizedName = normalizeCompanyName(name);
  const slug = normalizedName.normalize("NFKD").replace(/[^a-z0-9 ]/g, "").trim().replace(/ +/g, "-");
  return { name, normalizedName, domain: rand() < 0.7 && slug ? `${slug}.${tld}` : null, country };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(name: string, samples: number[], budgetMs?: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p));
  const verdict = budgetMs === undefined ? "" : p95 <= budgetMs ? `budget p95 ≤ ${budgetMs} ms   within budget` : `budget p95 ≤ ${budgetMs} ms   OVER BUDGET`;
  console.log(`${name.padEnd(24)} n=${String(samples.length).padEnd(5)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms   p99 ${p99.toFixed(1).padStart(6)} ms   ${verdict}`);
  return { p50, p95, p99 };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function generate(sql: pg.Client): Promise<void> {
  await sql.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '128MB'");
  await sql.query(`INSERT INTO region (code, name) VALUES ('BENCH', 'Bench region')`);
  await sql.query(`INSERT INTO product (sku, name, line, list_price)
    SELECT 'BX-' || lpad(g::text, 3, '0'), 'Module ' || g, 'LINE' || (g % 5), 1000000 FROM generate_series(1, ${PRODUCTS}) g`);
  await sql.query(`INSERT INTO partner_org (name, region_code, country)
    SELECT 'Bench Partner ' || g, 'BENCH', 'DE' FROM generate_series(1, ${PARTNERS}) g`);

  await timed(`${CUSTOMERS.toLocaleString("en")} customers`, async () => {
    const BATCH = 25_000;
    for (let done = 0; done < CUSTOMERS; done += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, CUSTOMERS - done) }, customerSeed);
      await sql.query(
        `INSERT INTO customer (name, normalized_name, domain, country)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bpchar[])`,
        [rows.map((r) => r.name), rows.map((r) => r.normalizedName), rows.map((r) => r.domain), rows.map((r) => r.country)],
      );
    }
  });

  await timed(`${DEALS.toLocaleString("en")} deals and their products`, async () => {
    await sql.query(`CREATE TEMP TABLE cidx AS SELECT (row_number() OVER ())::int AS n, id FROM customer; ALTER TABLE cidx ADD PRIMARY KEY (n)`);
    await sql.query(`CREATE TEMP TABLE pidx AS SELECT (row_number() OVER ())::int AS n, id FROM partner_org; ALTER TABLE pidx ADD PRIMARY KEY (n)`);
    // Deals spread over three years; a customer's popularity is skewed (some get many deals).
    await sql.query(`
      INSERT INTO deal (partner_org_id, customer_id, title, amount, currency, expected_close_date, status, submitted_at,
                        decided_at, protection_expires_at, closed_at, conflict_score)
      SELECT p.id, c.id, 'Bench deal ' || s.g, s.amount, 'EUR', (s.submitted_at + interval '120 days')::date, s.status::deal_status,
             s.submitted_at,
             CASE WHEN s.status <> 'SUBMITTED' THEN s.submitted_at + interval '2 days' END,
             CASE WHEN s.status IN ('APPROVED', 'WON', 'LOST', 'EXPIRED') THEN s.submitted_at + interval '92 days' END,
             CASE WHEN s.status IN ('WON', 'LOST') THEN s.submitted_at + interval '60 days' END,
             0
      FROM (
        SELECT g, 1 + floor(power(random(), 1.3) * ${CUSTOMERS})::int AS cn, 1 + floor(random() * ${PARTNERS})::int AS pn,
               (50000 + floor(random() * 200) * 10000)::bigint AS amount,
               now() - age_days * interval '1 day' AS submitted_at,
               CASE WHEN age_days < 2 THEN 'SUBMITTED'
                    WHEN age_days < 90 THEN CASE WHEN r < 0.8 THEN 'APPROVED' WHEN r < 0.9 THEN 'REJECTED' ELSE 'WON' END
                    ELSE CASE WHEN r < 0.35 THEN 'WON' WHEN r < 0.65 THEN 'LOST' WHEN r < 0.85 THEN 'EXPIRED' ELSE 'REJECTED' END
               END AS status
        FROM (SELECT g, random() * 1095 AS age_days, random() AS r FROM generate_series(1, ${DEALS}) g) raw
      ) s
      JOIN cidx c ON c.n = s.cn
      JOIN pidx p ON p.n = s.pn`);
    await sql.query(`
      INSERT INTO deal_product (deal_id, product_id)
      SELECT d.id, pr.id
      FROM (SELECT id, abs(hashtext(id::text)) AS h FROM deal) d
      CROSS JOIN LATERAL generate_series(0, d.h % 3) k
      JOIN (SELECT (row_number() OVER (ORDER BY sku))::int - 1 AS n, id FROM product) pr ON pr.n = (d.h / 3 + k * 7) % ${PRODUCTS}`);
  });
  await timed("VACUUM ANALYZE", () => sql.query("VACUUM ANALYZE"));
}

type Query = { kind: "exact" | "near" | "domain" | "new"; customerName: string; domain?: string; country: string; productSkus: string[] };

function typo(name: string): string {
  const i = 1 + Math.floor(rand() * (name.length - 2));
  return rand() < 0.5 ? name.slice(0, i) + name.slice(i + 1) : name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

async function buildQueries(sql: pg.Client, count: number): Promise<Query[]> {
  // Customers with an active registration: the ones a real check would find.
  const { rows } = await sql.query<{ name: string; domain: string | null; country: string }>(`
    SELECT c.name, c.domain, c.country::text AS country FROM deal d JOIN customer c ON c.id = d.customer_id
    WHERE d.status IN ('SUBMITTED', 'APPROVED') ORDER BY random() LIMIT ${count}`);
  const skus = Array.from({ length: PRODUCTS }, (_, i) => `BX-${String(i + 1).padStart(3, "0")}`);
  return rows.map((row): Query => {
    const productSkus = [pick(skus), pick(skus)];
    const r = rand();
    if (r < 0.35) return { kind: "exact", customerName: row.name.toUpperCase().replace(/ \S+$/, " Holding GmbH"), domain: row.domain ?? undefined, country: row.country, productSkus };
    if (r < 0.65) return { kind: "near", customerName: typo(row.name), country: row.country, productSkus };
    if (r < 0.8 && row.domain) return { kind: "domain", customerName: `${coined()} ${coined()}`, domain: `https://www.shop.${row.domain}/`, country: row.country, productSkus };
    const fresh = customerSeed();
    return { kind: "new", customerName: fresh.name, domain: fresh.domain ?? undefined, country: fresh.country, productSkus };
  });
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "channelwise-bench-conflicts-"));
  console.log(`bench/deal-conflicts: ${DEALS.toLocaleString("en")} deals, ${CUSTOMERS.toLocaleString("en")} customers, ${PARTNERS.toLocaleString("en")} partners (data in ${dir})`);
  const plans: string[] = [];
  const server = await startEmbeddedPostgres({ dataDir: dir, log: (line) => EXPLAIN_MS && /duration:|->|Plan|Index|Filter|Rows|Buffers|Cond/.test(line) && plans.push(line) });
  const url = server.urlFor("bench");
  const sql = new pg.Client({ connectionString: url });
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  try {
    await ensureDatabase(server.serverUrl, "bench");
    await migrateDatabase(url);
    await sql.connect();
    const started = performance.now();
    await generate(sql);
    console.log(`  data generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const { rows: [counts] } = await sql.query<{ deals: string; active: string; customers: string }>(`
      SELECT (SELECT count(*) FROM deal) AS deals, (SELECT count(*) FROM deal WHERE status IN ('SUBMITTED', 'APPROVED')) AS active,
             (SELECT count(*) FROM customer) AS customers`);
    console.log(`  ${Number(counts.deals).toLocaleString("en")} deals (${Number(counts.active).toLocaleString("en")} active), ${Number(counts.customers).toLocaleString("en")} customers`);

    if (EXPLAIN_MS) {
      await sql.query(`ALTER DATABASE bench SET session_preload_libraries = 'auto_explain'`);
      await sql.query(`ALTER DATABASE bench SET auto_explain.log_min_duration = '${EXPLAIN_MS}ms'`);
      await sql.query(`ALTER DATABASE bench SET auto_explain.log_analyze = on`);
      await sql.query(`ALTER DATABASE bench SET auto_explain.log_buffers = on`);
    }
    const queries = await buildQueries(sql, CHECKS + 30);
    for (const q of queries.slice(0, 30)) await findDealConflicts(db, q);
    const checkMs: number[] = [];
    const found: Record<Query["kind"], [number, number]> = { exact: [0, 0], near: [0, 0], domain: [0, 0], new: [0, 0] };
    for (const q of queries.slice(30)) {
      const t = performance.now();
      const { items } = await findDealConflicts(db, q);
      checkMs.push(performance.now() - t);
      found[q.kind][0] += items.length > 0 ? 1 : 0;
      found[q.kind][1] += 1;
    }

    const { rows: orgs } = await sql.query<{ id: string }>(`SELECT id FROM partner_org ORDER BY random() LIMIT 50`);
    const users: SessionUser[] = [];
    for (const org of orgs) {
      const id = randomUUID();
      await sql.query(`INSERT INTO app_user (id, email, name, role, partner_org_id, password_hash) VALUES ($1, $2, 'Bench user', 'PARTNER', $3, 'x')`, [id, `bench-${id}@example.com`, org.id]);
      users.push({ id, email: `bench-${id}@example.com`, name: "Bench user", role: "PARTNER", partnerOrgId: org.id, partnerOrgName: null, regionCodes: [], locale: "en", timeZone: "UTC" });
    }
    const closeDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const registrations = await buildQueries(sql, REGISTRATIONS + 10);
    const registerMs: number[] = [];
    let flagged = 0;
    for (const [i, q] of registrations.entries()) {
      const input = { customer: { name: q.customerName, domain: q.domain, country: q.country }, title: "Bench registration", value: { amount: 1_500_000, currency: "EUR" }, productSkus: q.productSkus, expectedCloseDate: closeDate };
      const t = performance.now();
      const result = await registerDeal(db, users[i % users.length], input);
      if (i >= 10) registerMs.push(performance.now() - t);
      if (i >= 10 && result.conflicts.length > 0) flagged++;
    }

    if (EXPLAIN_MS) console.log(plans.join("\n"));
    console.log("");
    const check = report("conflict check", checkMs, budgets.checkP95Ms);
    const register = report("registration", registerMs);
    console.log(
      `found a registration for: ${Object.entries(found).map(([k, [hit, n]]) => `${k} ${hit}/${n}`).join(", ")}; registrations flagged ${flagged}/${registerMs.length}`,
    );
    console.log(JSON.stringify({ bench: "deal-conflicts", deals: Number(counts.deals), active: Number(counts.active), customers: Number(counts.customers), check, register }));
    if (check.p95 > budgets.checkP95Ms) process.exitCode = 1;
  } finally {
    await db.$disconnect();
    await sql.end().catch(() => {});
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
