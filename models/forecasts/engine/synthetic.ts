// Seeded synthetic monthly sales for the engine's tests and bench/forecast: a log-linear trend times
// a 12-month pattern, with multiplicative noise, so the truth a forecast should recover is known.
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
  seed?: number;
};

/** The noiseless value of month t (0-based from the start) under the options. */
export function syntheticTruth(options: SyntheticOptions, t: number): number {
  const first = monthIndex(options.start ?? "2015-01") ?? 0;
  const seasonal = options.seasonal ?? new Array<number>(12).fill(0);
  return (options.level ?? 1000) * Math.exp((options.growth ?? 0) * t + seasonal[(first + t) % 12]);
}

export function syntheticSeries(options: SyntheticOptions): MonthlyValue[] {
  const first = monthIndex(options.start ?? "2015-01") ?? 0;
  const normal = normalFrom(seededRandom(options.seed ?? 1));
  const noise = options.noise ?? 0;
  return Array.from({ length: options.months }, (_, t) => ({
    month: monthLabel(first + t),
    value: syntheticTruth(options, t) * Math.exp(noise * normal()),
  }));
}

/** A random 12-month pattern (log scale, standard deviation `amplitude`) drawn from the seed. */
export function randomSeasonalPattern(seed: number, amplitude = 0.25): number[] {
  const normal = normalFrom(seededRandom(seed));
  return Array.from({ length: 12 }, () => amplitude * normal());
}
