// The incentive statement: what a partner earned, was paid and can still earn in a period kept in
// the URL (`?from=&to=`, presets for this quarter, last quarter, this year). A partner sees their
// own organization only; channel managers and admins pick a partner (`?partnerOrgId=`, `?q=`).
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { can, canReadIncentives } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { presetOf, presetPeriod, type PeriodPreset, type StatementPeriod } from "../../models/incentives/statement-period.ts";
import { getStatement, StatementError, type Statement } from "../../models/incentives/statement.ts";
import { searchPartnerOrgs } from "../../models/partners/directory.ts";
import { requireUser } from "../auth.server.ts";
import { EntriesTable } from "../components/incentives/statement/EntriesTable.tsx";
import { PartnerPicker } from "../components/incentives/statement/PartnerPicker.tsx";
import { PeriodPicker, statementSearch } from "../components/incentives/statement/PeriodPicker.tsx";
import { SpiffCards } from "../components/incentives/statement/SpiffCards.tsx";
import { StatementKpis } from "../components/incentives/statement/StatementKpis.tsx";
import { StatementTotalsPanels } from "../components/incentives/statement/StatementTotalsPanels.tsx";
import { TierProgressCard } from "../components/incentives/statement/TierProgress.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/incentives";

/** How many partners the picker lists for a search. */
const PARTNER_PICKER_LIMIT = 50;

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "statement.title");
}

type Outcome = { statement: Statement; periodErrors: null } | { statement: null; periodErrors: Record<string, string> | null };

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadIncentives(user)) throw data(null, { status: 403 });
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const query = { partnerOrgId: params.get("partnerOrgId") || null, from: params.get("from") ?? "", to: params.get("to") ?? "" };

  let outcome: Outcome;
  try {
    outcome = { statement: await getStatement(db, user, { ...query, now }), periodErrors: null };
  } catch (error) {
    if (!(error instanceof StatementError)) throw error;
    if (error.code === "forbidden") throw data(null, { status: 403 });
    if (error.code === "not_found") throw data(null, { status: 404 });
    outcome = { statement: null, periodErrors: error.code === "invalid_period" ? (error.fields ?? {}) : null };
  }

  const canPickPartner = can(user, "incentives:read-all");
  const search = (params.get("q") ?? "").slice(0, 100);
  const found = canPickPartner ? await searchPartnerOrgs(db, user, search, PARTNER_PICKER_LIMIT) : [];
  const selected = outcome.statement?.partner;
  // The partner shown stays selectable in the picker even when the search does not match it.
  const partners = canPickPartner && selected && !found.some((p) => p.id === selected.id) ? [selected, ...found] : found;
  const presets: Record<PeriodPreset, StatementPeriod> = {
    "this-quarter": presetPeriod("this-quarter", now),
    "last-quarter": presetPeriod("last-quarter", now),
    "this-year": presetPeriod("this-year", now),
  };
  return {
    ...outcome,
    from: outcome.statement?.period.from ?? query.from,
    to: outcome.statement?.period.to ?? query.to,
    partnerOrgId: selected?.id ?? query.partnerOrgId,
    preset: outcome.statement ? presetOf(outcome.statement.period, now) : null,
    presets,
    canPickPartner,
    canManage: can(user, "incentives:manage"),
    partners,
    partnerLimit: PARTNER_PICKER_LIMIT,
    search,
  };
}

export default function Incentives({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { statement, periodErrors, from, to, partnerOrgId, preset, presets, canPickPartner, canManage, partners, partnerLimit, search } = loaderData;
  const selection = statement ? statementSearch(statement.period, canPickPartner ? statement.partner.id : null) : "";
  const buttonClass = "rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <>
      <PageHeader
        title={t("statement.title")}
        subtitle={
          statement
            ? t("statement.subtitle", { partner: statement.partner.name, from: f.calendarDate(statement.period.from), to: f.calendarDate(statement.period.to) })
            : canPickPartner ? t("statement.subtitleNoPartner") : undefined
        }
        actions={
          statement ? (
            <>
              <a href={`/incentives/export.csv?${selection}`} download className={buttonClass} data-testid="export-csv">{t("statement.exportCsv")}</a>
              {canManage ? (
                <Link to={`/incentives/adjustments?${new URLSearchParams({ partnerOrgId: statement.partner.id })}`} className={buttonClass} data-testid="adjust-link">
                  {t("statement.adjust")}
                </Link>
              ) : null}
            </>
          ) : undefined
        }
      />
      {canPickPartner ? <PartnerPicker partners={partners} limit={partnerLimit} search={search} selected={partnerOrgId} from={from} to={to} /> : null}
      {statement || periodErrors ? (
        <div className="mb-6">
          <PeriodPicker presets={presets} current={preset} from={from} to={to} partnerOrgId={canPickPartner ? partnerOrgId : null} errors={periodErrors} />
        </div>
      ) : null}
      {statement ? (
        <StatementBody statement={statement} />
      ) : periodErrors ? null : (
        <Card title={t("statement.title")}>
          <EmptyState message={t("statement.picker.required")} testId="statement-pick-partner" />
        </Card>
      )}
    </>
  );
}

function StatementBody({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-8" data-testid="statement">
      <StatementKpis totals={statement.totals} />
      <div className="grid gap-6 lg:grid-cols-2">
        <TierProgressCard tiers={statement.tiers} />
        <SpiffCards spiffs={statement.spiffs} />
      </div>
      {statement.entries.length > 0 ? <StatementTotalsPanels totals={statement.totals} /> : null}
      <Card flush title={t("statement.entries.title")} description={t("statement.entries.description")}>
        {statement.entries.length === 0 ? <EmptyState message={t("statement.entries.empty")} testId="statement-empty" /> : <EntriesTable entries={statement.entries} />}
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
