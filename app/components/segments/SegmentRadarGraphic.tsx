// The Recharts radar comparing segments: one spoke per feature (scaled 0–100 across segments), one
// translucent shape per segment. Loaded lazily in the browser only.
import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import type { RadarAxis } from "../../../models/partners/segment-radar.ts";

const COLOURS = ["#1f58d1", "#0d9488", "#d97706", "#7c3aed", "#db2777", "#64748b", "#059669", "#dc2626"];

export function SegmentRadarGraphic({ axes, segments }: { axes: (RadarAxis & { label: string })[]; segments: string[] }) {
  const rows = axes.map((axis) => ({ label: axis.label, ...axis.values }));
  return (
    <RadarChart data={rows} responsive style={{ width: "100%", height: "100%" }} outerRadius="70%">
      <PolarGrid stroke="#e2e8f0" />
      <PolarAngleAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
      <PolarRadiusAxis domain={[0, 100]} tick={false} axisLine={false} />
      <Tooltip />
      <Legend />
      {segments.map((segment, i) => (
        <Radar key={segment} name={segment} dataKey={segment} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]} fillOpacity={0.15} isAnimationActive={false} />
      ))}
    </RadarChart>
  );
}
