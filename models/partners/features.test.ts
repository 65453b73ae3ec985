// computePartnerFeatures against a real database: exact values for a small known partner, the
// window boundaries, idempotency, and partners without any data.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { computePartnerFeatures, latestPartnerFeatures, partnerFeaturesAsOf } from "./features.ts";

const asOf = new Date("2025-07-01T09:30:00Z");
const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

let knownId = "";
let emptyId = "";

async function createKnownPartner(): Promise<void> {
  await db.region.create({ data: { code: "ZZ_FEATURES", name: "Feature test region" } });
  const org = await db.partnerOrg.create({
    data: { name: "Known Partner", regionCode: "ZZ_FEATURES", country: "DE" },
    select: { id: true },
  });
  const empty = await db.partnerOrg.create({
    data: { name: "Silent Partner", regionCode: "ZZ_FEATURES", country: "FR" },
    select: { id: true },
  });
  knownId = org.id;
  emptyId = empty.id;

  const [a, b, c] = await Promise.all(
    ["A", "B", "C"].map((sku) =>
      db.product.create({ data: { sku: `ZZ-FEAT-${sku}`, name: `Product ${sku}`, line: "Test" }, select: { id: true } }),
    ),
  );
  const customer = await db.customer.create({
    data: { name: "Acme", normalizedName: "acme", country: "DE" },
    select: { id: true },
  });

  const sale = (productId: string, soldOn: string, amount: number) => ({
    partnerOrgId: knownId,
    regionCode: "ZZ_FEATURES",
    productId,
    soldOn: day(soldOn),
    amount: BigInt(amount),
    currency: "EUR",
  });
  await db.salesRecord.createMany({
    data: [
      // last 12 months: [2024-07-01, 2025-07-01)
      sale(a.id, "2025-06-30", 100_000),
      sale(b.id, "2024-07-01", 50_000),
      sale(a.id, "2025-01-15", 25_000),
      sale(c.id, "2025-02-01", -5_000), // a return: counts in revenue, not in breadth
      sale(a.id, "2025-07-01", 999), // the as-of day itself is not yet complete
      // the 12 months before: [2023-07-01, 2024-07-01)
      sale(a.id, "2024-06-30", 100_000),
      sale(b.id, "2023-07-01", 36_000),
      sale(b.id, "2023-06-30", 777),
    ],
  });

  type DealSeed = {
    status: "SUBMITTED" | "REJECTED" | "WON" | "LOST";
    submittedAt: string;
    closedAt?: string;
    amount: number;
    closedAmount?: number;
  };
  const deals: DealSeed[] = [
    { status: "WON", submittedAt: "2025-01-01T00:00:00Z", closedAt: "2025-01-11T00:00:00Z", amount: 40_000, closedAmount: 50_000 },
    { status: "WON", submittedAt: "2025-03-01T00:00:00Z", closedAt: "2025-03-21T12:00:00Z", amount: 30_000 },
    { status: "LOST", submittedAt: "2025-02-01T00:00:00Z", closedAt: "2025-04-01T00:00:00Z", amount: 10_000 },
    { status: "SUBMITTED", submittedAt: "2025-06-30T23:59:59Z", amount: 5_000 },
    // submitted before the window, closed inside it: counts as won, not as submitted
    { status: "WON", submittedAt: "2024-05-01T00:00:00Z", closedAt: "2024-07-01T00:00:00Z", amount: 20_000 },
    // closed on the as-of day: submitted inside the window, not yet closed for these features
    { status: "WON", submittedAt: "2025-06-01T00:00:00Z", closedAt: "2025-07-01T00:00:00Z", amount: 1_000_000 },
    { status: "REJECTED", submittedAt: "2024-06-30T23:59:59Z", amount: 7_000 },
  ];
  await db.deal.createMany({
    data: deals.map((d, i) => ({
      partnerOrgId: knownId,
      customerId: customer.id,
      title: `Deal ${i}`,
      amount: BigInt(d.amount),
      currency: "EUR",
      expectedCloseDate: day("2025-12-31"),
      status: d.status,
      stage: d.closedAt ? ("CLOSED" as const) : ("QUALIFY" as const),
      submittedAt: at(d.submittedAt),
      closedAt: d.closedAt ? at(d.closedAt) : null,
      closedAmount: d.closedAmount === undefined ? null : BigInt(d.closedAmount),
    })),
  });

  type Kind = "LOGIN" | "TRAINING" | "CERTIFICATION" | "DEMO" | "SOLUTION_SUBMITTED" | "MARKETING_EVENT";
  const activities: [Kind, string][] = [
    ["LOGIN", "2025-06-30T18:00:00Z"],
    ["LOGIN", "2025-04-02T00:00:00Z"], // exactly 90 days before the as-of day
    ["LOGIN", "2025-04-01T23:59:59Z"],
    ["TRAINING", "2024-08-01T10:00:00Z"],
    ["TRAINING", "2025-05-01T10:00:00Z"],
    ["TRAINING", "2024-06-30T10:00:00Z"],
    ["CERTIFICATION", "2025-02-02T10:00:00Z"],
    ["DEMO", "2025-03-03T10:00:00Z"],
    ["DEMO", "2025-03-04T10:00:00Z"],
    ["DEMO", "2025-06-05T10:00:00Z"],
    ["SOLUTION_SUBMITTED", "2025-01-20T10:00:00Z"],
    ["MARKETING_EVENT", "2025-01-21T10:00:00Z"],
  ];
  await db.activity.createMany({
    data: activities.map(([kind, occurredAt]) => ({ partnerOrgId: knownId, kind, occurredAt: at(occurredAt) })),
  });
}

