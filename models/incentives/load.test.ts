// loadAccrualInput against the seeded demo: programmes with parsed rules, won deals with their
// products, industry and region, and — only when a programme needs them — activities, segments,
// regional targets and first orders, scoped to the partners asked for.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { computeAccruals } from "./engine.ts";
import { loadAccrualInput } from "./load.ts";
import { REGION_TARGETS_SETTING } from "./region-targets.ts";
import type { AccrualInput } from "./types.ts";

let partnerOrgId: string;

beforeAll(async () => {
  const partner = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "NORDICS", status: "ACTIVE" }, select: { id: true }, orderBy: { id: "asc" } });
  partnerOrgId = partner.id;
});

describe("loadAccrualInput", () => {
  it("reads the demo's programmes, every won deal and the sales the rebate counts", async () => {
    const input = await loadAccrualInput(db, { asOf: new Date() });
    const stored = await db.incentiveProgram.findMany({ where: { status: { in: ["ACTIVE", "ARCHIVED"] } }, select: { key: true, kind: true, currency: true, budgetCap: true }, orderBy: [{ key: "asc" }, { version: "asc" }] });
    expect(input.programs.map((p) => [p.key, p.kind, p.currency, p.budgetCap])).toEqual(stored.map((p) => [p.key, p.kind, p.currency.trim(), p.budgetCap === null ? null : Number(p.budgetCap)]));
    expect(input.programs.find((p) => p.key === "quarterly-volume-rebate")).toMatchObject({ kind: "TIERED_REBATE", rules: { period: "QUARTER", mode: "RETROACTIVE" } });
    expect(input.wonDeals.length).toBe(await db.deal.count({ where: { status: "WON" } }));
    const deal = input.wonDeals[0];
    expect(Number.isSafeInteger(deal.closedAmount)).toBe(true);
    expect(deal.products.length).toBeGreaterThan(0);
    expect(deal.products[0]).toEqual({ sku: expect.any(String), line: expect.any(String), isNew: expect.any(Boolean) });
    expect(deal.regionCode).toMatch(/^[A-Z_]+$/);
    // Sales only when a rebate counts them.
    const countsSales = input.programs.some((p) => p.kind === "TIERED_REBATE" && p.rules.base === "SALES_AMOUNT");
    expect(input.sales.length).toBe(countsSales ? await db.salesRecord.count({ where: { partnerOrgId: { not: null } } }) : 0);
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
    // Programmes without a shared budget, so a scoped load stays scoped.
    await db.incentiveProgram.updateMany({ where: { OR: [{ kind: "SPIFF" }, { budgetCap: { not: null } }] }, data: { status: "DRAFT" } });
    const kept = await db.incentiveProgram.findMany({ where: { status: { in: ["ACTIVE", "ARCHIVED"] } }, select: { key: true } });
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
    expect(input.programs.map((p) => p.key)).toEqual([...kept.map((p) => p.key), "t-actions", "t-boost", "t-first", "t-segment"].sort());
    expect(input.wonDeals.length).toBeGreaterThan(0);
    expect(input.wonDeals.every((d) => d.partnerOrgId === partnerOrgId)).toBe(true);
    expect(input.sales).toEqual([]);
    expect(input.activities.length).toBe(
      await db.activity.count({ where: { partnerOrgId, kind: { in: ["DEMO", "SOLUTION_SUBMITTED", "CERTIFICATION"] } } }),
    );
    expect(input.activities.every((a) => a.partnerOrgId === partnerOrgId && /^\d+$/.test(a.id))).toBe(true);
    expect(input.segmentMemberships).toEqual([{ partnerOrgId, segment: "Champions" }]);
    expect(input.regionTargets).toEqual(targets);
    expect(input.regionCurrencies).toMatchObject({ NORDICS: "EUR", NORTH_AMERICA: "USD" });
    expect(input.priorFirstOrders.every((p) => p.partnerOrgId === partnerOrgId)).toBe(true);
  });
});

