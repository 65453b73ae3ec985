import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { demoUser } from "../../test/routes.ts";
import type { SessionUser } from "../auth/users.ts";
import { computePartnerFeatures } from "./features.ts";
import { listPartners, partnerFilterOptions, partnerOrgScopeSql, type PartnerListQuery } from "./partners-list.ts";
import { partnerOrgScope } from "../auth/permissions.ts";
import { FIXTURE_SEGMENTS, insertSegmentRun, scoreAllPartners } from "./score-fixtures.ts";

const all: PartnerListQuery = { sort: "name", page: 1, pageSize: 200 };
let manager: SessionUser;
let lead: SessionUser;
let partner: SessionUser;
let orgCount: number;

beforeAll(async () => {
  [manager, lead, partner] = await Promise.all(["manager@example.com", "lead@example.com", "partner@example.com"].map(demoUser));
  orgCount = await db.partnerOrg.count();
});

describe("the SQL scope", () => {
  it("selects exactly the partners partnerOrgScope selects, for every role", async () => {
    const admin = await demoUser("admin@example.com");
    for (const user of [manager, admin, lead, partner, { ...partner, partnerOrgId: null }]) {
      const viaPrisma = await db.partnerOrg.findMany({ where: partnerOrgScope(user), select: { id: true }, orderBy: { id: "asc" } });
      const viaSql = await db.$queryRaw<{ id: string }[]>`SELECT p.id FROM partner_org p WHERE ${partnerOrgScopeSql(user)} ORDER BY p.id`;
      expect(viaSql.map((p) => p.id)).toEqual(viaPrisma.map((p) => p.id));
    }
  });

  it("reads % and _ in a name search as themselves", async () => {
    const names = (await db.partnerOrg.findMany({ select: { name: true } })).map((p) => p.name);
    for (const q of ["%", "_"]) expect((await listPartners(db, manager, { ...all, q })).total).toBe(names.filter((n) => n.includes(q)).length);
  });
});

describe("before any segmentation run", () => {
  it("lists every partner without segment, health or churn, and a segment filter matches nobody", async () => {
    const list = await listPartners(db, manager, all);
    expect(list.run).toBeNull();
    expect(list.total).toBe(orgCount);
    expect(list.items.every((p) => p.segment === null && p.health === null && p.churnRisk === null)).toBe(true);
    expect((await listPartners(db, manager, { ...all, segment: "Champions" })).total).toBe(0);
    expect((await listPartners(db, manager, { ...all, healthBand: "healthy" })).total).toBe(0);
    expect((await partnerFilterOptions(db, manager)).segments).toEqual([]);
  });
});

describe("with the latest run", () => {
  let scores: Awaited<ReturnType<typeof scoreAllPartners>>["scores"];

  beforeAll(async () => {
    ({ scores } = await scoreAllPartners(db, { finishedAt: new Date("2026-01-02T03:00:00Z") }));
    // A newer run that failed or is still running is never the one shown.
    await insertSegmentRun(db, { status: "FAILED", finishedAt: new Date("2026-02-01T00:00:00Z"), scores: [] });
    await insertSegmentRun(db, { status: "RUNNING", scores: [] });
    await computePartnerFeatures(db);
  });

  it("scopes by role: managers see all, leads their regions, partners their own organization", async () => {
    expect((await listPartners(db, manager, all)).total).toBe(orgCount);
    const leadList = await listPartners(db, lead, all);
    expect(leadList.total).toBe(await db.partnerOrg.count({ where: { regionCode: { in: lead.regionCodes } } }));
    expect(leadList.items.every((p) => lead.regionCodes.includes(p.region.code))).toBe(true);
    const own = await listPartners(db, partner, all);
    expect(own.items.map((p) => p.id)).toEqual([partner.partnerOrgId]);
    expect((await partnerFilterOptions(db, lead)).regions.map((r) => r.code).sort()).toEqual([...lead.regionCodes].sort());
  });

  it("filters by segment, health band, region, tier and name", async () => {
    const champions = await listPartners(db, manager, { ...all, segment: "Champions" });
    expect(champions.total).toBe(scores.filter((s) => s.segment === "Champions").length);
    expect(champions.items.every((p) => p.segment === "Champions")).toBe(true);

    const atRisk = await listPartners(db, manager, { ...all, healthBand: "at-risk" });
    expect(atRisk.total).toBe(scores.filter((s) => s.health !== null && s.health < 40).length);
    expect(atRisk.items.every((p) => p.health !== null && p.health.score < 40 && p.health.band === "at-risk")).toBe(true);
    const watch = await listPartners(db, manager, { ...all, healthBand: "watch" });
    expect(watch.items.every((p) => p.health !== null && p.health.score >= 40 && p.health.score < 70)).toBe(true);
    expect(watch.total).toBe(scores.filter((s) => s.health !== null && s.health >= 40 && s.health < 70).length);

    const dach = await listPartners(db, manager, { ...all, region: "DACH", tier: "GOLD" });
    expect(dach.total).toBe(await db.partnerOrg.count({ where: { regionCode: "DACH", tier: "GOLD" } }));
    expect(dach.items.every((p) => p.region.code === "DACH" && p.tier === "GOLD")).toBe(true);

    const own = await db.partnerOrg.findUniqueOrThrow({ where: { id: partner.partnerOrgId ?? "" }, select: { name: true } });
    const found = await listPartners(db, manager, { ...all, q: own.name.slice(0, 6).toUpperCase() });
    expect(found.items.map((p) => p.name)).toContain(own.name);
    expect(found.items.every((p) => p.name.toLowerCase().includes(own.name.slice(0, 6).toLowerCase()))).toBe(true);

    // A lead's filter never reaches outside their regions.
    expect((await listPartners(db, lead, { ...all, region: "APAC" })).total).toBe(0);
    expect(FIXTURE_SEGMENTS.map((s) => s.label)).toEqual((await partnerFilterOptions(db, manager)).segments);
  });

  it("sorts by churn risk (highest first), by revenue and by name, and pages without overlap", async () => {
    const byChurn = await listPartners(db, manager, { ...all, sort: "churn" });
    const risks = byChurn.items.map((p) => p.churnRisk ?? -1);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(byChurn.items[0].churnRisk).toBe(Math.max(...scores.map((s) => s.churn ?? 0)));

    const byRevenue = await listPartners(db, manager, { ...all, sort: "revenue" });
    const revenues = byRevenue.items.map((p) => p.revenue12m?.amount ?? -1);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(revenues[0]).toBeGreaterThan(0);

    const byName = await listPartners(db, manager, all);
    const names = byName.items.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const first = await listPartners(db, manager, { sort: "churn", page: 1, pageSize: 10 });
    const second = await listPartners(db, manager, { sort: "churn", page: 2, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(byChurn.items.slice(0, 20).map((p) => p.id));
  });
});
