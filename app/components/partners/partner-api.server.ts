// The JSON shapes of the partners and segments API (API.md "Partners, segments, forecasts"):
// `segment: { label, runId }`, `health: { score, reasons }`, `churnRisk: { value, reasons }` and
// `kpis`, plus what the pages show besides (band, description, the models' quality).
import type { PartnerListItem, ListedRun } from "../../../models/partners/partners-list.ts";
import type { PartnerSummary } from "../../../models/partners/profiles.ts";
import type { ModelQuality, SegmentRunSummary } from "../../../models/partners/segment-runs.ts";
import type { OwnSegmentView } from "../../../models/partners/segment-visibility.ts";
import type { PartnerScoring } from "../../../models/partners/partner-scores.ts";

type ApiRun = { runId: string; finishedAt: string; quality: ModelQuality };

function toApiRun(run: ListedRun | PartnerScoring["run"]): ApiRun {
  return { runId: run.id, finishedAt: run.finishedAt, quality: run.quality };
}

export function toApiListItem(item: PartnerListItem, run: ListedRun | null) {
  return {
    id: item.id,
    name: item.name,
    region: item.region.code,
    regionName: item.region.name,
    country: item.country,
    tier: item.tier,
    status: item.status,
    segment: item.segment !== null && run ? { label: item.segment, runId: run.id } : null,
    health: item.health,
    churnRisk: item.churnRisk === null ? null : { value: item.churnRisk, reasons: item.churnReasons },
    kpis: { revenue12m: item.revenue12m, growth: item.growth },
  };
}

export function toApiListRun(run: ListedRun | null): ApiRun | null {
  return run ? toApiRun(run) : null;
}

function scoringFields(scoring: Omit<PartnerScoring, "churn"> | null) {
  return {
    segment: scoring?.segment ? { label: scoring.segment.label, runId: scoring.run.id, description: scoring.segment.description } : null,
    health: scoring?.health ?? null,
    model: scoring ? toApiRun(scoring.run) : null,
  };
}

export function toApiProfile(profile: PartnerSummary) {
  const { partner, scoring } = profile;
  return {
    id: partner.id,
    name: partner.name,
    region: partner.region.code,
    regionName: partner.region.name,
    country: partner.country,
    tier: partner.tier,
    type: partner.type,
    status: partner.status,
    industries: partner.industries,
    joinedAt: partner.joinedAt,
    ...scoringFields(scoring),
    churnRisk: scoring?.churn ? { value: scoring.churn.risk, reasons: scoring.churn.reasons } : null,
    kpis: profile.kpis,
    revenueByMonth: profile.revenueByMonth,
    pipelineByStage: profile.pipelineByStage,
  };
}

/** A partner user's view of their own organization: segment and health, never the churn risk. */
export function toApiOwnPartner(view: OwnSegmentView) {
  return {
    id: view.partner.id,
    name: view.partner.name,
    region: view.partner.regionCode,
    tier: view.partner.tier,
    ...scoringFields(view.scoring),
    // The churn model is not the partner's to see: only the segments' quality.
    model: view.scoring ? { runId: view.scoring.run.id, finishedAt: view.scoring.run.finishedAt, quality: { silhouette: view.scoring.run.quality.silhouette } } : null,
    churnRisk: null,
    kpis: null,
  };
}

export function toApiSegmentRun(run: SegmentRunSummary) {
  return {
    runId: run.id,
    k: run.k,
    silhouette: run.silhouette,
    segments: run.segments.map((s) => ({ label: s.label, size: s.size, centroid: s.centroid, description: s.description })),
    features: run.features,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    quality: { ...run.qualityDetail, ...run.quality },
  };
}
