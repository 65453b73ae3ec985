// Glue between the deal domain and the web: the options every deal operation gets from a request
// (notification hook, client address for the audit log), DealError → the API's error format, and
// the deal as the JSON API returns it (API.md "Deals").
import { countryCode } from "../models/deals/conflicts.ts";
import { notifyDealEvent } from "../models/deals/deal-notifications.ts";
import type { DealEventHook, DealOperationOptions } from "../models/deals/deal-record.ts";
import type { DealDetail } from "../models/deals/queries.ts";
import { DealError, DealValidationError } from "../models/deals/transitions.ts";
import { scoreOnDealEvent } from "../models/deals/win-model/request.ts";
import { recomputeOnDealEvent } from "../models/incentives/recompute.ts";
import { apiError, apiRoute } from "./api.server.ts";
import { clientIp, type RequestContext } from "./auth.server.ts";

/** Notifications, the incentive recompute and a new deal's scoring ride in the transaction of every deal change. */
const onDealEvent: DealEventHook = async (tx, event) => {
  await notifyDealEvent(tx, event);
  await recomputeOnDealEvent(tx, event);
  await scoreOnDealEvent(tx, event);
};

/** What a deal operation started by this request needs: the event hook and the client address. */
export function dealOperationOptions(context: RequestContext): DealOperationOptions {
  return { onEvent: onDealEvent, ipAddress: clientIp(context) };
}

/** A DealError as the API's error response (404, 403, 409, 422 with fields); null for anything else. */
export function dealErrorResponse(error: unknown): Response | null {
  if (!(error instanceof DealError)) return null;
  const fields = error instanceof DealValidationError ? error.fields : undefined;
  return apiError(error.status, error.code, error.message, fields);
}

/** `apiRoute` that also answers the deal domain's refusals in the API's error format. */
export function dealApiRoute(handler: () => Promise<Response>): Promise<Response> {
  return apiRoute(async () => {
    try {
      return await handler();
    } catch (error) {
      const response = dealErrorResponse(error);
      if (response) return response;
      throw error;
    }
  });
}

export const dealNotFound = () => apiError(404, "deal_not_found", "No such deal");

/** The deal in the API's shape (`{ deal }` of GET /api/v1/deals/:id). */
export function toApiDeal(deal: DealDetail) {
  return {
    id: deal.id,
    partnerOrgId: deal.partnerOrg.id,
    title: deal.title,
    status: deal.status,
    stage: deal.stage,
    customer: deal.customer,
    value: deal.value,
    productSkus: deal.productSkus,
    expectedCloseDate: deal.expectedCloseDate,
    submittedAt: deal.submittedAt,
    decidedAt: deal.decidedAt,
    rejectionReason: deal.rejectionReason,
    protectionExpiresAt: deal.protectionExpiresAt,
    closedAt: deal.closedAt,
    closedValue: deal.closedValue,
    extensionRequest: deal.extensionRequest,
    conflictScore: deal.conflictScore,
    conflicts: deal.conflicts,
    winProbability: deal.winProbability,
    events: deal.events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, note: e.note })),
  };
}

export type ApiDeal = ReturnType<typeof toApiDeal>;


const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
let countries: string[] | undefined;

/** Every country code the registration accepts (the domain's own rule), for the country select. */
export function registrationCountries(): string[] {
  countries ??= [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter((code) => countryCode.safeParse(code).success);
  return countries;
}

/** The currencies offered in the registration form; the API accepts any ISO 4217 code. */
export const REGISTRATION_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "CNY", "AUD", "CAD"] as const;

export type DealActionError = "refused" | "notFound" | "forbidden" | "invalid";

/** What a portal form action on a deal reports back: done, or why not (with the fields to fix). */
export type DealActionOutcome<I extends string = string> =
  | { ok: true; intent: I }
  | { ok: false; intent: I; error: DealActionError; fields: Record<string, string> };

const ACTION_ERRORS: Record<DealError["status"], DealActionError> = { 404: "notFound", 403: "forbidden", 409: "refused", 422: "invalid" };

/** Runs a deal operation for a portal form: DealErrors become an outcome with the HTTP status to answer with. */
export async function runDealAction<I extends string>(intent: I, operation: () => Promise<unknown>): Promise<{ outcome: DealActionOutcome<I>; status: number }> {
  try {
    await operation();
    return { outcome: { ok: true, intent }, status: 200 };
  } catch (error) {
    if (!(error instanceof DealError)) throw error;
    const fields = error instanceof DealValidationError ? error.fields : {};
    return { outcome: { ok: false, intent, error: ACTION_ERRORS[error.status], fields }, status: error.status };
  }
}
