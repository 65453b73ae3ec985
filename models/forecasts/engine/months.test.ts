import { describe, expect, it } from "vitest";
import { ForecastInputError } from "./errors.ts";
import { addMonths, densify, monthIndex, monthLabel } from "./months.ts";

describe("months", () => {
  it("round-trips and steps across year ends", () => {
    expect(monthLabel(monthIndex("2023-12") ?? 0)).toBe("2023-12");
    expect(addMonths("2023-11", 3)).toBe("2024-02");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(monthIndex("2023-13")).toBeNull();
    expect(monthIndex("2023-1")).toBeNull();
  });

  it("sorts the months and fills the ones missing inside the span with zero", () => {
    const dense = densify([
      { month: "2024-03", value: 3 },
      { month: "2023-12", value: 1 },
      { month: "2024-01", value: 2 },
    ]);
    expect(monthLabel(dense.start)).toBe("2023-12");
    expect(dense.values).toEqual([1, 2, 0, 3]);
  });

  it("refuses repeated months, negative and non-finite values, naming the month", () => {
    expect(() => densify([{ month: "2024-01", value: 1 }, { month: "2024-01", value: 2 }])).toThrow(/2024-01 appears more than once/);
    expect(() => densify([{ month: "2024-02", value: -1 }])).toThrow(ForecastInputError);
    expect(() => densify([{ month: "2024-02", value: -1 }])).toThrow(/2024-02 is negative/);
    expect(() => densify([{ month: "2024-02", value: Number.NaN }])).toThrow(/2024-02 is not a finite number/);
    expect(() => densify([{ month: "2024-02", value: Number.POSITIVE_INFINITY }])).toThrow(ForecastInputError);
    expect(() => densify([{ month: "Feb 2024", value: 1 }])).toThrow(/not a month/);
  });
});
