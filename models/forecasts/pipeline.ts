// The pipeline beside a region's forecast: open approved deals by expected close month, weighted
// by their win probability, in the region's currency. Shown next to the forecast (not added to
// it), since the sales history already contains what past pipelines turned into.
import type { PrismaClient } from "../db/generated/client.ts";
import { toSafeNumber } from "../money.ts";
import { addMonths } from "./engine/index.ts";

export type PipelineMonth = { month: string; /** Σ amount × win probability, minor units. */ amount: number; deals: number };

export type RegionPipeline = {
  regionCode: string;
  months: PipelineMonth[];
  /** Open approved deals without a win probability yet, left out of the weighted amounts. */
  unscoredDeals: number;
};

type Row = { region_code: string; month: string; amount: bigint | null; deals: number; unscored: number };

/**
 * Per region, `horizon` months from `firstMonth`: deals still protected on `asOf`; a deal whose
 * expected close date has passed counts in the first month (it is still open, so it may close now).
 */
export async function loadWeightedPipeline(
  db: PrismaClient,
  { asOf, firstMonth, horizon, regionCodes }: { asOf: Date; firstMonth: string; horizon: number; regionCodes: readonly string[] },
): Promise<RegionPipeline[]> {
  const from = `${firstMonth}-01`;
  const until = `${addMonths(firstMonth, horizon)}-01`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.region_code, to_char(GREATEST(d.expected_close_date, ${from}::date), 'YYYY-MM') AS month,
      ROUND(SUM(d.amount * d.win_probability) FILTER (WHERE d.win_probability IS NOT NULL))::bigint AS amount,
      COUNT(*) FILTER (WHERE d.win_probability IS NOT NULL)::int AS deals,
      COUNT(*) FILTER (WHERE d.win_probability IS NULL)::int AS unscored
    FROM deal d
    JOIN partner_org o ON o.id = d.partner_org_id
    JOIN region r ON r.code = o.region_code
    WHERE d.status = 'APPROVED' AND d.currency = r.currency AND o.region_code = ANY(${[...regionCodes]}::text[])
      AND (d.protection_expires_at IS NULL OR d.protection_expires_at > ${asOf})
      AND d.expected_close_date < ${until}::date
    GROUP BY 1, 2`;
  return regionCodes.map((regionCode) => {
    const mine = rows.filter((row) => row.region_code === regionCode);
    const months = Array.from({ length: horizon }, (_, i) => addMonths(firstMonth, i)).map((month) => {
      const row = mine.find((r) => r.month === month);
      return { month, amount: row ? toSafeNumber(row.amount) : 0, deals: row?.deals ?? 0 };
    });
    return { regionCode, months, unscoredDeals: mine.reduce((n, row) => n + row.unscored, 0) };
  });
}
