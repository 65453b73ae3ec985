// The statement's headline figures: earned, paid out, the period's balance and the balance at
// its end, each with data-testid and its raw value (per currency) in data-value.
import { useTranslation } from "react-i18next";
import type { StatementTotals } from "../../../../models/incentives/statement-totals.ts";
import { Kpi, KpiGrid } from "../../ui/Kpi.tsx";
import { moneyValue, useFormat } from "../../useFormat.ts";

export function StatementKpis({ totals }: { totals: StatementTotals }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <KpiGrid label={t("statement.keyFigures")}>
      <Kpi label={t("statement.earned")} value={f.moneyLines(totals.earned)} rawValue={moneyValue(totals.earned)} testId="kpi-earned" tone="good" hint={t("statement.earnedHint")} />
      <Kpi label={t("statement.paid")} value={f.moneyLines(totals.paid)} rawValue={moneyValue(totals.paid)} testId="kpi-paid" hint={t("statement.paidHint")} />
      <Kpi label={t("statement.balance")} value={f.moneyLines(totals.balance)} rawValue={moneyValue(totals.balance)} testId="kpi-balance" hint={t("statement.balanceHint")} />
      <Kpi
        label={t("statement.closingBalance")}
        value={f.moneyLines(totals.closingBalance)}
        rawValue={moneyValue(totals.closingBalance)}
        testId="kpi-closing-balance"
        hint={<span data-testid="kpi-opening-balance" data-value={moneyValue(totals.openingBalance)}>{t("statement.openingHint", { amount: f.moneyList(totals.openingBalance) })}</span>}
      />
    </KpiGrid>
  );
}
