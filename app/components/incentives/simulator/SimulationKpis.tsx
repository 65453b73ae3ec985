// The simulator's headline: what the simulated version would have cost, what the active one
// did over the same window, and the difference with its sign and percentage.
import { useTranslation } from "react-i18next";
import type { SimulationReport } from "../../../../models/incentives/simulate.ts";
import { Kpi, KpiGrid } from "../../ui/Kpi.tsx";
import { useFormat } from "../../useFormat.ts";
import { signedMoney } from "./money.ts";

export function SimulationKpis({ report }: { report: Pick<SimulationReport, "candidate" | "active" | "delta"> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { candidate, active, delta } = report;
  const entriesHint = (side: { entries: number; partnersPaid: number }) => t("simulator.entriesHint", { entries: f.number(side.entries), partners: f.number(side.partnersPaid) });
  return (
    <KpiGrid label={t("simulator.kpis")}>
      <Kpi label={t("simulator.candidateCost")} value={f.money(candidate.totalCost)} testId="simulated-cost" rawValue={candidate.totalCost.amount} hint={entriesHint(candidate)} />
      <Kpi
        label={t("simulator.activeCost")}
        value={active ? f.money(active.totalCost) : t("simulator.noActiveCost")}
        testId="active-cost"
        rawValue={active?.totalCost.amount ?? ""}
        hint={active ? entriesHint(active) : undefined}
      />
      <Kpi
        label={t("simulator.delta")}
        value={delta ? signedMoney(f, delta.amount) : "–"}
        testId="cost-delta"
        rawValue={delta?.amount.amount ?? ""}
        tone={delta && delta.amount.amount > 0 ? "warning" : delta && delta.amount.amount < 0 ? "good" : "default"}
        hint={delta ? (delta.percent === null ? t("simulator.deltaNew") : t("simulator.deltaPercent", { percent: f.change(delta.percent) })) : undefined}
      />
    </KpiGrid>
  );
}
