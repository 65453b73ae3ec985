// Server glue of the source pages: who reaches them (403 otherwise; 404 for a source the user
// cannot see), and the editor's intents — save, test (fetch once, save nothing), run now,
// delete — with every refusal as field errors beside what was typed.
import { data, redirect } from "react-router";
import type { SessionUser } from "../../../../models/auth/users.ts";
import type { PrismaClient } from "../../../../models/db/generated/client.ts";
import { requestSourceRun } from "../../../../models/market/run-request.ts";
import { canReadSources } from "../../../../models/market/source-access.ts";
import { SourceError, SourceFetchError, SourceValidationError } from "../../../../models/market/source-errors.ts";
import { testSource, type SourceTestResult } from "../../../../models/market/source-test.ts";
import { createSource, deleteSource, setSourceEnabled, updateSource } from "../../../../models/market/sources.ts";
import { requireUser, type RequestContext } from "../../../auth.server.ts";
import { formErrorsOf, sourceInputOf, valuesOf, type FormErrors, type SourceFormValues } from "./source-form.ts";

export function requireSourcesPage(request: Request, context: RequestContext): SessionUser {
  const user = requireUser(request, context);
  if (!canReadSources(user)) throw data(null, { status: 403 });
  return user;
}

export type SourceFormResult =
  | { intent: "save" | "test"; ok: false; values: SourceFormValues; errors: FormErrors; failure?: { code: string; message: string } }
  | { intent: "test"; ok: true; values: SourceFormValues; errors: FormErrors; result: SourceTestResult }
  | { intent: "run" | "toggle"; ok: boolean; message?: string; sourceId: string };

/** 403/404 refusals end the request (the error page); the rest come back to the form. */
function rethrowStatus(error: unknown): never {
  if (error instanceof SourceError && (error.status === 403 || error.status === 404)) throw data(null, { status: error.status });
  throw error;
}

type Ops = { db: PrismaClient; user: SessionUser; ipAddress: string };

/** The editor's action for a new source (`sourceId` null) or an existing one. */
export async function sourceEditorAction(form: FormData, sourceId: string | null, { db, user, ipAddress }: Ops) {
  const intent = String(form.get("intent") ?? "");
  const values = valuesOf(form);
  const options = { ipAddress };
  try {
    if (intent === "save") {
      const input = sourceInputOf(values);
      const id = sourceId === null ? await createSource(db, user, input, options) : (await updateSource(db, user, sourceId, input, options), sourceId);
      return redirect(`/market/sources/${id}?saved`);
    }
    if (intent === "test") {
      const result = await testSource(user, sourceInputOf(values));
      return { intent: "test", ok: true, values, errors: {}, result } satisfies SourceFormResult;
    }
    if (sourceId !== null && intent === "delete") {
      await deleteSource(db, user, sourceId, options);
      return redirect("/market/sources?deleted");
    }
    if (sourceId !== null && intent === "run") return await runNow(db, user, sourceId, ipAddress);
    return data({ intent: "save", ok: false, values, errors: { form: "unknown action" } } satisfies SourceFormResult, { status: 400 });
  } catch (error) {
    const asked = intent === "test" ? "test" : "save";
    if (error instanceof SourceValidationError) return data({ intent: asked, ok: false, values, errors: formErrorsOf(error.fields) } satisfies SourceFormResult, { status: 422 });
    if (error instanceof SourceFetchError) return data({ intent: asked, ok: false, values, errors: {}, failure: { code: error.failureCode, message: error.message } } satisfies SourceFormResult, { status: 422 });
    return rethrowStatus(error);
  }
}

async function runNow(db: PrismaClient, user: SessionUser, sourceId: string, ipAddress: string) {
  const queued = await requestSourceRun(db, user, sourceId, { ipAddress });
  return queued === null
    ? data({ intent: "run", ok: false, sourceId, message: "jobs_unavailable" } satisfies SourceFormResult, { status: 503 })
    : ({ intent: "run", ok: true, sourceId } satisfies SourceFormResult);
}

/** The list's action: run a source now, or switch it on or off. */
export async function sourceListAction(form: FormData, ops: Ops) {
  const intent = String(form.get("intent") ?? "");
  const sourceId = String(form.get("sourceId") ?? "");
  try {
    if (intent === "run") return await runNow(ops.db, ops.user, sourceId, ops.ipAddress);
    if (intent === "toggle") {
      await setSourceEnabled(ops.db, ops.user, sourceId, form.get("enabled") === "true", { ipAddress: ops.ipAddress });
      return { intent: "toggle", ok: true, sourceId } satisfies SourceFormResult;
    }
    return data({ intent: "toggle", ok: false, sourceId, message: "unknown action" } satisfies SourceFormResult, { status: 400 });
  } catch (error) {
    if (error instanceof SourceValidationError) return data({ intent: "toggle", ok: false, sourceId, message: error.message } satisfies SourceFormResult, { status: 422 });
    return rethrowStatus(error);
  }
}
