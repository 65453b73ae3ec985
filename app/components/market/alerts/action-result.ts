// What an inbox form action answered (alert-actions.server.ts), as the pages render it.
import type { ForwardErrorCode } from "../../../../models/market/forward.ts";

export type ForwardValues = { partnerOrgId: string; note: string };

export type AlertActionResult =
  | { intent: "read"; alertId: string; ok: boolean }
  | { intent: "read-all"; ok: true; updated: number }
  | { intent: "forward"; alertId: string; ok: true; partnerName: string; recipients: number }
  | { intent: "forward"; alertId: string; ok: false; code: ForwardErrorCode; message: string; errors: Record<string, string>; values: ForwardValues }
  | { intent: "invalid"; ok: false };
