import { describe, expect, it } from "vitest";
import { fromModelSpace, overallWinRate, segmentFeatureValues, toModelSpace, type PartnerFeatureRow } from "./segment-features.ts";

const row: PartnerFeatureRow = {
  partnerOrgId: "p", revenue12m: 900_000, revenuePrev12m: 400_000, dealCount12m: 7, wonCount12m: 3, lostCount12m: 1,
  logins90d: 12, trainings12m: 2, certifications12m: 1, demos12m: 5, productBreadth: 3,
};

describe("segment features", () => {
  it("smooths growth and shrinks the win rate towards everyone's", () => {
    const values = segmentFeatureValues(row, 0.5);
    expect(values.growth).toBeCloseTo(1_000_000 / 500_000 - 1, 12);
    expect(values.winRate).toBeCloseTo((3 + 1) / (4 + 2), 12);
    expect(values.enablement).toBe(3);
  });

  it("gives a partner with no sales and no closed deals a finite growth of 0 and the prior win rate", () => {
    const empty = segmentFeatureValues({ ...row, revenue12m: 0, revenuePrev12m: 0, wonCount12m: 0, lostCount12m: 0 }, 0.37);
    expect(empty.growth).toBe(0);
    expect(empty.winRate).toBeCloseTo(0.37, 12);
  });

  it("computes everyone's win rate from all closed deals", () => {
    expect(overallWinRate([row, { ...row, wonCount12m: 1, lostCount12m: 5 }])).toBeCloseTo(4 / 10, 12);
    expect(overallWinRate([{ ...row, wonCount12m: 0, lostCount12m: 0 }])).toBe(0.5);
  });

  it("round-trips through the model space (log1p for money and counts)", () => {
    const values = segmentFeatureValues(row, 0.5);
    const model = toModelSpace(values);
    expect(model[0]).toBeCloseTo(Math.log1p(900_000), 12);
    const back = fromModelSpace(model);
    for (const [key, value] of Object.entries(values)) expect(back[key as keyof typeof back]).toBeCloseTo(value, 6);
  });
});
