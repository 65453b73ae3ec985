// loadAccrualInput against the seeded demo: programmes with parsed rules, won deals with their
// products, industry and region, and — only when a programme needs them — activities, segments,
// regional targets and first orders, scoped to the partners asked for.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { loadAccrualInput, REGION_TARGETS_SETTING } from "./load.ts";

let partnerOrgId: string;

beforeAll(async () => {
  const partner = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "NORDICS", status: "ACTIVE" }, select: { id: true }, orderBy: { id: "asc" } });
  partnerOrgId = partner.id;
});

describe("loadAccrualInput", () => {
  it("reads the demo's programmes, every won deal and the sales the rebate counts", async () => {
    const input = await loadAccrualInput(db, { asOf: new Date() });
    expect(input.programs.map((p) => [p.key, p.kind, p.currency])).toEqual([
      ["quarterly-volume-rebate", "TIERED_REBATE", "EUR"],
      ["strategic-modules-spiff", "SPIFF", "EUR"],
      ["won-deal-commission", "COMMISSION", "EUR"],
      ["won-deal-commission-usd", "COMMISSION", "USD"],
    ]);
    expect(input.programs[0]).toMatchObject({ budgetCap: null, rules: { base: "WON_DEAL_AMOUNT", mode: "RETROACTIVE" } });
    expect(input.wonDeals.length).toBe(await db.deal.count({ where: { status: "WON" } }));
    const deal = input.wonDeals[0];
    expect(Number.isSafeInteger(deal.closedAmount)).toBe(true);
    expect(deal.products.length).toBeGreaterThan(0);
    expect(deal.products[0]).toEqual({ sku: expect.any(String), line: expect.any(String), isNew: expect.any(Boolean) });
    expect(deal.regionCode).toMatch(/^[A-Z_]+$/);
    // The demo's rebate counts won deals, so no programme needs the ERP sales.
    expect(input.sales).toEqual([]);
    // No programme of these kinds in the demo: nothing read for them.
    expect(input).toMatchObject({ activities: [], priorFirstOrders: [], segmentMemberships: [], regionTargets: [] });
  });

  it("reads only events up to asOf", async () => {
    const asOf = new Date("2020-01-01T00:00:00Z");
    const input = await loadAccrualInput(db, { asOf });
    expect(input.wonDeals.every((d) => d.closedAt <= asOf)).toBe(true);
    expect(input.sales.every((s) => s.soldOn <= asOf)).toBe(true);
  });

  it("reads what action, segment, boost and first-order programmes need, for the partners asked", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    // Programmes without a budget, so a scoped load stays scoped.
    await db.incentiveProgram.updateMany({ where: { key: { in: ["quarterly-volume-rebate", "strategic-modules-spiff"] } }, data: { status: "DRAFT" } });
    const common = { version: 1, status: "ACTIVE" as const, currency: "EUR", effectiveFrom: new Date("2020-01-01"), createdById: admin.id };
    await db.incentiveProgram.createMany({
      data: [
        { ...common, key: "t-actions", name: "Actions", kind: "ACTION_REWARD", rules: { amounts: { DEMO: 5_000 }, monthlyCap: 20_000 } },
        { ...common, key: "t-segment", name: "Segment", kind: "SEGMENT_ACCELERATOR", rules: { segments: ["Champions"], extraBasisPoints: 100 } },
        { ...common, key: "t-boost", name: "Boost", kind: "REGIONAL_BOOST", rules: { rateBasisPoints: 100, maxMultiplierBasisPoints: 20_000 } },
        { ...common, key: "t-first", name: "First order", kind: "NEW_PRODUCT_FIRST_ORDER", rules: { bonus: 50_000 } },
      ],
    });
    const run = await db.segmentRun.create({ data: { status: "SUCCEEDED", finishedAt: new Date(Date.now() - 60_000) } });
    await db.partnerScore.create({ data: { runId: run.id, partnerOrgId, segmentIndex: 0, segmentLabel: "Champions", distance: 0.5 } });
    const targets = [{ regionCode: "NORDICS", targetAmount: 100_000_000, forecastAmount: null, managerGapBasisPoints: 1_500 }];
    await db.setting.create({ data: { key: REGION_TARGETS_SETTING, value: targets } });

    const input = await loadAccrualInput(db, { partnerOrgIds: [partnerOrgId], asOf: new Date() });
    expect(input.programs.map((p) => p.key)).toEqual(["t-actions", "t-boost", "t-first", "t-segment", "won-deal-commission", "won-deal-commission-usd"]);
    expect(input.wonDeals.length).toBeGreaterThan(0);
    expect(input.wonDeals.every((d) => d.partnerOrgId === partnerOrgId)).toBe(true);
    expect(input.sales).toEqual([]);
    expect(input.activities.length).toBe(
      await db.activity.count({ where: { partnerOrgId, kind: { in: ["DEMO", "SOLUTION_SUBMITTED", "CERTIFICATION"] } } }),
    );
    expect(input.activities.every((a) => a.partnerOrgId === partnerOrgId && /^\d+$/.test(a.id))).toBe(true);
    expect(input.segmentMemberships).toEqual([{ partnerOrgId, segment: "Champions" }]);
    expect(input.regionTargets).toEqual(targets);
    expect(input.priorFirstOrders.every((p) => p.partnerOrgId === partnerOrgId)).toBe(true);
  });
});
