// GET /incentives/export.csv?from=&to=&partnerOrgId= → the statement's entries as CSV, with the
// statement page's filters and tenant rules (a partner: their own organization only), every cell
// escaped against formula injection.
import { canReadIncentives } from "../../models/auth/permissions.ts";
import { db } from "../../models/db/client.ts";
import { getStatement, StatementError, type StatementEntry } from "../../models/incentives/statement.ts";
import { requireUser } from "../auth.server.ts";
import { csvRow } from "../lib/csv.ts";
import type { Route } from "./+types/incentives.export";

const HEADER = [
  "id", "occurred_at", "kind", "currency", "amount_minor", "balance_after_minor", "program_key", "program_name", "program_version",
  "deal_id", "deal_title", "explanation", "rule", "rate_basis_points", "base_minor",
];

function numberField(entry: StatementEntry, field: string): number | undefined {
  const value = entry.explanationData[field];
  return typeof value === "number" ? value : undefined;
}

function line(entry: StatementEntry): string {
  const rule = entry.explanationData.rule;
  return csvRow([
    entry.id, entry.occurredAt, entry.kind, entry.amount.currency, entry.amount.amount, entry.balanceAfter.amount,
    entry.program?.key, entry.program?.name, entry.program?.version, entry.deal?.id, entry.deal?.title, entry.explanation,
    typeof rule === "string" ? rule : undefined, numberField(entry, "rateBasisPoints"), numberField(entry, "base"),
  ]);
}

const STATUS: Record<StatementError["code"], number> = { forbidden: 403, not_found: 404, partner_required: 400, invalid_period: 400 };

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadIncentives(user)) throw new Response(null, { status: 403 });
  const params = new URL(request.url).searchParams;
  try {
    const statement = await getStatement(db, user, { partnerOrgId: params.get("partnerOrgId"), from: params.get("from"), to: params.get("to") });
    const body = `\uFEFF${csvRow(HEADER)}${statement.entries.map(line).join("")}`;
    const { from, to } = statement.period;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="incentive-statement-${from}-${to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof StatementError)) throw error;
    const details = error.fields ? ` ${Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`).join("; ")}` : "";
    return new Response(`${error.message}${details}`, { status: STATUS[error.code], headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
