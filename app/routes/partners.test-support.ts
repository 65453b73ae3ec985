// Test support for the partner pages: the `.data` request a browser sends on client-side
// navigation, run through React Router's own request handler (single fetch, turbo-stream), with
// the partner list, the 360 profile and the segments page in the build; and pages rendered on the
// server from their real loaders.
import { createRequestHandler, UNSAFE_decodeViaTurboStream as decodeViaTurboStream, type ServerBuild } from "react-router";
import type { SessionUser } from "../../models/auth/users.ts";
import { routeContext } from "../../test/routes.ts";
import * as profileRoute from "./partners.partner.tsx";
import * as listRoute from "./partners.tsx";
import * as segmentsRoute from "./segments.tsx";

export const ROUTE_IDS = { list: "routes/partners", profile: "routes/partners.partner", segments: "routes/segments" } as const;

/** A server build with the document root and the partner pages only, as the Vite build would make it. */
const build = {
  entry: { module: { default: () => new Response("document requests are not tested here", { status: 500 }) } },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    [ROUTE_IDS.list]: { id: ROUTE_IDS.list, parentId: "root", path: "partners", module: listRoute },
    [ROUTE_IDS.profile]: { id: ROUTE_IDS.profile, parentId: "root", path: "partners/:partnerOrgId", module: profileRoute },
    [ROUTE_IDS.segments]: { id: ROUTE_IDS.segments, parentId: "root", path: "segments", module: segmentsRoute },
  },
  assets: { entry: { imports: [], module: "" }, routes: {}, url: "/manifest.js", version: "test" },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  future: { v8_middleware: true, v8_passThroughRequests: true, v8_splitRouteModules: true, v8_trailingSlashAwareDataRequests: true, v8_viteEnvironmentApi: true },
  ssr: true,
  isSpaMode: false,
  prerender: [],
  routeDiscovery: { mode: "lazy", manifestPath: "/__manifest" },
} as unknown as ServerBuild;

const handle = createRequestHandler(build, "production");

type SingleFetchResult = Record<string, { data?: unknown; error?: unknown }>;

/** GET `path` (ending in `.data`) as `user`; the HTTP status and route `routeId`'s loader data or error. */
export async function pageData(user: SessionUser | null, path: string, routeId: string): Promise<{ status: number; loaderData: unknown; error: unknown; body: string }> {
  const response = await handle(new Request(`http://localhost${path}`), routeContext(user));
  if (response.body === null) return { status: response.status, loaderData: undefined, error: undefined, body: "" };
  const [raw, decodable] = response.body.tee();
  const body = await new Response(raw).text();
  const decoded = await decodeViaTurboStream(decodable, globalThis);
  await decoded.done;
  const routes = decoded.value as SingleFetchResult;
  const result = routes[routeId] ?? {};
  const status = result.error && typeof result.error === "object" && "status" in result.error ? Number(result.error.status) : response.status;
  return { status, loaderData: result.data, error: result.error, body };
}
