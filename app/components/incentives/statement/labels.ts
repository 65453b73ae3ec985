// How the statement names where an entry came from: "Commission on won deals v1" for a
// programme, "Manual adjustment" or "Payout" for a manager's entry without one.
import type { TFunction } from "i18next";
import type { LedgerKind } from "../../../../models/db/generated/enums.ts";

type ProgramName = { name: string; version: number } | null;

export function sourceLabel(t: TFunction, program: ProgramName, kind: LedgerKind): string {
  if (program !== null) return t("statement.programVersion", { name: program.name, version: program.version });
  return kind === "PAYOUT" ? t("statement.payout") : t("statement.manualAdjustment");
}

/** A rate in basis points as a locale percentage with up to two decimals ("2.5%"). */
export function rateLabel(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}
