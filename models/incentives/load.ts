// Reads what the incentive engine needs from the database — programmes, won deals with their
// products, industry and region, activities, sales, first orders, segments, regional targets —
// into the engine's plain input types (BigInt cents as safe numbers).
import { z } from "zod";
import type { Prisma } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { parseProgramRules, REWARDED_ACTIONS } from "./rules.ts";
import type { AccrualInput, PriorFirstOrder, ProgramInput, RegionTarget, WonDealInput } from "./types.ts";

export type AccrualScope = {
  /** Only these partners' events; absent means every partner. */
  partnerOrgIds?: readonly string[];
  /** Events up to this moment count. */
  asOf: Date;
};

/** The setting a manager fills with each region's target and gap for regional boosts. */
export const REGION_TARGETS_SETTING = "incentives.regionTargets";

const regionTargetsSchema = z.array(
  z.strictObject({
    regionCode: z.string().min(1),
    targetAmount: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
    forecastAmount: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().default(null),
    managerGapBasisPoints: z.int().min(0).max(10_000).nullable().default(null),
  }),
);

/** True when a programme's budget is shared by all partners, so its cap needs every partner's events. */
export function hasSharedBudget(program: ProgramInput): boolean {
  return program.budgetCap !== null || program.kind === "SPIFF";
}

export async function loadPrograms(db: Prisma.TransactionClient): Promise<ProgramInput[]> {
  const rows = await db.incentiveProgram.findMany({
    where: { status: { in: ["ACTIVE", "ARCHIVED"] } },
    select: { id: true, key: true, version: true, name: true, kind: true, status: true, rules: true, currency: true, budgetCap: true, effectiveFrom: true, effectiveTo: true },
    orderBy: [{ key: "asc" }, { version: "asc" }],
  });
  return rows.map((row) => ({
    ...parseProgramRules(row.kind, row.rules),
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    status: row.status,
    currency: row.currency.trim(),
    budgetCap: row.budgetCap === null ? null : toSafeNumber(row.budgetCap),
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  }));
}

/**
 * The engine's input as of `asOf`. With `partnerOrgIds`, only those partners' events are read —
 * unless a programme's budget is shared by all partners: then every partner's events are read,
 * because who gets what is left of a cap depends on everyone's accruals before.
 */
export async function loadAccrualInput(db: Prisma.TransactionClient, scope: AccrualScope): Promise<AccrualInput> {
  const programs = await loadPrograms(db);
  const kinds = new Set(programs.map((p) => p.kind));
  const partnerIds = scope.partnerOrgIds === undefined || programs.some(hasSharedBudget) ? undefined : [...scope.partnerOrgIds];
  const partner = partnerIds === undefined ? {} : { partnerOrgId: { in: partnerIds } };
  const needsSales = programs.some((p) => p.kind === "TIERED_REBATE" && p.rules.base === "SALES_AMOUNT");

  // One query at a time: inside a transaction they share one connection.
  const wonDeals = await loadWonDeals(db, partner, scope.asOf);
  const activities = kinds.has("ACTION_REWARD")
    ? await db.activity.findMany({
        where: { ...partner, kind: { in: [...REWARDED_ACTIONS] }, occurredAt: { lte: scope.asOf } },
        select: { id: true, partnerOrgId: true, kind: true, occurredAt: true },
        orderBy: { id: "asc" },
      })
    : [];
  const sales = needsSales ? await loadSales(db, partner, scope.asOf) : [];
  const segmentMemberships = kinds.has("SEGMENT_ACCELERATOR") ? await loadSegmentMemberships(db, partnerIds, scope.asOf) : [];
  const regionTargets = kinds.has("REGIONAL_BOOST") ? await loadRegionTargets(db) : [];
  const priorFirstOrders = kinds.has("NEW_PRODUCT_FIRST_ORDER") ? await loadPriorFirstOrders(db, partner, wonDeals, scope.asOf) : [];
  return {
    programs,
    wonDeals,
    activities: activities.map((a) => ({ id: a.id.toString(), partnerOrgId: a.partnerOrgId, kind: a.kind, occurredAt: a.occurredAt })),
    sales,
    priorFirstOrders,
    segmentMemberships,
    regionTargets,
  };
}

type PartnerFilter = { partnerOrgId?: { in: string[] } };

/** Every product by id, as the engine names it. */
async function loadProducts(db: Prisma.TransactionClient): Promise<Map<string, WonDealInput["products"][number]>> {
  const rows = await db.product.findMany({ select: { id: true, sku: true, line: true, isNew: true } });
  return new Map(rows.map(({ id, ...product }) => [id, product]));
}

