// The health formula: in range, monotone in each input, and its reasons; percentile ranks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHURN_FEATURES, churnVector } from "./churn-features.ts";
import { featuresOf, windowsOf } from "./churn-test-fixtures.ts";
import { engagementScores, healthReasons, healthScore, momentumOf, percentileRanks } from "./health-score.ts";

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("healthScore", () => {
  it("is 0 to 100 with the documented weights", () => {
    expect(healthScore(0, 1, 1)).toBe(100);
    expect(healthScore(1, 0, 0)).toBe(0);
    expect(healthScore(0.2, 0.5, 0.5)).toBeCloseTo(100 * (0.7 * 0.8 + 0.15 * 0.5 + 0.15 * 0.5), 1);
  });

  it("falls as the churn risk rises and rises with engagement and momentum", () => {
    fc.assert(
      fc.property(unit, unit, unit, unit, (risk, engagement, momentum, other) => {
        const h = healthScore(risk, engagement, momentum);
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(100);
        expect(healthScore(Math.max(risk, other), engagement, momentum)).toBeLessThanOrEqual(h);
        expect(healthScore(risk, Math.max(engagement, other), momentum)).toBeGreaterThanOrEqual(h);
        expect(healthScore(risk, engagement, Math.max(momentum, other))).toBeGreaterThanOrEqual(h);
      }),
    );
  });
});

describe("inputs", () => {
  it("ranks with ties sharing the middle", () => {
    expect(percentileRanks([5])).toEqual([0.5]);
    expect(percentileRanks([1, 2, 3])).toEqual([0, 0.5, 1]);
    expect(percentileRanks([3, 1, 3, 0])).toEqual([5 / 6, 1 / 3, 5 / 6, 0]);
  });

  it("scores momentum 0 when revenue vanished, 0.5 when flat and 1 when new", () => {
    const obs = (prior: number, last: number) => {
      const windows = windowsOf({ last: { revenue: last }, prior: { revenue: prior } });
      return { partnerOrgId: "p", asOf: "2026-05-01", features: featuresOf(), windows, vector: [] };
    };
    expect(momentumOf(obs(100, 0))).toBe(0);
    expect(momentumOf(obs(100, 100))).toBe(0.5);
    expect(momentumOf(obs(0, 100))).toBe(1);
  });

  it("puts the most engaged partner on top and explains health in points", () => {
    const make = (logins90d: number, trainings12m: number) => {
      const features = featuresOf({ logins90d, trainings12m });
      const windows = windowsOf();
      return { partnerOrgId: "p", asOf: "2026-05-01", features, windows, vector: churnVector(features, windows) };
    };
    const observations = [make(1, 0), make(40, 6), make(10, 2)];
    const engagement = engagementScores(observations);
    expect(engagement[1]).toBeGreaterThan(engagement[2]);
    expect(engagement[2]).toBeGreaterThan(engagement[0]);

    const push = CHURN_FEATURES.map((name) => (name === "logins" ? -2 : 0));
    const reasons = healthReasons(observations[1], push, 0.5, engagement[1]);
    expect(reasons.map((r) => r.feature)).toEqual(["logins", "engagement"]);
    expect(reasons[0]).toMatchObject({ direction: "up", weight: 35 }); // 0.7 × 100 × 0.25 × 2
    expect(reasons[1].text).toMatch(/^Engagement above \d+ % of partners \(40 logins in 90 days/);
  });
});
