// The program editor's form as plain text fields ⇄ the programme input the domain validates:
// rates typed as percentages ("2.5" → 250 bp), multipliers as "1.5" (→ 15,000 bp), amounts as
// money ("1,500.00" → 150000 cents), lists as "A, B". Conversion errors and the domain's field
// errors both come back keyed by the form's own field names, so each shows next to its field.
import { REWARDED_ACTIONS } from "../../../../models/incentives/rules.ts";
import type { ProgramKind } from "../../../../models/incentives/program-kinds.ts";
import { fromMinorUnits, toMinorUnits } from "../../../lib/money-input.ts";

/** What was typed, by field name (`rules.tiers.1.fromAmount`); what the form shows again on error. */
export type ProgramFormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

/** The rows of each list a kind's sub-form has, with the fields of one row. */
export const ROW_FIELDS = {
  lines: ["line", "rate"],
  tiers: ["fromAmount", "rate"],
  accelerators: ["productSkus", "extra", "reason"],
  regions: ["region", "multiplier"],
} as const;
export type RowList = keyof typeof ROW_FIELDS;

export const NEEDS = {
  percent: "enter a percentage such as 2.5",
  money: "enter an amount such as 1,500.00",
  multiplier: "enter a multiplier such as 1.5",
  days: "enter a whole number of days",
} as const;

export function valuesOf(form: FormData): ProgramFormValues {
  const values: ProgramFormValues = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && name !== "intent") values[name] = value;
  return values;
}

/** The indexes of a row list present in the values (rows may have been removed in between). */
export function rowIndexes(values: ProgramFormValues, list: RowList): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^rules\\.${list}\\.(\\d+)\\.`);
  for (const name of Object.keys(values)) {
    const match = pattern.exec(name);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** "2.5" or "2,5 %" → 250 basis points; null when it is not a percentage with at most 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s%]/g, ""));
  return match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : null;
}

export function basisPointsToPercent(bps: number): string {
  const fraction = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${Math.floor(bps / 100)}.${fraction}` : String(Math.floor(bps / 100));
}

/** "1.5" or "×1.25" → 15,000 / 12,500 basis points of ×1. */
export function multiplierToBasisPoints(text: string): number | null {
  const match = /^(\d{1,2})(?:[.,](\d{1,4}))?$/.exec(text.replace(/[\s×x]/gi, ""));
  return match ? Number(match[1]) * 10_000 + Number((match[2] ?? "").padEnd(4, "0")) : null;
}

