// One slice of the simulated cost (region, segment or partner): the simulated and the active
// version side by side with their difference, and an optional closing row for "the rest".
import { useTranslation } from "react-i18next";
import type { Money } from "../../../../models/money.ts";
import { RowHeader, Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat } from "../../useFormat.ts";
import { difference, signedMoney } from "./money.ts";

export type CostTableRow = { key: string; label: string; detail?: string; candidate: Money; active: Money | null };

type Props = {
  caption: string;
  sliceHeader: string;
  rows: readonly CostTableRow[];
  /** Shown after the rows, e.g. the partners outside the top 20. */
  rest?: CostTableRow;
  testId: string;
};

export function CostTable({ caption, sliceHeader, rows, rest, testId }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const hasActive = rows.some((row) => row.active !== null);
  const line = (row: CostTableRow, muted = false) => {
    const delta = difference(row.candidate, row.active);
    return (
      <tr key={row.key} className={muted ? "text-slate-500" : undefined} data-key={row.key}>
        <RowHeader>
          {row.label}
          {row.detail ? <span className="block text-xs font-normal text-slate-500">{row.detail}</span> : null}
        </RowHeader>
        <Td numeric>
          <span data-value={row.candidate.amount}>{f.money(row.candidate)}</span>
        </Td>
        {hasActive ? <Td numeric>{row.active === null ? "–" : f.money(row.active)}</Td> : null}
        {hasActive ? <Td numeric className={delta && delta.amount > 0 ? "text-amber-700" : delta && delta.amount < 0 ? "text-emerald-700" : ""}>{delta ? signedMoney(f, delta) : "–"}</Td> : null}
      </tr>
    );
  };
  return (
    <Table caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>{sliceHeader}</Th>
          <Th numeric>{t("simulator.columns.candidate")}</Th>
          {hasActive ? <Th numeric>{t("simulator.columns.active")}</Th> : null}
          {hasActive ? <Th numeric>{t("simulator.columns.delta")}</Th> : null}
        </tr>
      </thead>
      <TBody>
        {rows.map((row) => line(row))}
        {rest ? line(rest, true) : null}
      </TBody>
    </Table>
  );
}
