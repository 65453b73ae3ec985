// Quality of probability forecasts on a holdout: ROC AUC (ties count half) and the Brier score.

/**
 * Area under the ROC curve: the chance a random positive scores above a random negative, ties
 * counting one half (Mann–Whitney U with average ranks). Null without both classes.
 */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number | null {
  if (scores.length !== labels.length) throw new RangeError("rocAuc needs one label per score");
  const order = scores.map((s, i) => ({ s, positive: labels[i] === 1 })).sort((a, b) => a.s - b.s);
  const positives = order.filter((o) => o.positive).length;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    // Ranks i+1 … j share their average.
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k].positive) rankSum += averageRank;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared difference between the forecast probability and the 0/1 outcome (lower is better). */
export function brierScore(probabilities: readonly number[], labels: readonly number[]): number | null {
  if (probabilities.length !== labels.length) throw new RangeError("brierScore needs one label per probability");
  if (probabilities.length === 0) return null;
  return probabilities.reduce((s, p, i) => s + (p - labels[i]) ** 2, 0) / probabilities.length;
}
