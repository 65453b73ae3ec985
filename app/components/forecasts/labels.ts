// Forecast figures in words for the pages: the chosen model's name, an error in percent with one
// decimal ("6.2 %"), and the span of months a period covers.
import type { TFunction } from "i18next";
import type { Formatter } from "../useFormat.ts";

/** The engine's model id in words; an id the messages do not know yet is shown as it is. */
export function modelLabel(t: TFunction, model: string): string {
  const key = `forecasts.models.${model}`;
  const label = t(key);
  return label === key ? model : label;
}

/** An sMAPE (0–200, in percent) as "6.2 %" in the user's locale. */
export function errorPercent(f: Formatter, smape: number): string {
  return new Intl.NumberFormat(f.locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(smape / 100);
}

export function seriesName(regionName: string, productLine: string): string {
  return productLine === "" ? regionName : `${regionName} · ${productLine}`;
}

export function twoDecimals(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}
