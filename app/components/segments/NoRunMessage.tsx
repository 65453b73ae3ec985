// What the partner pages say before the first segmentation run; the job's name (between
// backticks in the message) is set as code.
import { useTranslation } from "react-i18next";

export function NoRunMessage({ testId = "no-segment-run", className = "" }: { testId?: string; className?: string }) {
  const { t } = useTranslation();
  const parts = t("segments.noRun").split("`");
  return (
    <p className={className} data-testid={testId}>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i} className="rounded bg-slate-100 px-1 py-0.5 text-[0.85em]">{part}</code> : part))}
    </p>
  );
}
