// Robust scaling of feature columns: each column centred on its median and divided by its
// interquartile range, so a few huge partners do not squash everyone else into one point.
// A column whose IQR is zero (most values equal) falls back to 1.349 × its standard deviation
// (the IQR of a normal distribution with that deviation), and to 1 when it is constant.
// Scaled values are clipped to ±ROBUST_CLIP interquartile ranges: a handful of partners far out on
// one feature (no revenue at all, tenfold growth) stay extreme there, but no longer outweigh
// every other feature together in the distance.

export type Scaler = {
  /** Per column: the value that maps to 0 (the median for robust scaling). */
  center: number[];
  /** Per column: the spread that maps to 1 (never 0). */
  scale: number[];
  /** Scaled values are clipped to [-clip, clip]; absent: not clipped. */
  clip?: number;
};

export const ROBUST_CLIP = 3;

/** The q-quantile (0..1) of sorted values, interpolating linearly like NumPy's default. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("quantile of no values");
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function column(rows: readonly (readonly number[])[], j: number): number[] {
  return rows.map((row) => row[j]);
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/** Median / IQR per column, with the zero-IQR fallbacks and the clipping described above. */
export function fitRobustScaler(rows: readonly (readonly number[])[], { clip = ROBUST_CLIP }: { clip?: number } = {}): Scaler {
  if (rows.length === 0) throw new Error("Cannot scale an empty table");
  const width = rows[0].length;
  const center: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < width; j++) {
    const values = column(rows, j).sort((a, b) => a - b);
    center.push(quantile(values, 0.5));
    const iqr = quantile(values, 0.75) - quantile(values, 0.25);
    const fallback = 1.349 * standardDeviation(values);
    scale.push(iqr > 1e-12 ? iqr : fallback > 1e-12 ? fallback : 1);
  }
  return { center, scale, clip };
}

/** Mean / standard deviation per column (z-scores), 1 for a constant column. */
export function fitStandardScaler(rows: readonly (readonly number[])[]): Scaler {
  if (rows.length === 0) throw new Error("Cannot scale an empty table");
  const width = rows[0].length;
  const center: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < width; j++) {
    const values = column(rows, j);
    center.push(values.reduce((s, v) => s + v, 0) / values.length);
    const deviation = standardDeviation(values);
    scale.push(deviation > 1e-12 ? deviation : 1);
  }
  return { center, scale };
}

export function scaleRows(scaler: Scaler, rows: readonly (readonly number[])[]): number[][] {
  const limit = scaler.clip ?? Infinity;
  return rows.map((row) => row.map((v, j) => Math.max(-limit, Math.min(limit, (v - scaler.center[j]) / scaler.scale[j]))));
}
