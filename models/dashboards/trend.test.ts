// The month calendar and the year-over-year arithmetic, without a database.
import { describe, expect, it } from "vitest";
import { monthsBefore, yearOverYear } from "./trend.ts";

describe("monthsBefore", () => {
  it("lists complete months up to the month before, across a year boundary", () => {
    expect(monthsBefore(new Date("2026-02-15T10:00:00Z"), 3)).toEqual(["2025-11", "2025-12", "2026-01"]);
  });
});

describe("yearOverYear", () => {
  it("compares the trailing twelve months with the twelve before", () => {
    const amounts = [...Array(12).fill(100), ...Array(12).fill(150)];
    expect(yearOverYear(amounts)).toEqual({ last12: 1800, prev12: 1200, change: 0.5 });
  });

  it("has no change without a full prior year or with nothing sold before", () => {
    expect(yearOverYear(Array(12).fill(10)).change).toBeNull();
    expect(yearOverYear([...Array(12).fill(0), ...Array(12).fill(10)]).change).toBeNull();
  });
});
