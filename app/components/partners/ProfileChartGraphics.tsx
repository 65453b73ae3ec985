// The profile's Recharts drawings: monthly revenue, open pipeline by stage and activity by month
// and kind. Loaded lazily in the browser only, like the dashboards' charts.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ActivityMonth, PipelineStage, RevenueSeries } from "../../../models/partners/profile-series.ts";
import { useFormat } from "../useFormat.ts";

const axisTick = { fontSize: 12, fill: "#64748b" };
const ACTIVITY_COLOURS = ["#1f58d1", "#0d9488", "#7c3aed", "#d97706", "#db2777", "#64748b"];

export function RevenueBars({ series, label }: { series: RevenueSeries; label: string }) {
  const f = useFormat();
  const money = (amount: number, compact = false) => f.money({ amount, currency: series.currency }, compact);
  return (
    <BarChart data={series.months} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={axisTick} minTickGap={16} />
      <YAxis tickFormatter={(v: number) => money(v, true)} tick={axisTick} width={72} />
      <Tooltip labelFormatter={(m) => f.month(String(m))} formatter={(v) => money(Number(v))} />
      <Bar dataKey="amount" name={label} fill="#1f58d1" isAnimationActive={false} />
    </BarChart>
  );
}

export function PipelineBars({ stages, currency, stageLabel, valueLabel }: { stages: PipelineStage[]; currency: string; stageLabel: (stage: string) => string; valueLabel: string }) {
  const f = useFormat();
  const rows = stages.filter((s) => s.currency === currency).map((s) => ({ ...s, label: stageLabel(s.stage) }));
  return (
    <BarChart data={rows} layout="vertical" responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid stroke="#e2e8f0" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => f.money({ amount: v, currency }, true)} tick={axisTick} />
      <YAxis type="category" dataKey="label" tick={axisTick} width={88} />
      <Tooltip formatter={(v) => f.money({ amount: Number(v), currency })} />
      <Bar dataKey="amount" name={valueLabel} fill="#0d9488" isAnimationActive={false} />
    </BarChart>
  );
}

export function ActivityBars({ months, kinds }: { months: ActivityMonth[]; kinds: { kind: string; label: string }[] }) {
  const f = useFormat();
  const rows = months.map((m) => ({ month: m.month, ...m.counts }));
  return (
    <BarChart data={rows} responsive style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis dataKey="month" tickFormatter={(m: string) => f.month(m)} tick={axisTick} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} width={40} />
      <Tooltip labelFormatter={(m) => f.month(String(m))} />
      <Legend />
      {kinds.map(({ kind, label }, i) => (
        <Bar key={kind} dataKey={kind} name={label} stackId="activity" fill={ACTIVITY_COLOURS[i % ACTIVITY_COLOURS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
