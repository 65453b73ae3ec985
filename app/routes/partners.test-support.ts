// Test support for the partner pages: the `.data` request a browser sends on client-side
// navigation, with the partner list, the 360 profile and the segments page in the build.
import { dataRequester } from "../../test/data-requests.ts";
import * as profileRoute from "./partners.partner.tsx";
import * as listRoute from "./partners.tsx";
import * as segmentsRoute from "./segments.tsx";

export const ROUTE_IDS = { list: "routes/partners", profile: "routes/partners.partner", segments: "routes/segments" } as const;

/** GET `path` (ending in `.data`) as a user; the HTTP status and route `routeId`'s loader data or error. */
export const pageData = dataRequester([
  { id: ROUTE_IDS.list, path: "partners", module: listRoute },
  { id: ROUTE_IDS.profile, path: "partners/:partnerOrgId", module: profileRoute },
  { id: ROUTE_IDS.segments, path: "segments", module: segmentsRoute },
]);
