// accrueIncentives against the seeded demo: nothing to append right after seeding, a newly won
// deal accrued once, a reopened one clawed back, and two workers at once appending each entry once.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { PrismaClient } from "../db/generated/client.ts";
import { accrueIncentives } from "./accrue.ts";

let partnerOrgId: string;

async function partnerTotal(): Promise<bigint> {
  const sum = await db.incentiveLedgerEntry.aggregate({ where: { partnerOrgId }, _sum: { amount: true } });
  return sum._sum.amount ?? 0n;
}

/** A deal of the seeded partner, won now for `closedAmount` cents of one Finance product. */
async function winDeal(title: string, closedAmount: number): Promise<string> {
  const [customer, product] = await Promise.all([
    db.customer.findFirstOrThrow({ select: { id: true }, orderBy: { id: "asc" } }),
    db.product.findFirstOrThrow({ where: { isNew: false, isStrategic: false }, select: { id: true }, orderBy: { sku: "asc" } }),
  ]);
  const deal = await db.deal.create({
    data: {
      partnerOrgId, customerId: customer.id, title, amount: BigInt(closedAmount), currency: "EUR",
      expectedCloseDate: new Date(), stage: "CLOSED", status: "WON", closedAt: new Date(), closedAmount: BigInt(closedAmount),
      products: { create: [{ productId: product.id }] },
    },
    select: { id: true },
  });
  return deal.id;
}

beforeAll(async () => {
  const partner = await db.partnerOrg.findFirstOrThrow({ where: { regionCode: "DACH", status: "ACTIVE" }, select: { id: true }, orderBy: { id: "asc" } });
  partnerOrgId = partner.id;
});

describe("accrueIncentives", () => {
  it("appends nothing on a full recompute right after seeding", async () => {
    const before = await db.incentiveLedgerEntry.count();
    expect(before).toBeGreaterThan(500);
    expect(await accrueIncentives(db)).toEqual({ appended: 0, total: 0 });
    expect(await db.incentiveLedgerEntry.count()).toBe(before);
  }, 60_000);

  it("accrues a newly won deal's commission once, with the engine's explanation", async () => {
    const totalBefore = await partnerTotal();
    const dealId = await winDeal("Accrual test ERP rollout", 10_000_000);
    // The commission, and whatever else the demo's programmes pay on it (a rebate top-up, say).
    const accrued = await accrueIncentives(db, { partnerOrgIds: [partnerOrgId] });
    expect(accrued.appended).toBeGreaterThanOrEqual(1);
    expect(accrued.total).toBeGreaterThanOrEqual(500_000);
    expect(await accrueIncentives(db, { partnerOrgIds: [partnerOrgId] })).toEqual({ appended: 0, total: 0 });
    expect(await accrueIncentives(db)).toEqual({ appended: 0, total: 0 });

    const entries = await db.incentiveLedgerEntry.findMany({ where: { dealId }, select: { kind: true, amount: true, idempotencyKey: true, explanation: true, partnerOrgId: true } });
    expect(entries).toEqual([
      {
        kind: "ACCRUAL",
        amount: 500_000n,
        partnerOrgId,
        idempotencyKey: `won-deal-commission:v1:commission:deal:${dealId}`,
        explanation: '5 % of €100,000.00: Commission on won deals on won deal "Accrual test ERP rollout"',
      },
    ]);
    expect(await partnerTotal()).toBe(totalBefore + BigInt(accrued.total));
  }, 60_000);

  it("claws the commission back when the deal is reopened", async () => {
    const deal = await db.deal.findFirstOrThrow({ where: { title: "Accrual test ERP rollout" }, select: { id: true } });
    const totalWon = await partnerTotal();
    await db.deal.update({ where: { id: deal.id }, data: { status: "APPROVED", closedAt: null, closedAmount: null } });
    const clawedBack = await accrueIncentives(db, { partnerOrgIds: [partnerOrgId] });
    expect(clawedBack.appended).toBeGreaterThanOrEqual(1);
    expect(clawedBack.total).toBeLessThanOrEqual(-500_000);
    expect(await accrueIncentives(db, { partnerOrgIds: [partnerOrgId] })).toEqual({ appended: 0, total: 0 });

    const clawback = await db.incentiveLedgerEntry.findFirstOrThrow({ where: { dealId: deal.id, kind: "CLAWBACK" }, select: { amount: true, idempotencyKey: true, explanation: true } });
    expect(clawback).toMatchObject({ amount: -500_000n, idempotencyKey: `won-deal-commission:v1:commission:deal:${deal.id}#2` });
    expect(clawback.explanation).toMatch(/^Clawback of €5,000\.00: no longer owed/);
    expect(await partnerTotal()).toBe(totalWon + BigInt(clawedBack.total));
  }, 60_000);

  it("appends each entry once when two workers recompute at the same time", async () => {
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }) });
    try {
      const totalBefore = await partnerTotal();
      const count = await db.incentiveLedgerEntry.count();
      const dealId = await winDeal("Concurrent accrual test", 2_000_000);
      const results = await Promise.all([accrueIncentives(db), accrueIncentives(other, { partnerOrgIds: [partnerOrgId] })]);
      // One run appends what the win earns, the other (waiting for it) finds nothing left to do.
      const [none, some] = [...results].sort((a, b) => a.appended - b.appended);
      expect(none).toEqual({ appended: 0, total: 0 });
      expect(some.appended).toBeGreaterThanOrEqual(1);
      expect(await db.incentiveLedgerEntry.count()).toBe(count + some.appended);
      expect(await db.incentiveLedgerEntry.count({ where: { dealId } })).toBe(1);
      expect(await partnerTotal()).toBe(totalBefore + BigInt(some.total));
    } finally {
      await other.$disconnect();
    }
  }, 60_000);
});
