// The partner list's table: name (to the 360 profile), region, tier, segment, health band,
// churn risk with its main reason, and revenue over twelve months.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartnerListItem } from "../../../models/partners/partners-list.ts";
import { TierBadge } from "../ui/Badge.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../ui/Table.tsx";
import { useFormat } from "../useFormat.ts";
import { ChurnRisk, HealthBandBadge, SegmentBadge } from "./ScoreBadges.tsx";

export function PartnerTable({ partners }: { partners: PartnerListItem[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const notScored = <span className="text-slate-400">{t("partners.notScored")}</span>;
  return (
    <Table caption={t("partners.listCaption")} testId="partners-table">
      <thead>
        <tr>
          <Th>{t("partners.columns.partner")}</Th>
          <Th>{t("partners.columns.tier")}</Th>
          <Th>{t("partners.columns.segment")}</Th>
          <Th>{t("partners.columns.health")}</Th>
          <Th numeric>{t("partners.columns.churn")}</Th>
          <Th numeric>{t("partners.columns.revenue")}</Th>
        </tr>
      </thead>
      <TBody>
        {partners.map((p) => {
          const topReason = [...p.churnReasons].sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0))[0];
          return (
            <tr key={p.id} className="hover:bg-slate-50" data-testid="partner-row" data-partner-id={p.id} data-segment={p.segment ?? ""}>
              <RowHeader>
                <Link to={`/partners/${p.id}`} className="text-brand-700 hover:underline" data-testid="partner-link">{p.name}</Link>
                <div className="text-xs font-normal text-slate-500">{p.region.name} · {f.country(p.country)}</div>
              </RowHeader>
              <Td><TierBadge tier={p.tier} /></Td>
              <Td>{p.segment ? <SegmentBadge label={p.segment} /> : notScored}</Td>
              <Td>{p.health ? <HealthBandBadge band={p.health.band} score={p.health.score} /> : notScored}</Td>
              <Td numeric>
                {p.churnRisk === null ? notScored : <ChurnRisk risk={p.churnRisk} />}
                {topReason ? <div className="max-w-56 truncate text-xs font-normal whitespace-normal text-slate-500" title={topReason.text}>{t("partners.topChurnReason", { reason: topReason.text })}</div> : null}
              </Td>
              <Td numeric>
                {p.revenue12m ? f.money(p.revenue12m) : t("partners.noFeatures")}
                {p.growth !== null ? <div className="text-xs text-slate-500">{f.change(p.growth)}</div> : null}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
