// The signed-in user's API keys for integrations: create one (shown once), see when each was
// last used, revoke it. A key acts as this user, with exactly their permissions.
import { useTranslation } from "react-i18next";
import { data, Form, useNavigation } from "react-router";
import { ApiKeyInputError, createApiKey, listApiKeys, revokeApiKey } from "../../models/auth/api-keys.ts";
import { db } from "../../models/db/client.ts";
import { clientIp, requireUser } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { errorTitle, pageTitle } from "../components/pageTitle.ts";
import { Card } from "../components/ui/Card.tsx";
import { EmptyState } from "../components/ui/EmptyState.tsx";
import { PageHeader } from "../components/ui/PageHeader.tsx";
import { useFormat } from "../components/useFormat.ts";
import type { Route } from "./+types/settings.api-keys";

const EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;

export function meta({ matches, error }: Route.MetaArgs) {
  return error ? errorTitle(matches, error) : pageTitle(matches, "apiKeys.title");
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  return { keys: await listApiKeys(db, user) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "revoke") {
    const revoked = await revokeApiKey(db, user, String(form.get("id") ?? ""), { ipAddress: clientIp(context) });
    return data({ intent, revoked, key: null, errors: {}, values: { name: "", expires: "365" } }, { status: revoked ? 200 : 404 });
  }
  const values = { name: String(form.get("name") ?? ""), expires: String(form.get("expires") ?? "365") };
  try {
    const { key } = await createApiKey(db, user, { name: values.name, expiresInDays: values.expires === "never" ? null : Number(values.expires) }, { ipAddress: clientIp(context) });
    return { intent: "create", revoked: false, key, errors: {} as Record<string, string>, values: { name: "", expires: "365" } };
  } catch (error) {
    if (!(error instanceof ApiKeyInputError)) throw error;
    return data({ intent: "create", revoked: false, key: null, errors: error.fields, values }, { status: 422 });
  }
}

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500";

export default function ApiKeysPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.intent === "create" && actionData.key === null ? actionData.values : { name: "", expires: "365" };
  return (
    <div className="space-y-6">
      <PageHeader title={t("apiKeys.title")} subtitle={t("apiKeys.subtitle")} />
      {actionData?.key ? (
        <div role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <p className="font-medium">{t("apiKeys.created")}</p>
          <code className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-slate-900 ring-1 ring-emerald-200" data-testid="new-api-key">{actionData.key}</code>
          <p className="mt-2">{t("apiKeys.usage")}</p>
        </div>
      ) : null}
      <Card title={t("apiKeys.createTitle")}>
        <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="create" />
          <div className="min-w-64 flex-1">
            <label htmlFor="name" className="block text-sm font-medium">{t("apiKeys.name")}</label>
            <input id="name" name="name" defaultValue={values.name} className={input} aria-invalid={errors.name ? true : undefined} aria-describedby="name-hint" />
            <p id="name-hint" className={`mt-1 text-sm ${errors.name ? "text-red-600" : "text-slate-500"}`}>{errors.name ? t("apiKeys.nameError", { message: errors.name }) : t("apiKeys.nameHint")}</p>
          </div>
          <div>
            <label htmlFor="expires" className="block text-sm font-medium">{t("apiKeys.expires")}</label>
            <select id="expires" name="expires" defaultValue={values.expires} className={input}>
              {EXPIRY_CHOICES.map((choice) => <option key={choice} value={choice}>{t(`apiKeys.expiry.${choice}`)}</option>)}
            </select>
            <p className="mt-1 text-sm text-transparent" aria-hidden="true">.</p>
          </div>
          <div>
            <button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">{t("apiKeys.create")}</button>
            <p className="mt-1 text-sm text-transparent" aria-hidden="true">.</p>
          </div>
        </Form>
      </Card>
      <Card title={t("apiKeys.listTitle")} flush>
        {loaderData.keys.length === 0 ? (
          <EmptyState message={t("apiKeys.none")} />
        ) : (
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="api-keys">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("apiKeys.name")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("apiKeys.prefix")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("apiKeys.createdAt")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("apiKeys.lastUsed")}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t("apiKeys.expires")}</th>
                <th scope="col" className="px-4 py-2"><span className="sr-only">{t("apiKeys.revoke")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {loaderData.keys.map((key) => (
                <tr key={key.id}>
                  <td className="px-4 py-2 font-medium">{key.name}</td>
                  <td className="px-4 py-2 font-mono">cw_{key.prefix}_…</td>
                  <td className="px-4 py-2">{f.date(key.createdAt)}</td>
                  <td className="px-4 py-2">{key.lastUsedAt ? f.dateTime(key.lastUsedAt) : t("apiKeys.never")}</td>
                  <td className="px-4 py-2">{key.revokedAt ? t("apiKeys.revokedOn", { date: f.date(key.revokedAt) }) : key.expiresAt ? f.date(key.expiresAt) : t("apiKeys.expiry.never")}</td>
                  <td className="px-4 py-2 text-right">
                    {key.revokedAt ? null : (
                      <Form method="post" onSubmit={(event) => { if (!window.confirm(t("apiKeys.confirmRevoke", { name: key.name }))) event.preventDefault(); }}>
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={key.id} />
                        <button type="submit" disabled={busy} className="rounded-md px-3 py-1 text-sm font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50">{t("apiKeys.revoke")}</button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
