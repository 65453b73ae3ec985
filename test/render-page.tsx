// A route's page rendered on the server from its real loader, as a signed-in user would get it.
import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, Outlet, StaticRouterProvider, useActionData, useLoaderData } from "react-router";
import { createI18n } from "../app/i18n/index.ts";
import type { SessionUser } from "../models/auth/users.ts";
import { routeContext } from "./routes.ts";

type Loader = (args: never) => unknown;
/** A route component, whatever its generated props type. */
type Page = (props: never) => unknown;

/** The page's HTML for `path` (matching route `pattern`), with `loader` run as `user` (root data: English, UTC). */
export async function renderPage(user: SessionUser, path: string, pattern: string, page: Page, loader: Loader): Promise<string> {
  function Wrapped() {
    const props = { loaderData: useLoaderData(), actionData: useActionData(), params: {}, matches: [] };
    return createElement(page as unknown as ComponentType<typeof props>, props);
  }
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "en", timeZone: "UTC" }),
      Component: Outlet,
      children: [{
        id: "page",
        path: pattern,
        loader: ({ request, params }: { request: Request; params: Record<string, string | undefined> }) => (loader as (a: unknown) => unknown)({ request, context: routeContext(user), params }),
        Component: Wrapped,
      }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(
    <I18nextProvider i18n={createI18n("en")}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nextProvider>,
  );
}
