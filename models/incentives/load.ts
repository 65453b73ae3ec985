// Reads what the incentive engine needs from the database — programmes, won deals with their
// products, industry and region, activities, sales, first orders, segments, regional targets —
// into the engine's plain input types (BigInt cents as safe numbers). A run scoped to some
// partners reads their events, plus only what a shared budget makes depend on everyone else.
import type { Prisma } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { isInEffectiveWindow } from "./drafting.ts";
import { loadActivities, loadPriorFirstOrders, loadProducts, loadSales, loadSegmentMemberships, loadWonDeals, type DealFilters, type PartnerSet, type TimeRange } from "./load-events.ts";
import { readRegionTargets } from "./region-targets.ts";
import { parseProgramRules, type ProgramRules } from "./rules.ts";
import type { AccrualInput, ProgramInput } from "./types.ts";

export type AccrualScope = {
  /** Only these partners' events; absent means every partner. */
  partnerOrgIds?: readonly string[];
  /** Events up to this moment count. */
  asOf: Date;
  /**
   * Events before this moment are not read (a simulation over recent months). A new product a
   * partner already won before it counts as ordered, so "first order" is still judged over all time.
   */
  since?: Date;
  /** Load what these programme versions need, instead of the stored ACTIVE and ARCHIVED ones (the simulator's replay). */
  programs?: readonly ProgramInput[];
};

/** True when a programme's budget is shared by all partners, so its cap needs every partner's events. */
export function hasSharedBudget(program: ProgramInput): boolean {
  return program.budgetCap !== null || program.kind === "SPIFF";
}

/** The columns a stored programme version needs to become a `ProgramInput`. */
export const programInputSelect = { id: true, key: true, version: true, name: true, kind: true, status: true, rules: true, currency: true, budgetCap: true, effectiveFrom: true, effectiveTo: true } as const;

export type StoredProgram = Prisma.IncentiveProgramGetPayload<{ select: typeof programInputSelect }>;

/** A stored version with its already validated `rules` as the engine reads it. */
export function toProgramInput(row: StoredProgram, rules: ProgramRules): ProgramInput {
  return {
    ...rules,
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    status: row.status,
    currency: row.currency.trim(),
    budgetCap: row.budgetCap === null ? null : toSafeNumber(row.budgetCap),
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}

export async function loadPrograms(db: Prisma.TransactionClient): Promise<ProgramInput[]> {
  const rows = await db.incentiveProgram.findMany({
    where: { status: { in: ["ACTIVE", "ARCHIVED"] } },
    select: programInputSelect,
    orderBy: [{ key: "asc" }, { version: "asc" }],
  });
  return rows.map((row) => toProgramInput(row, parseProgramRules(row.kind, row.rules)));
}

/**
 * The engine's input as of `asOf` (and from `since`). With `partnerOrgIds`, every event of those
 * partners, and of everyone else only what a programme with a shared budget (a SPIFF, a budget
 * cap) could count: its deals, activities or sales inside its window and filters. Who gets what
 * is left of a cap depends on everyone's accruals before, and on nothing outside the window —
 * so the scoped partners' drafts are exactly those of a run over everyone (see load.test.ts).
 */
export async function loadAccrualInput(db: Prisma.TransactionClient, scope: AccrualScope): Promise<AccrualInput> {
  return (await loadAccrualInputs(db, scope)).all;
}

/**
 * `loadAccrualInput`, also returning `own`: the scoped partners' events alone — all a programme
 * without a shared budget needs, so it need not run over the other partners' events too.
 * Without `partnerOrgIds` (or without a shared budget), `own` and `all` are the same object.
 */
export async function loadAccrualInputs(db: Prisma.TransactionClient, scope: AccrualScope): Promise<{ own: AccrualInput; all: AccrualInput }> {
  const programs = scope.programs ?? (await loadPrograms(db));
  const products = await loadProducts(db);
  const partners: PartnerSet = scope.partnerOrgIds === undefined ? {} : { only: scope.partnerOrgIds };
  const own = await loadEvents(db, programs, products, partners, { from: scope.since, to: scope.asOf });
  const shared = programs.filter(hasSharedBudget);
  if (scope.partnerOrgIds === undefined || shared.length === 0) return { own, all: own };
  const others = await loadSharedBudgetEvents(db, shared, products, { except: scope.partnerOrgIds }, scope);
  const all = {
    ...own,
    wonDeals: [...own.wonDeals, ...others.wonDeals],
    activities: [...own.activities, ...others.activities],
    sales: [...own.sales, ...others.sales],
    priorFirstOrders: [...own.priorFirstOrders, ...others.priorFirstOrders],
    segmentMemberships: [...own.segmentMemberships, ...others.segmentMemberships],
  };
  return { own, all };
}

type Products = Awaited<ReturnType<typeof loadProducts>>;

/** Every event of `partners` in `range` that some programme's kind reads. */
async function loadEvents(db: Prisma.TransactionClient, programs: readonly ProgramInput[], products: Products, partners: PartnerSet, range: TimeRange): Promise<AccrualInput> {
  const kinds = new Set(programs.map((p) => p.kind));
  const needsSales = programs.some((p) => p.kind === "TIERED_REBATE" && p.rules.base === "SALES_AMOUNT");
  // One query at a time: inside a transaction they share one connection.
  const wonDeals = await loadWonDeals(db, products, partners, range);
  return {
    programs,
    wonDeals,
    activities: kinds.has("ACTION_REWARD") ? await loadActivities(db, partners, range) : [],
    sales: needsSales ? await loadSales(db, partners, range) : [],
    priorFirstOrders: kinds.has("NEW_PRODUCT_FIRST_ORDER") ? await loadPriorFirstOrders(db, partners, wonDeals, range.from, range.to) : [],
    segmentMemberships: kinds.has("SEGMENT_ACCELERATOR") ? await loadSegmentMemberships(db, partners, range.to) : [],
    regionTargets: kinds.has("REGIONAL_BOOST") ? await readRegionTargets(db) : [],
    regionCurrencies: kinds.has("REGIONAL_BOOST") ? await loadRegionCurrencies(db) : {},
  };
}

/** Each region's currency by code (the region table is small). */
async function loadRegionCurrencies(db: Prisma.TransactionClient): Promise<Record<string, string>> {
  const regions = await db.region.findMany({ select: { code: true, currency: true } });
  return Object.fromEntries(regions.map((region) => [region.code, region.currency.trim()]));
}

const DAY_MS = 86_400_000;
const dayStart = (isoDay: string) => new Date(`${isoDay}T00:00:00.000Z`);
const dayEnd = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) + DAY_MS - 1);

