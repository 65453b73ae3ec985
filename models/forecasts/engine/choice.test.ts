import { describe, expect, it } from "vitest";
import { summarizeErrors, type BacktestError, type CandidateBacktest } from "./backtest.ts";
import type { CandidateName } from "./candidates.ts";
import { chooseCandidate, choiceErrors } from "./choice.ts";

/** A candidate's backtest from its absolute error at each origin (one step ahead, actual 100, scale 1). */
function backtest(name: CandidateName, errorAt: Record<number, number>): CandidateBacktest {
  const errors: BacktestError[] = Object.entries(errorAt)
    .map(([origin, error]) => ({ origin: Number(origin), step: 1, actual: 100, forecast: 100 - error, scale: 1 }))
    .sort((a, b) => b.origin - a.origin);
  return { name, ...summarizeErrors(errors), errors };
}

describe("choosing a candidate", () => {
  it("keeps the combination unless a candidate beats it by the margin", () => {
    const combination = backtest("combination", { 8: 1, 9: 1 });
    expect(chooseCandidate([backtest("trend-seasonal", { 8: 0.98, 9: 0.98 }), combination]).name).toBe("combination");
    expect(chooseCandidate([backtest("trend-seasonal", { 8: 0.9, 9: 0.9 }), combination]).name).toBe("trend-seasonal");
    expect(chooseCandidate([backtest("seasonal-naive", { 8: 2 }), backtest("recent-mean", { 8: 3 })]).name).toBe("seasonal-naive");
  });

  it("gives each origin the errors of the candidate chosen from the months known then", () => {
    const origins = [10, 9, 8];
    const combination = backtest("combination", { 8: 0.1, 9: 5, 10: 3 });
    const trend = backtest("trend-seasonal", { 8: 1, 9: 0, 10: 0.5 });
    const kept = chooseCandidate([combination, trend]);
    expect(kept.name).toBe("trend-seasonal");
    const errors = choiceErrors([combination, trend], origins, kept);
    // Origin 8: nothing known, the kept candidate stands in. Origin 9: month 8 is known and the
    // combination was better there. Origin 10: over months 8–9 the trend was (0.5 against 2.55).
    expect(errors.map((e) => [e.origin, 100 - e.forecast])).toEqual([
      [10, 0.5],
      [9, 5],
      [8, 1],
    ]);
  });
});
