// forecastSeries: a monthly sales history in, a chosen model's p10/p50/p90 forecast out, the model
// chosen per series by a rolling-origin backtest against seasonal naive inside the history.
import type { BacktestSummary, ForecastOptions, ForecastPoint, MonthlyValue, SeriesForecast } from "../types.ts";
import { backtestCandidates, planOrigins } from "./backtest.ts";
import { fitCandidate, SEASONAL_CANDIDATES, type CandidateName } from "./candidates.ts";
import { chooseCandidate, choiceErrors } from "./choice.ts";
import { ForecastInputError } from "./errors.ts";
import { bandFromErrors, leaveOneOriginOutCoverage, logErrors } from "./intervals.ts";
import { densify, monthLabel } from "./months.ts";
import { fromLog, logOffset, toLog } from "./transform.ts";

/** Fewer months than this cannot be forecast: the band needs a few months to be backtested on. */
export const MIN_MONTHS = 6;
/** From this many months on, trend and seasonal models are fitted and compared. */
export const SEASONAL_MIN_MONTHS = 24;
export const DEFAULT_HORIZON = 12;
export const MAX_HORIZON = 120;

/** Seasonal naive forecast: each month repeats the same month a year earlier (the last value when under a year). */
export function seasonalNaive(history: readonly number[], horizon: number): number[] {
  return fitCandidate("seasonal-naive", history, 0).forecast(horizon);
}

type Plan = { candidates: readonly CandidateName[]; minTraining: number; note: string | null };

function planFor(length: number): Plan {
  if (length >= SEASONAL_MIN_MONTHS) return { candidates: SEASONAL_CANDIDATES, minTraining: Math.max(15, Math.min(24, length - 12)), note: null };
  const simpler = `Only ${length} months of history (fewer than ${SEASONAL_MIN_MONTHS}): a simpler model was used, without a fitted trend or seasonal pattern.`;
  if (length >= 15) return { candidates: ["seasonal-naive", "recent-mean", "annual-mean"], minTraining: 12, note: simpler };
  return { candidates: ["recent-mean", "annual-mean"], minTraining: Math.max(3, length - 12), note: `${simpler} With under 15 months the seasonal pattern cannot be tested, so the forecast is flat.` };
}

function validHorizon(horizon: number): number {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw new ForecastInputError(`The horizon must be a whole number of months from 1 to ${MAX_HORIZON} (got ${horizon}).`);
  }
  return horizon;
}

/**
 * Forecasts a monthly series `horizon` months past its last month. Throws ForecastInputError for a
 * malformed month, a repeated month, a negative or non-finite value, or fewer than MIN_MONTHS months
 * from first to last (missing months inside count as zero sales). Deterministic.
 */
export function forecastSeries(history: MonthlyValue[], options: ForecastOptions = {}): SeriesForecast {
  const horizon = validHorizon(options.horizon ?? DEFAULT_HORIZON);
  const { start, values } = densify(history);
  if (values.length < MIN_MONTHS) {
    throw new ForecastInputError(`Only ${values.length} month${values.length === 1 ? "" : "s"} of history; at least ${MIN_MONTHS} are needed to forecast.`);
  }
  const firstMonth = start % 12;
  const plan = planFor(values.length);
  const notes: string[] = plan.note ? [plan.note] : [];
  const filled = values.length - history.length;
  if (filled > 0) notes.push(`${filled} month${filled === 1 ? "" : "s"} without a record inside the history counted as zero sales.`);
  if (values.every((v) => v === 0)) notes.push("Every month of the history is zero, so the forecast is zero.");

  const origins = planOrigins(values.length, plan.minTraining);
  const backtests = backtestCandidates(plan.candidates, values, firstMonth, origins, horizon);
  const chosen = chooseCandidate(backtests);
  const baseline = backtests.find((b) => b.name === "seasonal-naive") ?? backtestCandidates(["seasonal-naive"], values, firstMonth, origins, horizon)[0];

  const model = fitCandidate(chosen.name, values, firstMonth, true);
  const offset = logOffset(values);
  // The band's spread comes from the errors of choosing as well as forecasting (see choice.ts).
  const keptErrors = logErrors(chosen.errors, offset);
  const choice = logErrors(choiceErrors(backtests, origins, chosen), offset);
  const band = bandFromErrors(choice, horizon);
  const points: ForecastPoint[] = model.forecast(horizon).map((p50, i) => ({
    month: monthLabel(start + values.length + i),
    p10: Math.min(p50, fromLog(toLog(p50, offset) + band.low[i], offset)),
    p50,
    p90: Math.max(p50, fromLog(toLog(p50, offset) + band.high[i], offset)),
  }));
  const backtest: BacktestSummary = {
    mase: chosen.mase,
    smape: chosen.smape,
    baselineMase: baseline.mase,
    baselineSmape: baseline.smape,
    coverage: leaveOneOriginOutCoverage(choice, horizon, keptErrors),
    origins: origins.length,
    horizon: Math.min(horizon, origins.length),
  };
  if (chosen.name === "seasonal-naive" && plan.candidates.length > 1) notes.push("Seasonal naive was kept: no other model beat it in the backtest.");
  return {
    model: chosen.name,
    notes,
    points,
    backtest,
    modelJson: { ...(model.toJSON() as object), offset, band: { p10LogError: band.low, p90LogError: band.high }, backtested: backtests.map((b) => ({ model: b.name, mase: b.mase, smape: b.smape })) },
  };
}
