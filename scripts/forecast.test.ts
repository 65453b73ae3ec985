// `npm run forecast`: forecasts every series of a long-format CSV through main(), with the JSON
// contract, hold-out scoring, series too short reported (not dropped), and errors naming the row.
import { describe, expect, it } from "vitest";
import { syntheticSeries } from "../models/forecasts/engine/synthetic.ts";
import { cliHarness } from "../test/cli-harness.ts";
import { main } from "./forecast.ts";

const { file, run } = cliHarness("forecast", main);
const PATTERN = [0.05, -0.25, 0.1, 0, 0.05, -0.1, -0.05, 0.1, 0.2, 0, 0.3, 0.4];

/** Two regions × two channels of 48 months, rows shuffled, with a BOM, CRLF, quotes and a 2-month series. */
function salesCsv(): string {
  const rows: string[] = [];
  let seed = 1;
  for (const region of ["West, coast", "East"]) {
    for (const channel of ["Direct", "Partner"]) {
      for (const p of syntheticSeries({ months: 48, start: "2020-01", growth: 0.01, seasonal: PATTERN, noise: 0.05, seed: seed++ })) {
        rows.push(`"${region}",${channel},${p.month}-15,"${p.value.toFixed(2)}"`);
      }
    }
  }
  rows.push("Tiny,Direct,2023-11,5", "Tiny,Direct,2023-12-01,6");
  rows.sort((a, b) => (a.length * 31 + a.charCodeAt(a.length - 2)) % 17 - (b.length * 31 + b.charCodeAt(b.length - 2)) % 17);
  return `\uFEFFRegion,Channel,Date,Amount\r\n${rows.join("\r\n")}\r\n`;
}

type JsonOutput = {
  series: { key: string; model?: string; error?: string; points?: { month: string; p10: number; p50: number; p90: number }[]; holdout?: { mase: number; coverage: number; seasonalNaiveMase: number } }[];
  holdout?: { series: number; mase: number };
};

describe("npm run forecast", () => {
  it("forecasts each series keyed by several columns and prints the JSON contract", async () => {
    const input = await file("sales.csv", salesCsv());
    const { code, out, err } = await run(["--input", input, "--series", "Region,Channel", "--date", "Date", "--value", "Amount", "--horizon", "6", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonOutput;
    const forecast = json.series.filter((s) => !s.error);
    expect(forecast.map((s) => s.key).sort()).toEqual(["East / Direct", "East / Partner", "West, coast / Direct", "West, coast / Partner"]);
    for (const s of forecast) {
      expect(s.points?.map((p) => p.month)).toEqual(["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]);
      for (const p of s.points ?? []) expect(p.p10 <= p.p50 && p.p50 <= p.p90).toBe(true);
    }
    // The series too short is an entry with an error and a line on stderr.
    expect(json.series.find((s) => s.key === "Tiny / Direct")?.error).toMatch(/Only 2 months/);
    expect(err).toMatch(/Series "Tiny \/ Direct" was not forecast: Only 2 months/);
  });

  it("accepts --series given more than once, and prints a table by default", async () => {
    const input = await file("sales-text.csv", salesCsv());
    const { code, out } = await run(["--input", input, "--series", "Region", "--series", "Channel", "--date", "Date", "--value", "Amount"]);
    expect(code).toBe(0);
    expect(out).toMatch(/== East \/ Direct: /);
    expect(out).toMatch(/backtest \(\d+ origins/);
    expect(out).toMatch(/2024-12/);
  });

  it("scores a hold-out of the last N months per series and on average", async () => {
    const input = await file("sales-holdout.csv", salesCsv());
    const { code, out } = await run(["--input", input, "--series", "Region,Channel", "--date", "Date", "--value", "Amount", "--holdout", "12", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonOutput;
    const scored = json.series.filter((s) => s.holdout);
    expect(scored).toHaveLength(4);
    for (const s of scored) {
      expect(s.points?.[0].month).toBe("2023-01");
      // Trend × season with little noise: better than seasonal naive, which misses a year's growth.
      expect(s.holdout?.mase).toBeLessThan(s.holdout?.seasonalNaiveMase ?? 0);
    }
    expect(json.holdout?.series).toBe(4);
    expect(json.holdout?.mase).toBeLessThan(0.75);
    const text = await run(["--input", input, "--series", "Region,Channel", "--date", "Date", "--value", "Amount", "--holdout", "12"]);
    expect(text.out).toMatch(/Hold-out accuracy over 4 series/);
    expect(text.out).toMatch(/mean\s+\d\.\d{3}/);
  });

  it("exits 1 with the row named for a bad date, number or repeated month, and for a missing column", async () => {
    const header = "Region,Date,Amount\n";
    const cases: [string, RegExp][] = [
      [`${header}West,2024-01,1\nWest,Jan 2024,2\n`, /Row 2 \(line 3\), column "Date": "Jan 2024" is not a date/],
      [`${header}West,2024-01,1\nWest,2024-02,n/a\n`, /Row 2 \(line 3\), column "Amount": "n\/a" is not a number/],
      [`${header}West,2024-01,1\nWest,2024-01-20,2\n`, /Row 2 \(line 3\): series "West" already has 2024-01 \(row 1\)/],
    ];
    for (const [text, message] of cases) {
      const input = await file("bad.csv", text);
      const { code, err, out } = await run(["--input", input, "--series", "Region", "--date", "Date", "--value", "Amount"]);
      expect(code).toBe(1);
      expect(err).toMatch(message);
      expect(out).toBe("");
    }
    const input = await file("ok.csv", `${header}West,2024-01,1\n`);
    const missing = await run(["--input", input, "--series", "Area", "--date", "Date", "--value", "Amount"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/--series names no column of the header: "Area"/);
  });

  it("exits 1 when no series is long enough, and 2 on bad arguments", async () => {
    const input = await file("short.csv", "Region,Date,Amount\nWest,2024-01,1\nWest,2024-02,2\n");
    const short = await run(["--input", input, "--series", "Region", "--date", "Date", "--value", "Amount", "--json"]);
    expect(short.code).toBe(1);
    expect(JSON.parse(short.out)).toEqual({ series: [{ key: "West", keyValues: { Region: "West" }, error: expect.stringMatching(/Only 2 months/) }] });
    expect((await run(["--input", input, "--date", "Date", "--value", "Amount"])).err).toMatch(/--series is required/);
    expect((await run(["--input", input, "--series", "Region", "--date", "Date", "--value", "Amount", "--horizon", "0"])).code).toBe(2);
    expect((await run(["--input", input, "--series", "Region", "--date", "Date", "--value", "Amount", "--horizon", "6", "--holdout", "12"])).code).toBe(2);
  });
});
