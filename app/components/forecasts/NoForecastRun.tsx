// What the forecast pages say before the first run; the job's name (between backticks in the
// message) is set as code, with the jobs page one click away for admins.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NoForecastRun({ canRunJobs }: { canRunJobs: boolean }) {
  const { t } = useTranslation();
  const parts = t("forecasts.noRun").split("`");
  return (
    <div className="rounded-xl bg-white px-5 py-8 text-center text-sm text-slate-500 shadow-sm ring-1 ring-slate-200">
      <p data-testid="no-forecast-run">
        {parts.map((part, i) => (i % 2 === 1 ? <code key={i} className="rounded bg-slate-100 px-1 py-0.5 text-[0.85em]">{part}</code> : part))}
      </p>
      {canRunJobs ? <p className="mt-3"><Link to="/admin/jobs" className="font-medium text-brand-700 hover:underline">{t("forecasts.jobsLink")}</Link></p> : null}
    </div>
  );
}
