// Builds the whole demo in memory, without touching the database: a pure function of `now`
// and the password hash, so the same `now` always yields the same rows.
import { generateActivities } from "./activities.ts";
import { addDays, HOUR_MS } from "./calendar.ts";
import { DEMO_PRODUCTS, DEMO_REGIONS } from "./catalog.ts";
import { demoClock, joinedOn, type DemoClock } from "./clock.ts";
import { generateDeals } from "./deals.ts";
import { buildIncentives } from "./incentives.ts";
import { buildMarketSources } from "./market.ts";
import { buildPeople } from "./people.ts";
import { demoLoginOrgs, demoPartnerPlan, type DemoPartnerPlan } from "./plan.ts";
import { Random } from "./random.ts";
import type { ActivityRow, CustomerRow, DealEventRow, DealProductRow, DealRow, LedgerRow, SalesRow } from "./rows.ts";
import { generateSales, type SeededProduct } from "./sales.ts";
import type { PartnerTier, Prisma } from "../db/generated/client.ts";

export type DemoDataset = {
  regions: Prisma.RegionCreateManyInput[];
  products: Prisma.ProductCreateManyInput[];
  partnerOrgs: Prisma.PartnerOrgCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  userRegions: Prisma.UserRegionCreateManyInput[];
  customers: CustomerRow[];
  deals: DealRow[];
  dealProducts: DealProductRow[];
  dealEvents: DealEventRow[];
  salesRecords: SalesRow[];
  activities: ActivityRow[];
  incentivePrograms: Prisma.IncentiveProgramCreateManyInput[];
  ledgerEntries: LedgerRow[];
  marketSources: Prisma.MarketSourceCreateManyInput[];
};

/** Tier by the last 12 full months of sales, in cents: the programme's published thresholds. */
const TIER_THRESHOLDS: readonly (readonly [PartnerTier, number])[] = [
  ["PLATINUM", 150_000_000],
  ["GOLD", 60_000_000],
  ["SILVER", 20_000_000],
];

export function tierFor(trailing12mCents: number): PartnerTier {
  return TIER_THRESHOLDS.find(([, min]) => trailing12mCents >= min)?.[0] ?? "REGISTERED";
}

function seededProducts(clock: DemoClock): { rows: Prisma.ProductCreateManyInput[]; bySku: Map<string, SeededProduct> } {
  const rng = new Random("channelwise-demo:catalog");
  const bySku = new Map<string, SeededProduct>();
  const rows = DEMO_PRODUCTS.map((p) => {
    const id = rng.uuid();
    bySku.set(p.sku, { ...p, id });
    const launched = p.launchedMonthsAgo === undefined ? addDays(clock.firstMonth, -400) : new Date(clock.months[clock.months.length - 1 - p.launchedMonthsAgo]);
    return {
      id, sku: p.sku, name: p.name, line: p.line, isNew: p.isNew, isStrategic: p.isStrategic,
      marginBasisPoints: p.marginBasisPoints, listPrice: p.listPrice, currency: "EUR", createdAt: launched,
    };
  });
  return { rows, bySku };
}

function partnerOrgRow(plan: DemoPartnerPlan, plans: readonly DemoPartnerPlan[], clock: DemoClock, tier: PartnerTier, channelManagerId: string): Prisma.PartnerOrgCreateManyInput {
  const joinedAt = joinedOn(plan, clock);
  const createdAt = new Date(Math.min(clock.now.getTime(), joinedAt.getTime() + 9 * HOUR_MS));
  return {
    id: plan.id,
    name: plan.name,
    tier,
    type: plan.type,
    status: plan.status,
    regionCode: plan.regionCode,
    country: plan.country,
    industries: plan.industries,
    website: `https://www.${plan.slug}.example`,
    parentId: plan.parentIndex === null ? null : plans[plan.parentIndex].id,
    channelManagerId,
    joinedAt,
    createdAt,
    updatedAt: createdAt,
  };
}

export function buildDemoDataset(now: Date, passwordHash: string): DemoDataset {
  const clock = demoClock(now);
  const plans = demoPartnerPlan();
  const products = seededProducts(clock);
  const people = buildPeople(plans, now, passwordHash);
  const sales = generateSales(plans, products.bySku, clock);
  const deals = generateDeals({ plans, clock, products: products.bySku, people, showcaseOrgIndex: demoLoginOrgs().partner.index });
  const activities = generateActivities(plans, people.orgUserIds, products.bySku, clock);
  const incentives = buildIncentives(
    {
      deals: deals.deals,
      dealProducts: deals.dealProducts,
      customers: deals.customers,
      salesRecords: sales.rows,
      products: new Map([...products.bySku.values()].map((p) => [p.id, { sku: p.sku, line: p.line, isNew: p.isNew }])),
      partnerRegions: new Map(plans.map((p) => [p.id, p.regionCode])),
    },
    clock,
    people.adminId,
  );
  const firstDay = addDays(clock.firstMonth, -400);

  return {
    regions: DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name, currency: r.currency, createdAt: firstDay })),
    products: products.rows,
    partnerOrgs: plans.map((p) =>
      partnerOrgRow(p, plans, clock, p.archetype === "prospect" ? "REGISTERED" : tierFor(sales.trailing12m[p.index]), people.managerOf[p.index]),
    ),
    users: people.users.map((u) => ({ ...u, lastLoginAt: activities.lastLoginAt.get(u.id) ?? null })),
    userRegions: people.userRegions,
    customers: deals.customers,
    deals: deals.deals,
    dealProducts: deals.dealProducts,
    dealEvents: deals.events,
    salesRecords: sales.rows,
    activities: activities.rows,
    incentivePrograms: incentives.programs,
    ledgerEntries: incentives.ledger,
    marketSources: buildMarketSources(people.adminId, addDays(clock.today, -30)),
  };
}
