// The Recharts bar chart of earned and paid out per month, in one currency. Loaded lazily in
// the browser only, like the dashboards' charts.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { MonthTotal } from "../../../../models/incentives/statement-totals.ts";
import { useFormat } from "../../useFormat.ts";

export function MonthlyBars({ months, currency, labels }: { months: MonthTotal[]; currency: string; labels: { earned: string; paid: string } }) {
  const f = useFormat();
  const money = (amount: number) => f.money({ amount, currency });
  return (
    <BarChart data={months} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={16} />
      <YAxis tickFormatter={(value: number) => f.money({ amount: value, currency }, true)} tick={{ fontSize: 12, fill: "#64748b" }} width={72} />
      <Tooltip labelFormatter={(label) => f.month(String(label))} formatter={(value) => money(Number(value))} />
      <Legend />
      <Bar dataKey="earned" name={labels.earned} fill="#0d9488" isAnimationActive={false} />
      <Bar dataKey="paid" name={labels.paid} fill="#1f58d1" isAnimationActive={false} />
    </BarChart>
  );
}
