// The statement period: defaults, presets, validation messages and the months it spans.
import { describe, expect, it } from "vitest";
import { monthsOf, parseStatementPeriod, periodRange, presetOf, presetPeriod } from "./statement-period.ts";

const now = new Date("2026-11-23T13:00:00Z");

describe("statement period", () => {
  it("defaults to the current year up to today, also for cleared fields", () => {
    expect(parseStatementPeriod({}, now)).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-11-23" } });
    expect(parseStatementPeriod({ from: "", to: null }, now)).toEqual({ ok: true, period: { from: "2026-01-01", to: "2026-11-23" } });
  });

  it("names the field at fault", () => {
    expect(parseStatementPeriod({ from: "yesterday" }, now)).toEqual({ ok: false, fields: { from: "must be a date like 2026-01-31" } });
    expect(parseStatementPeriod({ from: "2026-02-30", to: "2026-13-01" }, now)).toMatchObject({ ok: false, fields: { from: expect.any(String), to: expect.any(String) } });
    expect(parseStatementPeriod({ from: "2026-05-02", to: "2026-05-01" }, now)).toEqual({ ok: false, fields: { to: "must be on or after from" } });
    expect(parseStatementPeriod({ from: "2021-01-01", to: "2026-01-01" }, now)).toEqual({ ok: false, fields: { to: "the period may span at most 5 years" } });
    expect(parseStatementPeriod({ from: "2021-06-01", to: "2026-05-31" }, now)).toMatchObject({ ok: true });
  });

  it("offers this quarter, last quarter and this year, and recognizes them", () => {
    expect(presetPeriod("this-quarter", now)).toEqual({ from: "2026-10-01", to: "2026-11-23" });
    expect(presetPeriod("last-quarter", now)).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(presetPeriod("last-quarter", new Date("2026-02-01T00:00:00Z"))).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(presetPeriod("this-year", now)).toEqual({ from: "2026-01-01", to: "2026-11-23" });
    expect(presetOf({ from: "2026-07-01", to: "2026-09-30" }, now)).toBe("last-quarter");
    expect(presetOf({ from: "2026-07-01", to: "2026-09-29" }, now)).toBeNull();
  });

  it("covers whole UTC days and lists the months touched", () => {
    expect(periodRange({ from: "2026-01-31", to: "2026-02-01" })).toEqual({ start: new Date("2026-01-31T00:00:00Z"), end: new Date("2026-02-02T00:00:00Z") });
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
