// Why a deal got its probability: the model's per-feature pulls on the log-odds (coefficient ×
// standardized value), summed per business concept, and the strongest three said in words with
// the deal's own numbers.
import { formatMoney } from "../../money.ts";
import type { DealSnapshot } from "./features.ts";

export type WinReason = {
  /** The concept the reason is about: partner, value, products, industry, segment, conflict, cycle. */
  factor: Factor;
  text: string;
  /** Pull on the log-odds of winning: positive raises the probability. */
  effect: number;
};

type Factor = "partner" | "value" | "products" | "industry" | "segment" | "conflict" | "cycle";

export const REASON_COUNT = 3;

function factorOf(feature: string): Factor {
  if (feature.startsWith("partner_")) return "partner";
  if (feature === "log_value" || feature === "value_vs_typical") return "value";
  if (feature === "product_count" || feature.startsWith("line:")) return "products";
  if (feature.startsWith("industry:")) return "industry";
  if (feature.startsWith("segment:")) return "segment";
  if (feature === "conflict_score") return "conflict";
  return "cycle";
}

/** "€480,000": whole currency units, as people speak of deal values. */
function wholeMoney(cents: number, currency: string): string {
  return formatMoney(Math.round(cents / 100) * 100, currency).replace(/\.00$/, "");
}

function ratioText(ratio: number): string {
  if (ratio >= 1.25) return `${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}× the partner's typical deal`;
  if (ratio <= 0.8) return `${Math.round(ratio * 100)} % of the partner's typical deal`;
  return "about the partner's typical deal";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The reason in words, with the deal's numbers. */
export function describeFactor(factor: Factor, s: DealSnapshot): string {
  switch (factor) {
    case "partner":
      return s.partner.closed === 0
        ? "partner has no closed deals yet"
        : `partner won ${Math.round((100 * s.partner.wins) / s.partner.closed)} % of its last ${plural(s.partner.closed, "closed deal")}`;
    case "value": {
      const value = `value ${wholeMoney(s.amount, s.currency)}`;
      const typical = s.partner.typicalAmount;
      return typical && typical > 0 ? `${value} is ${ratioText(s.amount / typical)}` : value;
    }
    case "products":
      return `${plural(s.productCount, "product")}${s.productLines.length > 0 ? ` (${s.productLines.join(", ")})` : ""}`;
    case "industry":
      return s.industry ? `customer industry: ${s.industry}` : "customer industry not given";
    case "segment":
      return s.segment ? `partner segment: ${s.segment}` : "partner not yet segmented";
    case "conflict":
      return s.conflictScore > 0 ? "possible conflict with another registration" : "no conflicting registration";
    case "cycle": {
      const cycle = `a ${s.plannedCycleDays}-day sales cycle`;
      if (s.daysToClose > 0) return `close planned in ${plural(s.daysToClose, "day")}, ${cycle}`;
      if (s.daysToClose === 0) return `close planned for today, ${cycle}`;
      return `expected close date passed ${plural(-s.daysToClose, "day")} ago`;
    }
  }
}

/** The REASON_COUNT concepts that pull hardest (either way), strongest first. */
export function topReasons(featureNames: readonly string[], contributions: readonly number[], s: DealSnapshot): WinReason[] {
  const effects = new Map<Factor, number>();
  featureNames.forEach((name, j) => {
    const factor = factorOf(name);
    effects.set(factor, (effects.get(factor) ?? 0) + contributions[j]);
  });
  return [...effects]
    .filter(([, effect]) => Math.abs(effect) > 1e-6)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, REASON_COUNT)
    .map(([factor, effect]) => ({ factor, text: describeFactor(factor, s), effect: Math.round(effect * 1000) / 1000 }));
}