describe("loadAccrualInput since", () => {
  it("reads only events from since on, and the engine owes exactly what it owes for them on the full input", async () => {
    // The previous test added action, segment, boost and first-order programmes: every kind but SPIFF is present.
    const asOf = new Date();
    const full = await loadAccrualInput(db, { asOf });
    const closed = full.wonDeals.map((d) => d.closedAt.getTime()).sort((a, b) => a - b);
    const middle = new Date(closed[Math.floor(closed.length / 2)]);
    // A quarter's first day, so monthly caps and quarterly rebates see whole periods on both sides.
    const since = new Date(Date.UTC(middle.getUTCFullYear(), Math.floor(middle.getUTCMonth() / 3) * 3, 1));
    const recent = await loadAccrualInput(db, { asOf, since });

    expect(recent.wonDeals.length).toBeGreaterThan(0);
    expect(recent.wonDeals.length).toBeLessThan(full.wonDeals.length);
    expect(recent.wonDeals).toEqual(full.wonDeals.filter((d) => d.closedAt >= since));
    expect(recent.activities).toEqual(full.activities.filter((a) => a.occurredAt >= since));
    expect(recent.sales).toEqual(full.sales.filter((s) => s.soldOn >= since));
    expect(recent.segmentMemberships).toEqual(full.segmentMemberships);

    const owed = (input: AccrualInput) => computeAccruals(input).filter((d) => d.occurredAt >= since);
    expect(owed(recent)).toEqual(owed(full));
  });

  it("treats a new product won before since as already ordered, so no first-order bonus comes after it", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    const customer = await db.customer.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } });
    const product = await db.product.create({ data: { sku: "T-NEW-SINCE", name: "New since test", line: "Test", isNew: true }, select: { id: true } });
    await db.incentiveProgram.upsert({
      where: { key_version: { key: "t-first", version: 1 } },
      update: {},
      create: { key: "t-first", version: 1, name: "First order", kind: "NEW_PRODUCT_FIRST_ORDER", status: "ACTIVE", currency: "EUR", effectiveFrom: new Date("2020-01-01"), createdById: admin.id, rules: { bonus: 50_000 } },
    });
    const won = (title: string, closedAt: Date) =>
      db.deal.create({
        data: {
          partnerOrgId, customerId: customer.id, title, amount: 1_000_000n, currency: "EUR", expectedCloseDate: closedAt, stage: "CLOSED", status: "WON",
          closedAt, closedAmount: 1_000_000n, products: { create: [{ productId: product.id }] },
        },
        select: { id: true },
      });
    const before = await won("First order before since", new Date("2024-03-01T10:00:00Z"));
    const after = await won("Second order after since", new Date("2024-09-01T10:00:00Z"));
    const since = new Date("2024-07-01T00:00:00Z");
    const asOf = new Date();

    const recent = await loadAccrualInput(db, { asOf, since });
    expect(recent.wonDeals.some((d) => d.id === before.id)).toBe(false);
    expect(recent.priorFirstOrders).toContainEqual({ partnerOrgId, sku: "T-NEW-SINCE" });
    const bonusFor = (input: AccrualInput) => computeAccruals(input).filter((d) => d.explanationData.productSku === "T-NEW-SINCE").map((d) => d.dealId);
    expect(bonusFor(recent)).toEqual([]);
    expect(bonusFor(await loadAccrualInput(db, { asOf }))).toEqual([before.id]);
    // Scoped to the partner, the same.
    const scoped = await loadAccrualInput(db, { asOf, since, partnerOrgIds: [partnerOrgId] });
    expect(bonusFor(scoped)).toEqual([]);
    expect(recent.wonDeals.some((d) => d.id === after.id)).toBe(true);
  });
});

describe("loadAccrualInput for some partners", () => {
  it("gives the scoped partners exactly the drafts a load over everyone gives them, a SPIFF's shared budget included", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true } });
    const asOf = new Date();
    const day = (daysAgo: number) => new Date(asOf.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    // A SPIFF on any product (its products are never read for other partners) whose budget runs out.
    await db.incentiveProgram.create({
      data: {
        key: "t-spiff-any-product", version: 1, name: "Any product SPIFF", kind: "SPIFF", status: "ACTIVE", currency: "EUR", effectiveFrom: new Date(day(400)), createdById: admin.id,
        rules: { from: day(400), to: day(0), bonus: 60_000, budgetCap: 150_000, regionCodes: ["NORDICS", "DACH"] },
      },
    });
    const full = computeAccruals(await loadAccrualInput(db, { asOf }));
    expect(full.some((d) => d.explanationData.capKind === "BUDGET")).toBe(true);
    const partners = [...new Set(full.map((d) => d.partnerOrgId))];
    for (const partner of partners) {
      const scoped = computeAccruals(await loadAccrualInput(db, { asOf, partnerOrgIds: [partner] }));
      expect(scoped.filter((d) => d.partnerOrgId === partner)).toEqual(full.filter((d) => d.partnerOrgId === partner));
    }
  });
});
