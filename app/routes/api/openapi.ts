// GET /api/v1/openapi.json → the API's OpenAPI document (public: it describes, it reveals no data).
import { openApiDocument } from "../../openapi.ts";

export function loader() {
  return Response.json(openApiDocument, { headers: { "Cache-Control": "public, max-age=300" } });
}
