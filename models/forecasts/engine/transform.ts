// The log scale the models work on: log(sales + offset), where the offset is a small share of
// the typical month so zero months stay finite and the scale does not depend on the currency unit.
const OFFSET_SHARE = 0.05;

/** The offset for a series: 5 % of its mean non-zero month (1 when every month is zero). */
export function logOffset(values: readonly number[]): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v > 0) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? 1 : (OFFSET_SHARE * sum) / count;
}

export const toLog = (value: number, offset: number) => Math.log(Math.max(0, value) + offset);

/** Back to sales; never below zero. */
export const fromLog = (value: number, offset: number) => Math.max(0, Math.exp(value) - offset);
