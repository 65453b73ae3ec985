// Scoring for bench/market-routing: the labelled set's shape (checked with zod, so a typo in the
// hand-written JSON fails loudly instead of scoring as a miss) and set precision/recall and the
// severity confusion matrix. Pure.
import { z } from "zod";
import type { AlertSeverityLevel } from "../models/market/routing.ts";

const severity = z.enum(["LOW", "MEDIUM", "HIGH"]);

export const labelledSetSchema = z.object({
  now: z.string().datetime(),
  sources: z.record(
    z.string(),
    z.object({ name: z.string(), regionCodes: z.array(z.string()), keywords: z.array(z.string()), competitors: z.array(z.string()) }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      type: z.enum(["TENDER", "COMPETITOR", "INDUSTRY"]),
      title: z.string().min(1),
      summary: z.string().optional(),
      location: z.string().optional(),
      deadlineDays: z.number().optional(),
      regions: z.array(z.string()),
      severity,
      keywords: z.array(z.string()),
      competitors: z.array(z.string()),
      note: z.string(),
    }),
  ),
});

export type LabelledSet = z.infer<typeof labelledSetSchema>;
export type LabelledItem = LabelledSet["items"][number];

/** Micro-averaged counts over (item, label) pairs. */
export type SetCounts = { truePositives: number; falsePositives: number; falseNegatives: number };

export const emptyCounts = (): SetCounts => ({ truePositives: 0, falsePositives: 0, falseNegatives: 0 });

/** Adds one item's predicted and expected sets to `counts`; returns what was extra and what was missing. */
export function addPair(counts: SetCounts, predicted: readonly string[], expected: readonly string[]): { extra: string[]; missing: string[] } {
  const extra = [...new Set(predicted)].filter((p) => !expected.includes(p));
  const missing = [...new Set(expected)].filter((e) => !predicted.includes(e));
  counts.truePositives += new Set(predicted).size - extra.length;
  counts.falsePositives += extra.length;
  counts.falseNegatives += missing.length;
  return { extra, missing };
}

/** Precision and recall; an empty denominator counts as perfect (nothing claimed, nothing to find). */
export function precisionRecall(counts: SetCounts): { precision: number; recall: number } {
  const claimed = counts.truePositives + counts.falsePositives;
  const relevant = counts.truePositives + counts.falseNegatives;
  return { precision: claimed === 0 ? 1 : counts.truePositives / claimed, recall: relevant === 0 ? 1 : counts.truePositives / relevant };
}

export const SEVERITIES: readonly AlertSeverityLevel[] = ["HIGH", "MEDIUM", "LOW"];

export type Confusion = Record<AlertSeverityLevel, Record<AlertSeverityLevel, number>>;

/** Expected (rows) × predicted (columns), all zero. */
export function emptyConfusion(): Confusion {
  const row = () => ({ HIGH: 0, MEDIUM: 0, LOW: 0 });
  return { HIGH: row(), MEDIUM: row(), LOW: row() };
}

/** The confusion matrix as aligned text lines. */
export function confusionLines(confusion: Confusion): string[] {
  const header = `  ${"expected \\ routed".padEnd(20)}${SEVERITIES.map((s) => s.padStart(8)).join("")}`;
  return [header, ...SEVERITIES.map((expected) => `  ${expected.padEnd(20)}${SEVERITIES.map((got) => String(confusion[expected][got]).padStart(8)).join("")}`)];
}
