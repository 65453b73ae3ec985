// Which candidate a series keeps, and the backtest errors of that choice itself: at each origin the
// candidate the same rule would have kept from the errors known by then. The kept model's own
// errors flatter it (it won on them), so the band is read from the choice's errors instead.
import { type BacktestError, type CandidateBacktest, RunningMase } from "./backtest.ts";

/** A candidate must beat the current choice's backtest MASE by 3 % to replace it. */
export const SELECTION_MARGIN = 0.97;

function chooseBy(backtests: readonly CandidateBacktest[], score: (b: CandidateBacktest) => number): CandidateBacktest {
  let best = backtests.find((b) => b.name === "combination") ?? backtests[0];
  let bestScore = score(best);
  for (const candidate of backtests) {
    const candidateScore = score(candidate);
    if (candidateScore < bestScore * SELECTION_MARGIN) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  return best;
}

/**
 * The combination is the default (when the history allows it), else the simplest candidate; a
 * single model replaces it only when its backtest is clearly better. Backtests on a few years of
 * noisy months rank close models at random, and averaging is the safer bet there.
 */
export function chooseCandidate(backtests: readonly CandidateBacktest[]): CandidateBacktest {
  return chooseBy(backtests, (b) => b.mase);
}

/**
 * For each origin, the errors of the candidate chooseCandidate would have kept from the errors of
 * months before that origin. Where no month is known yet there is no choice to judge, and the
 * kept candidate's own errors stand in.
 */
export function choiceErrors(backtests: readonly CandidateBacktest[], origins: readonly number[], kept: CandidateBacktest): BacktestError[] {
  // An error becomes known at the origin after its month (origin + step − 1).
  const month = (e: BacktestError) => e.origin + e.step - 1;
  const queues = backtests.map((b) => [...b.errors].sort((x, y) => month(x) - month(y)));
  const running = backtests.map(() => new RunningMase());
  const next = backtests.map(() => 0);
  const chosenAt = new Map<number, CandidateBacktest>();
  for (const origin of [...origins].sort((a, b) => a - b)) {
    queues.forEach((queue, i) => {
      for (; next[i] < queue.length && month(queue[next[i]]) < origin; next[i]++) running[i].add(queue[next[i]]);
    });
    const anyKnown = next.some((n) => n > 0);
    chosenAt.set(origin, anyKnown ? chooseBy(backtests, (b) => running[backtests.indexOf(b)].mase) : kept);
  }
  return origins.flatMap((origin) => (chosenAt.get(origin) ?? kept).errors.filter((e) => e.origin === origin));
}