export function basisPointsToMultiplier(bps: number): string {
  const fraction = String(bps % 10_000).padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${Math.floor(bps / 10_000)}.${fraction}` : String(Math.floor(bps / 10_000));
}

/** Money as typed, with or without thousands separators ("1,500.00", "1500", "1 500,5"). */
export function moneyToMinorUnits(text: string, currency: string): number | null {
  const trimmed = text.trim();
  const grouped = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed;
  return toMinorUnits(grouped, currency);
}

/** The rows of a list with anything typed in them, in order: blank rows are left out. */
export function filledRows(values: ProgramFormValues, list: RowList): number[] {
  return rowIndexes(values, list).filter((i) => ROW_FIELDS[list].some((f) => (values[`rules.${list}.${i}.${f}`] ?? "").trim() !== ""));
}

const listOf = (text: string | undefined) => (text ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);

/** Reads typed text into the programme input; `errors` names each field that could not be read. */
export function programInputOf(values: ProgramFormValues): { input: Record<string, unknown>; errors: FormErrors } {
  const errors: FormErrors = {};
  const currency = (values.currency ?? "EUR").trim().toUpperCase() || "EUR";
  const text = (name: string) => (values[name] ?? "").trim();
  const read = <T>(name: string, parse: (t: string) => T | null, need: string, optional = false): T | undefined => {
    const typed = text(name);
    if (typed === "" && optional) return undefined;
    const parsed = typed === "" ? null : parse(typed);
    if (parsed === null) errors[name] = typed === "" ? `required: ${need}` : need;
    return parsed ?? undefined;
  };
  const percent = (name: string, optional = false) => read(name, percentToBasisPoints, NEEDS.percent, optional);
  const money = (name: string, optional = false) => read(name, (t) => moneyToMinorUnits(t, currency), NEEDS.money, optional);
  const rows = (list: RowList) => filledRows(values, list);

  const kind = text("kind") as ProgramKind;
  const rules = ((): Record<string, unknown> => {
    switch (kind) {
      case "COMMISSION":
        return {
          rateBasisPoints: percent("rules.rate"),
          ratesByLine: Object.fromEntries(rows("lines").map((i) => [text(`rules.lines.${i}.line`), percent(`rules.lines.${i}.rate`)])),
        };
      case "TIERED_REBATE":
        return {
          period: "QUARTER",
          base: text("rules.base") || undefined,
          mode: text("rules.mode") || undefined,
          tiers: rows("tiers").map((i) => ({ fromAmount: money(`rules.tiers.${i}.fromAmount`), rateBasisPoints: percent(`rules.tiers.${i}.rate`) })),
          accelerators: rows("accelerators").map((i) => ({
            productSkus: listOf(values[`rules.accelerators.${i}.productSkus`]),
            extraBasisPoints: percent(`rules.accelerators.${i}.extra`),
            reason: text(`rules.accelerators.${i}.reason`),
          })),
          payoutAfterDays: read("rules.payoutAfterDays", (t) => (/^\d{1,4}$/.test(t) ? Number(t) : null), NEEDS.days, true),
        };
      case "SPIFF":
        return {
          from: text("rules.from"),
          to: text("rules.to"),
          bonus: money("rules.bonus"),
          productSkus: listOf(values["rules.productSkus"]),
          industries: listOf(values["rules.industries"]),
          regionCodes: listOf(values["rules.regionCodes"]),
          budgetCap: money("rules.budgetCap"),
        };
      case "NEW_PRODUCT_FIRST_ORDER":
        return { bonus: money("rules.bonus"), productSkus: listOf(values["rules.productSkus"]) };
      case "ACTION_REWARD":
        return {
          amounts: Object.fromEntries(REWARDED_ACTIONS.flatMap((a) => (text(`rules.amounts.${a}`) === "" ? [] : [[a, money(`rules.amounts.${a}`)]]))),
          monthlyCap: money("rules.monthlyCap"),
        };
      case "REGIONAL_BOOST":
        return {
          rateBasisPoints: percent("rules.rate"),
          maxMultiplierBasisPoints: read("rules.maxMultiplier", multiplierToBasisPoints, NEEDS.multiplier),
          multiplierBasisPointsByRegion: Object.fromEntries(
            rows("regions").map((i) => [text(`rules.regions.${i}.region`), read(`rules.regions.${i}.multiplier`, multiplierToBasisPoints, NEEDS.multiplier)]),
          ),
        };
      case "SEGMENT_ACCELERATOR":
        return { segments: listOf(values["rules.segments"]), extraBasisPoints: percent("rules.extra") };
      default:
        return {};
    }
  })();
  const budget = money("budget", true);
  return {
    input: {
      key: text("key"),
      name: text("name"),
      kind,
      currency,
      effectiveFrom: text("effectiveFrom"),
      effectiveTo: text("effectiveTo") || null,
      budget: budget === undefined ? null : { amount: budget, currency },
      rules,
    },
    errors,
  };
}

const RENAMED: Record<string, string> = { rateBasisPoints: "rate", extraBasisPoints: "extra", maxMultiplierBasisPoints: "maxMultiplier" };

/** A domain field path (`rules.tiers.1.rateBasisPoints`, `rules.ratesByLine.Finance`) as the form's field name. */
export function formFieldOf(path: string, values: ProgramFormValues): string {
  if (path.startsWith("budget")) return "budget";
  const keyed = /^rules\.(ratesByLine|multiplierBasisPointsByRegion)\.(.+)$/.exec(path);
  if (keyed) {
    const [list, field, valueField] = keyed[1] === "ratesByLine" ? (["lines", "line", "rate"] as const) : (["regions", "region", "multiplier"] as const);
    const row = rowIndexes(values, list).find((i) => (values[`rules.${list}.${i}.${field}`] ?? "").trim() === keyed[2]);
    return row === undefined ? `rules.${list}` : `rules.${list}.${row}.${valueField}`;
  }
  const parts = path.split(".");
  const last = parts[parts.length - 1];
  if (RENAMED[last]) parts[parts.length - 1] = RENAMED[last];
  // A position in the domain's list is the n-th filled row of the form's.
  if (parts[0] === "rules" && (parts[1] === "tiers" || parts[1] === "accelerators") && /^\d+$/.test(parts[2] ?? "")) {
    parts[2] = String(filledRows(values, parts[1])[Number(parts[2])] ?? parts[2]);
  }
  return parts.join(".");
}

/** The domain's errors merged into the form's, keyed by form field. */
export function formErrorsOf(fields: Record<string, string>, values: ProgramFormValues): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(fields)) errors[formFieldOf(path, values)] ??= message;
  return errors;
}

/** A stored version as form text, for the editor of a draft. */
export function formValuesOf(program: { key: string; name: string; kind: ProgramKind; currency: string; effectiveFrom: string; effectiveTo: string | null; budget?: { amount: number } | null; rules: Record<string, unknown> }): ProgramFormValues {
  const { currency, rules: r } = program;
  const money = (v: unknown) => (typeof v === "number" ? fromMinorUnits(v, currency) : "");
  const percent = (v: unknown) => (typeof v === "number" ? basisPointsToPercent(v) : "");
  const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
  const values: ProgramFormValues = {
    key: program.key,
    name: program.name,
    kind: program.kind,
    currency,
    effectiveFrom: program.effectiveFrom,
    effectiveTo: program.effectiveTo ?? "",
    budget: program.budget ? fromMinorUnits(program.budget.amount, currency) : "",
  };
  const set = (name: string, value: string) => {
    values[name] = value;
  };
  const entries = (v: unknown) => Object.entries(typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {});
  const array = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  set("rules.rate", percent(r.rateBasisPoints));
  set("rules.extra", percent(r.extraBasisPoints));
  set("rules.maxMultiplier", typeof r.maxMultiplierBasisPoints === "number" ? basisPointsToMultiplier(r.maxMultiplierBasisPoints) : "");
  for (const name of ["from", "to", "base", "mode"]) set(`rules.${name}`, typeof r[name] === "string" ? (r[name] as string) : "");
  for (const name of ["bonus", "budgetCap", "monthlyCap"]) set(`rules.${name}`, money(r[name]));
  for (const name of ["productSkus", "industries", "regionCodes", "segments"]) set(`rules.${name}`, list(r[name]));
  set("rules.payoutAfterDays", typeof r.payoutAfterDays === "number" ? String(r.payoutAfterDays) : "");
  for (const [action, amount] of entries(r.amounts)) set(`rules.amounts.${action}`, money(amount));
  entries(r.ratesByLine).forEach(([line, bps], i) => {
    set(`rules.lines.${i}.line`, line);
    set(`rules.lines.${i}.rate`, percent(bps));
  });
  entries(r.multiplierBasisPointsByRegion).forEach(([region, bps], i) => {
    set(`rules.regions.${i}.region`, region);
    set(`rules.regions.${i}.multiplier`, typeof bps === "number" ? basisPointsToMultiplier(bps) : "");
  });
  array(r.tiers).forEach((tier, i) => {
    set(`rules.tiers.${i}.fromAmount`, money(tier.fromAmount));
    set(`rules.tiers.${i}.rate`, percent(tier.rateBasisPoints));
  });
  array(r.accelerators).forEach((a, i) => {
    set(`rules.accelerators.${i}.productSkus`, list(a.productSkus));
    set(`rules.accelerators.${i}.extra`, percent(a.extraBasisPoints));
    set(`rules.accelerators.${i}.reason`, typeof a.reason === "string" ? a.reason : "");
  });
  return values;
}
