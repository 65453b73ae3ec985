// Each segment of the run: its size and what it means in words (with a link to its partners),
// and the centroid profile — every feature's centroid value per segment, in the feature's units.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SegmentSummary } from "../../../models/partners/segment-runs.ts";
import { SegmentBadge } from "../partners/ScoreBadges.tsx";
import { Card } from "../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { featureLabel, featureValue } from "./featureValue.ts";

export function SegmentCards({ segments }: { segments: SegmentSummary[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="segment-cards">
      {segments.map((s) => (
        <li key={s.label} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="segment-card" data-segment={s.label} data-size={s.size}>
          <div className="flex items-center justify-between gap-2">
            <SegmentBadge label={s.label} />
            <span className="text-sm font-medium text-slate-600 tabular-nums">{t("segments.segmentSize", { count: s.size, formatted: f.number(s.size) })}</span>
          </div>
          <p className="mt-3 text-sm text-slate-700">{s.description}</p>
          <Link to={`/partners?${new URLSearchParams({ segment: s.label })}`} className="mt-3 inline-block text-sm font-medium text-brand-700 hover:underline">
            {t("segments.viewPartners")} <span aria-hidden="true">→</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function CentroidTable({ segments, features }: { segments: SegmentSummary[]; features: string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = features.length > 0 ? features : [...new Set(segments.flatMap((s) => Object.keys(s.centroid)))];
  return (
    <Card flush title={t("segments.centroidTitle")} description={t("segments.centroidCaption")}>
      <Table caption={t("segments.centroidCaption")} testId="centroid-table">
        <thead><tr><Th>{t("segments.feature")}</Th>{segments.map((s) => <Th key={s.label} numeric>{s.label}</Th>)}</tr></thead>
        <TBody>
          {rows.map((feature) => (
            <tr key={feature}>
              <RowHeader>{featureLabel(t, feature)}</RowHeader>
              {segments.map((s) => (
                <Td key={s.label} numeric>{s.centroid[feature] === undefined ? "—" : featureValue(f, feature, s.centroid[feature])}</Td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