// Flat queries joined here, not nested selects: Prisma runs a nested select's relations in
// parallel, which a transaction's single connection only queues (with a pg deprecation warning).
async function loadWonDeals(db: Prisma.TransactionClient, partner: PartnerFilter, asOf: Date): Promise<WonDealInput[]> {
  const deals = await db.deal.findMany({
    where: { ...partner, status: "WON", closedAt: { not: null, lte: asOf }, closedAmount: { not: null } },
    select: { id: true, title: true, partnerOrgId: true, customerId: true, currency: true, closedAmount: true, closedAt: true },
    orderBy: { id: "asc" },
  });
  const dealIds = deals.map((d) => d.id);
  const regions = await db.partnerOrg.findMany({ where: { id: { in: [...new Set(deals.map((d) => d.partnerOrgId))] } }, select: { id: true, regionCode: true } });
  const customers = await db.customer.findMany({ where: { id: { in: [...new Set(deals.map((d) => d.customerId))] } }, select: { id: true, industry: true } });
  const dealProducts = await db.dealProduct.findMany({ where: { dealId: { in: dealIds } }, select: { dealId: true, productId: true } });
  const products = await loadProducts(db);
  const regionOf = new Map(regions.map((r) => [r.id, r.regionCode]));
  const industryOf = new Map(customers.map((c) => [c.id, c.industry]));
  const productsOf = new Map<string, WonDealInput["products"]>();
  for (const { dealId, productId } of dealProducts) {
    const product = products.get(productId);
    if (product !== undefined) productsOf.set(dealId, [...(productsOf.get(dealId) ?? []), product]);
  }
  return deals.map((d) => ({
    id: d.id,
    title: d.title,
    partnerOrgId: d.partnerOrgId,
    regionCode: regionOf.get(d.partnerOrgId) ?? "",
    industry: industryOf.get(d.customerId) ?? null,
    currency: d.currency.trim(),
    closedAmount: toSafeNumber(d.closedAmount),
    closedAt: d.closedAt ?? asOf, // never null: the query asks for closed deals
    products: productsOf.get(d.id) ?? [],
  }));
}

async function loadSales(db: Prisma.TransactionClient, partner: PartnerFilter, asOf: Date): Promise<AccrualInput["sales"]> {
  const rows = await db.salesRecord.findMany({
    where: { partnerOrgId: partner.partnerOrgId ?? { not: null }, soldOn: { lte: asOf } },
    select: { id: true, partnerOrgId: true, productId: true, soldOn: true, amount: true, currency: true },
    orderBy: { id: "asc" },
  });
  const products = await loadProducts(db);
  return rows.flatMap((s) =>
    s.partnerOrgId === null
      ? []
      : [{ id: s.id.toString(), partnerOrgId: s.partnerOrgId, productSku: products.get(s.productId)?.sku ?? "", soldOn: s.soldOn, amount: toSafeNumber(s.amount), currency: s.currency.trim() }],
  );
}

/** A partner's ERP sales of a product dated before its first won deal with it: no first-order bonus. */
async function loadPriorFirstOrders(db: Prisma.TransactionClient, partner: PartnerFilter, wonDeals: readonly WonDealInput[], asOf: Date): Promise<PriorFirstOrder[]> {
  const firstSales = await db.salesRecord.groupBy({
    by: ["partnerOrgId", "productId"],
    where: { partnerOrgId: partner.partnerOrgId ?? { not: null }, soldOn: { lte: asOf } },
    _min: { soldOn: true },
  });
  const products = await db.product.findMany({ where: { isNew: true }, select: { id: true, sku: true } });
  const skuOf = new Map(products.map((p) => [p.id, p.sku]));
  const firstDeal = new Map<string, number>();
  for (const deal of wonDeals) {
    for (const { sku } of deal.products) {
      const key = `${deal.partnerOrgId}|${sku}`;
      firstDeal.set(key, Math.min(firstDeal.get(key) ?? Infinity, deal.closedAt.getTime()));
    }
  }
  return firstSales.flatMap((row): PriorFirstOrder[] => {
    const sku = skuOf.get(row.productId);
    const soldOn = row._min.soldOn;
    if (row.partnerOrgId === null || sku === undefined || soldOn === null) return [];
    return soldOn.getTime() < (firstDeal.get(`${row.partnerOrgId}|${sku}`) ?? Infinity) ? [{ partnerOrgId: row.partnerOrgId, sku }] : [];
  });
}

/** Each partner's segment in the latest succeeded segment run, if there is one. */
async function loadSegmentMemberships(db: Prisma.TransactionClient, partnerIds: string[] | undefined, asOf: Date): Promise<AccrualInput["segmentMemberships"]> {
  const run = await db.segmentRun.findFirst({
    where: { status: "SUCCEEDED", finishedAt: { lte: asOf } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (run === null) return [];
  const scores = await db.partnerScore.findMany({
    where: { runId: run.id, ...(partnerIds === undefined ? {} : { partnerOrgId: { in: partnerIds } }) },
    select: { partnerOrgId: true, segmentLabel: true },
    orderBy: { partnerOrgId: "asc" },
  });
  return scores.map((s) => ({ partnerOrgId: s.partnerOrgId, segment: s.segmentLabel }));
}

/** The targets a manager set; none (so no boost from a gap) while the setting is missing or invalid. */
async function loadRegionTargets(db: Prisma.TransactionClient): Promise<RegionTarget[]> {
  const row = await db.setting.findUnique({ where: { key: REGION_TARGETS_SETTING }, select: { value: true } });
  const parsed = regionTargetsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : [];
}
