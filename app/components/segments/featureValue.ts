// How a centroid value reads in its feature's units: money features (stored in cents) as a
// compact amount, rates as percentages, counts and days as numbers.
import type { TFunction } from "i18next";
import type { Formatter } from "../useFormat.ts";

const MONEY_FEATURES = new Set(["revenue", "revenue12m", "revenuePrev12m", "avgDealSize"]);
const RATE_FEATURES = new Set(["growth", "winRate"]);

export function featureLabel(t: TFunction, feature: string): string {
  return t(`segments.features.${feature}`, { defaultValue: feature });
}

export function featureValue(f: Formatter, feature: string, value: number): string {
  if (MONEY_FEATURES.has(feature)) return f.compactNumber(value / 100);
  if (RATE_FEATURES.has(feature)) return f.percent(value);
  return f.number(Math.round(value * 10) / 10);
}
