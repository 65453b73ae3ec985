// `npm run forecast -- --input FILE.csv --series COL [--series COL2 | COL,COL2] --date COL --value COL [--horizon N] [--holdout N] [--json]`
// Forecasts every series of a long-format monthly CSV with the engine of the nightly regional
// forecasts (rolling-origin backtest against seasonal naive, p10/p50/p90 from backtest errors).
// --holdout N trains on all but each series' last N months, forecasts them and scores the forecast.
// --json prints { series: [{ key, model, points: [{ month, p10, p50, p90 }], notes, backtest, holdout? } | { key, error }], holdout? }.
// Exit codes: 0 done (series too short are reported, on stderr and in JSON), 1 the file cannot be read
// or no series could be forecast (the message names the row), 2 bad arguments.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readMonthlySeries, type CsvSeries } from "../models/forecasts/csv-input.ts";
import { DEFAULT_HORIZON, evaluateHoldout, ForecastInputError, forecastSeries, MAX_HORIZON, type HoldoutResult } from "../models/forecasts/engine/index.ts";
import type { SeriesForecast } from "../models/forecasts/types.ts";

export type Output = { out: (text: string) => void; err: (text: string) => void };

const USAGE = "Usage: npm run forecast -- --input FILE.csv --series COLUMN [--series COLUMN ...] --date COLUMN --value COLUMN [--horizon N] [--holdout N] [--json]";

