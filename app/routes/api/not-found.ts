// Any other path under /api/v1: a 404 in the API's error format (never the HTML error page).
import { apiError } from "../../api.server.ts";

const notFound = () => apiError(404, "not_found", "No such API endpoint.");

export const loader = notFound;
export const action = notFound;
