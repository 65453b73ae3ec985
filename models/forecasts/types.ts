// The shapes the forecasting engine (models/forecasts/engine) hands to the job, the pages, the
// API and the CLI: a monthly series in, a chosen model with p10/p50/p90 points and its
// rolling-origin backtest out. Months are "YYYY-MM" strings (UTC calendar months).

/** One observed month of a series; missing months inside the span count as zero sales. */
export type MonthlyValue = { month: string; value: number };

export type ForecastPoint = { month: string; p10: number; p50: number; p90: number };

export type BacktestSummary = {
  /** Mean absolute scaled error of the chosen model over the backtest origins (lower is better; < 1 beats seasonal naive's in-sample error). */
  mase: number;
  /** Symmetric MAPE of the chosen model, in percent (0–200). */
  smape: number;
  /** The same MASE for seasonal naive over the same origins: the baseline the choice is held to. */
  baselineMase: number;
  baselineSmape: number;
  /** Share of held-out actuals that fell inside the p10–p90 band (target 0.8). */
  coverage: number;
  /** How many rolling origins were evaluated, and the horizon each forecast. */
  origins: number;
  horizon: number;
};

export type SeriesForecast = {
  /** The chosen candidate, e.g. "seasonal-naive", "damped-trend-seasonal", "combination". */
  model: string;
  /** Plain-words caveats, e.g. "Only 14 months of history: a simpler model was used." */
  notes: string[];
  points: ForecastPoint[];
  backtest: BacktestSummary | null;
  /** Enough to reproduce the forecast (the fitted candidate's toJSON and parameters). */
  modelJson: unknown;
};

export type ForecastOptions = {
  /** Months ahead; 12 unless configured. */
  horizon?: number;
};