type Options = { input: string; series: string[]; date: string; value: string; horizon: number; holdout: number | null; json: boolean };

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_HORIZON) throw new Error(`${flag} must be a whole number of months from 1 to ${MAX_HORIZON}; got "${text}"`);
  return Number(text);
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      input: { type: "string" },
      series: { type: "string", multiple: true },
      date: { type: "string" },
      value: { type: "string" },
      horizon: { type: "string" },
      holdout: { type: "string" },
      json: { type: "boolean" },
    },
  });
  const series = (values.series ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  const missing = [!values.input && "--input", series.length === 0 && "--series", !values.date && "--date", !values.value && "--value"].filter(Boolean);
  if (missing.length > 0) throw new Error(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required`);
  const horizon = wholeNumber("--horizon", values.horizon);
  const holdout = wholeNumber("--holdout", values.holdout) ?? null;
  if (holdout !== null && horizon !== undefined && horizon !== holdout) throw new Error(`With --holdout ${holdout} the forecast covers the ${holdout} held-out months; leave out --horizon or give the same number`);
  return { input: values.input ?? "", series, date: values.date ?? "", value: values.value ?? "", horizon: holdout ?? horizon ?? DEFAULT_HORIZON, holdout, json: values.json ?? false };
}

type Outcome = { series: CsvSeries; forecast: SeriesForecast; holdout: HoldoutResult | null } | { series: CsvSeries; error: string };

function run(series: CsvSeries, options: Options): Outcome {
  try {
    if (options.holdout !== null) {
      const holdout = evaluateHoldout(series.history, options.holdout);
      return { series, forecast: holdout.forecast, holdout };
    }
    return { series, forecast: forecastSeries(series.history, { horizon: options.horizon }), holdout: null };
  } catch (error) {
    if (error instanceof ForecastInputError) return { series, error: error.message };
    throw error;
  }
}

const round = (v: number, digits = 4) => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : null);
const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function holdoutSummary(outcomes: readonly Outcome[]) {
  const scored = outcomes.flatMap((o) => ("holdout" in o && o.holdout ? [o.holdout] : []));
  if (scored.length === 0) return null;
  return { series: scored.length, mase: mean(scored.map((h) => h.mase)), smape: mean(scored.map((h) => h.smape)), coverage: mean(scored.map((h) => h.coverage)), seasonalNaiveMase: mean(scored.map((h) => h.seasonalNaiveMase)) };
}

function toJson(outcomes: readonly Outcome[]): unknown {
  const summary = holdoutSummary(outcomes);
  return {
    series: outcomes.map((o) => {
      if ("error" in o) return { key: o.series.key, keyValues: o.series.keyValues, error: o.error };
      const { forecast, holdout } = o;
      return {
        key: o.series.key,
        keyValues: o.series.keyValues,
        model: forecast.model,
        points: forecast.points.map((p) => ({ month: p.month, p10: round(p.p10), p50: round(p.p50), p90: round(p.p90) })),
        notes: forecast.notes,
        backtest: forecast.backtest,
        ...(holdout ? { holdout: { mase: round(holdout.mase), smape: round(holdout.smape), coverage: round(holdout.coverage), seasonalNaiveMase: round(holdout.seasonalNaiveMase), actuals: holdout.months.map((m) => ({ month: m.month, actual: m.actual })) } } : {}),
      };
    }),
    ...(summary ? { holdout: { ...summary, mase: round(summary.mase), smape: round(summary.smape), coverage: round(summary.coverage), seasonalNaiveMase: round(summary.seasonalNaiveMase) } } : {}),
  };
}

const money = (v: number) => v.toLocaleString("en", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

function toText(outcomes: readonly Outcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    if ("error" in o) continue;
    const { forecast, holdout } = o;
    const b = forecast.backtest;
    lines.push(`== ${o.series.key}: ${forecast.model}`);
    if (b) lines.push(`   backtest (${b.origins} origins, up to ${b.horizon} months ahead): MASE ${b.mase.toFixed(3)} (seasonal naive ${b.baselineMase.toFixed(3)}), sMAPE ${b.smape.toFixed(1)} %, p10–p90 coverage ${(b.coverage * 100).toFixed(0)} %`);
    for (const note of forecast.notes) lines.push(`   note: ${note}`);
    lines.push(`   ${"month".padEnd(8)} ${"p10".padStart(14)} ${"p50".padStart(14)} ${"p90".padStart(14)}${holdout ? ` ${"actual".padStart(14)}` : ""}`);
    forecast.points.forEach((p, i) => lines.push(`   ${p.month.padEnd(8)} ${money(p.p10).padStart(14)} ${money(p.p50).padStart(14)} ${money(p.p90).padStart(14)}${holdout ? ` ${money(holdout.months[i].actual).padStart(14)}` : ""}`));
    if (holdout) lines.push(`   hold-out: MASE ${holdout.mase.toFixed(3)} (seasonal naive ${holdout.seasonalNaiveMase.toFixed(3)}), sMAPE ${holdout.smape.toFixed(1)} %, coverage ${(holdout.coverage * 100).toFixed(0)} %`);
    lines.push("");
  }
  const summary = holdoutSummary(outcomes);
  if (summary) {
    lines.push(`Hold-out accuracy over ${summary.series} series:`);
    lines.push(`  ${"series".padEnd(30)} ${"model".padEnd(32)} ${"MASE".padStart(6)} ${"sMAPE".padStart(7)} ${"cover".padStart(6)}`);
    for (const o of outcomes) if (!("error" in o) && o.holdout) lines.push(`  ${o.series.key.slice(0, 30).padEnd(30)} ${o.forecast.model.padEnd(32)} ${o.holdout.mase.toFixed(3).padStart(6)} ${o.holdout.smape.toFixed(1).padStart(7)} ${`${(o.holdout.coverage * 100).toFixed(0)} %`.padStart(6)}`);
    lines.push(`  ${"mean".padEnd(30)} ${"".padEnd(32)} ${summary.mase.toFixed(3).padStart(6)} ${summary.smape.toFixed(1).padStart(7)} ${`${(summary.coverage * 100).toFixed(0)} %`.padStart(6)}   (seasonal naive MASE ${summary.seasonalNaiveMase.toFixed(3)})`);
  }
  return `${lines.join("\n")}\n`;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: Output): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  let outcomes: Outcome[];
  try {
    const text = await readFile(options.input, "utf8");
    const series = readMonthlySeries(text, { series: options.series, date: options.date, value: options.value });
    outcomes = series.map((s) => run(s, options));
  } catch (error) {
    io.err(`Cannot forecast ${options.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  for (const o of outcomes) if ("error" in o) io.err(`Series "${o.series.key}" was not forecast: ${o.error}\n`);
  io.out(options.json ? `${JSON.stringify(toJson(outcomes))}\n` : toText(outcomes));
  return outcomes.some((o) => !("error" in o)) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
}
