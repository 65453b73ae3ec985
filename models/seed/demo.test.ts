// The demo seed, checked against the seeded template this file was given (seeded "now") and
// against two fresh databases seeded with one fixed `now` (determinism, emptiness, time).
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, dropDatabase } from "../../test/databases.ts";
import { verifyPassword } from "../auth/password.ts";
import { env } from "../env.ts";
import { demoMarketBaseUrl } from "../market/self-origin.ts";
import { db } from "../db/client.ts";
import { PrismaClient } from "../db/generated/client.ts";
import { DEMO_REGIONS } from "./catalog.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, demoArchetypeOf, demoLoginOrgs, isDatabaseEmpty, seedDemo, type DemoArchetype, type SeedSummary } from "./demo.ts";

const FIXED_NOW = new Date("2025-06-15T12:34:56Z");

type Fresh = { url: string; client: PrismaClient; emptyBefore: boolean; summary: SeedSummary };
const fresh: Fresh[] = [];

beforeAll(async () => {
  const serverUrl = inject("testServerUrl");
  const urls = await Promise.all([createTestDatabase(serverUrl, "empty"), createTestDatabase(serverUrl, "empty")]);
  fresh.push(
    ...(await Promise.all(
      urls.map(async (url) => {
        const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
        const emptyBefore = await isDatabaseEmpty(client);
        const summary = await seedDemo(client, { now: FIXED_NOW });
        return { url, client, emptyBefore, summary };
      }),
    )),
  );
});

afterAll(async () => {
  const serverUrl = inject("testServerUrl");
  for (const f of fresh) {
    await f.client.$disconnect();
    await dropDatabase(serverUrl, new URL(f.url).pathname.slice(1));
  }
});

describe("seedDemo on empty databases", () => {
  it("reports emptiness before and not after, and refuses to seed twice", async () => {
    const [a] = fresh;
    expect(a.emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(a.client)).toBe(false);
    await expect(seedDemo(a.client, { now: FIXED_NOW })).rejects.toThrow(/not empty/);
  });

  it("is deterministic: the same now gives the same rows", async () => {
    const digest = async (client: PrismaClient) => {
      const [row] = await client.$queryRaw<{ orgs: string; deals: string; sales: string; events: string; activities: string; ledger: string }[]>`
        SELECT
          (SELECT md5(string_agg(concat_ws('|', id, name, tier, status, parent_id, joined_at), ',' ORDER BY id)) FROM partner_org) AS orgs,
          (SELECT md5(string_agg(concat_ws('|', id, customer_id, amount, status, submitted_at, closed_amount), ',' ORDER BY id)) FROM deal) AS deals,
          (SELECT md5(string_agg(concat_ws('|', id, partner_org_id, product_id, sold_on, amount), ',' ORDER BY id)) FROM sales_record) AS sales,
          (SELECT md5(string_agg(concat_ws('|', id, deal_id, action, at), ',' ORDER BY id)) FROM deal_event) AS events,
          (SELECT md5(string_agg(concat_ws('|', id, partner_org_id, kind, occurred_at), ',' ORDER BY id)) FROM activity) AS activities,
          (SELECT md5(string_agg(concat_ws('|', idempotency_key, amount), ',' ORDER BY id)) FROM incentive_ledger_entry) AS ledger`;
      return row;
    };
    const [a, b] = await Promise.all(fresh.map((f) => digest(f.client)));
    expect(a).toEqual(b);
    expect(fresh[0].summary.counts).toEqual(fresh[1].summary.counts);
  });

  it("dates everything relative to now and nothing after it", async () => {
    const { client } = fresh[0];
    const [row] = await client.$queryRaw<{ latest: Date; firstSale: Date; lastSale: Date }[]>`
      SELECT greatest(
               (SELECT max(submitted_at) FROM deal), (SELECT max(decided_at) FROM deal), (SELECT max(closed_at) FROM deal),
               (SELECT max(at) FROM deal_event), (SELECT max(occurred_at) FROM activity),
               (SELECT max(occurred_at) FROM incentive_ledger_entry), (SELECT max(created_at) FROM app_user)) AS latest,
             (SELECT min(sold_on) FROM sales_record)::timestamptz AS "firstSale",
             (SELECT max(sold_on) FROM sales_record)::timestamptz AS "lastSale"`;
    expect(row.latest.getTime()).toBeLessThanOrEqual(FIXED_NOW.getTime());
    expect(row.latest.getTime()).toBeGreaterThan(FIXED_NOW.getTime() - 3 * 86_400_000);
    expect(row.firstSale.toISOString().slice(0, 10)).toBe("2022-06-01");
    expect(row.lastSale.toISOString().slice(0, 10)).toBe("2025-06-01");
  });
});

