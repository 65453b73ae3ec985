// What a partner can still earn, for the statement: progress to the next tier of each active
// tiered rebate (this quarter's volume, counted as the engine counts it) and the active SPIFFs
// that apply to them, with their countdown and what is left of their budget (an aggregate over
// all partners: never another partner's entries).
import type { PrismaClient } from "../db/generated/client.ts";
import { toSafeNumber, type Money } from "../money.ts";
import { isInEffectiveWindow, quarterOf } from "./drafting.ts";
import { loadPrograms } from "./load.ts";
import type { RebateTier, SpiffRules, TieredRebateRules } from "./rules.ts";
import { daysBetween, startOfQuarter, utcDay } from "./statement-period.ts";
import { rebateFor, tierProgress } from "./tiers.ts";
import type { ProgramInput } from "./types.ts";

export type ProgramRef = { id: string; key: string; name: string; version: number };

export type TierStep = RebateTier & { tier: number };

export type TierOutlook = {
  program: ProgramRef;
  /** "2026-Q4": the quarter the volume is counted in. */
  quarter: string;
  /** What counts as volume: won deals' closed amounts, or ERP sales. */
  base: TieredRebateRules["base"];
  mode: TieredRebateRules["mode"];
  /** Quarter-to-date volume in the programme's currency. */
  volume: Money;
  current: TierStep | null;
  next: TierStep | null;
  /** Further volume that reaches the next tier (0 at the top tier). */
  amountToNext: Money;
  /** 0..1 from the current tier's threshold to the next one (1 at the top). */
  progress: number;
  /** The rebate this quarter's volume earns so far, before the programme's budget cap. */
  rebateSoFar: Money;
  /** The programme's budget and what is left of it across all partners, when it has one. */
  budget: { cap: Money; remaining: Money } | null;
  tiers: TierStep[];
};

export type ActiveSpiff = {
  program: ProgramRef;
  bonus: Money;
  products: { sku: string; name: string }[];
  industries: string[];
  regionCodes: string[];
  startsOn: string;
  endsOn: string;
  /** Whole days until the last day: 0 when it ends today. */
  daysLeft: number;
  /** The budget (the tighter of the programme's and the SPIFF's cap). */
  budget: Money;
  /** The budget minus everything the programme has paid out to all partners, never below 0. */
  remainingBudget: Money;
  /** What this partner has earned from it so far. */
  earnedByPartner: Money;
};

type Partner = { id: string; regionCode: string };

const DAY_MS = 86_400_000;

function programRef(program: ProgramInput): ProgramRef {
  return { id: program.id, key: program.key, name: program.name, version: program.version };
}

/** The ACTIVE programmes whose effective window includes `now`. */
export async function loadActivePrograms(db: PrismaClient, now: Date): Promise<ProgramInput[]> {
  return (await loadPrograms(db)).filter((p) => p.status === "ACTIVE" && isInEffectiveWindow(p, now));
}

export async function loadTierOutlooks(db: PrismaClient, active: readonly ProgramInput[], partner: Partner, now: Date): Promise<TierOutlook[]> {
  const programs = active.flatMap((p) => (p.kind === "TIERED_REBATE" ? [p] : []));
  const outlooks: TierOutlook[] = [];
  for (const program of programs) {
    const volume = await quarterVolume(db, partner.id, program, program.rules, now);
    const steps = program.rules.tiers.map((tier, index) => ({ ...tier, tier: index + 1 }));
    const progress = tierProgress(volume, program.rules.tiers);
    const money = (amount: number): Money => ({ amount, currency: program.currency });
    outlooks.push({
      program: programRef(program),
      quarter: quarterOf(now),
      base: program.rules.base,
      mode: program.rules.mode,
      volume: money(volume),
      current: progress.current,
      next: progress.next,
      amountToNext: money(progress.amountToNext),
      progress: progress.progress,
      rebateSoFar: money(rebateFor(volume, program.rules.tiers, program.rules.mode)),
      budget: program.budgetCap === null ? null : { cap: money(program.budgetCap), remaining: money(await remainingBudget(db, program.id, program.budgetCap)) },
      tiers: steps,
    });
  }
  return outlooks;
}

