// The `.data` request a browser sends on client-side navigation, run through React Router's own
// request handler (single fetch, turbo-stream) against a server build of just the routes a test needs.
import { createRequestHandler, UNSAFE_decodeViaTurboStream as decodeViaTurboStream, type ServerBuild } from "react-router";
import type { SessionUser } from "../models/auth/users.ts";
import { routeContext } from "./routes.ts";

export type TestRoute = { id: string; path: string; module: unknown };

/** A server build with the document root and `routes` only, as the Vite build would make it. */
function buildOf(routes: readonly TestRoute[]): ServerBuild {
  return {
    entry: { module: { default: () => new Response("document requests are not tested here", { status: 500 }) } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      ...Object.fromEntries(routes.map((route) => [route.id, { ...route, parentId: "root" }])),
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
}

type SingleFetchResult = Record<string, { data?: unknown; error?: unknown }>;

export type DataResult = { status: number; loaderData: unknown; error: unknown; body: string };

/** A function that GETs `path` (ending in `.data`) as `user`: the HTTP status and route `routeId`'s loader data or error. */
export function dataRequester(routes: readonly TestRoute[]) {
  const handle = createRequestHandler(buildOf(routes), "production");
  return async (user: SessionUser | null, path: string, routeId: string): Promise<DataResult> => {
    const response = await handle(new Request(`http://localhost${path}`), routeContext(user));
    if (response.body === null) return { status: response.status, loaderData: undefined, error: undefined, body: "" };
    const [raw, decodable] = response.body.tee();
    const body = await new Response(raw).text();
    const decoded = await decodeViaTurboStream(decodable, globalThis);
    await decoded.done;
    const result = (decoded.value as SingleFetchResult)[routeId] ?? {};
    const status = result.error && typeof result.error === "object" && "status" in result.error ? Number(result.error.status) : response.status;
    return { status, loaderData: result.data, error: result.error, body };
  };
}
