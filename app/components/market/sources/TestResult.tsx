// What "Test source" found: how many items on how many pages, and each item as it would be
// stored — title and link, dates, deadline, value, location, and the keywords and competitors
// it matches — or why the fetch failed. A reminder that nothing was saved.
import { useTranslation } from "react-i18next";
import type { SourceTestResult } from "../../../../models/market/source-test.ts";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat } from "../../useFormat.ts";

export function TestFailure({ failure }: { failure: { code: string; message: string } }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="test-failure">
      {t("marketSources.test.failed", { code: failure.code, message: failure.message })}
    </p>
  );
}

export function TestResult({ result }: { result: SourceTestResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const description = `${t("marketSources.test.summary", { count: result.items.length, pages: result.pages, url: result.finalUrl })} ${t("marketSources.test.nothingSaved")}`;
  return (
    <Card title={t("marketSources.test.title")} description={description} flush>
      <div role="status" aria-live="polite" data-testid="test-result">
        {result.items.length === 0 ? (
          <EmptyState message={result.status === "not-modified" ? t("marketSources.test.notModified") : t("marketSources.test.empty")} />
        ) : (
          <Table caption={t("marketSources.test.title")}>
            <thead>
              <tr>
                <Th>{t("marketSources.test.item")}</Th>
                <Th>{t("marketSources.test.dates")}</Th>
                <Th>{t("marketSources.test.details")}</Th>
                <Th>{t("marketSources.test.matches")}</Th>
              </tr>
            </thead>
            <TBody>
              {result.items.map((item, i) => (
                <tr key={`${item.link}-${i}`}>
                  <RowHeader>
                    <a href={item.link} target="_blank" rel="noreferrer noopener" className="text-brand-700 hover:underline">{item.title}</a>
                    {item.summary ? <p className="mt-1 line-clamp-2 text-xs font-normal text-slate-500">{item.summary}</p> : null}
                  </RowHeader>
                  <Td className="text-xs whitespace-nowrap">
                    <div>{item.publishedAt ? f.date(item.publishedAt) : t("marketSources.test.noDate")}</div>
                    {item.deadline ? <div className="text-amber-800">{t("marketSources.test.deadline", { when: f.dateTime(item.deadline) })}</div> : null}
                  </Td>
                  <Td className="text-xs">
                    {item.valueAmount ? <div>{f.money({ amount: item.valueAmount.amountMinor, currency: item.valueAmount.currency })}</div> : item.value ? <div>{item.value}</div> : null}
                    {item.location ? <div>{item.location}</div> : null}
                    {item.reference ? <div>{t("alerts.reference", { reference: item.reference })}</div> : null}
                  </Td>
                  <Td className="text-xs">{[...item.matchedCompetitors, ...item.matchedKeywords].join(", ") || "—"}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Card>
  );
}
