// The channel manager's heatmap: regions × the coming months, each cell the forecast's change
// against the same month last year, in words and in colour (the colour only repeats the words),
// with the amounts behind every cell as a second table.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChangeBand } from "../../../models/forecasts/heatmap.ts";
import type { OverviewRow } from "../../../models/forecasts/overview.ts";
import { Card } from "../ui/Card.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { FiguresDisclosure } from "../ui/FiguresDisclosure.tsx";

const bandClass: Record<ChangeBand, string> = {
  "strong-decline": "bg-red-200 text-red-950",
  decline: "bg-red-50 text-red-800",
  flat: "bg-slate-50 text-slate-700",
  growth: "bg-emerald-50 text-emerald-800",
  "strong-growth": "bg-emerald-200 text-emerald-950",
  unknown: "bg-white text-slate-400",
};
const bands: ChangeBand[] = ["strong-decline", "decline", "flat", "growth", "strong-growth", "unknown"];

/** The header both tables share: the region, then one column per coming month. */
function MonthsHead({ months }: { months: string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <thead>
      <tr>
        <Th>{t("forecasts.columns.region")}</Th>
        {months.map((m) => <Th key={m} numeric>{f.month(m)}</Th>)}
      </tr>
    </thead>
  );
}

export function ForecastHeatmap({ months, rows }: { months: string[]; rows: OverviewRow[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const money = (amount: number | null, currency: string) => (amount === null ? "—" : f.money({ amount, currency }, true));
  return (
    <Card title={t("forecasts.heatmap.title")} description={t("forecasts.heatmap.description")} flush>
      <Table caption={t("forecasts.heatmap.caption")} testId="forecast-heatmap">
        <MonthsHead months={months} />
        <TBody>
          {rows.map((row) => (
            <tr key={row.region.code} data-region={row.region.code}>
              <RowHeader>
                <Link to={`/forecasts/${row.region.code}`} className="text-brand-700 hover:underline">{row.region.name}</Link>
              </RowHeader>
              {row.cells.map((cell) => (
                <td
                  key={cell.month}
                  className={`px-3 py-3 text-right text-xs font-medium tabular-nums whitespace-nowrap ${bandClass[cell.band]}`}
                  data-band={cell.band}
                  data-change={cell.change ?? ""}
                  title={t("forecasts.heatmap.cellTitle", { region: row.region.name, month: f.month(cell.month), forecast: money(cell.p50, row.region.currency), lastYear: money(cell.lastYear, row.region.currency) })}
                >
                  {cell.change === null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">{t("forecasts.heatmap.noComparison")}</span>
                    </>
                  ) : (
                    f.change(cell.change)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </TBody>
      </Table>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-5 py-3 text-xs text-slate-600" aria-label={t("forecasts.heatmap.legend")} role="group">
        {bands.map((band) => <span key={band} className={`rounded px-2 py-0.5 ring-1 ring-slate-200 ${bandClass[band]}`}>{t(`forecasts.heatmap.bands.${band}`)}</span>)}
      </div>
      <FiguresDisclosure className="border-t border-slate-100 px-5 py-3 text-sm">
        <div className="mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <Table caption={t("forecasts.heatmap.amountsCaption")} testId="forecast-heatmap-amounts">
            <MonthsHead months={months} />
            <TBody>
              {rows.map((row) => (
                <tr key={row.region.code}>
                  <RowHeader>{row.region.name}</RowHeader>
                  {row.cells.map((cell) => (
                    <Td key={cell.month} numeric>{t("forecasts.heatmap.vs", { forecast: money(cell.p50, row.region.currency), lastYear: money(cell.lastYear, row.region.currency) })}</Td>
                  ))}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </FiguresDisclosure>
    </Card>
  );
}
