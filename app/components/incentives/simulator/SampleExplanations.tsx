// A few of the largest entries each version would have written, in the engine's own sentences,
// so a manager sees why the money goes where it goes.
import { useTranslation } from "react-i18next";
import type { SimulationSample } from "../../../../models/incentives/simulate.ts";
import { Badge } from "../../ui/Badge.tsx";
import { useFormat } from "../../useFormat.ts";

export function SampleExplanations({ samples }: { samples: readonly SimulationSample[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ul className="divide-y divide-slate-100" data-testid="simulation-samples">
      {samples.map((sample, index) => (
        <li key={index} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:gap-4">
          <Badge tone={sample.side === "candidate" ? "blue" : "slate"}>{t(`simulator.sampleSide.${sample.side}`)}</Badge>
          <div className="min-w-0 flex-1">
            <p className="text-sm text-slate-900">{sample.explanation}</p>
            <p className="mt-0.5 text-xs text-slate-500">
              {sample.partnerName} · {f.date(sample.occurredAt.toISOString())}
            </p>
          </div>
          <span className="text-sm font-semibold tabular-nums">{f.money(sample.amount)}</span>
        </li>
      ))}
    </ul>
  );
}
