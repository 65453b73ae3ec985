// The Recharts line chart of monthly sales per region. Loaded lazily in the browser only, so
// the other roles' dashboards never download the chart library.
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { RegionSalesSeries } from "../../../models/dashboards/lead.ts";
import { useFormat } from "../useFormat.ts";

const palette = ["#1f58d1", "#0d9488", "#d97706", "#7c3aed", "#db2777", "#475569"];

export function SalesTrendLines({ months, series, labels }: { months: string[]; series: RegionSalesSeries[]; labels: string[] }) {
  const f = useFormat();
  const rows = months.map((month, i) => ({
    month,
    ...Object.fromEntries(series.map((s, j) => [`s${j}`, s.amounts[i]])),
  }));
  const currencies = new Set(series.map((s) => s.currency));
  const onlyCurrency = currencies.size === 1 ? series[0].currency : null;
  // Minor units on the axis: as money when there is one currency, else as a plain compact number.
  const axisTick = (value: number) => (onlyCurrency ? f.money({ amount: value, currency: onlyCurrency }, true) : f.compactNumber(value / 100));
  return (
    <LineChart data={rows} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={24} />
      <YAxis tickFormatter={axisTick} tick={{ fontSize: 12, fill: "#64748b" }} width={72} />
      <Tooltip
        labelFormatter={(label) => f.month(String(label))}
        formatter={(value, _name, item) => {
          const index = Number(String(item.dataKey ?? "s0").slice(1));
          return f.money({ amount: Number(value), currency: series[index]?.currency ?? "EUR" });
        }}
      />
      <Legend />
      {series.map((s, j) => (
        <Line key={`${s.regionCode}-${s.currency}`} type="monotone" dataKey={`s${j}`} name={labels[j]} stroke={palette[j % palette.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
      ))}
    </LineChart>
  );
}
