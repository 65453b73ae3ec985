// The 360 profile's headline numbers: revenue over twelve months with its trend, growth, win rate,
// average won deal, sales cycle, open pipeline, earnings and engagement. Stored features say
// when they were computed; pipeline and earnings are live.
import { useTranslation } from "react-i18next";
import type { PartnerKpis } from "../../../models/partners/profiles.ts";
import { Kpi, KpiGrid } from "../ui/Kpi.tsx";
import { moneyValue, useFormat } from "../useFormat.ts";

/** `statementHref`: the partner's incentive statement, for users who may open it. */
export function ProfileKpis({ kpis, statementHref }: { kpis: PartnerKpis; statementHref: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t("partners.noFeatures");
  const asOf = kpis.featuresAsOf ? t("partnerProfile.kpi.featuresAsOf", { date: f.calendarDate(kpis.featuresAsOf) }) : t("partnerProfile.kpi.noFeatures");
  const growthTone = kpis.growth === null ? "default" : kpis.growth < 0 ? "warning" : "good";
  return (
    <KpiGrid label={t("partnerProfile.kpisLabel")}>
      <Kpi
        label={t("partnerProfile.kpi.revenue12m")}
        value={kpis.revenue12m ? f.money(kpis.revenue12m) : none}
        testId="kpi-revenue-12m"
        rawValue={kpis.revenue12m?.amount ?? ""}
        hint={kpis.revenuePrev12m ? t("partnerProfile.kpi.previousYear", { amount: f.money(kpis.revenuePrev12m) }) : asOf}
      />
      <Kpi
        label={t("partnerProfile.kpi.growth")}
        value={kpis.growth === null ? none : f.change(kpis.growth)}
        testId="kpi-growth"
        rawValue={kpis.growth ?? ""}
        tone={growthTone}
        hint={kpis.growth === null && kpis.featuresAsOf ? t("partnerProfile.kpi.noGrowthBase") : asOf}
      />
      <Kpi
        label={t("partnerProfile.kpi.winRate")}
        value={kpis.winRate === null ? none : f.percent(kpis.winRate)}
        testId="kpi-win-rate"
        rawValue={kpis.winRate ?? ""}
        hint={kpis.wonCount12m === null ? asOf : t("partnerProfile.kpi.wonLost", { won: f.number(kpis.wonCount12m), lost: f.number(kpis.lostCount12m ?? 0) })}
      />
      <Kpi label={t("partnerProfile.kpi.avgDeal")} value={kpis.avgDealSize ? f.money(kpis.avgDealSize) : none} testId="kpi-avg-deal" rawValue={kpis.avgDealSize?.amount ?? ""} hint={asOf} />
      <Kpi
        label={t("partnerProfile.kpi.cycleDays")}
        value={kpis.cycleDays === null ? none : t("partnerProfile.kpi.daysValue", { days: f.number(Math.round(kpis.cycleDays)) })}
        testId="kpi-cycle-days"
        rawValue={kpis.cycleDays ?? ""}
        hint={asOf}
      />
      <Kpi
        label={t("partnerProfile.kpi.pipeline")}
        value={f.moneyLines(kpis.pipeline)}
        testId="kpi-pipeline"
        rawValue={moneyValue(kpis.pipeline)}
        hint={t("partnerProfile.kpi.openDeals", { count: kpis.openDeals, formatted: f.number(kpis.openDeals) })}
      />
      <Kpi
        label={t("partnerProfile.kpi.earnings")}
        value={f.moneyLines(kpis.earnings12m)}
        testId="kpi-earnings"
        rawValue={moneyValue(kpis.earnings12m)}
        href={statementHref ?? undefined}
        linkLabel={t("partnerProfile.incentives.statement")}
      />
      <Kpi
        label={t("partnerProfile.kpi.engagement")}
        value={kpis.engagement ? f.number(kpis.engagement.logins90d) : none}
        testId="kpi-logins"
        rawValue={kpis.engagement?.logins90d ?? ""}
        hint={kpis.engagement
          ? t("partnerProfile.kpi.engagementHint", { trainings: f.number(kpis.engagement.trainings12m), certifications: f.number(kpis.engagement.certifications12m), demos: f.number(kpis.engagement.demos12m) })
          : asOf}
      />
    </KpiGrid>
  );
}
