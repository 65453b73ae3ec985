// GET /deals/export.csv?status=&expiring= → the deals the user may see (a partner: their own
// organization's only) as CSV, streamed in batches, cells escaped against formula injection.
import { z } from "zod";
import { canReadDeals } from "../../models/auth/permissions.ts";
import { DEAL_STATUSES, EXPIRING_SOON_DAYS, exportDeals, type DealExportRow } from "../../models/deals/queries.ts";
import { db } from "../../models/db/client.ts";
import { requireUser } from "../auth.server.ts";
import { csvRow } from "../lib/csv.ts";
import type { Route } from "./+types/deals.export";

const exportParams = z.object({
  status: z.enum(DEAL_STATUSES).optional().catch(undefined),
  expiring: z.literal("1").optional().catch(undefined),
});

const HEADER = ["id", "title", "partner", "customer", "customer_domain", "customer_country", "status", "currency", "amount_minor", "products", "expected_close_date", "submitted_at", "protection_expires_at", "closed_amount_minor"];

function line(deal: DealExportRow): string {
  return csvRow([
    deal.id, deal.title, deal.partnerOrg.name, deal.customerName, deal.customerDomain, deal.customerCountry, deal.status,
    deal.value.currency, deal.value.amount, deal.productSkus.join(" "), deal.expectedCloseDate, deal.submittedAt,
    deal.protectionExpiresAt, deal.closedValue?.amount,
  ]);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  if (!canReadDeals(user)) throw new Response(null, { status: 403 });
  const url = new URL(request.url);
  const { status, expiring } = exportParams.parse({ status: url.searchParams.get("status") ?? undefined, expiring: url.searchParams.get("expiring") ?? undefined });
  const batches = exportDeals(db, user, { status, expiringWithinDays: expiring ? EXPIRING_SOON_DAYS : undefined });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="deals-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
