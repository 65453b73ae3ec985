// Reads what the what-if simulator replays: the engine's input over the window (through the
// ledger's own loader), completed for the replayed versions' kinds, and the partner directory
// the cost is sliced by (name, region, latest segment). Reads only.
import { z } from "zod";
import type { Prisma } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { loadAccrualInput, REGION_TARGETS_SETTING } from "./load.ts";
import { REWARDED_ACTIONS } from "./rules.ts";
import type { PartnerDirectory } from "./simulate-report.ts";
import { keepSince, type ReplayWindow } from "./simulate-window.ts";
import type { AccrualInput, PriorFirstOrder, ProgramInput, RegionTarget } from "./types.ts";

type Tx = Prisma.TransactionClient;

/** The engine's input with every event of the window, fit to replay `programs` over it. */
export async function loadReplayInput(db: Tx, programs: readonly ProgramInput[], window: ReplayWindow): Promise<AccrualInput> {
  const input = keepSince(await loadAccrualInput(db, { asOf: window.to }), window.from);
  return completeForPrograms(db, input, programs, window);
}

/**
 * The ledger's loader reads only what the stored ACTIVE and ARCHIVED programmes need (no
 * activities without an action reward, say), so a draft of another kind would replay over
 * nothing. This reads, over the window, what the replayed kinds need and the loader skipped.
 */
async function completeForPrograms(db: Tx, input: AccrualInput, programs: readonly ProgramInput[], window: ReplayWindow): Promise<AccrualInput> {
  const missing = (needs: (program: ProgramInput) => boolean) => programs.some(needs) && !input.programs.some(needs);
  const complete = { ...input };
  if (missing((p) => p.kind === "ACTION_REWARD")) complete.activities = await loadActivities(db, window);
  if (missing((p) => p.kind === "TIERED_REBATE" && p.rules.base === "SALES_AMOUNT")) complete.sales = await loadSales(db, window);
  if (missing((p) => p.kind === "REGIONAL_BOOST")) complete.regionTargets = await loadRegionTargets(db);
  if (missing((p) => p.kind === "SEGMENT_ACCELERATOR")) complete.segmentMemberships = await loadSegmentMemberships(db, window.to);
  if (missing((p) => p.kind === "NEW_PRODUCT_FIRST_ORDER")) complete.priorFirstOrders = [...input.priorFirstOrders, ...(await loadPriorFirstOrders(db, input, window.to))];
  return complete;
}

async function loadActivities(db: Tx, window: ReplayWindow): Promise<AccrualInput["activities"]> {
  const rows = await db.activity.findMany({
    where: { kind: { in: [...REWARDED_ACTIONS] }, occurredAt: { gte: window.from, lte: window.to } },
    select: { id: true, partnerOrgId: true, kind: true, occurredAt: true },
    orderBy: { id: "asc" },
  });
  return rows.map((a) => ({ ...a, id: a.id.toString() }));
}

async function loadSales(db: Tx, window: ReplayWindow): Promise<AccrualInput["sales"]> {
  const rows = await db.salesRecord.findMany({
    where: { partnerOrgId: { not: null }, soldOn: { gte: window.from, lte: window.to } },
    select: { id: true, partnerOrgId: true, productId: true, soldOn: true, amount: true, currency: true },
    orderBy: { id: "asc" },
  });
  const skuOf = new Map((await db.product.findMany({ select: { id: true, sku: true } })).map((p) => [p.id, p.sku]));
  return rows.flatMap((s) =>
    s.partnerOrgId === null
      ? []
      : [{ id: s.id.toString(), partnerOrgId: s.partnerOrgId, productSku: skuOf.get(s.productId) ?? "", soldOn: s.soldOn, amount: toSafeNumber(s.amount), currency: s.currency.trim() }],
  );
}

const regionTargetsSchema = z.array(
  z.object({
    regionCode: z.string().min(1),
    targetAmount: z.int().min(0),
    forecastAmount: z.int().min(0).nullable().default(null),
    managerGapBasisPoints: z.int().min(0).max(10_000).nullable().default(null),
  }),
);

async function loadRegionTargets(db: Tx): Promise<RegionTarget[]> {
  const row = await db.setting.findUnique({ where: { key: REGION_TARGETS_SETTING }, select: { value: true } });
  const parsed = regionTargetsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : [];
}

/** Each partner's segment label in the latest segment run that succeeded by `asOf`. */
async function loadSegmentMemberships(db: Tx, asOf: Date): Promise<AccrualInput["segmentMemberships"]> {
  const run = await db.segmentRun.findFirst({
    where: { status: "SUCCEEDED", finishedAt: { lte: asOf } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (run === null) return [];
  const scores = await db.partnerScore.findMany({ where: { runId: run.id }, select: { partnerOrgId: true, segmentLabel: true } });
  return scores.map((s) => ({ partnerOrgId: s.partnerOrgId, segment: s.segmentLabel }));
}

/** New products a partner bought in the ERP before its first won deal with them: no first-order bonus. */
async function loadPriorFirstOrders(db: Tx, input: AccrualInput, asOf: Date): Promise<PriorFirstOrder[]> {
  const firstSales = await db.salesRecord.groupBy({ by: ["partnerOrgId", "productId"], where: { partnerOrgId: { not: null }, soldOn: { lte: asOf } }, _min: { soldOn: true } });
  const skuOf = new Map((await db.product.findMany({ where: { isNew: true }, select: { id: true, sku: true } })).map((p) => [p.id, p.sku]));
  const firstDeal = new Map<string, number>();
  for (const deal of input.wonDeals) {
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

/** Names, regions and latest segments of the partners the replay paid. */
export async function loadPartnerDirectory(db: Tx, partnerOrgIds: readonly string[], asOf: Date): Promise<PartnerDirectory> {
  const partners = await db.partnerOrg.findMany({ where: { id: { in: [...partnerOrgIds] } }, select: { id: true, name: true, regionCode: true } });
  const regions = await db.region.findMany({ select: { code: true, name: true } });
  const wanted = new Set(partnerOrgIds);
  const memberships = (await loadSegmentMemberships(db, asOf)).filter((m) => wanted.has(m.partnerOrgId));
  return {
    partners: new Map(partners.map(({ id, ...partner }) => [id, partner])),
    regionNames: new Map(regions.map((region) => [region.code, region.name])),
    segmentOf: new Map(memberships.map((m) => [m.partnerOrgId, m.segment])),
  };
}
