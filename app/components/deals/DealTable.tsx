// The deal list's table: title and customer, partner (for staff), status, value and dates.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DealListItem } from "../../../models/deals/queries.ts";
import { DealStatusBadge } from "../ui/Badge.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";

export function DealTable({ deals, showPartner }: { deals: DealListItem[]; showPartner: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={t("deals.listCaption")} testId="deals-table">
      <thead>
        <tr>
          <Th>{t("deals.columns.deal")}</Th>
          {showPartner ? <Th>{t("deals.columns.partner")}</Th> : null}
          <Th>{t("deals.columns.status")}</Th>
          <Th numeric>{t("deals.columns.value")}</Th>
          <Th numeric>{t("deals.columns.expectedClose")}</Th>
          <Th numeric>{t("deals.columns.submitted")}</Th>
        </tr>
      </thead>
      <TBody>
        {deals.map((deal) => (
          <tr key={deal.id} className="hover:bg-slate-50" data-testid="deal-row">
            <RowHeader>
              <Link to={`/deals/${deal.id}`} className="text-brand-700 hover:underline">{deal.title}</Link>
              <div className="text-xs font-normal text-slate-500">{deal.customerName}</div>
            </RowHeader>
            {showPartner ? <Td>{deal.partnerOrg.name}</Td> : null}
            <Td><DealStatusBadge status={deal.status} /></Td>
            <Td numeric>{f.money(deal.value)}</Td>
            <Td numeric>{f.calendarDate(deal.expectedCloseDate)}</Td>
            <Td numeric>{f.date(deal.submittedAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
