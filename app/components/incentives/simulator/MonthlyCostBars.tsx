// The Recharts bars of the simulated and the active version's cost per month. Loaded lazily in
// the browser only, so other pages never download the chart library.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "../../useFormat.ts";
import type { MonthlyCost } from "./MonthlyCostChart.tsx";

export function MonthlyCostBars({ monthly, labels }: { monthly: readonly MonthlyCost[]; labels: { candidate: string; active: string } }) {
  const f = useFormat();
  const currency = monthly[0]?.candidate.currency ?? "EUR";
  const hasActive = monthly.some((point) => point.active !== null);
  const rows = monthly.map((point) => ({ month: point.month, candidate: point.candidate.amount, active: point.active?.amount ?? 0 }));
  return (
    <BarChart data={rows} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={16} />
      <YAxis tickFormatter={(value: number) => f.money({ amount: value, currency }, true)} tick={{ fontSize: 12, fill: "#64748b" }} width={72} />
      <Tooltip labelFormatter={(label) => f.month(String(label))} formatter={(value) => f.money({ amount: Number(value), currency })} />
      <Legend />
      <Bar dataKey="candidate" name={labels.candidate} fill="#1f58d1" isAnimationActive={false} />
      {hasActive ? <Bar dataKey="active" name={labels.active} fill="#94a3b8" isAnimationActive={false} /> : null}
    </BarChart>
  );
}
