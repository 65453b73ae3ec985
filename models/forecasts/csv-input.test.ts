import { describe, expect, it } from "vitest";
import { ForecastCsvError, monthOfDate, readMonthlySeries } from "./csv-input.ts";

const columns = { series: ["Region"], date: "Month", value: "Sales" };

describe("readMonthlySeries", () => {
  it("reads a BOM, CRLF, quoted fields and rows in any order into sorted series", () => {
    const text = '\uFEFFRegion,Month,Sales\r\n"West, coast",2024-02-15,20\r\nEast,2024-01,5\r\n"West, coast",2024-01,"10.5"\r\n';
    const series = readMonthlySeries(text, columns);
    expect(series.map((s) => s.key)).toEqual(["West, coast", "East"]);
    expect(series[0].history).toEqual([{ month: "2024-01", value: 10.5 }, { month: "2024-02", value: 20 }]);
  });

  it("keys series by several columns", () => {
    const text = "Region,Category,Month,Sales\nWest,Tech,2024-01,1\nWest,Office,2024-01,2\nWest,Tech,2024-02,3\n";
    const series = readMonthlySeries(text, { ...columns, series: ["Region", "Category"] });
    expect(series.map((s) => s.key)).toEqual(["West / Tech", "West / Office"]);
    expect(series[0].keyValues).toEqual({ Region: "West", Category: "Tech" });
    expect(series[0].history).toHaveLength(2);
  });

  it("names the row of an unparsable date or number, a negative value and a repeated month", () => {
    const read = (body: string) => () => readMonthlySeries(`Region,Month,Sales\nWest,2024-01,1\n${body}`, columns);
    expect(read("West,01/02/2024,1\n")).toThrow(/Row 2 \(line 3\), column "Month": "01\/02\/2024" is not a date/);
    expect(read("West,2024-02-30,1\n")).toThrow(/Row 2 .*is not a date/);
    expect(read("West,2024-02,12k\n")).toThrow(/Row 2 \(line 3\), column "Sales": "12k" is not a number/);
    expect(read("West,2024-02,\n")).toThrow(/Row 2 .*is empty/);
    expect(read("West,2024-02,-4\n")).toThrow(/Row 2 .*negative/);
    expect(read("West,2024-01-31,4\n")).toThrow(/Row 2 \(line 3\): series "West" already has 2024-01 \(row 1\)/);
    expect(read("West,2024-02\n")).toThrow(/Row 2 \(line 3\) has 2 cells; the header has 3/);
  });

  it("names a missing column and lists the header", () => {
    expect(() => readMonthlySeries("Region,Month,Sales\nWest,2024-01,1\n", { ...columns, value: "Revenue" })).toThrow(/--value names no column of the header: "Revenue" \(columns: Region, Month, Sales\)/);
    expect(() => readMonthlySeries("Region,Month,Sales\n", columns)).toThrow(ForecastCsvError);
    expect(() => readMonthlySeries('Region,Month,Sales\n"West,2024-01,1\n', columns)).toThrow(/never closed/);
  });

  it("turns dates into months", () => {
    expect(monthOfDate("2024-12")).toBe("2024-12");
    expect(monthOfDate(" 2024-02-29 ")).toBe("2024-02");
    expect(monthOfDate("2023-02-29")).toBeNull();
    expect(monthOfDate("2024-13")).toBeNull();
  });
});
