// The demo's incentive programmes — a flat commission on won deals (one per deal currency), a
// quarterly tiered volume rebate, all active for three years, and a live strategic-modules SPIFF
// with a budget — and the ledger they have earned,
// computed by the incentive engine itself so a recompute right after seeding appends nothing.
import { DEMO_PRODUCTS } from "./catalog.ts";
import type { DemoClock } from "./clock.ts";
import { Random } from "./random.ts";
import type { CustomerRow, DealProductRow, DealRow, LedgerRow, SalesRow } from "./rows.ts";
import type { Prisma } from "../db/generated/client.ts";
import { computeAccruals } from "../incentives/engine.ts";
import { reconcile } from "../incentives/ledger.ts";
import { parseProgramRules } from "../incentives/rules.ts";
import type { AccrualInput, ProgramInput, SaleInput, WonDealInput } from "../incentives/types.ts";

export const COMMISSION_PROGRAM_KEY = "won-deal-commission";
export const USD_COMMISSION_PROGRAM_KEY = "won-deal-commission-usd";
export const REBATE_PROGRAM_KEY = "quarterly-volume-rebate";
export const SPIFF_PROGRAM_KEY = "strategic-modules-spiff";
const DAY_MS = 86_400_000;
const COMMISSION_BASIS_POINTS = 500;

export type DemoIncentives = {
  programs: Prisma.IncentiveProgramCreateManyInput[];
  ledger: LedgerRow[];
};

/** What the engine reads from the rest of the demo, in memory (the rows the seed will write). */
export type DemoIncentiveSources = {
  deals: readonly DealRow[];
  dealProducts: readonly DealProductRow[];
  customers: readonly CustomerRow[];
  salesRecords: readonly SalesRow[];
  /** Product id → its SKU, line and "new" flag. */
  products: ReadonlyMap<string, { sku: string; line: string; isNew: boolean }>;
  /** Partner org id → its region code. */
  partnerRegions: ReadonlyMap<string, string>;
};

function commissionProgram(id: string, key: string, name: string, currency: string, clock: DemoClock, adminId: string): Prisma.IncentiveProgramCreateManyInput {
  return {
    id,
    key,
    version: 1,
    name,
    kind: "COMMISSION",
    status: "ACTIVE",
    rules: {
      appliesTo: "WON_DEAL",
      base: "CLOSED_AMOUNT",
      rateBasisPoints: COMMISSION_BASIS_POINTS,
      requiresApprovedRegistration: true,
      accrueOn: "DEAL_WON",
    },
    currency,
    effectiveFrom: clock.firstMonth,
    createdById: adminId,
    createdAt: clock.firstMonth,
    activatedAt: clock.firstMonth,
  };
}

export function demoIncentivePrograms(clock: DemoClock, adminId: string): Prisma.IncentiveProgramCreateManyInput[] {
  const rng = new Random("channelwise-demo:incentives");
  const effectiveFrom = clock.firstMonth;
  // Drawn in this order so the ids of the first two programmes stay what they always were.
  const [commissionId, rebateId, usdCommissionId, spiffId] = [rng.uuid(), rng.uuid(), rng.uuid(), rng.uuid()];
  const spiffFrom = new Date(clock.today.getTime() - 40 * DAY_MS);
  const spiffTo = new Date(clock.today.getTime() + 35 * DAY_MS);
  return [
    commissionProgram(commissionId, COMMISSION_PROGRAM_KEY, "Commission on won deals", "EUR", clock, adminId),
    {
      id: rebateId,
      key: REBATE_PROGRAM_KEY,
      version: 1,
      name: "Quarterly volume rebate",
      kind: "TIERED_REBATE",
      status: "ACTIVE",
      rules: {
        period: "QUARTER",
        base: "WON_DEAL_AMOUNT",
        mode: "RETROACTIVE",
        // Amounts in minor units of the programme currency. Each tier's rate applies to the
        // whole quarter's won volume once its threshold is reached.
        tiers: [
          { fromAmount: 0, rateBasisPoints: 100 },
          { fromAmount: 15_000_000, rateBasisPoints: 200 },
          { fromAmount: 40_000_000, rateBasisPoints: 300 },
        ],
        accelerators: [
          { productSkus: DEMO_PRODUCTS.filter((p) => p.isStrategic).map((p) => p.sku), extraBasisPoints: 50, reason: "strategic modules" },
        ],
        payoutAfterDays: 45,
      },
      currency: "EUR",
      effectiveFrom,
      createdById: adminId,
      createdAt: effectiveFrom,
      activatedAt: effectiveFrom,
    },
    // A programme pays in one currency; North American deals close in dollars.
    commissionProgram(usdCommissionId, USD_COMMISSION_PROGRAM_KEY, "Commission on won deals (USD)", "USD", clock, adminId),
    // A live, time-boxed bonus with a budget, so statements show a countdown and what is left.
    {
      id: spiffId,
      key: SPIFF_PROGRAM_KEY,
      version: 1,
      name: "Strategic modules SPIFF",
      kind: "SPIFF",
      status: "ACTIVE",
      rules: {
        from: spiffFrom.toISOString().slice(0, 10),
        to: spiffTo.toISOString().slice(0, 10),
        bonus: 75_000,
        productSkus: DEMO_PRODUCTS.filter((p) => p.isStrategic).map((p) => p.sku),
        budgetCap: 6_000_000,
      },
      currency: "EUR",
      effectiveFrom: spiffFrom,
      effectiveTo: spiffTo,
      createdById: adminId,
      createdAt: spiffFrom,
      activatedAt: spiffFrom,
    },
  ];
}

