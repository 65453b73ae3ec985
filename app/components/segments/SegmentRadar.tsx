// The channel health radar card: segments compared on every centroid feature, each scaled from
// the lowest segment (0) to the highest (100); drawn once hydrated, with the scaled values as a table.
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { radarAxes } from "../../../models/partners/segment-radar.ts";
import type { SegmentSummary } from "../../../models/partners/segment-runs.ts";
import { Card } from "../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { useHydrated } from "../useHydrated.ts";
import { featureLabel } from "./featureValue.ts";
import { FiguresDisclosure } from "../ui/FiguresDisclosure.tsx";

const SegmentRadarGraphic = lazy(() => import("./SegmentRadarGraphic.tsx").then((m) => ({ default: m.SegmentRadarGraphic })));

export function SegmentRadar({ segments }: { segments: SegmentSummary[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const hydrated = useHydrated();
  const axes = radarAxes(segments).map((axis) => ({ ...axis, label: featureLabel(t, axis.feature) }));
  const labels = segments.map((s) => s.label);
  const loading = <p className="flex h-full items-center justify-center text-sm text-slate-400">{t("common.loadingChart")}</p>;
  return (
    <Card title={t("segments.radarTitle")} description={t("segments.radarDescription")}>
      <div className="h-96 w-full" role="img" aria-label={t("segments.radarLabel")} data-testid="segment-radar">
        {hydrated ? <Suspense fallback={loading}><SegmentRadarGraphic axes={axes} segments={labels} /></Suspense> : loading}
      </div>
      <FiguresDisclosure>
        <div className="mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <Table caption={t("segments.radarTitle")}>
            <thead><tr><Th>{t("segments.feature")}</Th>{labels.map((l) => <Th key={l} numeric>{l}</Th>)}</tr></thead>
            <TBody>
              {axes.map((axis) => (
                <tr key={axis.feature}>
                  <RowHeader>{axis.label}</RowHeader>
                  {labels.map((l) => <Td key={l} numeric>{axis.values[l] === undefined ? "—" : f.number(axis.values[l])}</Td>)}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </FiguresDisclosure>
    </Card>
  );
}
