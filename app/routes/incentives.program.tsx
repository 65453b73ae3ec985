// One incentive program version: its rules in words, details, version history and the actions
// its status allows (edit, activate, archive, new version, delete), plus a link to the what-if
// simulator. A draft opened with `?edit` shows the editor. Managers and admins only; an
// unknown or malformed id is a 404.
import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { z } from "zod";
import { db } from "../../models/db/client.ts";
import { ProgramError } from "../../models/incentives/program-errors.ts";
import { getProgramVersion, programHistory } from "../../models/incentives/program-queries.ts";
import { activateProgram, archiveProgram, createNextVersion, deleteDraftProgram, updateDraftProgram } from "../../models/incentives/programs.ts";
import { clientIp } from "../auth.server.ts";
import { ProgramForm } from "../components/incentives/programs/ProgramForm.tsx";
import { formValuesOf } from "../components/incentives/programs/program-form.ts";
import { requireProgramManagerPage, saveProgramForm } from "../components/incentives/programs/program-pages.server.ts";
import { ProgramStatusBadge } from "../components/incentives/programs/ProgramStatusBadge.tsx";
import { RulesSummary } from "../components/incentives/programs/RulesSummary.tsx";
import { VersionActions } from "../components/incentives/programs/VersionActions.tsx";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, titled } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../components/ui/Table.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/incentives.program";

const stepIntent = z.enum(["activate", "archive", "new-version", "delete"]);

export function meta({ matches, loaderData, error }: Route.MetaArgs) {
  return loaderData ? titled(matches, loaderData.program.name) : errorTitle(matches, error);
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const user = requireProgramManagerPage(request, context);
  const program = await getProgramVersion(db, user, params.programId);
  if (program === null) throw data(null, { status: 404 });
  const history = await programHistory(db, user, program.key);
  const editing = program.status === "DRAFT" && new URL(request.url).searchParams.has("edit");
  return { program, history, editing, formValues: editing ? formValuesOf(program) : null };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const user = requireProgramManagerPage(request, context);
  const options = { ipAddress: clientIp(context) };
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent === "save") {
      const saved = await saveProgramForm(form, (input) => updateDraftProgram(db, user, params.programId, input, options));
      return saved.ok ? redirect(`/incentives/programs/${params.programId}`) : saved.response;
    }
    const step = stepIntent.safeParse(intent);
    if (!step.success) return data({ intent, ok: false as const, message: "unknown action" }, { status: 400 });
    switch (step.data) {
      case "activate":
        await activateProgram(db, user, params.programId, options);
        return { intent, ok: true as const };
      case "archive":
        await archiveProgram(db, user, params.programId, options);
        return { intent, ok: true as const };
      case "new-version":
        return redirect(`/incentives/programs/${await createNextVersion(db, user, params.programId, options)}?edit`);
      case "delete":
        await deleteDraftProgram(db, user, params.programId, options);
        return redirect("/incentives/programs");
    }
  } catch (error) {
    if (!(error instanceof ProgramError)) throw error;
    if (error.status === 404) throw data(null, { status: 404 });
    return data({ intent, ok: false as const, message: error.message }, { status: error.status });
  }
}

export default function ProgramPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const { program, history } = loaderData;
  const window = (from: string, to: string | null) => t("programs.window", { from: f.calendarDate(from), to: to === null ? t("programs.openEnded") : f.calendarDate(to) });
  const formRejected = actionData && "values" in actionData ? actionData : null;
  const outcome = actionData && !("values" in actionData) ? actionData : null;
  const editing = loaderData.editing || formRejected !== null;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/incentives/programs" className="text-brand-700 hover:underline">{t("programs.page.backToList")}</Link>}
        title={program.name}
        subtitle={<span className="flex items-center gap-2">{t(`programs.kinds.${program.kind}`)} · {t("programs.version", { version: program.version })} <ProgramStatusBadge status={program.status} /></span>}
      />
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${outcome.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`} data-testid="action-message">
          {outcome.ok ? t(`programs.page.done.${outcome.intent === "archive" ? "archive" : "activate"}`) : t("programs.page.refused", { message: outcome.message })}
        </p>
      ) : null}
      {editing ? (
        <ProgramForm
          values={formRejected?.values ?? loaderData.formValues ?? formValuesOf(program)}
          errors={formRejected?.errors ?? {}}
          mode="edit"
          submitLabel={t("programs.form.save")}
          footer={<Link to={`/incentives/programs/${program.id}`} className="text-sm text-slate-600 hover:underline">{t("programs.form.cancel")}</Link>}
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            <Card title={t("programs.page.rules")}>
              <RulesSummary kind={program.kind} rules={program.rules} currency={program.currency} />
            </Card>
            <Card title={t("programs.page.details")}>
              <dl className="grid gap-3 text-sm sm:grid-cols-2">
                <div><dt className="text-slate-500">{t("programs.effective")}</dt><dd>{window(program.effectiveFrom, program.effectiveTo)}</dd></div>
                <div><dt className="text-slate-500">{t("programs.page.budget")}</dt><dd>{program.budget ? f.money(program.budget) : t("programs.page.noBudget")}</dd></div>
                <div><dt className="text-slate-500">{t("programs.page.earned")}</dt><dd>{program.earned ? `${f.money(program.earned.total)} · ${t("programs.page.entries", { count: program.earned.entries })}` : "–"}</dd></div>
                <div><dt className="text-slate-500">{t("programs.form.key")}</dt><dd>{program.key}</dd></div>
                {program.createdBy && program.createdAt ? <div className="sm:col-span-2 text-slate-500">{t("programs.page.createdBy", { name: program.createdBy.name, date: f.date(program.createdAt) })}</div> : null}
              </dl>
            </Card>
          </div>
          <VersionActions program={program} hasActive={history.some((v) => v.status === "ACTIVE")} />
        </div>
      )}
      <Card title={t("programs.page.history")} flush>
        <Table caption={t("programs.page.historyCaption")} testId="version-history">
          <thead>
            <tr>
              <Th>{t("programs.versions")}</Th>
              <Th>{t("programs.status")}</Th>
              <Th>{t("programs.effective")}</Th>
              <Th numeric>{t("programs.page.earned")}</Th>
            </tr>
          </thead>
          <TBody>
            {history.map((version) => (
              <tr key={version.id} aria-current={version.id === program.id ? "page" : undefined} className={version.id === program.id ? "bg-brand-50/40" : undefined}>
                <RowHeader>
                  {version.id === program.id ? t("programs.version", { version: version.version }) : <Link to={`/incentives/programs/${version.id}`} className="text-brand-700 hover:underline">{t("programs.version", { version: version.version })}</Link>}
                </RowHeader>
                <Td><ProgramStatusBadge status={version.status} /></Td>
                <Td>{window(version.effectiveFrom, version.effectiveTo)}</Td>
                <Td numeric>{version.earned ? f.money(version.earned.total) : "–"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
