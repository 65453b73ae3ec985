// The SPIFFs running now that apply to the partner: the bonus, what qualifies, the countdown
// to the last day and what is left of the budget shared by all partners.
import { useTranslation } from "react-i18next";
import type { ActiveSpiff } from "../../../../models/incentives/statement-outlook.ts";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { useFormat } from "../../useFormat.ts";

export function SpiffCards({ spiffs }: { spiffs: ActiveSpiff[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("statement.spiffs.title")} description={t("statement.spiffs.description")}>
      {spiffs.length === 0 ? (
        <EmptyState message={t("statement.spiffs.none")} testId="spiffs-empty" />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {spiffs.map((spiff) => <SpiffCard key={spiff.program.id} spiff={spiff} />)}
        </ul>
      )}
    </Card>
  );
}

function SpiffCard({ spiff }: { spiff: ActiveSpiff }) {
  const { t } = useTranslation();
  const f = useFormat();
  const left = spiff.budget.amount === 0 ? 0 : spiff.remainingBudget.amount / spiff.budget.amount;
  return (
    <li className="rounded-lg p-4 ring-1 ring-slate-200" data-testid={`spiff-${spiff.program.key}`}>
      <p className="font-semibold text-slate-900">{spiff.program.name}</p>
      <p className="mt-1 text-lg font-semibold text-emerald-700">{t("statement.spiffs.bonus", { amount: f.money(spiff.bonus) })}</p>
      <p className="mt-2 text-sm text-slate-600">
        {spiff.products.length > 0 ? t("statement.spiffs.products", { list: spiff.products.map((p) => p.name).join(", ") }) : t("statement.spiffs.anyProduct")}
      </p>
      {spiff.industries.length > 0 ? <p className="text-sm text-slate-600">{t("statement.spiffs.industries", { list: spiff.industries.join(", ") })}</p> : null}
      <p className="mt-2 text-sm">
        <span className="text-slate-600">{t("statement.spiffs.endsOn", { date: f.calendarDate(spiff.endsOn) })}</span>{" "}
        <span className="font-semibold text-amber-700" data-testid="spiff-days-left" data-value={spiff.daysLeft}>
          {spiff.daysLeft === 0 ? t("statement.spiffs.endsToday") : t("statement.spiffs.daysLeft", { count: spiff.daysLeft })}
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={t("statement.spiffs.budgetLabel", { program: spiff.program.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(left * 100)}
        className="mt-3 h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${Math.round(left * 100)}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-600" data-testid="spiff-budget-left" data-value={spiff.remainingBudget.amount}>
        {t("statement.spiffs.budgetLeft", { left: f.money(spiff.remainingBudget), budget: f.money(spiff.budget) })}
      </p>
      {spiff.earnedByPartner.amount !== 0 ? <p className="mt-1 text-sm text-slate-600">{t("statement.spiffs.earned", { amount: f.money(spiff.earnedByPartner) })}</p> : null}
    </li>
  );
}
