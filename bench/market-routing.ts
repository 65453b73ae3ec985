// bench/market-routing: how well market alerts are routed (design §5, "precision of routing on
// labelled items"). Runs the pure router (models/market/routing.ts) against the demo's region table
// over two hand-labelled sets (tenders, competitor and industry news in several languages, with hard
// cases on purpose): bench/data/market-routing-labelled.json, whose misroutes drove the router's
// fixes, and bench/data/market-routing-holdout.json, written after them and never tuned to. For
// each it prints region routing precision/recall (micro over item × region pairs) and exact-match
// rate beside the baseline of routing by the source's regions alone, severity accuracy with its
// confusion matrix, keyword and competitor precision/recall, and every miss with why.
// Exits 1 when a budget is missed on either set. Run: npm run bench:market-routing [-- --json]
import { readFile } from "node:fs/promises";
import { DEMO_REGIONS } from "../models/seed/catalog.ts";
import { type ItemRouting, type RoutableSource, routeItem } from "../models/market/routing.ts";
import {
  addPair, confusionLines, emptyConfusion, emptyCounts, type LabelledItem, type LabelledSet, labelledSetSchema, precisionRecall, type SetCounts,
} from "./market-routing-score.ts";

const budgets = { regionPrecision: 0.9, regionRecall: 0.85, severityAccuracy: 0.85 };
const DAY_MS = 86_400_000;
const regions = DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name }));
const allCodes = regions.map((r) => r.code);
let failed = false;

async function load(file: string): Promise<LabelledSet> {
  const set = labelledSetSchema.parse(JSON.parse(await readFile(new URL(`./data/${file}`, import.meta.url), "utf8")));
  const ids = new Set<string>();
  for (const item of set.items) {
    if (ids.has(item.id)) throw new Error(`${file}: duplicate item id ${item.id}`);
    ids.add(item.id);
    const source = set.sources[item.source];
    if (!source) throw new Error(`${file}: item ${item.id} has an unknown source ${item.source}`);
    for (const term of item.keywords) if (!source.keywords.includes(term)) throw new Error(`${file}: item ${item.id}: ${term} is not a keyword of ${item.source}`);
    for (const term of item.competitors) if (!source.competitors.includes(term)) throw new Error(`${file}: item ${item.id}: ${term} is not a competitor of ${item.source}`);
    for (const code of item.regions) if (!allCodes.includes(code)) throw new Error(`${file}: item ${item.id}: unknown region ${code}`);
  }
  return set;
}

function route(set: LabelledSet, item: LabelledItem): ItemRouting {
  const now = new Date(set.now);
  return routeItem(
    {
      title: item.title,
      summary: item.summary ?? null,
      location: item.location ?? null,
      contentType: item.type,
      deadline: item.deadlineDays === undefined ? null : new Date(now.getTime() + item.deadlineDays * DAY_MS),
    },
    set.sources[item.source] as RoutableSource,
    { regions, now },
  );
}

/** The baseline: an item goes to its source's regions (every region for a global source), ignoring its text. */
function baselineRegions(set: LabelledSet, item: LabelledItem): string[] {
  const own = (set.sources[item.source]?.regionCodes ?? []).filter((code) => allCodes.includes(code));
  return own.length > 0 ? own : allCodes;
}

const fmt = (n: number) => n.toFixed(3);
const list = (xs: readonly string[]) => (xs.length ? xs.join(", ") : "—");

function check(name: string, value: number, budget: number): void {
  const ok = value >= budget;
  console.log(`  ${name.padEnd(34)} ${fmt(value).padEnd(8)} budget ≥ ${budget.toFixed(2)}   ${ok ? "PASS" : "MISS"}`);
  if (!ok) failed = true;
}

