// Every ledger entry of the period, as a statement reads: date, kind, where it came from
// (programme and version, or a manual adjustment or payout), the deal, the amount, the running
// balance and why it applied — in words, with the explanation's data under "Details".
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { StatementEntry } from "../../../../models/incentives/statement.ts";
import { Badge } from "../../ui/Badge.tsx";
import { Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat, type Formatter } from "../../useFormat.ts";
import { rateLabel, sourceLabel } from "./labels.ts";

const kindTones = { ACCRUAL: "green", CLAWBACK: "red", ADJUSTMENT: "violet", PAYOUT: "blue" } as const;

/** The explanation fields shown under "Details", in this order; money fields are in the entry's currency. */
const DETAIL_FIELDS = [
  "rule", "rateBasisPoints", "multiplierBasisPoints", "base", "tier", "quarter", "quarterToDate", "month", "productSku", "productSkus",
  "segment", "regionCode", "activityKind", "uncappedAmount", "cap", "previousTotal", "targetTotal", "reason",
] as const;
const MONEY_FIELDS = new Set(["base", "quarterToDate", "uncappedAmount", "cap", "previousTotal", "targetTotal"]);

function detailValue(field: string, value: unknown, currency: string, f: Formatter): string | null {
  if (typeof value === "number") {
    if (MONEY_FIELDS.has(field)) return f.money({ amount: value, currency });
    if (field === "rateBasisPoints") return rateLabel(value, f.locale);
    if (field === "multiplierBasisPoints") return `×${f.number(value / 10_000)}`;
    return f.number(value);
  }
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  return null;
}

export function EntriesTable({ entries }: { entries: StatementEntry[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={t("statement.entries.caption")} testId="statement-entries">
      <thead>
        <tr>
          <Th>{t("statement.entries.date")}</Th>
          <Th>{t("statement.entries.kind")}</Th>
          <Th>{t("statement.entries.program")}</Th>
          <Th>{t("statement.entries.deal")}</Th>
          <Th numeric>{t("statement.entries.amount")}</Th>
          <Th numeric>{t("statement.entries.balanceAfter")}</Th>
          <Th>{t("statement.entries.explanation")}</Th>
        </tr>
      </thead>
      <TBody>
        {entries.map((entry) => {
          const details = DETAIL_FIELDS.flatMap((field) => {
            const value = detailValue(field, entry.explanationData[field], entry.amount.currency, f);
            return value === null ? [] : [{ field, value }];
          });
          return (
            <tr key={entry.id} data-testid="statement-entry" data-entry-id={entry.id} data-kind={entry.kind} data-amount={entry.amount.amount}>
              <Td className="whitespace-nowrap">{f.date(entry.occurredAt)}</Td>
              <Td><Badge tone={kindTones[entry.kind]}>{t(`statement.kind.${entry.kind}`)}</Badge></Td>
              <Td>{sourceLabel(t, entry.program, entry.kind)}</Td>
              <Td>{entry.deal ? <Link to={`/deals/${entry.deal.id}`} className="text-brand-700 hover:underline">{entry.deal.title}</Link> : null}</Td>
              <Td numeric className={entry.amount.amount < 0 ? "text-red-700" : "text-slate-900"}>{f.money(entry.amount)}</Td>
              <Td numeric className="text-slate-500">{f.money(entry.balanceAfter)}</Td>
              <Td className="min-w-72 text-slate-700">
                <p>{entry.explanation}</p>
                {details.length > 0 ? (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-brand-700 hover:underline">{t("statement.entries.details")}</summary>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                      {details.map(({ field, value }) => (
                        <div key={field} className="contents">
                          <dt className="text-slate-500">{t(`statement.data.${field}`)}</dt>
                          <dd className="text-slate-800">{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
