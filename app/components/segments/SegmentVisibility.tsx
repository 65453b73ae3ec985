// The program's choice of whether partners see their own segment and health (never churn risk),
// with a button to change it for those allowed to.
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Card } from "../ui/Card.tsx";

export function SegmentVisibility({ shown, canChange, saved }: { shown: boolean; canChange: boolean; saved: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t("segments.visibility.title")}>
      <p className="text-sm text-slate-700" data-testid="segment-visibility" data-shown={shown}>{shown ? t("segments.visibility.shown") : t("segments.visibility.hidden")}</p>
      {canChange ? (
        <Form method="post" className="mt-3 flex items-center gap-3">
          <input type="hidden" name="show" value={shown ? "false" : "true"} />
          <button type="submit" className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
            {shown ? t("segments.visibility.hide") : t("segments.visibility.show")}
          </button>
          {saved ? <span role="status" className="text-sm text-emerald-700">{t("segments.visibility.saved")}</span> : null}
        </Form>
      ) : null}
    </Card>
  );
}
