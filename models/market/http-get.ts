// One guarded HTTP GET, no redirects followed: http/https only, the address checked (literal
// hosts here, resolved names in the socket's own lookup), one deadline for connect, headers and
// body, and a byte cap on the decompressed body.
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { FetchError, toFetchError } from "./fetch-error.ts";
import { assertLiteralHostAllowed, effectivePort, guardedLookup, isListedHost } from "./net-guard.ts";

export type RawResponse = {
  url: string;
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** The absolute target of a redirect (3xx with a Location), else null. */
  location: string | null;
  /** Read for 2xx answers only; empty otherwise. */
  body: Buffer;
};

export type HttpGetOptions = {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  allowHosts: readonly string[];
  /** Keep the first maxBytes instead of failing (robots.txt: RFC 9309 lets a crawler parse the first 500 KiB). */
  truncate?: boolean;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;

/** Parses a URL the scraper may request, or throws bad_scheme. */
export function parseHttpUrl(text: string, context = "URL"): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchError("bad_scheme", `${context} "${text}" is not a valid absolute URL`, text);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad_scheme", `${context} ${url.href} uses ${url.protocol} — only http: and https: may be fetched`, url.href);
  }
  return url;
}

function decoded(res: IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(zlib.createGunzip());
  if (encoding === "deflate") return res.pipe(zlib.createInflate());
  if (encoding === "br") return res.pipe(zlib.createBrotliDecompress());
  return res;
}

export function httpGetOnce(url: URL, options: HttpGetOptions): Promise<RawResponse> {
  const href = url.href;
  return new Promise<RawResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      reject(toFetchError(error, href));
    };
    const timer = setTimeout(() => fail(new FetchError("timeout", `${href} did not answer within ${options.timeoutMs} ms`, href)), options.timeoutMs);
    let request: http.ClientRequest | undefined;
    try {
      const allowLoopback = isListedHost(url.hostname, effectivePort(url), options.allowHosts);
      assertLiteralHostAllowed(url.hostname, allowLoopback);
      const client = url.protocol === "https:" ? https : http;
      request = client.request(url, { method: "GET", headers: options.headers, agent: false, lookup: guardedLookup({ allowLoopback }) }, (res) => {
        const status = res.statusCode ?? 0;
        const base = { url: href, status, statusText: res.statusMessage ?? "", headers: res.headers };
        const location = REDIRECTS.has(status) && res.headers.location ? res.headers.location : null;
        if (status < 200 || status > 299) {
          // Nothing is read from a redirect or an error: the connection (never reused) is dropped.
          res.destroy();
          settled = true;
          clearTimeout(timer);
          let target: string | null = null;
          try {
            target = location ? new URL(location, href).href : null;
          } catch {
            return reject(new FetchError("bad_scheme", `${href} redirects to an invalid URL "${location}"`, href, status));
          }
          return resolve({ ...base, location: target, body: Buffer.alloc(0) });
        }
        const declared = Number(res.headers["content-length"]);
        if (!options.truncate && Number.isFinite(declared) && declared > options.maxBytes) {
          return fail(new FetchError("too_large", `${href} is ${kib(declared)}, over the ${kib(options.maxBytes)} cap`, href, status));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decoded(res);
        stream.on("data", (chunk: Buffer) => {
          if (settled) return;
          if (size + chunk.length > options.maxBytes) {
            if (!options.truncate) return fail(new FetchError("too_large", `${href} exceeds the ${kib(options.maxBytes)} cap`, href, status));
            chunks.push(chunk.subarray(0, options.maxBytes - size));
            size = options.maxBytes;
            settled = true;
            clearTimeout(timer);
            request?.destroy();
            return resolve({ ...base, location: null, body: Buffer.concat(chunks) });
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        stream.on("error", (error) => fail(new FetchError("network", `${href}: cannot read the body (${error.message})`, href, status)));
        res.on("close", () => !res.complete && fail(new FetchError("network", `${href}: the connection closed mid-body`, href, status)));
        stream.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ ...base, location: null, body: Buffer.concat(chunks) });
        });
      });
      request.on("error", fail);
      request.end();
    } catch (error) {
      fail(error);
    }
  });
}
