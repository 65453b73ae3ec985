// The document, the per-request i18n and the root middleware that refuses NUL text and loads the signed-in user.
import { useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { loadUserMiddleware } from "./auth.server.ts";
import { ErrorPage } from "./components/ErrorPage.tsx";
import { requestInfoContext, userContext } from "./context.ts";
import { createI18n, pickLocale } from "./i18n/index.ts";
import { rejectNulMiddleware } from "./input-guard.server.ts";

export const middleware: Route.MiddlewareFunction[] = [rejectNulMiddleware, loadUserMiddleware];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = context.get(userContext);
  return {
    user,
    locale: pickLocale(user?.locale, request.headers.get("accept-language")),
    timeZone: user?.timeZone ?? "UTC",
    cspNonce: context.get(requestInfoContext).cspNonce,
  };
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRootData();
  const locale = root?.locale ?? "en";
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = root?.cspNonce || undefined;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <ErrorPage error={error} />;
}
