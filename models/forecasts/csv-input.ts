// Reading an analyst's long-format CSV (one row per series and month) into monthly series for the
// forecasting engine: series keyed by one or more columns, months from YYYY-MM or YYYY-MM-DD dates,
// and a clear error naming the row of anything unreadable or repeated. RFC 4180 parsing (quotes,
// BOM, CRLF) is the segments CLI's parser, so the two CLIs read files the same way.
import { CsvTableError, isCsvNumber, parseCsv } from "../segments/csv-table.ts";
import type { MonthlyValue } from "./types.ts";

export class ForecastCsvError extends Error {
  override name = "ForecastCsvError";
}

export type CsvSeriesColumns = { series: readonly string[]; date: string; value: string };

export type CsvSeries = {
  /** The key columns' values joined by " / ", e.g. "West" or "West / Furniture". */
  key: string;
  keyValues: Record<string, string>;
  history: MonthlyValue[];
};

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** "YYYY-MM" of a YYYY-MM or YYYY-MM-DD date (a real calendar date), or null. */
export function monthOfDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day !== undefined) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCMonth() !== Number(month) - 1 || Number(day) < 1) return null;
  }
  return `${year}-${month}`;
}

function columnIndex(names: readonly string[], column: string, flag: string): number {
  const index = names.indexOf(column);
  if (index < 0) throw new ForecastCsvError(`${flag} names no column of the header: "${column}" (columns: ${names.join(", ")})`);
  return index;
}

/** The series of a CSV text, in order of first appearance; each series' months sorted. */
export function readMonthlySeries(text: string, columns: CsvSeriesColumns): CsvSeries[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    throw new ForecastCsvError(error instanceof CsvTableError ? error.message : String(error));
  }
  const [header, ...rows] = records;
  if (!header) throw new ForecastCsvError("The file is empty: it needs a header row and at least one data row");
  if (rows.length === 0) throw new ForecastCsvError("The file has a header but no data rows");
  const names = header.cells.map((c) => c.trim());
  if (columns.series.length === 0) throw new ForecastCsvError("At least one --series column is required");
  const keyIndexes = columns.series.map((c) => columnIndex(names, c, "--series"));
  const dateIndex = columnIndex(names, columns.date, "--date");
  const valueIndex = columnIndex(names, columns.value, "--value");

  const bySeries = new Map<string, CsvSeries & { rowOfMonth: Map<string, number> }>();
  rows.forEach((record, r) => {
    const where = `Row ${r + 1} (line ${record.line})`;
    if (record.cells.length !== names.length) throw new ForecastCsvError(`${where} has ${record.cells.length} cells; the header has ${names.length}`);
    const rawDate = record.cells[dateIndex].trim();
    const month = monthOfDate(rawDate);
    if (!month) throw new ForecastCsvError(`${where}, column "${columns.date}": "${rawDate}" is not a date (expected YYYY-MM or YYYY-MM-DD)`);
    const rawValue = record.cells[valueIndex].trim();
    if (!isCsvNumber(rawValue)) throw new ForecastCsvError(`${where}, column "${columns.value}": ${rawValue === "" ? "is empty" : `"${rawValue}" is not a number`}`);
    const value = Number(rawValue);
    if (value < 0) throw new ForecastCsvError(`${where}, column "${columns.value}": ${rawValue} is negative; sales must be 0 or more`);
    const keyValues = Object.fromEntries(keyIndexes.map((j) => [names[j], record.cells[j].trim()]));
    const key = keyIndexes.map((j) => record.cells[j].trim()).join(" / ");
    let series = bySeries.get(key);
    if (!series) {
      series = { key, keyValues, history: [], rowOfMonth: new Map() };
      bySeries.set(key, series);
    }
    const previous = series.rowOfMonth.get(month);
    if (previous !== undefined) throw new ForecastCsvError(`${where}: series "${key}" already has ${month} (row ${previous}); each series needs one row per month`);
    series.rowOfMonth.set(month, r + 1);
    series.history.push({ month, value });
  });
  return [...bySeries.values()].map(({ key, keyValues, history }) => ({ key, keyValues, history: history.sort((a, b) => a.month.localeCompare(b.month)) }));
}