/**
 * The partner's volume this quarter up to `now`, inside the programme's effective window and
 * currency — the same base the engine's tier draft for this quarter uses.
 */
async function quarterVolume(db: PrismaClient, partnerOrgId: string, program: ProgramInput, rules: TieredRebateRules, now: Date): Promise<number> {
  const effectiveStart = Date.UTC(program.effectiveFrom.getUTCFullYear(), program.effectiveFrom.getUTCMonth(), program.effectiveFrom.getUTCDate());
  const start = new Date(Math.max(startOfQuarter(now).getTime(), effectiveStart));
  const end = program.effectiveTo === null ? now : new Date(Math.min(now.getTime(), program.effectiveTo.getTime() + DAY_MS - 1));
  if (rules.base === "SALES_AMOUNT") {
    const sum = await db.salesRecord.aggregate({
      where: { partnerOrgId, currency: program.currency, soldOn: { gte: start, lte: end } },
      _sum: { amount: true },
    });
    return toSafeNumber(sum._sum.amount);
  }
  const sum = await db.deal.aggregate({
    where: { partnerOrgId, status: "WON", currency: program.currency, closedAmount: { not: null }, closedAt: { gte: start, lte: end } },
    _sum: { closedAmount: true },
  });
  return toSafeNumber(sum._sum.closedAmount);
}

export async function loadActiveSpiffs(db: PrismaClient, active: readonly ProgramInput[], partner: Partner, now: Date): Promise<ActiveSpiff[]> {
  const today = utcDay(now);
  const spiffs = active.flatMap((p) =>
    p.kind === "SPIFF" && p.rules.from <= today && today <= p.rules.to && appliesToRegion(p.rules, partner.regionCode) ? [p] : [],
  );
  const skus = [...new Set(spiffs.flatMap((p) => p.rules.productSkus ?? []))];
  const products = skus.length === 0 ? [] : await db.product.findMany({ where: { sku: { in: skus } }, select: { sku: true, name: true } });
  const nameOf = new Map(products.map((p) => [p.sku, p.name]));

  const result: ActiveSpiff[] = [];
  for (const program of spiffs) {
    const money = (amount: number): Money => ({ amount, currency: program.currency });
    const cap = Math.min(program.rules.budgetCap, program.budgetCap ?? Number.MAX_SAFE_INTEGER);
    const own = await db.incentiveLedgerEntry.aggregate({ where: { programId: program.id, partnerOrgId: partner.id }, _sum: { amount: true } });
    result.push({
      program: programRef(program),
      bonus: money(program.rules.bonus),
      products: (program.rules.productSkus ?? []).map((sku) => ({ sku, name: nameOf.get(sku) ?? sku })),
      industries: program.rules.industries ?? [],
      regionCodes: program.rules.regionCodes ?? [],
      startsOn: program.rules.from,
      endsOn: program.rules.to,
      daysLeft: daysBetween(today, program.rules.to),
      budget: money(cap),
      remainingBudget: money(await remainingBudget(db, program.id, cap)),
      earnedByPartner: money(toSafeNumber(own._sum.amount)),
    });
  }
  return result.sort((a, b) => a.endsOn.localeCompare(b.endsOn) || a.program.name.localeCompare(b.program.name));
}

/** The cap minus everything the programme has accrued for all partners, never below 0 — an aggregate only, never who took it. */
async function remainingBudget(db: PrismaClient, programId: string, cap: number): Promise<number> {
  const spent = await db.incentiveLedgerEntry.aggregate({ where: { programId }, _sum: { amount: true } });
  return Math.max(0, cap - toSafeNumber(spent._sum.amount));
}

function appliesToRegion(rules: SpiffRules, regionCode: string): boolean {
  return rules.regionCodes === undefined || rules.regionCodes.length === 0 || rules.regionCodes.includes(regionCode);
}
