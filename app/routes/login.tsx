// The login page. A failed attempt keeps the typed e-mail and says why, without revealing
// whether the account exists.
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useNavigation, useSearchParams } from "react-router";
import { z } from "zod";
import { attemptLogin } from "../../models/auth/login.ts";
import { db } from "../../models/db/client.ts";
import { clientIp, homePathFor, optionalUser, safeRedirect, startSession } from "../auth.server.ts";
import { ErrorPage } from "../components/ErrorPage.tsx";
import { pageTitle } from "../components/pageTitle.ts";
import type { Route } from "./+types/login";

const loginForm = z.object({
  email: z.string().trim().min(1, "emailRequired").email("emailInvalid"),
  password: z.string().min(1, "passwordRequired"),
});

type FormErrors = { email?: string; password?: string; form?: string; minutes?: number };

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "login.submit");
}

export function loader({ context }: Route.LoaderArgs) {
  const user = optionalUser(context);
  if (user) throw redirect(homePathFor(user));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const values = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = loginForm.safeParse(values);
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as "email" | "password"] ??= issue.message;
    return data({ errors, email: values.email }, { status: 400 });
  }
  const result = await attemptLogin(db, { ...parsed.data, ipAddress: clientIp(context) });
  if (!result.ok) {
    if (result.reason === "invalid_credentials") {
      return data({ errors: { form: "invalidCredentials" } as FormErrors, email: values.email }, { status: 401 });
    }
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { errors: { form: result.reason === "locked" ? "locked" : "rateLimited", minutes } as FormErrors, email: values.email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  const setCookie = await startSession(request, context, result.user);
  throw redirect(safeRedirect(form.get("redirectTo"), homePathFor(result.user)), { headers: { "Set-Cookie": setCookie } });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const submitting = navigation.state === "submitting";
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <img src="/favicon.svg" alt="" className="mx-auto h-12 w-12" />
          <h1 className="mt-4 text-2xl font-bold tracking-tight">{t("login.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("app.tagline")}</p>
        </div>
        <Form method="post" className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          {errors?.form ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {t(`login.${errors.form as "invalidCredentials" | "locked" | "rateLimited"}`, { minutes: errors.minutes })}
            </p>
          ) : null}
          <div>
            <label htmlFor="email" className="block text-sm font-medium">{t("login.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={actionData?.email ?? ""}
              aria-invalid={errors?.email ? true : undefined}
              aria-describedby={errors?.email ? "email-error" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500 focus:outline-none"
            />
            {errors?.email ? <p id="email-error" className="mt-1 text-sm text-red-600">{t(`login.${errors.email as "emailRequired" | "emailInvalid"}`)}</p> : null}
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium">{t("login.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={errors?.password ? true : undefined}
              aria-describedby={errors?.password ? "password-error" : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500 focus:outline-none"
            />
            {errors?.password ? <p id="password-error" className="mt-1 text-sm text-red-600">{t("login.passwordRequired")}</p> : null}
          </div>
          <button
            type="submit"
            disabled={submitting}
            className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          >
            {submitting ? t("login.submitting") : t("login.submit")}
          </button>
        </Form>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
