// What the models say about one partner, with their reasons in words and their quality: the
// segment and what it means, the health score on a gauge, and the churn risk.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartnerScoring } from "../../../models/partners/partner-scores.ts";
import { NoRunMessage } from "../segments/NoRunMessage.tsx";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { useFormat } from "../useFormat.ts";
import { HealthGauge } from "./HealthGauge.tsx";
import { ModelQuality } from "./ModelQuality.tsx";
import { ReasonList } from "./ReasonList.tsx";
import { ChurnRisk, HealthBandBadge, SegmentBadge } from "./ScoreBadges.tsx";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="min-w-0">
      <h3 className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  );
}

export function ScoreCard({ scoring }: { scoring: PartnerScoring | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = t("partnerProfile.scores.title");
  if (!scoring) {
    return <Card title={title}><NoRunMessage className="px-5 py-8 text-center text-sm text-slate-500" /></Card>;
  }
  const { segment, health, churn, run } = scoring;
  return (
    <Card title={title} action={<Link to="/segments" className="font-medium text-brand-700 hover:underline">{t("partnerProfile.scores.allSegments")}</Link>}>
      <div className="mb-4"><ModelQuality finishedAt={run.finishedAt} quality={run.quality} /></div>
      {!segment ? <EmptyState message={t("partnerProfile.scores.notScored")} testId="not-scored" /> : (
        <div className="grid gap-6 lg:grid-cols-3">
          <Section title={t("partnerProfile.scores.segment")}>
            <SegmentBadge label={segment.label} />
            <p className="text-sm text-slate-700" data-testid="segment-description">{segment.description}</p>
            <p className="text-xs text-slate-500">{t("partnerProfile.scores.segmentSize", { count: segment.size, formatted: f.number(segment.size) })}</p>
          </Section>
          <Section title={t("partnerProfile.scores.health")}>
            {health ? (
              <>
                <div className="flex items-center gap-3">
                  <HealthGauge score={health.score} band={health.band} />
                  <HealthBandBadge band={health.band} />
                </div>
                <p className="text-xs font-medium text-slate-500">{t("partnerProfile.scores.healthReasons")}</p>
                <ReasonList reasons={health.reasons} testId="health-reasons" />
              </>
            ) : <p className="text-sm text-slate-500">{t("partnerProfile.scores.noHealth")}</p>}
          </Section>
          <Section title={t("partnerProfile.scores.churn")}>
            {churn ? (
              <>
                <p className="text-3xl"><ChurnRisk risk={churn.risk} /></p>
                <p className="text-xs font-medium text-slate-500">{t("partnerProfile.scores.churnReasons")}</p>
                <ReasonList reasons={churn.reasons} testId="churn-reasons" />
              </>
            ) : <p className="text-sm text-slate-500">{t("partnerProfile.scores.noChurn")}</p>}
          </Section>
        </div>
      )}
    </Card>
  );
}