describe("the seeded demo", () => {
  it("has the expected size", async () => {
    const [regions, products, orgs, deals, customers, sales, activities, ledger, sources, programs] = await Promise.all([
      db.region.count(), db.product.count(), db.partnerOrg.count(), db.deal.count(), db.customer.count(),
      db.salesRecord.count(), db.activity.count(), db.incentiveLedgerEntry.count(),
      db.marketSource.findMany({ select: { kind: true, enabled: true, url: true } }),
      db.incentiveProgram.findMany({ select: { kind: true, status: true } }),
    ]);
    expect(regions).toBe(6);
    expect(products).toBe(8);
    expect(orgs).toBeGreaterThanOrEqual(190);
    expect(orgs).toBeLessThanOrEqual(210);
    expect(deals).toBeGreaterThan(4000);
    expect(deals).toBeLessThan(6500);
    expect(customers).toBeGreaterThan(2000);
    expect(customers).toBeLessThan(deals);
    expect(sales).toBeGreaterThan(15_000);
    expect(activities).toBeGreaterThan(30_000);
    expect(ledger).toBeGreaterThan(500);
    expect(sources.map((s) => s.kind).sort()).toEqual(["HTML", "JS", "RSS"]);
    expect(sources.every((s) => s.enabled && s.url.startsWith(`${demoMarketBaseUrl(env())}/`))).toBe(true);
    expect(programs).toEqual(expect.arrayContaining([{ kind: "COMMISSION", status: "ACTIVE" }, { kind: "TIERED_REBATE", status: "ACTIVE" }]));
    expect(await db.product.count({ where: { isNew: true } })).toBe(2);
  });

  it("gives every partner a consistent profile", async () => {
    const orgs = await db.partnerOrg.findMany({
      select: { name: true, regionCode: true, country: true, industries: true, channelManagerId: true, status: true, type: true, parent: { select: { regionCode: true, type: true } } },
    });
    for (const org of orgs) {
      const region = DEMO_REGIONS.find((r) => r.code === org.regionCode)!;
      expect(region.countries.map(([c]) => c)).toContain(org.country);
      expect(org.industries.length).toBeGreaterThanOrEqual(1);
      expect(org.industries.length).toBeLessThanOrEqual(3);
      expect(org.channelManagerId).not.toBeNull();
      expect(demoArchetypeOf(org.name)).toBeDefined();
      if (org.parent) expect(org.parent).toEqual({ regionCode: org.regionCode, type: "DISTRIBUTOR" });
    }
    expect(orgs.filter((o) => o.parent).length).toBeGreaterThan(10);
    expect(orgs.filter((o) => o.status === "SUSPENDED").length).toBeGreaterThan(0);
    expect(orgs.filter((o) => o.status === "PROSPECT").length).toBeGreaterThan(0);
    expect(orgs.filter((o) => o.status === "ACTIVE").length).toBeGreaterThan(orgs.length * 0.85);
    const managers = await db.user.count({ where: { role: "CHANNEL_MANAGER", managedPartners: { some: {} } } });
    expect(managers).toBeGreaterThanOrEqual(3);
  });

  it("has deals in every status, with timestamps, events and products that fit the status", async () => {
    const rows = await db.$queryRaw<{ status: string; n: number; bad_decided: number; bad_protection: number; bad_closed: number; bad_events: number; bad_products: number; bad_currency: number }[]>`
      SELECT d.status::text AS status, count(*)::int AS n,
        count(*) FILTER (WHERE (d.status = 'SUBMITTED') <> (d.decided_at IS NULL))::int AS bad_decided,
        count(*) FILTER (WHERE d.status IN ('APPROVED', 'WON', 'LOST', 'EXPIRED')
          AND d.protection_expires_at IS DISTINCT FROM d.decided_at + interval '90 days')::int AS bad_protection,
        count(*) FILTER (WHERE (d.status IN ('WON', 'LOST')) <> (d.closed_at IS NOT NULL)
          OR (d.status = 'WON') <> (d.closed_amount IS NOT NULL))::int AS bad_closed,
        count(*) FILTER (WHERE (SELECT count(*) FROM deal_event e WHERE e.deal_id = d.id)
          <> CASE WHEN d.status = 'SUBMITTED' THEN 1 WHEN d.status IN ('APPROVED', 'REJECTED') THEN 2 ELSE 3 END)::int AS bad_events,
        count(*) FILTER (WHERE (SELECT count(*) FROM deal_product p WHERE p.deal_id = d.id) NOT BETWEEN 1 AND 3)::int AS bad_products,
        count(*) FILTER (WHERE d.currency <> CASE WHEN o.region_code = 'NORTH_AMERICA' THEN 'USD' ELSE 'EUR' END)::int AS bad_currency
      FROM deal d JOIN partner_org o ON o.id = d.partner_org_id
      GROUP BY d.status ORDER BY d.status`;
    expect(rows.map((r) => r.status).sort()).toEqual(["APPROVED", "EXPIRED", "LOST", "REJECTED", "SUBMITTED", "WON"]);
    for (const r of rows) {
      expect(r, r.status).toMatchObject({ bad_decided: 0, bad_protection: 0, bad_closed: 0, bad_events: 0, bad_products: 0, bad_currency: 0 });
    }
    const expiringSoon = await db.deal.count({
      where: { status: "APPROVED", protectionExpiresAt: { gt: new Date(), lt: new Date(Date.now() + 14 * 86_400_000) } },
    });
    expect(expiringSoon).toBeGreaterThanOrEqual(3);
  });

  it("accrues 5 % commission once per won deal", async () => {
    const [row] = await db.$queryRaw<{ won: number; entries: number; wrong: number }[]>`
      SELECT (SELECT count(*) FROM deal WHERE status = 'WON')::int AS won,
             count(*)::int AS entries,
             count(*) FILTER (WHERE l.amount <> round(d.closed_amount * 0.05) OR l.idempotency_key <> p.key || ':v1:commission:deal:' || d.id
               OR l.kind <> 'ACCRUAL' OR l.partner_org_id <> d.partner_org_id)::int AS wrong
      FROM incentive_ledger_entry l JOIN deal d ON d.id = l.deal_id JOIN incentive_program p ON p.id = l.program_id
      WHERE p.kind = 'COMMISSION'`;
    expect(row.entries).toBe(row.won);
    expect(row.wrong).toBe(0);
    const sample = await db.incentiveLedgerEntry.findFirst({ where: { dealId: { not: null }, program: { kind: "COMMISSION" } }, select: { explanation: true } });
    expect(sample?.explanation).toMatch(/^5 % of [€$][\d,]+\.\d\d: Commission on won deals( \(USD\))? on won deal ".+"$/);
  });
});

