// Seeded synthetic monthly sales for the engine's tests and bench/forecast: a log-linear trend times
// a 12-month pattern, with multiplicative noise, so the truth a forecast should recover is known;
// optionally a wandering level and occasional outlier months, for series as erratic as real sales.
import { seededRandom } from "../../ml/random.ts";
import { normalFrom } from "../../segments/blobs.ts";
import type { MonthlyValue } from "../types.ts";
import { monthIndex, monthLabel } from "./months.ts";

export type SyntheticOptions = {
  months: number;
  /** First month, "YYYY-MM". */
  start?: string;
  /** Sales of the first month before the seasonal factor. */
  level?: number;
  /** Growth per month on the log scale (0.01 ≈ +12.7 % a year). */
  growth?: number;
  /** Log-scale seasonal effects, January first (12 values); zeros when left out. */
  seasonal?: readonly number[];
  /** Standard deviation of the log-scale noise. */
  noise?: number;
  /** Standard deviation of a random walk added to the log level each month (0: the trend is fixed). */
  levelNoise?: number;
  /** Share of months whose noise is four times larger (one-off spikes and dips). */
  outliers?: number;
  seed?: number;
};

/** The noiseless value of month t (0-based from the start) under the options, without the level's random walk. */
export function syntheticTruth(options: SyntheticOptions, t: number): number {
  const first = monthIndex(options.start ?? "2015-01") ?? 0;
  const seasonal = options.seasonal ?? new Array<number>(12).fill(0);
  return (options.level ?? 1000) * Math.exp((options.growth ?? 0) * t + seasonal[(first + t) % 12]);
}

export function syntheticSeries(options: SyntheticOptions): MonthlyValue[] {
  const first = monthIndex(options.start ?? "2015-01") ?? 0;
  const normal = normalFrom(seededRandom(options.seed ?? 1));
  // The level's walk and the outliers draw from their own stream, so adding them leaves the noise
  // of the same seed as it was.
  const extra = seededRandom((options.seed ?? 1) ^ 0x5bd1e995);
  const extraNormal = normalFrom(extra);
  const noise = options.noise ?? 0;
  let level = 0;
  return Array.from({ length: options.months }, (_, t) => {
    if (t > 0 && options.levelNoise) level += options.levelNoise * extraNormal();
    const spike = options.outliers && extra() < options.outliers ? 4 : 1;
    return { month: monthLabel(first + t), value: syntheticTruth(options, t) * Math.exp(level + spike * noise * normal()) };
  });
}

/** A random 12-month pattern (log scale, standard deviation `amplitude`) drawn from the seed. */
export function randomSeasonalPattern(seed: number, amplitude = 0.25): number[] {
  const normal = normalFrom(seededRandom(seed));
  return Array.from({ length: 12 }, () => amplitude * normal());
}

/**
 * Kinds of series the bands are checked on: `steady` (trend × pattern × noise of 5–30 %),
 * `wandering` (the level drifts as a random walk), `erratic` (drift, more noise and one-off
 * outliers), `seasonal-walk` (each calendar month follows its own random walk, year to year).
 */
export const SYNTHETIC_KINDS = ["steady", "wandering", "erratic", "seasonal-walk"] as const;
export type SyntheticKind = (typeof SYNTHETIC_KINDS)[number];

/** A series of `months` months of a kind, its growth, pattern and noise drawn from the seed. */
export function syntheticOfKind(kind: SyntheticKind, seed: number, months: number): MonthlyValue[] {
  const draw = seededRandom(seed * 7919 + 13);
  const seasonal = randomSeasonalPattern(seed, 0.1 + 0.25 * draw());
  if (kind === "seasonal-walk") {
    const steps = syntheticSeries({ months, level: 1, noise: 0.05 + 0.1 * draw(), seed });
    const values: number[] = [];
    steps.forEach((s, t) => values.push(t < 12 ? 1000 * Math.exp(seasonal[t]) : values[t - 12] * s.value));
    return steps.map((s, t) => ({ month: s.month, value: values[t] }));
  }
  const base: SyntheticOptions = { months, growth: -0.005 + 0.02 * draw(), seasonal, seed, noise: [0.05, 0.1, 0.2, 0.3][seed % 4] };
  if (kind === "wandering") return syntheticSeries({ ...base, noise: 0.1, levelNoise: 0.03 + 0.03 * draw() });
  if (kind === "erratic") return syntheticSeries({ ...base, noise: 0.15 + 0.1 * draw(), outliers: 0.08, levelNoise: 0.02 });
  return syntheticSeries(base);
}
