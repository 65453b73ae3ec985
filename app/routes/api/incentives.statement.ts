// GET /api/v1/incentives/statement?from=&to=&partnerOrgId= → { entries, totals, tier } (API.md)
// plus the partner, the period, every tier's progress and the active SPIFFs. A partner gets their
// own organization's statement (another's partnerOrgId → 404); managers and admins name one.
import { db } from "../../../models/db/client.ts";
import { getStatement, StatementError, type StatementEntry } from "../../../models/incentives/statement.ts";
import type { TierOutlook } from "../../../models/incentives/statement-outlook.ts";
import { apiError, apiRoute, methodNotAllowed } from "../../api.server.ts";
import { requireApiUser } from "../../auth.server.ts";
import type { Route } from "./+types/incentives.statement";

function toApiEntry(entry: StatementEntry) {
  return {
    id: entry.id,
    at: entry.occurredAt,
    kind: entry.kind,
    amount: entry.amount,
    programId: entry.program?.id ?? null,
    ...(entry.deal ? { dealId: entry.deal.id } : {}),
    explanation: entry.explanation,
    explanationData: entry.explanationData,
    program: entry.program,
    deal: entry.deal,
    balanceAfter: entry.balanceAfter,
  };
}

/** API.md's `tier: { current, next, progress }`, with what the page shows besides. */
function toApiTier(outlook: TierOutlook) {
  return {
    current: outlook.current,
    next: outlook.next,
    progress: outlook.progress,
    program: outlook.program,
    quarter: outlook.quarter,
    base: outlook.base,
    volume: outlook.volume,
    amountToNext: outlook.amountToNext,
    rebateSoFar: outlook.rebateSoFar,
    budget: outlook.budget,
  };
}

function statementErrorResponse(error: StatementError): Response {
  switch (error.code) {
    case "forbidden":
      return apiError(403, "forbidden", "Your role may not read incentive statements.");
    case "not_found":
      return apiError(404, "not_found", "No such partner, or not yours.");
    case "partner_required":
      return apiError(400, "invalid_query", "Name the partner whose statement you want.", error.fields);
    case "invalid_period":
      return apiError(400, "invalid_query", "The period is invalid.", error.fields);
  }
}

export function loader({ request, context }: Route.LoaderArgs) {
  return apiRoute(async () => {
    const user = requireApiUser(context);
    const params = new URL(request.url).searchParams;
    try {
      const statement = await getStatement(db, user, { partnerOrgId: params.get("partnerOrgId"), from: params.get("from"), to: params.get("to") });
      return Response.json({
        partner: statement.partner,
        period: statement.period,
        entries: statement.entries.map(toApiEntry),
        totals: statement.totals,
        tier: statement.tiers[0] ? toApiTier(statement.tiers[0]) : null,
        tiers: statement.tiers.map(toApiTier),
        spiffs: statement.spiffs,
        asOf: statement.asOf,
      });
    } catch (error) {
      if (error instanceof StatementError) return statementErrorResponse(error);
      throw error;
    }
  });
}

export function action() {
  return methodNotAllowed("GET");
}
