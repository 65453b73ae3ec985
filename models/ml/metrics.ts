// Quality of a probability model on held-out rows: ROC AUC (ties count half) and the Brier score.
// Shared by the churn model (models/segments) and the deal win model (models/deals/win-model).

/** An outcome: true or 1 is the positive class, false or 0 the negative one. */
export type Outcome = boolean | number;

const isPositive = (label: Outcome) => label === true || label === 1;

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative,
 * ties counting one half (the Mann–Whitney U statistic over average ranks). Null when the
 * labels hold only one class, where the AUC is undefined.
 */
export function rocAuc(scores: readonly number[], labels: readonly Outcome[]): number | null {
  if (scores.length !== labels.length) throw new RangeError("rocAuc: scores and labels differ in length");
  const positives = labels.filter(isPositive).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (isPositive(labels[order[k]])) positiveRankSum += averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of probabilities against 0/1 outcomes (lower is better); null for no rows. */
export function brierScore(probabilities: readonly number[], labels: readonly Outcome[]): number | null {
  if (probabilities.length !== labels.length) throw new RangeError("brierScore: probabilities and labels differ in length");
  if (labels.length === 0) return null;
  const sum = probabilities.reduce((acc, p, i) => acc + (p - Number(labels[i])) ** 2, 0);
  return sum / labels.length;
}
