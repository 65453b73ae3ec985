// The inbox pages' form actions (list and detail share them): mark one alert read, mark all read,
// and forward a tender to a partner. Each answers what happened, with a status; a refused forward
// returns what was typed so the form keeps it.
import { data } from "react-router";
import type { SessionUser } from "../../../../models/auth/users.ts";
import { db } from "../../../../models/db/client.ts";
import { markAlertRead, markAllRead } from "../../../../models/market/alert-inbox.ts";
import { AlertForwardError, type ForwardErrorCode, forwardAlertToPartner } from "../../../../models/market/forward.ts";
import type { AlertActionResult } from "./action-result.ts";

const STATUS: Record<ForwardErrorCode, number> = { not_found: 404, not_a_tender: 409, already_forwarded: 409, validation_failed: 422 };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

export async function handleAlertAction(request: Request, user: SessionUser, ipAddress: string) {
  const form = await request.formData();
  const intent = text(form.get("intent"));
  const alertId = text(form.get("alertId"));
  if (intent === "read") {
    const ok = await markAlertRead(db, user, alertId);
    return data<AlertActionResult>({ intent, alertId, ok }, { status: ok ? 200 : 404 });
  }
  if (intent === "read-all") {
    return data<AlertActionResult>({ intent, ok: true, updated: await markAllRead(db, user) });
  }
  if (intent === "forward") {
    const values = { partnerOrgId: text(form.get("partnerOrgId")), note: text(form.get("note")) };
    try {
      const result = await forwardAlertToPartner(db, user, alertId, values, { ipAddress });
      return data<AlertActionResult>({ intent, alertId, ok: true, partnerName: result.partnerName, recipients: result.recipients });
    } catch (error) {
      if (!(error instanceof AlertForwardError)) throw error;
      return data<AlertActionResult>(
        { intent, alertId, ok: false, code: error.code, message: error.message, errors: error.fields, values },
        { status: STATUS[error.code] },
      );
    }
  }
  return data<AlertActionResult>({ intent: "invalid", ok: false }, { status: 400 });
}
