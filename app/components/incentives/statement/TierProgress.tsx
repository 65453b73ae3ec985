// Progress to the next tier of each active tiered rebate: a progress bar (role="progressbar"
// with aria values) and the sentence a partner acts on: "€12,400.00 more won volume this
// quarter reaches tier 3 (5%)".
import { useTranslation } from "react-i18next";
import type { TierOutlook } from "../../../../models/incentives/statement-outlook.ts";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { useFormat } from "../../useFormat.ts";
import { rateLabel } from "./labels.ts";

export function TierProgressCard({ tiers }: { tiers: TierOutlook[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("statement.tiers.title")} description={tiers[0] ? t("statement.tiers.description", { quarter: tiers[0].quarter }) : undefined}>
      {tiers.length === 0 ? (
        <EmptyState message={t("statement.tiers.none")} testId="tiers-empty" />
      ) : (
        <ul className="space-y-6">
          {tiers.map((outlook) => <TierRow key={outlook.program.id} outlook={outlook} />)}
        </ul>
      )}
    </Card>
  );
}

function TierRow({ outlook }: { outlook: TierOutlook }) {
  const { t } = useTranslation();
  const f = useFormat();
  const base = t(`statement.tiers.base.${outlook.base}`);
  const rate = (bps: number) => rateLabel(bps, f.locale);
  const percent = Math.round(outlook.progress * 100);
  const { current, next } = outlook;
  const sentence = next
    ? t("statement.tiers.toNext", { amount: f.money(outlook.amountToNext), base, tier: next.tier, rate: rate(next.rateBasisPoints) })
    : t("statement.tiers.top", { rate: rate(current?.rateBasisPoints ?? 0), base });
  return (
    <li data-testid={`tier-${outlook.program.key}`} data-volume={outlook.volume.amount} data-tier={current?.tier ?? 0}>
      <div className="flex items-baseline justify-between gap-4">
        <p className="font-medium text-slate-900">{t("statement.programVersion", { name: outlook.program.name, version: outlook.program.version })}</p>
        <p className="text-sm text-slate-500 tabular-nums">{f.percent(outlook.progress)}</p>
      </div>
      <div
        role="progressbar"
        aria-label={t("statement.tiers.progressLabel", { program: outlook.program.name, tier: next?.tier ?? current?.tier ?? 1 })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={sentence}
        data-testid={`tier-progress-${outlook.program.key}`}
        data-value={outlook.progress}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm font-medium text-slate-800" data-testid={`tier-next-${outlook.program.key}`} data-value={outlook.amountToNext.amount}>{sentence}</p>
      <p className="mt-1 text-sm text-slate-500">
        {current
          ? t("statement.tiers.volume", { volume: f.money(outlook.volume), base, tier: current.tier, rate: rate(current.rateBasisPoints), rebate: f.money(outlook.rebateSoFar) })
          : t("statement.tiers.belowFirst", { volume: f.money(outlook.volume), base })}
      </p>
      {outlook.budget ? (
        <p className={`mt-1 text-sm ${outlook.budget.remaining.amount === 0 ? "font-medium text-amber-700" : "text-slate-500"}`} data-testid={`tier-budget-${outlook.program.key}`} data-value={outlook.budget.remaining.amount}>
          {outlook.budget.remaining.amount === 0
            ? t("statement.tiers.budgetSpent", { budget: f.money(outlook.budget.cap) })
            : t("statement.tiers.budgetLeft", { left: f.money(outlook.budget.remaining), budget: f.money(outlook.budget.cap) })}
        </p>
      ) : null}
    </li>
  );
}
