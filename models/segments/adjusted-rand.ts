// Adjusted Rand index: agreement of two labellings of the same rows, 1 for identical partitions
// (whatever the label names), about 0 for random ones. Used by tests and bench/segments.

function pairs(n: number): number {
  return (n * (n - 1)) / 2;
}

export function adjustedRandIndex(truth: readonly (string | number)[], predicted: readonly (string | number)[]): number {
  if (truth.length !== predicted.length) throw new Error(`Labellings differ in length: ${truth.length} and ${predicted.length}`);
  const cells = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const columns = new Map<string | number, number>();
  truth.forEach((t, i) => {
    const p = predicted[i];
    const key = JSON.stringify([t, p]);
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(t, (rows.get(t) ?? 0) + 1);
    columns.set(p, (columns.get(p) ?? 0) + 1);
  });
  const index = [...cells.values()].reduce((s, n) => s + pairs(n), 0);
  const rowPairs = [...rows.values()].reduce((s, n) => s + pairs(n), 0);
  const columnPairs = [...columns.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (rowPairs * columnPairs) / pairs(truth.length);
  const maximum = (rowPairs + columnPairs) / 2;
  // Both labellings put everything in one cluster (or every row alone): they agree perfectly.
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
