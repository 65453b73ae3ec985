// Test support for the statement routes: the `.data` request a browser sends on client-side
// navigation, and a small RFC 4180 reader for the CSV export.
import type { SessionUser } from "../../models/auth/users.ts";
import { dataRequester } from "../../test/data-requests.ts";
import * as statementRoute from "./incentives.tsx";

const ROUTE_ID = "routes/incentives";
const requestData = dataRequester([{ id: ROUTE_ID, path: "incentives", module: statementRoute }]);

/** GET `path` (ending in `.data`) as `user`; the HTTP status and the statement route's loader data or error. */
export async function statementData(user: SessionUser, path: string): Promise<{ status: number; loaderData: unknown; error: unknown }> {
  const { status, loaderData, error } = await requestData(user, path, ROUTE_ID);
  return { status, loaderData, error };
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
