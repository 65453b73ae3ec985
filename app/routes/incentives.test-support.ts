// Test support for the statement routes: the `.data` request a browser sends on client-side
// navigation, run through React Router's own request handler (single fetch, turbo-stream), and a
// small RFC 4180 reader for the CSV export.
import { createRequestHandler, UNSAFE_decodeViaTurboStream as decodeViaTurboStream, type ServerBuild } from "react-router";
import type { SessionUser } from "../../models/auth/users.ts";
import { routeContext } from "../../test/routes.ts";
import * as statementRoute from "./incentives.tsx";

const ROUTE_ID = "routes/incentives";

/** A server build with the document root and the statement page only, as the Vite build would make it. */
const build = {
  entry: { module: { default: () => new Response("document requests are not tested here", { status: 500 }) } },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    [ROUTE_ID]: { id: ROUTE_ID, parentId: "root", path: "incentives", module: statementRoute },
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

/** GET `path` (ending in `.data`) as `user`; the HTTP status and the statement route's loader data or error. */
export async function statementData(user: SessionUser, path: string): Promise<{ status: number; loaderData: unknown; error: unknown }> {
  const response = await handle(new Request(`http://localhost${path}`), routeContext(user));
  if (response.body === null) return { status: response.status, loaderData: undefined, error: undefined };
  const decoded = await decodeViaTurboStream(response.body, globalThis);
  await decoded.done;
  const routes = decoded.value as SingleFetchResult;
  const result = routes[ROUTE_ID] ?? {};
  const status = result.error && typeof result.error === "object" && "status" in result.error ? Number(result.error.status) : response.status;
  return { status, loaderData: result.data, error: result.error };
}

/** CSV text (with a BOM and CRLF line ends) as records of cells, quotes resolved. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(cell);
      cell = "";
    } else if (char === "\r" && body[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return records;
}
