import { describe, expect, it } from "vitest";
import { toMoney, toSafeNumber } from "./money.ts";

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
