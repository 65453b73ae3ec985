// Source schedules without a database: which cron expressions are accepted, when a source is
// due after its last run, and how failures push the next run back (10 min doubling to 24 h).
import { describe, expect, it } from "vitest";
import { backoffMs, cronProblem, isDue, nextDueAt, nextRunAfter } from "./schedule.ts";

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

describe("cronProblem", () => {
  it("accepts five-field expressions", () => {
    for (const cron of ["0 * * * *", "*/10 * * * *", "30 */6 * * *", "0 9 * * MON-FRI", "0 0 1 * *", " 15 */3 * * * "]) expect(cronProblem(cron), cron).toBeNull();
  });

  it("names what is wrong with anything else", () => {
    expect(cronProblem("* * * *")).toMatch(/five fields/);
    expect(cronProblem("0 0 * * * *")).toMatch(/five fields/);
    expect(cronProblem("")).toMatch(/five fields/);
    expect(cronProblem("@daily")).toMatch(/five fields/);
    expect(cronProblem("61 * * * *")).toMatch(/not a valid cron expression.*59/);
    expect(cronProblem("0 0 31 2 *")).toMatch(/not a valid cron expression/);
    expect(cronProblem("every hour")).toMatch(/five fields|not a valid/);
  });
});

describe("when a source is due", () => {
  const hourly = { schedule: "0 * * * *", consecutiveFailures: 0 };

  it("runs a source that never ran at once", () => {
    const now = at("2030-05-01T10:17:00Z");
    expect(nextDueAt({ ...hourly, lastRunAt: null }, now)).toEqual(now);
    expect(isDue({ ...hourly, lastRunAt: null }, now)).toBe(true);
  });

  it("waits for the schedule's next time after the last run", () => {
    const source = { ...hourly, lastRunAt: at("2030-05-01T10:00:05Z") };
    expect(nextRunAfter("0 * * * *", source.lastRunAt)).toEqual(at("2030-05-01T11:00:00Z"));
    expect(isDue(source, at("2030-05-01T10:59:59Z"))).toBe(false);
    expect(isDue(source, at("2030-05-01T11:00:00Z"))).toBe(true);
    // A worker that was down catches up once, not once per missed hour.
    expect(isDue(source, at("2030-05-01T18:30:00Z"))).toBe(true);
  });

  it("backs off after failures: 10 min, then doubling, at most 24 h", () => {
    expect([0, 1, 2, 3, 4].map(backoffMs)).toEqual([0, 10 * MIN, 20 * MIN, 40 * MIN, 80 * MIN]);
    expect(backoffMs(9)).toBe(24 * 60 * MIN);
    expect(backoffMs(500)).toBe(24 * 60 * MIN);
    const every10 = { schedule: "*/10 * * * *", lastRunAt: at("2030-05-01T10:00:00Z") };
    expect(nextDueAt({ ...every10, consecutiveFailures: 0 }, at("2030-05-01T10:00:00Z"))).toEqual(at("2030-05-01T10:10:00Z"));
    expect(nextDueAt({ ...every10, consecutiveFailures: 3 }, at("2030-05-01T10:00:00Z"))).toEqual(at("2030-05-01T10:40:00Z"));
    expect(isDue({ ...every10, consecutiveFailures: 3 }, at("2030-05-01T10:39:00Z"))).toBe(false);
    expect(isDue({ ...every10, consecutiveFailures: 12 }, at("2030-05-02T09:59:00Z"))).toBe(false);
    expect(isDue({ ...every10, consecutiveFailures: 12 }, at("2030-05-02T10:00:00Z"))).toBe(true);
  });

  it("never runs a source whose stored schedule cannot be read", () => {
    const broken = { schedule: "nonsense", lastRunAt: at("2030-05-01T10:00:00Z"), consecutiveFailures: 0 };
    expect(nextDueAt(broken, at("2031-01-01T00:00:00Z"))).toBeNull();
    expect(isDue(broken, at("2031-01-01T00:00:00Z"))).toBe(false);
  });
});
