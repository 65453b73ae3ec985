// `npm run scrape -- (--url URL | --file PATH) --kind rss|html|js [--config source.json] [--base-url URL] [--max-pages N] [--json]`
// Fetches and parses one market source once with the scrape job's code (robots.txt, address
// guard, MARKET_ALLOW_HOSTS, Chromium for js) and prints its items; `--json` prints
// { items: [{ title, link, publishedAt, summary, deadline?, value?, location? }] }. `--file` reads
// a saved page or feed instead (a js file is opened in Chromium from a loopback server started
// for it); relative links resolve against --base-url, else the config's url.
// Exit codes: 0 done, 1 the source could not be fetched or parsed (code and reason), 2 bad arguments or config.
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { EnvError, parseEnv } from "../models/env.ts";
import { decodeDocument } from "../models/market/encoding.ts";
import { describeSourceFailure } from "../models/market/fetch-error.ts";
import { parseFeed } from "../models/market/feed.ts";
import { extractHtmlList } from "../models/market/html-list.ts";
import { ChromiumRenderer } from "../models/market/render.ts";
import { scrapeSource } from "../models/market/scrape.ts";
import { readSourceConfig } from "../models/market/source-config.ts";
import { safeHttpUrl } from "../models/market/text.ts";
import type { ExtractedItem, SourceKind, SourceSelectors } from "../models/market/types.ts";

export type Output = { out: (text: string) => void; err: (text: string) => void };

const USAGE = "Usage: npm run scrape -- (--url URL | --file PATH) --kind rss|html|js [--config source.json] [--base-url URL] [--max-pages N] [--json]";

type Options = { url: string | null; file: string | null; kind: SourceKind; selectors: SourceSelectors | undefined; baseUrl: string | null; maxPages: number | undefined; json: boolean; allowHosts: string[] };

class UsageError extends Error {}

async function readConfig(path: string) {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new UsageError(`Cannot read the config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = readSourceConfig(json);
  if (!result.ok) throw new UsageError(`Invalid config ${path}: ${Object.entries(result.errors).map(([field, message]) => `${field} ${message}`).join("; ")}`);
  return result.source;
}

const FLAGS = {
  url: { type: "string" },
  file: { type: "string" },
  kind: { type: "string" },
  config: { type: "string" },
  "base-url": { type: "string" },
  "max-pages": { type: "string" },
  json: { type: "boolean" },
} as const;

function readFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Options> {
  const values = readFlags(argv);
  const config = values.config ? await readConfig(values.config) : null;
  if (values.url && values.file) throw new UsageError("Give --url or --file, not both");
  const url = values.url ?? (values.file ? null : (config?.url ?? null));
  if (!url && !values.file) throw new UsageError("--url or --file is required (or a --config with a url)");
  const kind = values.kind ?? config?.kind;
  if (kind !== "rss" && kind !== "html" && kind !== "js") throw new UsageError(kind ? `--kind must be rss, html or js; got "${kind}"` : "--kind is required (rss, html or js)");
  if (kind !== "rss" && !config?.selectors) throw new UsageError(`A ${kind} source needs --config with selectors (item, title and link at least)`);
  const baseUrl = values["base-url"] ?? config?.url ?? null;
  if (baseUrl && !safeHttpUrl(baseUrl, null)) throw new UsageError(`--base-url must be an http(s) URL; got "${baseUrl}"`);
  const maxPages = values["max-pages"];
  if (maxPages !== undefined && !/^[1-9]\d*$/.test(maxPages)) throw new UsageError(`--max-pages must be a whole number ≥ 1; got "${maxPages}"`);
  let allowHosts: string[];
  try {
    allowHosts = parseEnv(env).MARKET_ALLOW_HOSTS;
  } catch (error) {
    throw new UsageError(error instanceof EnvError ? error.message : String(error));
  }
  return { url, file: values.file ?? null, kind, selectors: config?.selectors, baseUrl, maxPages: maxPages ? Number(maxPages) : undefined, json: values.json ?? false, allowHosts };
}

/** Opens a saved JavaScript page in Chromium from a loopback server that serves only that file. */
async function renderFile(body: Buffer, selectors: SourceSelectors): Promise<{ html: string; url: string }> {
  const server = http.createServer((req, res) => {
    if (req.url === "/page.html") res.writeHead(200, { "Content-Type": "text/html" }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const renderer = new ChromiumRenderer();
  try {
    const page = await renderer.render(`http://${host}/page.html`, { allowHosts: [host], waitForSelector: selectors.item });
    return { html: page.html, url: page.finalUrl };
  } finally {
    await renderer.close();
    server.closeAllConnections();
    server.close();
  }
}

async function itemsOfFile(options: Options & { file: string }, io: Output): Promise<ExtractedItem[]> {
  const body = await readFile(options.file).catch((error: Error) => {
    throw new UsageError(`Cannot read --file ${options.file}: ${error.message}`);
  });
  const base = options.baseUrl ?? pathToFileURL(options.file).href;
  if (!options.baseUrl) io.err(`Note: relative links resolve against ${base} and are left out; pass --base-url to keep them.\n`);
  if (options.kind === "rss") return parseFeed(body, { contentType: null, baseUrl: base });
  const selectors = options.selectors as SourceSelectors;
  if (options.kind === "html") return extractHtmlList(decodeDocument(body, null, "html"), selectors, base).items;
  const rendered = await renderFile(body, selectors);
  return extractHtmlList(rendered.html, selectors, options.baseUrl ?? rendered.url).items;
}

function printable(item: ExtractedItem) {
  const { title, link, publishedAt, summary, deadline, value, location, reference } = item;
  return { title, link, publishedAt, summary, ...(deadline != null ? { deadline } : {}), ...(value != null ? { value } : {}), ...(location != null ? { location } : {}), ...(reference != null ? { reference } : {}) };
}

function readable(items: ExtractedItem[], heading: string): string {
  const lines = [heading, ""];
  items.forEach((item, i) => {
    lines.push(`${i + 1}. ${item.title}`, `   ${item.link}`);
    const facts = [item.publishedAt && `published ${item.publishedAt}`, item.deadline && `deadline ${item.deadline}`, item.value && `value ${item.value}`, item.location && `in ${item.location}`, item.reference && `reference ${item.reference}`].filter(Boolean);
    if (facts.length) lines.push(`   ${facts.join(" · ")}`);
    if (item.summary) lines.push(`   ${item.summary.length > 200 ? `${item.summary.slice(0, 199)}…` : item.summary}`);
  });
  return `${lines.join("\n")}\n`;
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let options: Options;
  try {
    options = await parseOptions(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  const where = options.url ?? options.file ?? "";
  try {
    let items: ExtractedItem[];
    let heading: string;
    if (options.file) {
      items = await itemsOfFile({ ...options, file: options.file }, io);
      heading = `${items.length} items in ${options.file} (${options.kind})`;
    } else {
      const renderer = options.kind === "js" ? new ChromiumRenderer() : undefined;
      try {
        const result = await scrapeSource({ url: where, kind: options.kind, selectors: options.selectors }, { allowHosts: options.allowHosts, maxPages: options.maxPages, renderer });
        items = result.items;
        heading = `${items.length} items from ${result.finalUrl} (${options.kind}, ${result.pages} page${result.pages === 1 ? "" : "s"})`;
      } finally {
        await renderer?.close();
      }
    }
    io.out(options.json ? `${JSON.stringify({ items: items.map(printable) }, null, 2)}\n` : readable(items, heading));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    const failure = describeSourceFailure(error);
    io.err(`Cannot scrape ${where}: ${failure.code}: ${failure.message}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
}
