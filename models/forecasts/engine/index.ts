// The forecasting engine's public face for the job, the pages, the API and the CLI: forecastSeries,
// the hold-out evaluation, seasonal naive, the accuracy metrics and the month helpers.
export { DEFAULT_HORIZON, forecastSeries, MAX_HORIZON, MIN_MONTHS, SEASONAL_MIN_MONTHS, seasonalNaive } from "./forecast-series.ts";
export { evaluateHoldout, type HoldoutMonth, type HoldoutResult } from "./holdout.ts";
export { ForecastInputError } from "./errors.ts";
export { coverage, mase, naiveScale, smape } from "./metrics.ts";
export { addMonths, densify, monthIndex, monthLabel } from "./months.ts";
export type { CandidateName } from "./candidates.ts";
