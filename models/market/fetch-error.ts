// The typed failure of fetching or rendering a market source: a code the scrape job stores with the
// source (status, last error) and a message a person can act on.
import { BlockedAddressError } from "./net-guard.ts";

export type FetchErrorCode =
  | "blocked_address"
  | "bad_scheme"
  | "robots_disallowed"
  | "timeout"
  | "too_large"
  | "http_status"
  | "too_many_redirects"
  | "network"
  | "no_browser"
  | "render_failed"
  | "parse_failed";

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url: string | null = null,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = "FetchError";
  }

  /** What a job stores as the source's last error. */
  toJSON(): SourceFailure {
    return { code: this.code, message: this.message, url: this.url, httpStatus: this.httpStatus };
  }
}

export type SourceFailure = { code: FetchErrorCode | "internal"; message: string; url: string | null; httpStatus: number | null };

/** Any error thrown by fetchPage, renderPage or scrapeSource, as a record to store with the source. */
export function describeSourceFailure(error: unknown): SourceFailure {
  if (error instanceof FetchError) return error.toJSON();
  if (error instanceof BlockedAddressError) return { code: "blocked_address", message: error.message, url: null, httpStatus: null };
  return { code: "internal", message: error instanceof Error ? error.message : String(error), url: null, httpStatus: null };
}

const networkReasons: Record<string, string> = {
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed temporarily",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPROTO: "TLS handshake failed",
  CERT_HAS_EXPIRED: "TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS certificate is self-signed",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
};

/** Maps a low-level error from a request to a FetchError for `url`. */
export function toFetchError(error: unknown, url: string): FetchError {
  if (error instanceof FetchError) return error;
  if (error instanceof BlockedAddressError) return new FetchError("blocked_address", `Refused ${url}: ${error.message}`, url);
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "";
  const detail = networkReasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new FetchError("network", `Cannot fetch ${url}: ${detail}${code && !networkReasons[code] ? "" : code ? ` (${code})` : ""}`, url);
}
