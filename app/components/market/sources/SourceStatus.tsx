// A source's run status in words: OK / not modified / the failure with its message, when it last
// ran and last succeeded, and while it backs off after failures, until when.
import { useTranslation } from "react-i18next";
import type { SourceStatus as Status } from "../../../../models/market/source-shape.ts";
import { Badge } from "../../ui/Badge.tsx";
import { useFormat } from "../../useFormat.ts";

export function SourceStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  if (status.lastStatus === null) return <Badge tone="slate">{t("marketSources.status.never")}</Badge>;
  if (status.lastStatus === "ok") return <Badge tone="green">{t("marketSources.status.ok")}</Badge>;
  if (status.lastStatus === "not-modified") return <Badge tone="blue">{t("marketSources.status.notModified")}</Badge>;
  return <Badge tone="red">{t("marketSources.status.failed", { code: status.lastStatus })}</Badge>;
}

export function SourceStatusDetails({ status, enabled }: { status: Status; enabled: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const when = (iso: string | null) => (iso === null ? t("marketSources.never") : f.dateTime(iso));
  return (
    <div className="space-y-1 text-xs text-slate-600">
      <div className="flex flex-wrap items-center gap-2">
        <SourceStatusBadge status={status} />
        <span>{t("marketSources.lastRun", { when: when(status.lastRunAt) })}</span>
      </div>
      <div>{t("marketSources.lastSuccess", { when: when(status.lastSuccessAt) })}</div>
      {status.lastError ? <p className="text-red-700" data-testid="source-error">{status.lastError}</p> : null}
      {status.consecutiveFailures > 0 ? (
        <p className="text-amber-800">{t("marketSources.backingOff", { count: status.consecutiveFailures, when: status.nextRunAt ? f.dateTime(status.nextRunAt) : "—" })}</p>
      ) : enabled && status.nextRunAt ? (
        <div>{t("marketSources.nextRun", { when: f.dateTime(status.nextRunAt) })}</div>
      ) : null}
    </div>
  );
}
