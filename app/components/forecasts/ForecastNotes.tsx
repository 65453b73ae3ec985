// The caveats of a forecast in plain words: the engine's notes (short history, a simpler model),
// sales left out for their currency, and the series the run could not forecast, with why.
import { useTranslation } from "react-i18next";
import type { SkippedSeries } from "../../../models/forecasts/stored.ts";

type NotesProps = { notes: readonly string[]; otherCurrencyRecords?: number; currency?: string; skipped?: readonly SkippedSeries[]; regionName?: string };

export function ForecastNotes({ notes, otherCurrencyRecords = 0, currency = "", skipped = [], regionName = "" }: NotesProps) {
  const { t } = useTranslation();
  const lines = [
    ...notes,
    ...(otherCurrencyRecords > 0 ? [t("forecasts.otherCurrency", { count: otherCurrencyRecords, currency })] : []),
    ...skipped.map((s) => t("forecasts.skipped", { series: s.productLine === "" ? regionName : s.productLine, reason: s.reason })),
  ];
  if (lines.length === 0) return null;
  return (
    <div className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="forecast-notes">
      <p className="font-medium">{t("forecasts.notesTitle")}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {lines.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
    </div>
  );
}