/** A programme row as the engine reads it back from the database. */
function programInput(row: Prisma.IncentiveProgramCreateManyInput): ProgramInput {
  if (row.id === undefined) throw new Error(`demo programme ${row.key} needs an id`);
  return {
    ...parseProgramRules(row.kind, row.rules),
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    status: row.status ?? "DRAFT",
    currency: row.currency ?? "EUR",
    budgetCap: row.budgetCap === undefined || row.budgetCap === null ? null : Number(row.budgetCap),
    effectiveFrom: new Date(row.effectiveFrom),
    effectiveTo: row.effectiveTo === undefined || row.effectiveTo === null ? null : new Date(row.effectiveTo),
  };
}

function accrualInput(programs: readonly Prisma.IncentiveProgramCreateManyInput[], sources: DemoIncentiveSources): AccrualInput {
  const industryOf = new Map(sources.customers.map((c) => [c.id, c.industry]));
  const productsOf = new Map<string, WonDealInput["products"]>();
  for (const dp of sources.dealProducts) {
    const product = sources.products.get(dp.productId);
    if (product === undefined) throw new Error(`demo deal ${dp.dealId} has an unknown product ${dp.productId}`);
    productsOf.set(dp.dealId, [...(productsOf.get(dp.dealId) ?? []), product]);
  }
  const wonDeals = sources.deals.flatMap((d): WonDealInput[] =>
    d.status === "WON" && d.closedAt !== null && d.closedAmount !== null
      ? [{
          id: d.id,
          title: d.title,
          partnerOrgId: d.partnerOrgId,
          regionCode: sources.partnerRegions.get(d.partnerOrgId) ?? "",
          industry: industryOf.get(d.customerId) ?? null,
          currency: d.currency,
          closedAmount: d.closedAmount,
          closedAt: d.closedAt,
          products: productsOf.get(d.id) ?? [],
        }]
      : [],
  );
  const sales = sources.salesRecords.map((s): SaleInput => ({
    // The database numbers sales on insert; the rebate keys by partner and quarter, never by sale.
    id: s.externalRef,
    partnerOrgId: s.partnerOrgId,
    productSku: sources.products.get(s.productId)?.sku ?? "",
    // A `date` column: what is read back is the UTC day.
    soldOn: new Date(`${s.soldOn.toISOString().slice(0, 10)}T00:00:00Z`),
    amount: s.amount,
    currency: s.currency,
  }));
  // The demo has no action-reward, first-order, segment or regional-boost programme, so it
  // needs no activities (numbered by the database), segments or targets here.
  return { programs: programs.map(programInput), wonDeals, activities: [], sales, priorFirstOrders: [], segmentMemberships: [], regionTargets: [] };
}

export function buildIncentives(sources: DemoIncentiveSources, clock: DemoClock, adminId: string): DemoIncentives {
  const programs = demoIncentivePrograms(clock, adminId);
  const entries = reconcile([], computeAccruals(accrualInput(programs, sources)), clock.now);
  const ledger = entries
    .map((e): LedgerRow => ({
      partnerOrgId: e.partnerOrgId,
      programId: e.programId,
      kind: e.kind,
      amount: e.amount,
      currency: e.currency,
      dealId: e.dealId,
      explanation: e.explanation,
      explanationData: e.explanationData,
      idempotencyKey: e.idempotencyKey,
      occurredAt: e.occurredAt,
    }))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.idempotencyKey < b.idempotencyKey ? -1 : 1));
  return { programs, ledger };
}
