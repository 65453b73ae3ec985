// The channel manager's incentive programs: one row per program key with its kind, the version
// that pays now, its effective window and every version with its status. Managers and admins only.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { db } from "../../models/db/client.ts";
import { listProgramFamilies } from "../../models/incentives/program-queries.ts";
import { ProgramStatusBadge } from "../components/incentives/programs/ProgramStatusBadge.tsx";
import { requireProgramManagerPage } from "../components/incentives/programs/program-pages.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../components/ui/Table.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/incentives.programs";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "programs.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireProgramManagerPage(request, context);
  return { families: await listProgramFamilies(db, user) };
}

export default function ProgramsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const window = (from: string, to: string | null) => t("programs.window", { from: f.calendarDate(from), to: to === null ? t("programs.openEnded") : f.calendarDate(to) });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("programs.title")}
        subtitle={t("programs.subtitle")}
        actions={
          <>
            <Link to="/incentives/targets" className="rounded-md px-4 py-2 text-sm font-medium text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50">{t("regionTargets.title")}</Link>
            <Link to="/incentives/programs/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">{t("programs.newProgram")}</Link>
          </>
        }
      />
      <Card title={t("programs.title")} flush>
        {loaderData.families.length === 0 ? (
          <EmptyState message={t("programs.empty")} />
        ) : (
          <Table caption={t("programs.listCaption")} testId="program-list">
            <thead>
              <tr>
                <Th>{t("programs.program")}</Th>
                <Th>{t("programs.kind")}</Th>
                <Th>{t("programs.effective")}</Th>
                <Th>{t("programs.versions")}</Th>
              </tr>
            </thead>
            <TBody>
              {loaderData.families.map((family) => {
                const shown = family.active ?? family.versions[0];
                return (
                  <tr key={family.key} data-testid={`program-${family.key}`}>
                    <RowHeader>
                      <Link to={`/incentives/programs/${shown.id}`} className="text-brand-700 hover:underline">{family.name}</Link>
                      <div className="text-xs font-normal text-slate-500">{family.key}</div>
                    </RowHeader>
                    <Td>{t(`programs.kinds.${family.kind}`)}</Td>
                    <Td>{family.active ? window(family.active.effectiveFrom, family.active.effectiveTo) : <span className="text-slate-500">{t("programs.noActive")}</span>}</Td>
                    <Td>
                      <ul className="flex flex-wrap gap-2">
                        {family.versions.map((version) => (
                          <li key={version.id} className="flex items-center gap-1">
                            <Link to={`/incentives/programs/${version.id}`} className="text-brand-700 hover:underline" title={window(version.effectiveFrom, version.effectiveTo)}>{t("programs.version", { version: version.version })}</Link>
                            <ProgramStatusBadge status={version.status} />
                          </li>
                        ))}
                      </ul>
                    </Td>
                  </tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
