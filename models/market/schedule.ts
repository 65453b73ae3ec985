// A source's schedule: a five-field cron expression in UTC (what pg-boss itself accepts, read
// with the same cron-parser it uses), and when a source is due given its last run and failures.
import cronParser from "cron-parser";

/** Why `expression` is not a schedule we run, or null when it is one. */
export function cronProblem(expression: string): string | null {
  const text = expression.trim();
  // cron-parser fills in missing fields and reads six as seconds; a schedule here is exactly
  // five (minute hour day-of-month month day-of-week), so what was typed is what runs.
  if (text.split(/\s+/).length !== 5) {
    return "must be a cron expression of five fields: minute hour day-of-month month day-of-week (e.g. 0 * * * *)";
  }
  try {
    cronParser.parseExpression(text, { tz: "UTC" });
    return null;
  } catch (error) {
    return `is not a valid cron expression (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The first time after `after` that `expression` fires (UTC). Throws on an invalid expression. */
export function nextRunAfter(expression: string, after: Date): Date {
  return cronParser.parseExpression(expression.trim(), { tz: "UTC", currentDate: after }).next().toDate();
}

const MINUTE_MS = 60_000;
export const BACKOFF_BASE_MS = 10 * MINUTE_MS;
export const BACKOFF_CAP_MS = 24 * 60 * MINUTE_MS;

/** How long a source waits after its n-th failure in a row: 10 min, 20, 40… at most 24 h. */
export function backoffMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(consecutiveFailures - 1, 20));
}

export type ScheduledSource = {
  schedule: string;
  lastRunAt: Date | null;
  consecutiveFailures: number;
};

/**
 * When the source should next be scraped: never run → now; otherwise the schedule's next time
 * after the last run, and after a failure not before the back-off has passed. Null when the
 * schedule cannot be read (it was validated on save, so only hand-edited rows get here).
 */
export function nextDueAt(source: ScheduledSource, now: Date): Date | null {
  if (source.lastRunAt === null) return now;
  let scheduled: Date;
  try {
    scheduled = nextRunAfter(source.schedule, source.lastRunAt);
  } catch {
    return null;
  }
  const backedOff = new Date(source.lastRunAt.getTime() + backoffMs(source.consecutiveFailures));
  return scheduled > backedOff ? scheduled : backedOff;
}

export function isDue(source: ScheduledSource, now: Date): boolean {
  const due = nextDueAt(source, now);
  return due !== null && due <= now;
}
