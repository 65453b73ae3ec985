// The one error view every route's ErrorBoundary uses, with messages per status. Inside the
// portal shell it is a section of the shell's <main>; on its own it is the page's <main>.
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, Link } from "react-router";
import { useInsideShell } from "./landmarks.ts";

export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const insideShell = useInsideShell();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, message] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
        : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  const Landmark = insideShell ? "section" : "main";
  return (
    <Landmark id={insideShell ? undefined : "main"} aria-labelledby="error-title" className="mx-auto max-w-xl px-6 py-24 text-center" data-testid="error-page" data-status={status}>
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-slate-600">{message}</p>
      <Link to="/dashboard" className="mt-8 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
        {t("errors.backHome")}
      </Link>
    </Landmark>
  );
}
