// Reading an analyst's CSV into a numeric table for clustering: RFC 4180 fields (quotes, doubled
// quotes, commas and line breaks inside quotes), a header row, and a clear error naming the row
// and column of anything that is not a number (unless its column is excluded).

export class CsvTableError extends Error {
  override name = "CsvTableError";
}

export type CsvRecord = { cells: string[]; /** 1-based line the record starts on. */ line: number };

/** The records of a CSV text, header included; lines with nothing on them are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell !== "") records.push({ cells, line: recordLine });
    cells = [];
    cell = "";
    touched = false;
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      touched = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) throw new CsvTableError(`Row starting on line ${recordLine}: a quoted field is never closed`);
  endRecord();
  return records;
}

export type NumericTable = { columns: string[]; rows: number[][] };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** True when a CSV cell is a plain decimal number (sign, digits, point, exponent; no thousands separators). */
export function isCsvNumber(text: string): boolean {
  return NUMBER.test(text);
}

/**
 * The numeric columns of a CSV (header row first), with `exclude` columns left out. Rows are
 * numbered from 1 after the header, as a spreadsheet shows them minus the header line.
 */
export function readNumericTable(text: string, exclude: readonly string[] = []): NumericTable {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new CsvTableError("The file is empty: it needs a header row and at least one data row");
  const names = header.cells.map((c) => c.trim());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw new CsvTableError(`The header names column "${duplicate}" twice`);
  const unknown = exclude.filter((e) => !names.includes(e));
  if (unknown.length > 0) throw new CsvTableError(`--exclude names no column of the header: ${unknown.map((u) => `"${u}"`).join(", ")} (columns: ${names.join(", ")})`);
  const kept = names.flatMap((n, j) => (exclude.includes(n) ? [] : [j]));
  if (kept.length === 0) throw new CsvTableError("Every column is excluded: nothing is left to cluster");
  if (records.length === 0) throw new CsvTableError("The file has a header but no data rows");
  const rows = records.map((record, r) => {
    const where = `Row ${r + 1} (line ${record.line})`;
    if (record.cells.length !== names.length) throw new CsvTableError(`${where} has ${record.cells.length} cells; the header has ${names.length}`);
    return kept.map((j) => {
      const raw = record.cells[j].trim();
      if (!NUMBER.test(raw)) {
        const what = raw === "" ? "is empty" : `"${raw}" is not a number`;
        throw new CsvTableError(`${where}, column "${names[j]}": ${what}; fix the cell or leave the column out with --exclude "${names[j]}"`);
      }
      return Number(raw);
    });
  });
  return { columns: kept.map((j) => names[j]), rows };
}
