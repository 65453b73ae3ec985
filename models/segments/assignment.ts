// The assignment problem (Hungarian algorithm, O(n²m)): give each row its own column so the total
// cost is least. Segments use it to match new centroids to old ones and to give each segment a
// distinct name; both are small (k ≤ 8), but an exact answer is as short as a greedy one.

/** For each row, the column it gets; needs rows ≤ columns. */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0].length;
  if (m < n) throw new Error(`Cannot assign ${n} rows to ${m} columns`);
  // Potentials u (rows) and v (columns), 1-based with column 0 as the sentinel; way[] rebuilds the path.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const rowOfColumn = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const minSlack = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[column] = true;
      const current = rowOfColumn[column];
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const slack = cost[current - 1][j - 1] - u[current] - v[j];
        if (slack < minSlack[j]) {
          minSlack[j] = slack;
          way[j] = column;
        }
        if (minSlack[j] < delta) {
          delta = minSlack[j];
          next = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfColumn[j]] += delta;
          v[j] -= delta;
        } else {
          minSlack[j] -= delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = way[column];
      rowOfColumn[column] = rowOfColumn[previous];
      column = previous;
    } while (column !== 0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOfColumn[j] !== 0) assignment[rowOfColumn[j] - 1] = j - 1;
  return assignment;
}