describe("demo logins", () => {
  it("exist with the documented roles, orgs and regions, and the demo password", async () => {
    const users = await db.user.findMany({
      where: { email: { in: DEMO_LOGINS.map((l) => l.email) } },
      select: { email: true, role: true, passwordHash: true, partnerOrg: { select: { name: true, regionCode: true } }, regions: { select: { regionCode: true } } },
    });
    expect(users.map((u) => ({ email: u.email, role: u.role })).sort((a, b) => a.email.localeCompare(b.email)))
      .toEqual(DEMO_LOGINS.map((l) => ({ email: l.email, role: l.role })).sort((a, b) => a.email.localeCompare(b.email)));
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const partner = byEmail.get("partner@example.com")!;
    const partner2 = byEmail.get("partner2@example.com")!;
    expect(partner.partnerOrg?.name).toBe(demoLoginOrgs().partner.name);
    expect(demoArchetypeOf(partner.partnerOrg!.name)).toBe("champion");
    expect(partner2.partnerOrg?.name).not.toBe(partner.partnerOrg?.name);
    expect(partner2.partnerOrg?.regionCode).not.toBe(partner.partnerOrg?.regionCode);
    expect(byEmail.get("lead@example.com")!.regions.length).toBeGreaterThanOrEqual(2);
    expect(byEmail.get("admin@example.com")!.partnerOrg).toBeNull();
    expect(await verifyPassword(partner.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(partner.passwordHash, "wrong password")).toBe(false);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
  });

  it("give the partner login deals in every status and the manager many orgs", async () => {
    const partner = await db.user.findUniqueOrThrow({ where: { email: "partner@example.com" }, select: { partnerOrgId: true } });
    const statuses = await db.deal.groupBy({ by: ["status"], where: { partnerOrgId: partner.partnerOrgId! }, _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["APPROVED", "EXPIRED", "LOST", "REJECTED", "SUBMITTED", "WON"]);
    const managed = await db.partnerOrg.count({ where: { channelManager: { email: "manager@example.com" } } });
    expect(managed).toBeGreaterThanOrEqual(50);
  });
});

type OrgStats = {
  name: string;
  rev12: number;
  revPrev: number;
  won: number;
  lost: number;
  won12: number;
  lost12: number;
  trainings12: number;
  logins90: number;
  joinedDaysAgo: number;
};

describe("planted partner behaviours", () => {
  let groups: Map<DemoArchetype, OrgStats[]>;

  beforeAll(async () => {
    const rows = await db.$queryRaw<OrgStats[]>`
      WITH b AS (SELECT date_trunc('month', now()) AS cm, now() AS t)
      SELECT o.name,
        coalesce((SELECT sum(amount) FROM sales_record s WHERE s.partner_org_id = o.id AND s.sold_on >= b.cm - interval '12 months' AND s.sold_on < b.cm), 0)::float8 AS "rev12",
        coalesce((SELECT sum(amount) FROM sales_record s WHERE s.partner_org_id = o.id AND s.sold_on >= b.cm - interval '24 months' AND s.sold_on < b.cm - interval '12 months'), 0)::float8 AS "revPrev",
        (SELECT count(*) FROM deal d WHERE d.partner_org_id = o.id AND d.status = 'WON')::int AS won,
        (SELECT count(*) FROM deal d WHERE d.partner_org_id = o.id AND d.status = 'LOST')::int AS lost,
        (SELECT count(*) FROM deal d WHERE d.partner_org_id = o.id AND d.status = 'WON' AND d.closed_at >= b.t - interval '12 months')::int AS "won12",
        (SELECT count(*) FROM deal d WHERE d.partner_org_id = o.id AND d.status = 'LOST' AND d.closed_at >= b.t - interval '12 months')::int AS "lost12",
        (SELECT count(*) FROM activity a WHERE a.partner_org_id = o.id AND a.kind = 'TRAINING' AND a.occurred_at >= b.t - interval '12 months')::int AS "trainings12",
        (SELECT count(*) FROM activity a WHERE a.partner_org_id = o.id AND a.kind = 'LOGIN' AND a.occurred_at >= b.t - interval '90 days')::int AS "logins90",
        (current_date - o.joined_at)::int AS "joinedDaysAgo"
      FROM partner_org o, b`;
    groups = new Map();
    for (const row of rows) {
      const archetype = demoArchetypeOf(row.name)!;
      groups.set(archetype, [...(groups.get(archetype) ?? []), row]);
    }
  });

  const mean = (a: DemoArchetype, f: (s: OrgStats) => number) => {
    const rows = groups.get(a)!;
    return rows.reduce((sum, s) => sum + f(s), 0) / rows.length;
  };
  const winRate = (a: DemoArchetype, recent = false) => {
    const rows = groups.get(a)!;
    const won = rows.reduce((s, r) => s + (recent ? r.won12 : r.won), 0);
    const lost = rows.reduce((s, r) => s + (recent ? r.lost12 : r.lost), 0);
    return won / (won + lost);
  };

  it("orders revenue: champions above steady partners above declining ones", () => {
    const revenue = (a: DemoArchetype) => mean(a, (s) => s.rev12);
    expect(revenue("champion")).toBeGreaterThan(revenue("steady"));
    expect(revenue("steady")).toBeGreaterThan(revenue("declining"));
    expect(revenue("declining")).toBeGreaterThan(revenue("opportunistic"));
  });

  it("makes declining partners fall and go quiet, and champions grow", () => {
    const declining = groups.get("declining")!;
    expect(declining.filter((s) => s.rev12 < s.revPrev * 0.9).length).toBeGreaterThan(declining.length * 0.8);
    expect(mean("declining", (s) => s.logins90)).toBeLessThan(mean("steady", (s) => s.logins90) / 3);
    expect(winRate("declining", true)).toBeLessThan(winRate("declining") - 0.05);
    expect(mean("champion", (s) => s.rev12 / s.revPrev)).toBeGreaterThan(1.1);
  });

  it("gives opportunistic partners the lowest and champions the highest win rate", () => {
    const rates = (["champion", "steady", "opportunistic", "declining"] as const).map((a) => [a, winRate(a)] as const);
    const sorted = [...rates].sort((x, y) => x[1] - y[1]);
    expect(sorted[0][0]).toBe("opportunistic");
    expect(sorted[sorted.length - 1][0]).toBe("champion");
    expect(winRate("champion")).toBeGreaterThan(0.5);
    expect(winRate("opportunistic")).toBeLessThan(0.3);
  });

  it("makes rising partners new, small, fast-growing and keen on training", () => {
    const rising = groups.get("rising")!;
    expect(rising.every((s) => s.joinedDaysAgo < 18 * 31)).toBe(true);
    expect(mean("rising", (s) => s.rev12)).toBeLessThan(mean("steady", (s) => s.rev12));
    expect(rising.filter((s) => s.rev12 > 2 * s.revPrev).length).toBeGreaterThan(rising.length * 0.8);
    expect(mean("rising", (s) => s.trainings12)).toBeGreaterThan(mean("steady", (s) => s.trainings12) * 2);
    expect(mean("opportunistic", (s) => s.trainings12)).toBeLessThan(mean("steady", (s) => s.trainings12));
  });

  it("shows seasonality: Q4 months sell more than summer months", async () => {
    const [row] = await db.$queryRaw<{ q4: number; summer: number }[]>`
      WITH monthly AS (
        SELECT sold_on, sum(amount)::float8 AS total FROM sales_record
        WHERE sold_on < date_trunc('month', now()) GROUP BY sold_on)
      SELECT avg(total) FILTER (WHERE extract(month FROM sold_on) IN (10, 11, 12)) AS q4,
             avg(total) FILTER (WHERE extract(month FROM sold_on) IN (7, 8)) AS summer
      FROM monthly`;
    expect(row.q4).toBeGreaterThan(row.summer * 1.2);
  });
});
