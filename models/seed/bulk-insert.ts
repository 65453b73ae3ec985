// Fast multi-row INSERT for tens of thousands of rows: each column travels as one text array
// parameter and PostgreSQL unnests and casts them, so a whole table is one round trip.
import type { Prisma } from "../db/generated/client.ts";

type SqlValue = string | number | boolean | Date | null | object;

export type Column<Row> = {
  name: string;
  /** The SQL type to cast the text value to, e.g. "uuid", "bigint", "timestamptz", "deal_status". */
  type: string;
  value: (row: Row) => SqlValue;
};

const CHUNK_ROWS = 25_000;

function toText(value: SqlValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Inserts `rows` into `table`; returns how many rows were written. */
export async function insertRows<Row>(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<number> {
  const names = columns.map((c) => c.name).join(", ");
  const casts = columns.map((c, i) => `c${i}::${c.type}`).join(", ");
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${arrays}) AS t(${aliases})`;
  let written = 0;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const params = columns.map((c) => chunk.map((row) => toText(c.value(row))));
    written += await tx.$executeRawUnsafe(sql, ...params);
  }
  return written;
}
