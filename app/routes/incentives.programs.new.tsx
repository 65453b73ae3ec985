// A new incentive program, saved as a draft version 1: the editor form with a sub-form per kind.
// Field errors show beside their fields and the form keeps what was typed. Managers and admins only.
import { useTranslation } from "react-i18next";
import { Link, redirect } from "react-router";
import { db } from "../../models/db/client.ts";
import { createProgram } from "../../models/incentives/programs.ts";
import { ProgramForm } from "../components/incentives/programs/ProgramForm.tsx";
import { requireProgramManagerPage, saveProgramForm } from "../components/incentives/programs/program-pages.server.ts";
import { clientIp } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import type { Route } from "./+types/incentives.programs.new";

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "programs.newTitle");
}

export function loader({ request, context }: Route.LoaderArgs) {
  requireProgramManagerPage(request, context);
  const today = new Date().toISOString().slice(0, 10);
  return { values: { kind: "COMMISSION", currency: "EUR", effectiveFrom: today, "rules.base": "WON_DEAL_AMOUNT", "rules.mode": "RETROACTIVE" } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireProgramManagerPage(request, context);
  const saved = await saveProgramForm(await request.formData(), (input) => createProgram(db, user, input, { ipAddress: clientIp(context) }));
  return saved.ok ? redirect(`/incentives/programs/${saved.result}`) : saved.response;
}

export default function NewProgramPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("programs.newTitle")}
        subtitle={t("programs.newSubtitle")}
        eyebrow={<Link to="/incentives/programs" className="text-brand-700 hover:underline">{t("programs.page.backToList")}</Link>}
      />
      <ProgramForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        mode="create"
        submitLabel={t("programs.form.create")}
        footer={<Link to="/incentives/programs" className="text-sm text-slate-600 hover:underline">{t("programs.form.cancel")}</Link>}
      />
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
