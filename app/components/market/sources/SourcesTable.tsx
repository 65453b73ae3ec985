// The list of market sources: what each reads, for which regions and how often, whether it is
// on, how its last run went (with the error and the back-off), and "run now" / on-off buttons
// for those the user may change.
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import type { SourceView } from "../../../../models/market/source-shape.ts";
import { Badge } from "../../ui/Badge.tsx";
import { RowHeader, Table, TBody, Td, Th } from "../../ui/Table.tsx";
import { useFormat } from "../../useFormat.ts";
import { SourceStatusDetails } from "./SourceStatus.tsx";

type Row = SourceView & { itemCount: number };

const buttonClass = "rounded-md bg-white px-2.5 py-1.5 text-xs font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60";

function RowActions({ source }: { source: Row }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("sourceId") === source.id;
  return (
    <Form method="post" className="flex flex-wrap gap-2">
      <input type="hidden" name="sourceId" value={source.id} />
      <input type="hidden" name="enabled" value={String(!source.enabled)} />
      <button type="submit" name="intent" value="run" disabled={busy} className={buttonClass} aria-label={t("marketSources.runNowFor", { name: source.name })}>
        {t("marketSources.runNow")}
      </button>
      <button type="submit" name="intent" value="toggle" disabled={busy} className={buttonClass} aria-label={t(source.enabled ? "marketSources.disableFor" : "marketSources.enableFor", { name: source.name })}>
        {t(source.enabled ? "marketSources.disable" : "marketSources.enable")}
      </button>
    </Form>
  );
}

export function SourcesTable({ sources, regionNames }: { sources: readonly Row[]; regionNames: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table caption={t("marketSources.listCaption")} testId="source-list">
      <thead>
        <tr>
          <Th>{t("marketSources.columns.source")}</Th>
          <Th>{t("marketSources.columns.reads")}</Th>
          <Th>{t("marketSources.columns.schedule")}</Th>
          <Th>{t("marketSources.columns.status")}</Th>
          <Th numeric>{t("marketSources.columns.items")}</Th>
          <Th hidden>{t("marketSources.columns.actions")}</Th>
        </tr>
      </thead>
      <TBody>
        {sources.map((source) => (
          <tr key={source.id} data-testid={`source-${source.id}`}>
            <RowHeader>
              <Link to={`/market/sources/${source.id}`} className="text-brand-700 hover:underline">{source.name}</Link>
              <div className="max-w-xs truncate text-xs font-normal text-slate-500" title={source.url}>{source.url}</div>
            </RowHeader>
            <Td>
              <div>{t(`marketSources.kinds.${source.kind}`)}</div>
              <div className="text-xs text-slate-500">{t(`marketSources.contentTypes.${source.contentType}`)}</div>
              <div className="text-xs text-slate-500">{source.regionCodes.length === 0 ? t("marketSources.allRegions") : source.regionCodes.map((c) => regionNames[c] ?? c).join(", ")}</div>
            </Td>
            <Td>
              <code className="text-xs">{source.schedule}</code>
              <div className="mt-1">{source.enabled ? <Badge tone="green">{t("marketSources.on")}</Badge> : <Badge tone="zinc">{t("marketSources.off")}</Badge>}</div>
            </Td>
            <Td><SourceStatusDetails status={source.status} enabled={source.enabled} /></Td>
            <Td numeric>{f.number(source.itemCount)}</Td>
            <Td>{source.canEdit ? <RowActions source={source} /> : <span className="text-xs text-slate-500">{t("marketSources.readOnly")}</span>}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
