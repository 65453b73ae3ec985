// Each region's forecast for the target period against its target: the gap the regional boost
// pays from, with the period named, and the way to the targets page for those who set them.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OverviewRow } from "../../../models/forecasts/overview.ts";
import { Card } from "../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

export function TargetGaps({ rows, canSetTargets }: { rows: OverviewRow[]; canSetTargets: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const first = rows.find((row) => row.targetPeriod !== null)?.targetPeriod;
  return (
    <Card
      title={t("forecasts.gaps.title")}
      description={first ? t("forecasts.gaps.description", { months: first.months, from: f.month(first.from), to: f.month(first.to) }) : undefined}
      action={canSetTargets ? <Link to="/incentives/targets" className="font-medium text-brand-700 hover:underline">{t("forecasts.gaps.setTargets")}</Link> : undefined}
      flush
    >
      <Table caption={t("forecasts.gaps.caption")} testId="forecast-target-gaps">
        <thead>
          <tr>
            <Th>{t("forecasts.columns.region")}</Th>
            <Th numeric>{t("forecasts.columns.forecast")}</Th>
            <Th numeric>{t("forecasts.columns.target")}</Th>
            <Th numeric>{t("forecasts.columns.gap")}</Th>
          </tr>
        </thead>
        <TBody>
          {rows.map((row) => {
            const forecast = row.targetPeriod;
            const gap = row.target;
            return (
              <tr key={row.region.code} data-region={row.region.code} data-gap={gap?.gapBasisPoints ?? ""}>
                <RowHeader>{row.region.name}</RowHeader>
                <Td numeric>{forecast ? f.money({ amount: forecast.amount, currency: row.region.currency }) : "—"}</Td>
                <Td numeric>{gap ? f.money({ amount: gap.targetAmount, currency: row.region.currency }) : t("forecasts.gaps.noTarget")}</Td>
                <Td numeric className={gap && gap.gapBasisPoints > 0 ? "font-medium text-amber-700" : ""}>
                  {gap === null ? "—" : gap.gapBasisPoints === 0 ? t("forecasts.gaps.onTarget") : t("forecasts.gaps.below", { gap: f.percent(gap.gapBasisPoints / 10_000) })}
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </Card>
  );
}
