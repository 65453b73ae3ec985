// The replay window of the what-if simulator: the last N months before a moment, a programme
// version replayed over it as if it had been ACTIVE.
import { monthOf } from "./drafting.ts";
import type { ProgramInput } from "./types.ts";

export const MIN_REPLAY_MONTHS = 1;
export const MAX_REPLAY_MONTHS = 36;

/** From the UTC day `months` calendar months before `to` (day clamped to the month's end) up to `to`. */
export type ReplayWindow = { months: number; from: Date; to: Date };

export function replayWindow(to: Date, months: number): ReplayWindow {
  const year = to.getUTCFullYear();
  const month = to.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const from = new Date(Date.UTC(year, month, Math.min(to.getUTCDate(), lastDay)));
  return { months, from, to };
}

/** "2025-11", "2025-12", … up to the month of `to`: every month the window touches. */
export function windowMonths(window: ReplayWindow): string[] {
  const months: string[] = [];
  const last = monthOf(window.to);
  for (let at = new Date(Date.UTC(window.from.getUTCFullYear(), window.from.getUTCMonth(), 1)); monthOf(at) <= last; at.setUTCMonth(at.getUTCMonth() + 1)) {
    months.push(monthOf(at));
  }
  return months;
}

/** The version as the engine should replay it: counted as ACTIVE, effective exactly over the window. */
export function asReplayed(program: ProgramInput, window: ReplayWindow): ProgramInput {
  return { ...program, status: "ACTIVE", effectiveFrom: window.from, effectiveTo: window.to };
}

