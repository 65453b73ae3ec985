// What a manager may do with one programme version, by its status: edit or delete a draft,
// activate it, archive the active version, or create the next version of an active or archived
// one. Activation, archive and deletion ask for confirmation first (a <details>, so no script needed).
import { useTranslation } from "react-i18next";
import { Form, Link, useNavigation } from "react-router";
import type { ProgramVersion } from "../../../../models/incentives/program-queries.ts";
import { Card } from "../../ui/Card.tsx";
import { useFormat } from "../../useFormat.ts";

const button = (tone: "brand" | "neutral" | "red") =>
  `inline-block rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60 ${
    tone === "brand" ? "bg-brand-600 text-white hover:bg-brand-700" : tone === "red" ? "bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
  }`;

function Confirmed({ intent, label, question, tone }: { intent: string; label: string; question: string; tone: "brand" | "red" }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <details className="rounded-md ring-1 ring-slate-200" data-testid={`confirm-${intent}`}>
      <summary className={`${button(tone === "red" ? "red" : "neutral")} cursor-pointer list-none`}>{label}</summary>
      <Form method="post" className="space-y-2 p-3">
        <p className="text-sm text-slate-700">{question}</p>
        <button type="submit" name="intent" value={intent} disabled={busy} className={button(tone)} data-testid={`${intent}-program`}>{t("programs.page.confirm", { action: label.toLowerCase() })}</button>
      </Form>
    </details>
  );
}

export function VersionActions({ program, hasActive }: { program: ProgramVersion; hasActive: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("programs.page.actions")}>
      <div className="flex flex-col gap-3">
        {program.status === "DRAFT" ? (
          <>
            <Link to="?edit" className={button("neutral")} data-testid="edit-program">{t("programs.page.edit")}</Link>
            <Confirmed
              intent="activate"
              label={t("programs.page.activate")}
              question={t(hasActive ? "programs.page.confirmActivate" : "programs.page.confirmActivateFirst", { version: program.version, from: f.calendarDate(program.effectiveFrom) })}
              tone="brand"
            />
            <Confirmed intent="delete" label={t("programs.page.delete")} question={t("programs.page.confirmDelete")} tone="red" />
          </>
        ) : (
          <Form method="post" className="space-y-1">
            <button type="submit" name="intent" value="new-version" disabled={busy} className={button("brand")} data-testid="new-version">{t("programs.page.newVersion")}</button>
            <p className="text-xs text-slate-500">{t("programs.page.newVersionHint")}</p>
          </Form>
        )}
        {program.status === "ACTIVE" ? (
          <Confirmed intent="archive" label={t("programs.page.archive")} question={t("programs.page.confirmArchive", { version: program.version })} tone="red" />
        ) : null}
        <Link to={`/incentives/programs/${program.id}/simulate`} className="text-sm text-brand-700 hover:underline" data-testid="simulator-link">{t("programs.page.simulator")}</Link>
      </div>
    </Card>
  );
}