describe("computePartnerFeatures", () => {
  beforeAll(createKnownPartner);

  it("computes the exact features of a known partner", async () => {
    const result = await computePartnerFeatures(db, { asOf });
    const partnerCount = await db.partnerOrg.count();
    expect(result).toEqual({ partners: partnerCount, asOf: "2025-07-01" });

    const f = await latestPartnerFeatures(db, knownId);
    expect(f).toMatchObject({
      partnerOrgId: knownId,
      asOf: "2025-07-01",
      revenue12m: 170_000,
      revenuePrev12m: 136_000,
      dealCount12m: 5,
      wonCount12m: 3,
      lostCount12m: 1,
      winRate: 0.75,
      avgDealSize: 33_333, // (50,000 closed + 30,000 + 20,000) / 3, rounded
      logins90d: 2,
      trainings12m: 2,
      certifications12m: 1,
      demos12m: 3,
      solutions12m: 1,
      productBreadth: 2,
    });
    expect(f?.growth).toBeCloseTo(0.25, 12);
    expect(f?.cycleDays).toBeCloseTo((10 + 20.5 + 61) / 3, 9);
  });

  it("keeps partners without any data, with zeros and NULLs", async () => {
    await computePartnerFeatures(db, { asOf });
    expect(await latestPartnerFeatures(db, emptyId)).toMatchObject({
      revenue12m: 0,
      revenuePrev12m: 0,
      growth: null,
      dealCount12m: 0,
      wonCount12m: 0,
      lostCount12m: 0,
      winRate: null,
      avgDealSize: null,
      cycleDays: null,
      logins90d: 0,
      trainings12m: 0,
      certifications12m: 0,
      demos12m: 0,
      solutions12m: 0,
      productBreadth: 0,
    });
  });

  it("is idempotent: a rerun for the same day leaves the same rows", async () => {
    const snapshot = () =>
      db.partnerFeatures.findMany({
        where: { asOf: day("2025-07-01") },
        orderBy: { partnerOrgId: "asc" },
        omit: { computedAt: true },
      });
    await computePartnerFeatures(db, { asOf });
    const first = await snapshot();
    await computePartnerFeatures(db, { asOf });
    const second = await snapshot();
    expect(second).toEqual(first);
    expect(await db.partnerFeatures.count({ where: { asOf: day("2025-07-01") } })).toBe(await db.partnerOrg.count());
  });

  it("keeps one row per day and returns the newest", async () => {
    await computePartnerFeatures(db, { asOf });
    await computePartnerFeatures(db, { asOf: new Date("2025-08-01T00:00:00Z") });
    const f = await latestPartnerFeatures(db, knownId);
    expect(f?.asOf).toBe("2025-08-01");
    // a month later the as-of-day sale and the deal closed on 2025-07-01 come into the window
    expect(f?.revenue12m).toBe(170_999 - 50_000);
    expect(f?.wonCount12m).toBe(3);
    expect(await latestPartnerFeatures(db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });

  it("reads the same features for any day without storing them", async () => {
    const past = new Date("2025-03-15T00:00:00Z");
    const before = await db.partnerFeatures.count();
    const rows = await partnerFeaturesAsOf(db, { asOf: past });
    expect(await db.partnerFeatures.count()).toBe(before);
    expect(rows).toHaveLength(await db.partnerOrg.count());

    await computePartnerFeatures(db, { asOf: past });
    const stored = await db.partnerFeatures.findMany({ where: { asOf: day("2025-03-15") } });
    expect(rows.find((r) => r.partnerOrgId === knownId)).toMatchObject({ asOf: "2025-03-15", revenue12m: 170_000, revenuePrev12m: 36_777 });
    for (const row of rows) {
      const s = stored.find((x) => x.partnerOrgId === row.partnerOrgId)!;
      expect(row).toEqual({
        ...row,
        revenue12m: Number(s.revenue12m),
        revenuePrev12m: Number(s.revenuePrev12m),
        growth: s.growth,
        winRate: s.winRate,
        avgDealSize: s.avgDealSize === null ? null : Number(s.avgDealSize),
        cycleDays: s.cycleDays,
        logins90d: s.logins90d,
        certifications12m: s.certifications12m,
        productBreadth: s.productBreadth,
      });
    }
  });

  it("runs together with itself without deadlocking", async () => {
    const runs = await Promise.all([computePartnerFeatures(db, { asOf }), computePartnerFeatures(db, { asOf })]);
    expect(runs[0]).toEqual(runs[1]);
  });
});
