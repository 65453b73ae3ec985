// The what-if simulator page (channel managers, admins): what a programme version, typically a
// draft, would have cost over the last months next to the active version, by region, segment,
// partner and month, with the engine's reasons. The months are a GET form kept in the URL.
import { useTranslation } from "react-i18next";
import { data, Form, Link, useNavigation } from "react-router";
import { can } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { SimulationError, simulateProgram, type SimulatedSide, type SimulationReport } from "../../models/incentives/simulate.ts";
import { requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { CostTable } from "../components/incentives/simulator/CostTable.tsx";
import { MonthlyCostChart } from "../components/incentives/simulator/MonthlyCostChart.tsx";
import { SampleExplanations } from "../components/incentives/simulator/SampleExplanations.tsx";
import { SimulationKpis } from "../components/incentives/simulator/SimulationKpis.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/incentives.simulate";

const MONTH_CHOICES = ["3", "6", "12", "24"] as const;
const DEFAULT_MONTHS = "12";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "simulator.title");
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!can(user, "incentives:manage")) throw data(null, { status: 403 });
  const months = new URL(request.url).searchParams.get("months")?.trim() || DEFAULT_MONTHS;
  try {
    const report = await simulateProgram(db, params.programId, { months: /^\d+$/.test(months) ? Number(months) : Number.NaN });
    return { months, report, error: null };
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    if (error.status === 404) throw data(null, { status: 404 });
    const problem = "months" in error.fields ? { kind: "months" as const } : { kind: "invalid" as const, message: error.message };
    return data({ months, report: null, error: problem }, { status: 422 });
  }
}

export default function SimulatorPage({ loaderData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { months, report, error } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("simulator.title")}
        subtitle={report ? t("simulator.subtitle", { candidate: report.candidate.program.name, months: report.window.months }) : undefined}
        eyebrow={<Link to={`/incentives/programs/${params.programId}`} className="font-medium text-brand-700 hover:underline">← {t("simulator.back")}</Link>}
      />
      <MonthsForm months={months} invalid={error?.kind === "months"} />
      {error?.kind === "invalid" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("simulator.errors.invalid", { message: error.message })}</p> : null}
      {report ? <SimulationResult report={report} /> : null}
    </div>
  );
}

function MonthsForm({ months, invalid }: { months: string; invalid: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const choices: readonly string[] = MONTH_CHOICES.includes(months as (typeof MONTH_CHOICES)[number]) || invalid ? MONTH_CHOICES : [...MONTH_CHOICES, months];
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3" data-testid="simulation-form">
      <div>
        <label htmlFor="months" className="block text-sm font-medium">{t("simulator.monthsLabel")}</label>
        <select
          id="months"
          name="months"
          defaultValue={invalid ? DEFAULT_MONTHS : months}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? "months-error" : undefined}
          className="mt-1 block rounded-md border border-slate-300 px-3 py-2"
        >
          {choices.map((choice) => <option key={choice} value={choice}>{t("simulator.monthsOption", { count: Number(choice) })}</option>)}
        </select>
      </div>
      <button type="submit" disabled={navigation.state === "loading"} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {t("simulator.run")}
      </button>
      {invalid ? <p id="months-error" role="alert" className="w-full text-sm text-red-600">{t("simulator.errors.months")}</p> : null}
    </Form>
  );
}

function SimulationResult({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const nothingPaid = report.candidate.entries === 0 && (report.active?.entries ?? 0) === 0;
  return (
    <>
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="nothing-written">{t("simulator.nothingWritten")}</p>
      <Versions report={report} />
      <SimulationKpis report={report} />
      {nothingPaid ? (
        <p className="text-sm text-slate-600">{t("simulator.empty")}</p>
      ) : (
        <>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={t("simulator.byRegion")} flush>
              <CostTable caption={t("simulator.byRegion")} sliceHeader={t("simulator.columns.region")} rows={report.byRegion} testId="simulation-by-region" />
            </Card>
            <Card title={t("simulator.bySegment")} description={t("simulator.bySegmentHint")} flush>
              <CostTable caption={t("simulator.bySegment")} sliceHeader={t("simulator.columns.segment")} rows={report.bySegment} testId="simulation-by-segment" />
            </Card>
          </div>
          <Card title={t("simulator.byPartner")} description={t("simulator.byPartnerHint")} flush>
            <CostTable
              caption={t("simulator.byPartner")}
              sliceHeader={t("simulator.columns.partner")}
              rows={report.byPartner.top.map((row) => ({ ...row, detail: `${row.regionCode} · ${row.segment}` }))}
              rest={report.byPartner.rest.count === 0 ? undefined : { key: "rest", label: t("simulator.rest", { count: report.byPartner.rest.count }), ...report.byPartner.rest }}
              testId="simulation-by-partner"
            />
          </Card>
          <Card title={t("simulator.monthly")}>
            <MonthlyCostChart monthly={report.monthly} monthLabel={f.month} />
          </Card>
          <Card title={t("simulator.samples")} description={t("simulator.samplesHint")}>
            <SampleExplanations samples={report.samples} />
          </Card>
        </>
      )}
    </>
  );
}

function Versions({ report }: { report: SimulationReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const line = (side: SimulatedSide) => t("simulator.versionLine", { name: side.program.name, version: side.program.version, status: t(`simulator.status.${side.program.status}`) });
  const comparison = report.active ? line(report.active) : report.candidate.program.status === "ACTIVE" ? t("simulator.sameAsActive") : t("simulator.noActive");
  return (
    <Card title={t("simulator.window", { from: f.date(report.window.from.toISOString()), to: f.date(report.window.to.toISOString()) })}>
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-500">{t("simulator.simulated")}</dt>
          <dd className="mt-1 text-slate-900" data-testid="simulated-version">{line(report.candidate)}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">{t("simulator.comparedWith")}</dt>
          <dd className="mt-1 text-slate-900" data-testid="active-version">{comparison}</dd>
        </div>
      </dl>
    </Card>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
