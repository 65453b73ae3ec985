// A deal's history, oldest first: when, who, what, and the note that came with it.
import { useTranslation } from "react-i18next";
import type { DealEventItem } from "../../../models/deals/queries.ts";
import { useFormat } from "../useFormat.ts";

const knownActions = new Set([
  "SUBMITTED", "APPROVED", "REJECTED", "WON", "LOST", "EXPIRED",
  "CONFLICT_FOUND", "AUTO_APPROVED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "EXTENSION_REFUSED", "EXPIRY_WARNED",
]);

export function DealTimeline({ events }: { events: DealEventItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (events.length === 0) return <p className="text-sm text-slate-500">{t("deal.timelineEmpty")}</p>;
  return (
    <ol className="relative space-y-6 border-l border-slate-200 pl-6" data-testid="deal-timeline">
      {events.map((event) => (
        <li key={event.id} className="relative" data-testid="deal-event" data-action={event.action}>
          <span className="absolute top-1.5 -left-[1.95rem] h-3 w-3 rounded-full bg-brand-500 ring-4 ring-white" aria-hidden="true" />
          <p className="text-sm font-medium text-slate-900">
            {knownActions.has(event.action) ? t(`dealEvents.${event.action}`) : t("dealEvents.other", { action: event.action })}
          </p>
          <p className="text-xs text-slate-500">
            <time dateTime={event.at}>{f.dateTime(event.at)}</time> · {t("deal.by", { actor: event.actor ?? t("common.system") })}
          </p>
          {event.note ? <p className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm whitespace-pre-line text-slate-700">{event.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