/** The instants a programme can count events in: its effective window, a SPIFF's days, `since` and `asOf`. */
function countingRange(program: ProgramInput, scope: Pick<AccrualScope, "since" | "asOf">): TimeRange | null {
  const starts = [dayStart(program.effectiveFrom.toISOString().slice(0, 10)), scope.since, program.kind === "SPIFF" ? dayStart(program.rules.from) : undefined];
  const ends = [scope.asOf, program.effectiveTo === null ? undefined : dayEnd(program.effectiveTo), program.kind === "SPIFF" ? dayEnd(dayStart(program.rules.to)) : undefined];
  const from = new Date(Math.max(...starts.flatMap((d) => (d === undefined ? [] : [d.getTime()]))));
  const to = new Date(Math.min(...ends.flatMap((d) => (d === undefined ? [] : [d.getTime()]))));
  return from <= to && isInEffectiveWindow(program, from) ? { from, to } : null;
}

/**
 * Other partners' events that shared-budget programmes count. Each programme reads its counting
 * range with its own filters; a first-order programme reads every deal from its start (any
 * currency: "first" is judged over all of them) and counts products won before as ordered.
 */
async function loadSharedBudgetEvents(
  db: Prisma.TransactionClient,
  shared: readonly ProgramInput[],
  products: Products,
  others: PartnerSet,
  scope: AccrualScope,
): Promise<Omit<AccrualInput, "programs" | "regionTargets" | "regionCurrencies">> {
  const ranged = shared.flatMap((program) => {
    const range = countingRange(program, scope);
    return range === null ? [] : [{ program, range }];
  });
  // A SPIFF on any product never looks at a deal's products; when that is all there is, skip them.
  const withoutProducts = ranged.every(({ program }) => program.kind === "SPIFF" && !program.rules.productSkus?.length);
  const deals = new Map<string, AccrualInput["wonDeals"][number]>();
  const addDeals = (list: AccrualInput["wonDeals"]) => list.forEach((deal) => deals.set(deal.id, deal));

  const firstOrders = ranged.filter(({ program }) => program.kind === "NEW_PRODUCT_FIRST_ORDER");
  let firstOrderSince: Date | undefined;
  if (firstOrders.length > 0) {
    // From the earliest start to the latest end, so every shared first-order programme sees all it could.
    firstOrderSince = new Date(Math.min(...firstOrders.map(({ range }) => (range.from ?? scope.asOf).getTime())));
    addDeals(await loadWonDeals(db, products, others, { from: firstOrderSince, to: new Date(Math.max(...firstOrders.map(({ range }) => range.to.getTime()))) }));
  }
  const activities = new Map<string, AccrualInput["activities"][number]>();
  const sales = new Map<string, AccrualInput["sales"][number]>();
  for (const { program, range } of ranged) {
    switch (program.kind) {
      case "NEW_PRODUCT_FIRST_ORDER":
        break;
      case "ACTION_REWARD":
        for (const activity of await loadActivities(db, others, range)) activities.set(activity.id, activity);
        break;
      case "TIERED_REBATE":
        if (program.rules.base === "SALES_AMOUNT") for (const sale of await loadSales(db, others, range, program.currency)) sales.set(sale.id, sale);
        else addDeals(await loadWonDeals(db, products, others, range, { currency: program.currency }));
        break;
      default:
        addDeals(await loadWonDeals(db, products, others, range, { ...dealFilters(program), withoutProducts }));
    }
  }
  const wonDeals = [...deals.values()];
  return {
    wonDeals,
    activities: [...activities.values()],
    sales: [...sales.values()],
    priorFirstOrders: firstOrderSince === undefined ? [] : await loadPriorFirstOrders(db, others, wonDeals, firstOrderSince, scope.asOf),
    segmentMemberships: ranged.some(({ program }) => program.kind === "SEGMENT_ACCELERATOR") ? await loadSegmentMemberships(db, others, scope.asOf) : [],
  };
}

/**
 * What a shared-budget programme's own rules let PostgreSQL filter out. A SPIFF pays the same
 * bonus per deal, so its budget is gone after the first ⌈budget / bonus⌉ qualifying deals (in
 * closing order): a deal after those gets nothing whoever else closed later, so other partners'
 * deals past that point cannot change the scoped partners' drafts and are not read. The filters
 * are exactly the engine's (currency, days, regions, industries, products), so "first" means
 * the same deals as in a run over everyone.
 */
function dealFilters(program: ProgramInput): DealFilters {
  if (program.kind !== "SPIFF") return { currency: program.currency };
  const { productSkus, industries, regionCodes, bonus } = program.rules;
  const budget = Math.min(program.rules.budgetCap, program.budgetCap ?? Infinity);
  return { currency: program.currency, productSkus, industries, regionCodes, earliest: Math.ceil(budget / bonus) };
}

