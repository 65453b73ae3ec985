// One forecasting run: a ForecastRun row (RUNNING → SUCCEEDED with what was forecast and skipped,
// or FAILED with the error), a RegionForecast row per region × product line × month, and each
// region's forecast for the target period written into the regional targets, with an incentive
// recompute queued when a boost gap changed — all in one transaction, so a failure leaves the
// previous run as the latest readable one.
import type { Prisma, PrismaClient } from "../db/generated/client.ts";
import { recordRegionForecasts } from "../incentives/region-targets.ts";
import { requestIncentiveRecompute } from "../incentives/recompute.ts";
import { DEFAULT_HORIZON } from "./engine/index.ts";
import { loadWeightedPipeline } from "./pipeline.ts";
import { firstForecastMonth, loadRegionSalesHistory } from "./sales-history.ts";
import { type Forecaster, forecastRegions } from "./series-forecasts.ts";
import { MAX_RUN_HORIZON, type RunParams, TARGET_PERIOD_MONTHS } from "./stored.ts";
import { targetPeriodForecast } from "./target-gap.ts";

export type ForecastRunSummary = {
  runId: string;
  asOf: string;
  firstMonth: string;
  horizon: number;
  /** Regions with a forecast of their total in this run. */
  regions: string[];
  series: number;
  skipped: number;
  targetsChanged: string[];
  recomputeQueued: boolean;
};

export class ForecastRunInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForecastRunInputError";
  }
}

/** A run still RUNNING after this long was abandoned by a crashed worker (the job expires after an hour). */
const ABANDONED_AFTER_MS = 3 * 60 * 60 * 1000;
const INSERT_BATCH = 2_000;

export type ForecastRunOptions = { asOf?: Date; horizon?: number; /** Tests only: another engine. */ forecast?: Forecaster };

/** Forecasts every region's monthly sales; throws (after marking the run FAILED) when nothing could be forecast or on error. */
export async function forecastRegionSales(db: PrismaClient, { asOf = new Date(), horizon = DEFAULT_HORIZON, forecast }: ForecastRunOptions = {}): Promise<ForecastRunSummary> {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_RUN_HORIZON) throw new ForecastRunInputError(`The horizon must be a whole number of months from 1 to ${MAX_RUN_HORIZON} (got ${horizon}).`);
  if (Number.isNaN(asOf.getTime())) throw new ForecastRunInputError("asOf is not a valid date.");
  await db.forecastRun.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(Date.now() - ABANDONED_AFTER_MS) } },
    data: { status: "FAILED", finishedAt: new Date(), error: "Abandoned: the worker stopped before the run finished" },
  });
  const firstMonth = firstForecastMonth(asOf);
  const params: RunParams = { asOf: asOf.toISOString().slice(0, 10), horizon, firstMonth, targetPeriodMonths: TARGET_PERIOD_MONTHS, regions: [], series: 0, skipped: [] };
  const run = await db.forecastRun.create({ data: { horizon, params }, select: { id: true } });
  try {
    const histories = await loadRegionSalesHistory(db, { asOf });
    const pipelines = await loadWeightedPipeline(db, { asOf, firstMonth, horizon, regionCodes: histories.map((h) => h.regionCode) });
    const { series, skipped } = forecastRegions(histories, pipelines, horizon, forecast);
    const totals = series.filter((s) => s.productLine === "");
    if (totals.length === 0) throw new Error(`No region has enough sales history before ${firstMonth} to forecast: ${skipped.filter((s) => s.productLine === "").map((s) => `${s.regionCode}: ${s.reason}`).join("; ") || "there are no regions"}`);

    const rows = series.flatMap((s) =>
      s.points.map((p) => ({
        runId: run.id, regionCode: s.regionCode, productLine: s.productLine, month: new Date(`${p.month}-01T00:00:00Z`),
        p10: BigInt(p.p10), p50: BigInt(p.p50), p90: BigInt(p.p90), currency: s.currency, model: s.model, modelJson: s.meta as Prisma.InputJsonValue, backtest: s.backtest ?? undefined,
      })),
    );
    const targets = totals.flatMap((s) => {
      const period = targetPeriodForecast(s.points);
      return period ? [{ regionCode: s.regionCode, forecastAmount: period.amount }] : [];
    });
    return await db.$transaction(
      async (tx) => {
        for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.regionForecast.createMany({ data: rows.slice(i, i + INSERT_BATCH) });
        const targetsChanged = await recordRegionForecasts(tx, targets);
        // The boost pays from these gaps: recompute only when one moved.
        const recomputeQueued = targetsChanged.length > 0 ? await requestIncentiveRecompute(tx) : false;
        const regions = totals.map((s) => s.regionCode);
        const finished: RunParams = { ...params, regions, series: series.length, skipped, targets: { changedRegions: targetsChanged, recomputeQueued } };
        await tx.forecastRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date(), params: finished }, select: { id: true } });
        return { runId: run.id, asOf: params.asOf, firstMonth, horizon, regions, series: series.length, skipped: skipped.length, targetsChanged, recomputeQueued };
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.forecastRun.updateMany({ where: { id: run.id, status: "RUNNING" }, data: { status: "FAILED", finishedAt: new Date(), error: message } });
    throw error;
  }
}
