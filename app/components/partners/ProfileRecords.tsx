// The profile's lists: recent deals (to each deal's page), the latest incentive entries (to the
// partner's statement) and the activity timeline.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProfileDeal, ProfileLedgerEntry, TimelineActivity } from "../../../models/partners/profile-records.ts";
import { DealStatusBadge } from "../ui/Badge.tsx";
import { Card } from "../ui/Card.tsx";
import { EmptyState } from "../ui/EmptyState.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

export function ProfileDeals({ deals, linkDeals }: { deals: ProfileDeal[]; linkDeals: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card flush title={t("partnerProfile.deals.title")}>
      {deals.length === 0 ? <EmptyState message={t("partnerProfile.deals.empty")} /> : (
        <Table caption={t("partnerProfile.deals.title")} testId="profile-deals">
          <thead>
            <tr>
              <Th>{t("partnerProfile.deals.columns.deal")}</Th>
              <Th>{t("partnerProfile.deals.columns.status")}</Th>
              <Th>{t("partnerProfile.deals.columns.stage")}</Th>
              <Th numeric>{t("partnerProfile.deals.columns.value")}</Th>
              <Th numeric>{t("partnerProfile.deals.columns.winProbability")}</Th>
              <Th numeric>{t("partnerProfile.deals.columns.submitted")}</Th>
            </tr>
          </thead>
          <TBody>
            {deals.map((d) => (
              <tr key={d.id} data-testid="profile-deal">
                <RowHeader>
                  {linkDeals ? <Link to={`/deals/${d.id}`} className="text-brand-700 hover:underline">{d.title}</Link> : d.title}
                  <div className="text-xs font-normal text-slate-500">{d.customerName}</div>
                </RowHeader>
                <Td><DealStatusBadge status={d.status} /></Td>
                <Td>{t(`dealStage.${d.stage}`)}</Td>
                <Td numeric>{f.money(d.value)}</Td>
                <Td numeric>{d.winProbability === null ? "—" : f.percent(d.winProbability)}</Td>
                <Td numeric>{f.date(d.submittedAt)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

export function ProfileIncentives({ entries, statementHref }: { entries: ProfileLedgerEntry[]; statementHref: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card
      flush
      title={t("partnerProfile.incentives.title")}
      description={t("partnerProfile.incentives.description")}
      action={statementHref ? <Link to={statementHref} className="font-medium text-brand-700 hover:underline" data-testid="statement-link">{t("partnerProfile.incentives.statement")}</Link> : undefined}
    >
      {entries.length === 0 ? <EmptyState message={t("partnerProfile.incentives.empty")} /> : (
        <Table caption={t("partnerProfile.incentives.title")} testId="profile-ledger">
          <thead>
            <tr>
              <Th>{t("partnerProfile.incentives.columns.date")}</Th>
              <Th>{t("partnerProfile.incentives.columns.explanation")}</Th>
              <Th numeric>{t("partnerProfile.incentives.columns.amount")}</Th>
            </tr>
          </thead>
          <TBody>
            {entries.map((e) => (
              <tr key={e.id}>
                <Td className="whitespace-nowrap">{f.date(e.occurredAt)}</Td>
                <Td>
                  <div className="text-slate-900">{e.explanation}</div>
                  <div className="text-xs text-slate-500">{t(`statement.kind.${e.kind}`)}{e.programName ? ` · ${e.programName}` : ""}</div>
                </Td>
                <Td numeric>{f.money(e.amount)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

export function ActivityTimeline({ activities }: { activities: TimelineActivity[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t("partnerProfile.timeline.title")} description={t("partnerProfile.timeline.description")}>
      {activities.length === 0 ? <EmptyState message={t("partnerProfile.timeline.empty")} /> : (
        <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="activity-timeline">
          {activities.map((a) => (
            <li key={a.id} className="relative" data-testid="timeline-item" data-kind={a.kind}>
              <span aria-hidden="true" className="absolute top-1.5 -left-[25px] h-2.5 w-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
              <p className="text-sm font-medium text-slate-900">{t(`partnerProfile.activityOne.${a.kind}`)}{a.detail ? ` — ${a.detail}` : ""}</p>
              <p className="text-xs text-slate-500">
                <time dateTime={a.occurredAt}>{f.dateTime(a.occurredAt)}</time>
                {a.userName ? ` · ${t("partnerProfile.timeline.by", { name: a.userName })}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
