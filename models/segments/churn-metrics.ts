// Quality of a probability model on held-out rows: ROC AUC (ties count half) and Brier score.

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative,
 * ties counting one half (the Mann–Whitney U statistic over average ranks). Null when the
 * labels hold only one class, where the AUC is undefined.
 */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number | null {
  if (scores.length !== labels.length) throw new Error("rocAuc: scores and labels differ in length");
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (labels[order[k]]) positiveRankSum += averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared error of probabilities against 0/1 outcomes; null for no rows. */
export function brierScore(probabilities: readonly number[], labels: readonly boolean[]): number | null {
  if (probabilities.length !== labels.length) throw new Error("brierScore: probabilities and labels differ in length");
  if (labels.length === 0) return null;
  const sum = probabilities.reduce((acc, p, i) => acc + (p - (labels[i] ? 1 : 0)) ** 2, 0);
  return sum / labels.length;
}
