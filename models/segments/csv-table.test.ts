import { describe, expect, it } from "vitest";
import { CsvTableError, parseCsv, readNumericTable } from "./csv-table.ts";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM", () => {
    const records = parseCsv('\uFEFFname,note\r\n"Acme, Inc.","said ""hi""\ntwice"\r\nBeta,\n\n');
    expect(records).toEqual([
      { cells: ["name", "note"], line: 1 },
      { cells: ["Acme, Inc.", 'said "hi"\ntwice'], line: 2 },
      { cells: ["Beta", ""], line: 4 },
    ]);
  });

  it("reports a quote that never closes", () => {
    expect(() => parseCsv('a,b\n1,"oops\n')).toThrow('Row starting on line 2: a quoted field is never closed');
  });
});

describe("readNumericTable", () => {
  it("keeps the numeric columns in order, leaving excluded ones out", () => {
    expect(readNumericTable('id,"revenue",growth\nA-1,1200.5,-0.1\nB-2,  3e3 ,.5\n', ["id"])).toEqual({ columns: ["revenue", "growth"], rows: [[1200.5, -0.1], [3000, 0.5]] });
  });

  it("names the row, line and column of a cell that is not a number", () => {
    expect(() => readNumericTable("id,revenue\n1,10\n2,ten\n")).toThrow('Row 2 (line 3), column "revenue": "ten" is not a number; fix the cell or leave the column out with --exclude "revenue"');
    expect(() => readNumericTable("revenue\n10\n\n \n")).toThrow('Row 2 (line 4), column "revenue": is empty');
  });

  it("names a ragged row", () => {
    expect(() => readNumericTable("a,b\n1,2\n3\n")).toThrow(new CsvTableError("Row 2 (line 3) has 1 cells; the header has 2"));
  });

  it("rejects an empty file, a header alone, unknown exclusions and duplicate columns", () => {
    expect(() => readNumericTable("")).toThrow(/The file is empty/);
    expect(() => readNumericTable("a,b\n")).toThrow(/no data rows/);
    expect(() => readNumericTable("a,b\n1,2\n", ["c"])).toThrow('--exclude names no column of the header: "c" (columns: a, b)');
    expect(() => readNumericTable("a,a\n1,2\n")).toThrow('The header names column "a" twice');
    expect(() => readNumericTable("a\n1\n", ["a"])).toThrow(/nothing is left to cluster/);
  });
});
