// The alert pages rendered on the server from their real loaders (and, for a refused forward, the
// real action): unread count, filters, severity, reasons, deadline, the source link opening safely
// in a new tab, recommended partners with reasons and a forward form that keeps what was typed.
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, Outlet, StaticRouterProvider, useActionData, useLoaderData } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { createI18n } from "../i18n/index.ts";
import type { SessionUser } from "../../models/auth/users.ts";
import { renderPage } from "../../test/render-page.tsx";
import { demoUser, routeContext } from "../../test/routes.ts";
import AlertPage, { action as detailAction, loader as detailLoader } from "./alert.tsx";
import { type DemoAlerts, routeDemoAlerts } from "./alerts.test-support.ts";
import Alerts, { loader as listLoader } from "./alerts.tsx";

let lead: SessionUser;
let alerts: DemoAlerts;

/** The detail page after POSTing `fields` to its action, as a browser without JavaScript would get it. */
async function renderAfterPost(user: SessionUser, alertId: string, fields: Record<string, string>): Promise<string> {
  function Wrapped() {
    const props = { loaderData: useLoaderData(), actionData: useActionData(), params: {}, matches: [] };
    return createElement(AlertPage as unknown as ComponentType<typeof props>, props);
  }
  const call = (fn: (args: never) => unknown) => ({ request, params }: { request: Request; params: Record<string, string | undefined> }) =>
    (fn as (a: unknown) => unknown)({ request, context: routeContext(user), params });
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "en", timeZone: "UTC" }),
      Component: Outlet,
      children: [{ id: "page", path: "alerts/:alertId", loader: call(detailLoader), action: call(detailAction), Component: Wrapped }],
    },
  ]);
  const context = await handler.query(new Request(`http://localhost/alerts/${alertId}`, { method: "POST", body: new URLSearchParams(fields) }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(
    <I18nextProvider i18n={createI18n("en")}>
      <StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />
    </I18nextProvider>,
  );
}

beforeAll(async () => {
  lead = await demoUser("lead@example.com");
  alerts = await routeDemoAlerts();
});

describe("the inbox", () => {
  it("shows the unread count, filters, each alert's severity, reasons, deadline and a safe source link", async () => {
    const html = await renderPage(lead, "/alerts", "alerts", Alerts, listLoader);
    expect(html).toContain('data-testid="alerts-unread" data-value="2">2 unread alerts');
    expect(html).toContain('data-testid="alert-filters"');
    expect(html).toContain("Mark all as read");
    expect(html).toMatch(/data-alert-id="[^"]+" data-unread="true" data-severity="HIGH"/);
    expect(html).toContain("ERP tender for a hospital in Hamburg");
    expect(html).toContain("Tender in Hamburg (DACH)");
    expect(html).toContain("Keyword: payroll");
    expect(html).toMatch(/Deadline [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(html).toContain('href="https://tenders.example.com/hh-42" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toContain("javascript:");
    expect(html).toContain("The source gave no web address for this item.");
    expect(html).toContain(`href="/alerts/${alerts.tender}"`);
    expect(html).toContain("Partners best placed to bid");
    expect(html).toContain('data-testid="forward-form"');
  });

  it("says so when the filters match nothing", async () => {
    const html = await renderPage(lead, "/alerts?severity=LOW", "alerts", Alerts, listLoader);
    expect(html).toContain("No alerts match these filters.");
  });
});

describe("the detail page", () => {
  it("shows the recommended partners with their fit and reasons", async () => {
    const html = await renderPage(lead, `/alerts/${alerts.tender}`, "alerts/:alertId", AlertPage, detailLoader);
    expect(html).toContain("<h1");
    expect(html).toContain('data-testid="recommended-partners"');
    expect(html).toMatch(/Fit \d+%/);
    expect(html).toMatch(/Won \d+ of \d+ closed deals|No closed deals yet/);
    expect(html).toContain("Forward as a lead");
  });

  it("keeps what was typed when a forward is refused", async () => {
    const html = await renderAfterPost(lead, alerts.tender, { intent: "forward", alertId: alerts.tender, partnerOrgId: "", note: "Call Anna before Friday" });
    expect(html).toContain('data-testid="forward-error"');
    expect(html).toContain("Choose a partner");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(">Call Anna before Friday</textarea>");
  });
});
