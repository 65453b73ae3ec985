// A programme version's rules in words ("Pays 5 % of each won deal's value."), per kind, with
// amounts in the programme's currency and rates as percentages.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProgramKind } from "../../../../models/incentives/program-kinds.ts";
import { REWARDED_ACTIONS } from "../../../../models/incentives/rules.ts";
import { useFormat } from "../../useFormat.ts";
import { basisPointsToMultiplier, basisPointsToPercent } from "./program-form.ts";

type Rules = Record<string, unknown>;

const num = (v: unknown) => (typeof v === "number" ? v : 0);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
const records = (v: unknown): Rules[] => (Array.isArray(v) ? (v as Rules[]) : []);
const entries = (v: unknown) => Object.entries(typeof v === "object" && v !== null ? (v as Rules) : {});
const pct = (bps: unknown) => `${basisPointsToPercent(num(bps))} %`;

export function RulesSummary({ kind, rules, currency }: { kind: ProgramKind; rules: Rules; currency: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (cents: unknown) => f.money({ amount: num(cents), currency });
  const lines: ReactNode[] = [];
  const say = (text: string) => lines.push(text);

  switch (kind) {
    case "COMMISSION":
      say(t("programs.words.commission", { rate: pct(rules.rateBasisPoints) }));
      for (const [line, bps] of entries(rules.ratesByLine)) say(t("programs.words.commissionLine", { line, rate: pct(bps) }));
      break;
    case "TIERED_REBATE":
      say(t("programs.words.rebate", { base: t(`programs.words.rebateBase.${rules.base === "SALES_AMOUNT" ? "SALES_AMOUNT" : "WON_DEAL_AMOUNT"}`), mode: t(`programs.words.rebateMode.${rules.mode === "MARGINAL" ? "MARGINAL" : "RETROACTIVE"}`) }));
      for (const tier of records(rules.tiers)) say(t("programs.words.tier", { amount: money(tier.fromAmount), rate: pct(tier.rateBasisPoints) }));
      for (const a of records(rules.accelerators)) say(t("programs.words.accelerator", { rate: pct(a.extraBasisPoints), skus: strings(a.productSkus).join(", "), reason: String(a.reason ?? "") }));
      if (typeof rules.payoutAfterDays === "number") say(t("programs.words.payout", { days: rules.payoutAfterDays }));
      break;
    case "SPIFF":
      say(t("programs.words.spiff", { bonus: money(rules.bonus), from: f.calendarDate(String(rules.from)), to: f.calendarDate(String(rules.to)), cap: typeof rules.budgetCap === "number" ? money(rules.budgetCap) : "–" }));
      for (const what of ["productSkus", "industries", "regionCodes"] as const) {
        const list = strings(rules[what]);
        if (list.length > 0) say(t("programs.words.spiffFilter", { what: t(`programs.words.filterNames.${what}`), list: list.join(", ") }));
      }
      break;
    case "NEW_PRODUCT_FIRST_ORDER":
      say(t("programs.words.firstOrder", { bonus: money(rules.bonus) }));
      if (strings(rules.productSkus).length > 0) say(t("programs.words.firstOrderProducts", { list: strings(rules.productSkus).join(", ") }));
      break;
    case "ACTION_REWARD": {
      const amounts = new Map(entries(rules.amounts));
      for (const action of REWARDED_ACTIONS) if (amounts.has(action)) say(t("programs.words.action", { action: t(`programs.form.actions.${action}`), amount: money(amounts.get(action)) }));
      say(t("programs.words.actionCap", { cap: money(rules.monthlyCap) }));
      break;
    }
    case "REGIONAL_BOOST":
      say(t("programs.words.boost", { rate: pct(rules.rateBasisPoints), max: basisPointsToMultiplier(num(rules.maxMultiplierBasisPoints)) }));
      for (const [region, bps] of entries(rules.multiplierBasisPointsByRegion)) say(t("programs.words.boostRegion", { region, multiplier: basisPointsToMultiplier(num(bps)) }));
      break;
    case "SEGMENT_ACCELERATOR":
      say(t("programs.words.segment", { rate: pct(rules.extraBasisPoints), segments: strings(rules.segments).join(", ") }));
      break;
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700" data-testid="rules-summary">
      {lines.map((line, index) => <li key={index}>{line}</li>)}
    </ul>
  );
}
