// The Recharts drawing of one forecast: actual sales, the p50 line, the p10–p90 band and the
// target as a monthly line. Loaded lazily in the browser only, like every chart of the portal.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslation } from "react-i18next";
import { useFormat } from "../useFormat.ts";
import type { ChartRow } from "./chart-rows.ts";

export function ForecastChartGraphic({ rows, currency, monthlyTarget }: { rows: ChartRow[]; currency: string; monthlyTarget: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const data = rows.map((r) => ({ ...r, band: r.p10 === null || r.p90 === null ? null : [r.p10, r.p90] }));
  const money = (value: number) => f.money({ amount: value, currency });
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
      <YAxis tickFormatter={(v: number) => f.money({ amount: v, currency }, true)} tick={{ fontSize: 12, fill: "#64748b" }} width={76} />
      <Tooltip
        labelFormatter={(label) => f.month(String(label))}
        formatter={(value) => (Array.isArray(value) ? `${money(Number(value[0]))} – ${money(Number(value[1]))}` : money(Number(value)))}
      />
      <Legend />
      <Area type="monotone" dataKey="band" name={t("forecasts.chart.band")} stroke="none" fill="#93c5fd" fillOpacity={0.45} isAnimationActive={false} connectNulls={false} />
      <Line type="monotone" dataKey="actual" name={t("forecasts.chart.actual")} stroke="#0f172a" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
      <Line type="monotone" dataKey="p50" name={t("forecasts.chart.forecast")} stroke="#1f58d1" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls={false} />
      {monthlyTarget === null ? null : (
        <ReferenceLine y={monthlyTarget} stroke="#d97706" strokeDasharray="3 3" label={{ value: t("forecasts.chart.target"), position: "insideTopRight", fill: "#b45309", fontSize: 12 }} />
      )}
    </ComposedChart>
  );
}
