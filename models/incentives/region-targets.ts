// Each region's sales target and the manager's target gap, which the dynamic regional boost reads
// until the forecasting job gives a forecast per region: stored as one setting, amounts in minor
// units of each region's own currency, edited by channel managers and admins (audited, a
// recompute queued), validated field by field.
import { z } from "zod";
import { recordAudit } from "../audit/log.ts";
import { can } from "../auth/permissions.ts";
import type { SessionUser } from "../auth/users.ts";
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { fieldErrors } from "../validation.ts";
import { regionGapBasisPoints } from "./deal-programs.ts";
import { requestIncentiveRecompute } from "./recompute.ts";
import type { RegionTarget } from "./types.ts";

/** The setting key the engine's loader reads. */
export const REGION_TARGETS_SETTING = "incentives.regionTargets";

/**
 * Serializes the read-modify-write of the setting: a manager's edit and the forecasting run's
 * write each read the whole list and write it back, so without it one would lose the other's change.
 * An advisory lock rather than FOR UPDATE on the row, which does not exist before the first write.
 */
async function lockRegionTargets(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('channelwise:region-targets'))");
}

const cents = z.int("must be whole cents").min(0, "may not be negative").max(Number.MAX_SAFE_INTEGER, "is too large");

/** The stored shape (the loader accepts exactly this; anything else means "no targets"). */
export const regionTargetsSchema = z.array(
  z.strictObject({
    regionCode: z.string().min(1),
    targetAmount: cents,
    forecastAmount: cents.nullable().default(null),
    managerGapBasisPoints: z.int("must be a whole number of basis points").min(0, "may not be negative").max(10_000, "may be at most 100 %").nullable().default(null),
  }),
);

/**
 * A region's row on the targets page: amounts in minor units of the region's own currency (the
 * currency its sales and forecast are in), and the gap the boost pays from once a forecast exists.
 */
export type RegionTargetRow = RegionTarget & {
  regionName: string;
  currency: string;
  /** How far the latest forecast falls below target (basis points of the target); null without a forecast or a target. */
  forecastGapBasisPoints: number | null;
};

export class RegionTargetsError extends Error {
  constructor(
    readonly status: 403 | 422,
    readonly fields: Record<string, string> = {},
  ) {
    super(status === 403 ? "Only channel managers and admins set regional targets" : "Some targets are invalid");
    this.name = "RegionTargetsError";
  }
}

/** The stored targets, or none while the setting is missing or invalid. */
export async function readRegionTargets(db: Pick<PrismaClient, "setting"> | Prisma.TransactionClient): Promise<RegionTarget[]> {
  const row = await db.setting.findUnique({ where: { key: REGION_TARGETS_SETTING }, select: { value: true } });
  const parsed = regionTargetsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : [];
}

/** Every region, with its currency, its target and gap when one is set. */
export async function listRegionTargets(db: PrismaClient): Promise<RegionTargetRow[]> {
  const [regions, targets] = await Promise.all([db.region.findMany({ select: { code: true, name: true, currency: true }, orderBy: { code: "asc" } }), readRegionTargets(db)]);
  const byRegion = new Map(targets.map((t) => [t.regionCode, t]));
  return regions.map((region) => {
    const target: RegionTarget = {
      regionCode: region.code,
      targetAmount: byRegion.get(region.code)?.targetAmount ?? 0,
      forecastAmount: byRegion.get(region.code)?.forecastAmount ?? null,
      managerGapBasisPoints: byRegion.get(region.code)?.managerGapBasisPoints ?? null,
    };
    const forecastGapBasisPoints = target.forecastAmount !== null && target.targetAmount > 0 ? regionGapBasisPoints(target) : null;
    return { ...target, regionName: region.name, currency: region.currency, forecastGapBasisPoints };
  });
}

const updateInput = z.array(
  z.object({
    regionCode: z.string().min(1),
    targetAmount: cents,
    managerGapBasisPoints: z.int("must be a whole number of basis points").min(0, "may not be negative").max(10_000, "may be at most 100 %").nullable(),
  }),
);

/**
 * Replaces the targets of the regions given, each in minor units of the region's currency (others
 * keep theirs; a forecast already stored is kept). Unknown regions and bad numbers are refused per
 * field ("0.targetAmount"), writing nothing. The audit names each region's currency.
 */
export async function updateRegionTargets(db: PrismaClient, user: SessionUser, input: unknown, options: { ipAddress?: string | null } = {}): Promise<RegionTargetRow[]> {
  if (!can(user, "incentives:manage")) throw new RegionTargetsError(403);
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) throw new RegionTargetsError(422, fieldErrors(parsed.error, "targets"));
  const known = new Map((await db.region.findMany({ select: { code: true, currency: true } })).map((r) => [r.code, r.currency]));
  const unknown = parsed.data.flatMap((row, index) => (known.has(row.regionCode) ? [] : [[`${index}.regionCode`, "is not a region"] as const]));
  if (unknown.length > 0) throw new RegionTargetsError(422, Object.fromEntries(unknown));

  await db.$transaction(async (tx) => {
    await lockRegionTargets(tx);
    const current = new Map((await readRegionTargets(tx)).map((t) => [t.regionCode, t]));
    for (const row of parsed.data) current.set(row.regionCode, { ...row, forecastAmount: current.get(row.regionCode)?.forecastAmount ?? null });
    const value = [...current.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
    await tx.setting.upsert({
      where: { key: REGION_TARGETS_SETTING },
      create: { key: REGION_TARGETS_SETTING, value, updatedById: user.id },
      update: { value, updatedById: user.id },
      select: { key: true },
    });
    await recordAudit(tx, { actorUserId: user.id, ipAddress: options.ipAddress ?? null, action: "incentives.region_targets", entityType: "Setting", entityId: REGION_TARGETS_SETTING, data: { regions: parsed.data.map((row) => ({ ...row, currency: known.get(row.regionCode) })) } });
    // Regional boosts pay from these gaps: everyone's accruals may change.
    await requestIncentiveRecompute(tx);
  });
  return listRegionTargets(db);
}

/**
 * The forecasting run's step: stores each region's forecast for the target period (regions not
 * given keep theirs; a region without a target gets a zero target, which boosts nothing) and
 * returns the regions whose boost gap changed, so the caller queues a recompute only then.
 */
export async function recordRegionForecasts(tx: Prisma.TransactionClient, forecasts: readonly { regionCode: string; forecastAmount: number }[]): Promise<string[]> {
  await lockRegionTargets(tx);
  const current = new Map((await readRegionTargets(tx)).map((t) => [t.regionCode, t]));
  const changed: string[] = [];
  for (const { regionCode, forecastAmount } of forecasts) {
    const before = current.get(regionCode) ?? { regionCode, targetAmount: 0, forecastAmount: null, managerGapBasisPoints: null };
    const after = { ...before, forecastAmount };
    if (regionGapBasisPoints(before) !== regionGapBasisPoints(after)) changed.push(regionCode);
    current.set(regionCode, after);
  }
  const value = [...current.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  await tx.setting.upsert({ where: { key: REGION_TARGETS_SETTING }, create: { key: REGION_TARGETS_SETTING, value }, update: { value }, select: { key: true } });
  return changed;
}
