import { describe, expect, it } from "vitest";
import { describeSegment, formatFeature, nameSegments, SEGMENT_NAMES, type SegmentProfile } from "./naming.ts";
import { SEGMENT_FEATURES, type FeatureValues, type SegmentFeatureKey } from "./segment-features.ts";

const median: FeatureValues = { revenue: 64_000_000, growth: 0.02, winRate: 0.42, deals: 8, logins: 6, enablement: 4, demos: 9, breadth: 4 };

/** A profile with the given scaled values (0 elsewhere) and original-unit values derived loosely from them. */
function profile(scaled: Partial<Record<SegmentFeatureKey, number>>, centroid: Partial<FeatureValues> = {}): SegmentProfile {
  return { scaled: SEGMENT_FEATURES.map((f) => scaled[f.key] ?? 0), centroid: { ...median, ...centroid } };
}

const champion = profile({ revenue: 2.5, winRate: 1.5, breadth: 1.5, demos: 1.2, logins: 1, growth: 0.5 }, { revenue: 230_000_000, winRate: 0.61, breadth: 7 });
const rising = profile({ growth: 3, enablement: 2.5, logins: 1, revenue: -0.5 }, { growth: 1.8, enablement: 26 });
const steady = profile({ revenue: 0.3 });
const opportunistic = profile({ deals: 0.8, winRate: -2, revenue: -1.5, enablement: -1 }, { winRate: 0.2 });
const declining = profile({ growth: -2.5, logins: -2.5, enablement: -1, demos: -1 }, { growth: -0.48, logins: 0.4, enablement: 1 });
const prospect = profile({ revenue: -4, deals: -3, breadth: -2, enablement: 0.5 }, { revenue: 0, deals: 0 });

describe("nameSegments", () => {
  it("names the planted behaviours after what their centroids show", () => {
    expect(nameSegments([champion, rising, steady, opportunistic, declining, prospect])).toEqual([
      "Strategic champion",
      "High-potential growth",
      "Steady contributor",
      "Opportunity-driven",
      "Dormant — at risk",
      "Onboarding prospect",
    ]);
  });

  it("never gives two segments of a run the same name, even eight similar ones", () => {
    const names = nameSegments(Array.from({ length: 8 }, (_, i) => profile({ revenue: 2 + i * 0.01 })));
    expect(new Set(names).size).toBe(8);
    expect(names.every((n) => SEGMENT_NAMES.some((s) => s.name === n))).toBe(true);
  });

  it("keeps the labels matched from the previous run and names only the rest", () => {
    expect(nameSegments([champion, declining], ["Big accounts", null])).toEqual(["Big accounts", "Dormant — at risk"]);
    const [fresh, kept] = nameSegments([declining, champion], [null, "Dormant — at risk"]);
    expect(kept).toBe("Dormant — at risk");
    expect(fresh).not.toBe("Dormant — at risk");
  });
});

describe("describeSegment", () => {
  it("says what sets the segment apart, in original units against the median", () => {
    expect(describeSegment(champion, median)).toBe(
      "Higher revenue (12 months) (2.3M vs 640K median), higher win rate (61 % vs 42 % median), higher products sold (12 months) (7 vs 4 median)",
    );
    expect(describeSegment(declining, median)).toBe("Lower revenue growth (-48 % vs +2 % median), lower logins (90 days) (0.4 vs 6 median), lower trainings and certifications (12 months) (1 vs 4 median)");
  });

  it("says so when nothing stands out", () => {
    expect(describeSegment(steady, median)).toBe("Close to the median partner on every measure");
  });

  it("formats money, signed growth, rates and counts", () => {
    expect(formatFeature({ key: "revenue", unit: "money" }, 123_456_789)).toBe("1.2M");
    expect(formatFeature({ key: "growth", unit: "ratio" }, 0.245)).toBe("+25 %");
    expect(formatFeature({ key: "winRate", unit: "ratio" }, 0.3)).toBe("30 %");
    expect(formatFeature({ key: "logins", unit: "count" }, 3.14)).toBe("3.1");
  });
});
