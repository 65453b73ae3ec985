import { describe, expect, it } from "vitest";
import { applyBasisPoints, applyBasisPointsWithMultiplier, divideRoundHalfUp, formatMoney, formatMultiplier, formatRate, splitEvenly, toMoney, toSafeNumber } from "./money.ts";

describe("money", () => {
  it("converts stored BigInt amounts exactly and trims char(3) currencies", () => {
    expect(toMoney(12_345_678_901n, "EUR")).toEqual({ amount: 12_345_678_901, currency: "EUR" });
    expect(toMoney(-250n, "USD ")).toEqual({ amount: -250, currency: "USD" });
    expect(toSafeNumber(null)).toBe(0);
  });

  it("refuses amounts that a JS number cannot hold exactly", () => {
    expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
  });
});

describe("rate arithmetic", () => {
  it("rounds half up, once, in integers", () => {
    expect(applyBasisPoints(50, 100)).toBe(1); // 0.5 → 1
    expect(applyBasisPoints(49, 100)).toBe(0); // 0.49 → 0
    expect(applyBasisPoints(150, 100)).toBe(2); // 1.5 → 2 (half up, not to even)
    expect(applyBasisPointsWithMultiplier(12_000_000, 100, 11_500)).toBe(138_000);
    expect(applyBasisPointsWithMultiplier(1, 5_000, 15_000)).toBe(1); // 0.75 → 1
  });

  it("stays exact beyond float precision and refuses negative amounts", () => {
    expect(applyBasisPoints(900_719_925_474_099, 10_000)).toBe(900_719_925_474_099);
    expect(applyBasisPoints(1_000_000_000_005, 5_000)).toBe(500_000_000_003); // …2.5 → …3
    expect(() => divideRoundHalfUp(-1n, 2n)).toThrow(RangeError);
  });

  it("splits evenly with the remainder to the first shares", () => {
    expect(splitEvenly(100_001, 3)).toEqual([33_334, 33_334, 33_333]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
  });

  it("formats money, rates and multipliers for explanations", () => {
    expect(formatMoney(12_000_000, "EUR")).toBe("€120,000.00");
    expect(formatMoney(-1_005, "USD")).toBe("-$10.05");
    expect(formatMoney(7, "CHF")).toBe("CHF 0.07");
    expect([formatRate(300), formatRate(250), formatRate(5), formatRate(0)]).toEqual(["3 %", "2.5 %", "0.05 %", "0 %"]);
    expect([formatMultiplier(12_000), formatMultiplier(10_050), formatMultiplier(10_000)]).toEqual(["×1.2", "×1.005", "×1"]);
  });
});