function evaluate(title: string, set: LabelledSet): Record<string, number> {
  const regionCounts = emptyCounts();
  const baselineCounts = emptyCounts();
  const keywordCounts = emptyCounts();
  const competitorCounts = emptyCounts();
  const confusion = emptyConfusion();
  let exact = 0;
  let baselineExact = 0;
  let severityRight = 0;
  const misroutes: string[] = [];
  const severityMisses: string[] = [];
  const termMisses: string[] = [];

  for (const item of set.items) {
    const routing = route(set, item);
    const { extra, missing } = addPair(regionCounts, routing.regions, item.regions);
    if (extra.length === 0 && missing.length === 0) exact++;
    else {
      const places = routing.places.map((p) => `"${p.matched}"→${p.regionCode ?? "none"}`).join(" ");
      misroutes.push(
        `  ${item.id.padEnd(4)} ${item.title}\n       expected ${list(item.regions)}; routed ${list(routing.regions)} (by ${routing.regionBasis}${places ? `: ${places}` : ""})` +
          `${extra.length ? `; extra ${list(extra)}` : ""}${missing.length ? `; missing ${list(missing)}` : ""} — ${item.note}`,
      );
    }
    const base = addPair(baselineCounts, baselineRegions(set, item), item.regions);
    if (base.extra.length === 0 && base.missing.length === 0) baselineExact++;

    confusion[item.severity][routing.severity]++;
    if (routing.severity === item.severity) severityRight++;
    else {
      const signal = routing.priceSignal ? `, price signal "${routing.priceSignal}"` : "";
      severityMisses.push(`  ${item.id.padEnd(4)} ${item.title}\n       expected ${item.severity}; routed ${routing.severity} (competitors ${list(routing.competitors)}${signal}) — ${item.note}`);
    }

    for (const [label, counts, got, want] of [
      ["keywords", keywordCounts, routing.keywords, item.keywords],
      ["competitors", competitorCounts, routing.competitors, item.competitors],
    ] as const) {
      const miss = addPair(counts as SetCounts, got, want);
      if (miss.extra.length || miss.missing.length) {
        termMisses.push(`  ${item.id.padEnd(4)} ${label}: ${miss.extra.length ? `extra ${list(miss.extra)} ` : ""}${miss.missing.length ? `missing ${list(miss.missing)} ` : ""}in "${item.title}" — ${item.note}`);
      }
    }
  }

  const n = set.items.length;
  const region = precisionRecall(regionCounts);
  const baseline = precisionRecall(baselineCounts);
  const keyword = precisionRecall(keywordCounts);
  const competitor = precisionRecall(competitorCounts);
  const severityAccuracy = severityRight / n;

  console.log(`\n${title}: ${n} labelled items, ${Object.keys(set.sources).length} sources, ${regions.length} demo regions`);
  console.log(`Regions (micro over item × region pairs: ${regionCounts.truePositives} right, ${regionCounts.falsePositives} extra, ${regionCounts.falseNegatives} missing)`);
  check("region precision", region.precision, budgets.regionPrecision);
  check("region recall", region.recall, budgets.regionRecall);
  console.log(`  ${"exact region set".padEnd(34)} ${fmt(exact / n)}   (${exact} of ${n})`);
  console.log(`  ${"baseline: source's regions only".padEnd(34)} precision ${fmt(baseline.precision)}, recall ${fmt(baseline.recall)}, exact ${fmt(baselineExact / n)}`);
  console.log("Severity");
  check("severity accuracy", severityAccuracy, budgets.severityAccuracy);
  for (const line of confusionLines(confusion)) console.log(line);
  console.log("Keywords and competitors (micro over item × term pairs)");
  console.log(`  ${"keywords".padEnd(34)} precision ${fmt(keyword.precision)}, recall ${fmt(keyword.recall)}`);
  console.log(`  ${"competitors".padEnd(34)} precision ${fmt(competitor.precision)}, recall ${fmt(competitor.recall)}`);
  console.log(`Misrouted items (${misroutes.length})`);
  for (const line of misroutes) console.log(line);
  console.log(`Severity misses (${severityMisses.length})`);
  for (const line of severityMisses) console.log(line);
  console.log(`Keyword and competitor misses (${termMisses.length})`);
  for (const line of termMisses) console.log(line);

  return {
    items: n,
    region_precision: region.precision,
    region_recall: region.recall,
    region_exact_match: exact / n,
    baseline_region_precision: baseline.precision,
    baseline_region_recall: baseline.recall,
    severity_accuracy: severityAccuracy,
    keyword_precision: keyword.precision,
    keyword_recall: keyword.recall,
    competitor_precision: competitor.precision,
    competitor_recall: competitor.recall,
  };
}

console.log("bench/market-routing");
const results = {
  bench: "market-routing",
  labelled: evaluate("Labelled set (the fixes were made against its misroutes)", await load("market-routing-labelled.json")),
  holdout: evaluate("Held-out set (written after the fixes, never tuned to)", await load("market-routing-holdout.json")),
};
console.log(process.argv.includes("--json") ? JSON.stringify(results, null, 2) : JSON.stringify(results));
if (failed) process.exitCode = 1;
