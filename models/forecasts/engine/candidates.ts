// The candidate models the engine chooses among, each fitted on a training history and able to
// forecast any number of months ahead in sales units. Regression candidates share one fit shape
// (seasonal-fit.ts); the simple ones serve histories too short for a seasonal fit.
import { fitSeasonalTrend, fitSeasonalTrendWithMlRegression, forecastSeasonalTrend, type SeasonalFitOptions } from "./seasonal-fit.ts";
import { fromLog, logOffset, toLog } from "./transform.ts";

export type CandidateName =
  | "seasonal-naive"
  | "recent-mean"
  | "annual-mean"
  | "trend-seasonal"
  | "damped-trend-seasonal"
  | "local-trend-seasonal"
  | "additive-damped-trend-seasonal"
  | "combination";

export type FittedCandidate = { forecast: (horizon: number) => number[]; toJSON: () => unknown };

type Fit = (train: readonly number[], firstMonth: number, final: boolean) => FittedCandidate;

/** Damping per month of the damped variants: the trend adds ~6.5 months' worth over a year, then flattens. */
export const DAMPING = 0.9;
/** Regression fits look back at most this many months: older history says little about next year. */
export const REGRESSION_WINDOW = 120;

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function seasonalNaive(train: readonly number[]): FittedCandidate {
  const n = train.length;
  return {
    forecast: (horizon) => Array.from({ length: horizon }, (_, i) => (n >= 12 ? train[n - 12 + (i % 12)] : train[n - 1])),
    toJSON: () => ({ model: "seasonal-naive", period: 12, lastYear: train.slice(-12) }),
  };
}

function flatMean(name: CandidateName, months: number): Fit {
  return (train) => {
    const level = mean(train.slice(-months));
    return { forecast: (horizon) => new Array<number>(horizon).fill(level), toJSON: () => ({ model: name, months: Math.min(months, train.length), level }) };
  };
}

type RegressionSpec = SeasonalFitOptions & { scale: "log" | "sales" };

function regression(name: CandidateName, spec: RegressionSpec): Fit {
  return (train, firstMonth, final) => {
    const start = Math.max(0, train.length - REGRESSION_WINDOW);
    const window = train.slice(start);
    const windowFirstMonth = (firstMonth + start) % 12;
    const offset = spec.scale === "log" ? logOffset(window) : 0;
    const values = spec.scale === "log" ? window.map((v) => toLog(v, offset)) : window;
    let regressionJson: unknown = null;
    let fit;
    if (final) {
      const fitted = fitSeasonalTrendWithMlRegression(values, windowFirstMonth, spec);
      fit = fitted.fit;
      regressionJson = fitted.regression;
    } else {
      fit = fitSeasonalTrend(values, windowFirstMonth, spec);
    }
    const back = (v: number) => (spec.scale === "log" ? fromLog(v, offset) : Math.max(0, v));
    return {
      forecast: (horizon) => forecastSeasonalTrend(fit, windowFirstMonth, values.length, horizon, spec.damping).map(back),
      toJSON: () => ({
        model: name,
        scale: spec.scale,
        offset,
        months: values.length,
        halfLife: spec.halfLife,
        damping: spec.damping,
        slope: fit.slope,
        monthLevels: fit.monthLevels,
        residualCarry: { rho: fit.rho, lastResidual: fit.lastResidual },
        regression: regressionJson,
      }),
    };
  };
}

/**
 * The combination is the plain average of three different views (last year as is, the damped
 * global fit, the local fit): averaging rarely loses to its best member by much, and often beats it.
 */
export const COMBINATION_MEMBERS = ["seasonal-naive", "damped-trend-seasonal", "local-trend-seasonal"] as const satisfies readonly CandidateName[];

export function combineForecasts(forecasts: readonly (readonly number[])[]): number[] {
  return forecasts[0].map((_, i) => mean(forecasts.map((f) => f[i])));
}

const FITS: Record<CandidateName, Fit> = {
  "seasonal-naive": (train) => seasonalNaive(train),
  "recent-mean": flatMean("recent-mean", 3),
  "annual-mean": flatMean("annual-mean", 12),
  "trend-seasonal": regression("trend-seasonal", { scale: "log", halfLife: null, damping: 1, carryResidual: false }),
  "damped-trend-seasonal": regression("damped-trend-seasonal", { scale: "log", halfLife: null, damping: DAMPING, carryResidual: true }),
  "local-trend-seasonal": regression("local-trend-seasonal", { scale: "log", halfLife: 24, damping: DAMPING, carryResidual: true }),
  "additive-damped-trend-seasonal": regression("additive-damped-trend-seasonal", { scale: "sales", halfLife: null, damping: DAMPING, carryResidual: false }),
  combination: (train, firstMonth, final) => {
    const members = COMBINATION_MEMBERS.map((name) => FITS[name](train, firstMonth, final));
    return {
      forecast: (horizon) => combineForecasts(members.map((m) => m.forecast(horizon))),
      toJSON: () => ({ model: "combination", weights: "equal", members: members.map((m) => m.toJSON()) }),
    };
  },
};

/** Fits a candidate; `final` estimates regressions with ml-regression (for the kept model), else in closed form. */
export function fitCandidate(name: CandidateName, train: readonly number[], firstMonth: number, final = false): FittedCandidate {
  return FITS[name](train, firstMonth, final);
}

/** Histories of at least 24 months: the full set, simplest first (ties go to the simpler model). */
export const SEASONAL_CANDIDATES: readonly CandidateName[] = [
  "seasonal-naive",
  "trend-seasonal",
  "damped-trend-seasonal",
  "local-trend-seasonal",
  "additive-damped-trend-seasonal",
  "combination",
];
