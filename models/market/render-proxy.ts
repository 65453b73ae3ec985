// A guarded forward proxy on 127.0.0.1 that each Chromium page context is pointed at, so every
// connection Chromium makes (documents, scripts, XHR, workers, WebSockets, redirects) goes through
// the same address check as fetchPage, with the checked address being the one connected to.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { assertLiteralHostAllowed, BlockedAddressError, effectivePort, guardedLookup, isListedHost } from "./net-guard.ts";

export type GuardProxy = {
  /** "http://127.0.0.1:PORT", for Chromium's proxyServer. */
  url: string;
  /** Targets refused, with the reason. */
  blocked: string[];
  /** Requests and tunnels let through. */
  forwarded: number;
  close: () => Promise<void>;
};

const HOP_BY_HOP = ["connection", "proxy-connection", "proxy-authorization", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade"];
const IDLE_MS = 30_000;

/** Checks a target the way fetchPage does (scheme, literal address, listed hosts); returns allowLoopback for the lookup. */
function admit(target: URL, ownPort: number, allowHosts: readonly string[]): boolean {
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error(`${target.protocol} is not proxied`);
  const port = effectivePort(target);
  const allowLoopback = isListedHost(target.hostname, port, allowHosts);
  assertLiteralHostAllowed(target.hostname, allowLoopback);
  // The proxy never relays to itself, whatever the allow-list says.
  if (port === String(ownPort) && /^(127\.|\[::1\]|localhost$)/.test(target.hostname)) throw new Error("the proxy does not relay to itself");
  return allowLoopback;
}

export async function startGuardProxy(allowHosts: readonly string[]): Promise<GuardProxy> {
  const blocked: string[] = [];
  const tunnels = new Set<net.Socket>();
  const state = { forwarded: 0, port: 0 };
  const refuse = (target: string, error: unknown) => blocked.push(`${target}: ${error instanceof Error ? error.message : String(error)}`);

  const server = http.createServer((req, res) => {
    let target: URL;
    let allowLoopback: boolean;
    try {
      target = new URL(req.url ?? "");
      // https comes through CONNECT; http.request below could not send it and would throw out of this handler.
      if (target.protocol === "https:") throw new Error("https: is proxied only through CONNECT");
      allowLoopback = admit(target, state.port, allowHosts);
    } catch (error) {
      refuse(req.url ?? "?", error);
      return void res.writeHead(403, { "X-Channelwise-Blocked": "1", "Content-Type": "text/plain" }).end("blocked by the scraper's address guard");
    }
    const headers = { ...req.headers };
    for (const name of HOP_BY_HOP) delete headers[name];
    const upstream = http.request(target, { method: req.method, headers, agent: false, lookup: guardedLookup({ allowLoopback }) }, (answer) => {
      state.forwarded += 1;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
      answer.pipe(res);
    });
    upstream.setTimeout(IDLE_MS, () => upstream.destroy());
    // Chromium gone (page closed, proxy closing): drop the upstream request rather than let it idle out.
    res.on("close", () => upstream.destroy());
    upstream.on("error", (error) => {
      if (error instanceof BlockedAddressError) refuse(target.href, error);
      if (!res.headersSent) res.writeHead(error instanceof BlockedAddressError ? 403 : 502, error instanceof BlockedAddressError ? { "X-Channelwise-Blocked": "1" } : {});
      res.end();
    });
    req.pipe(upstream);
  });

  server.on("connect", (req, client: net.Socket, head: Buffer) => {
    const authority = req.url ?? "";
    // The server no longer listens for errors on a socket it hands over: a reset, even of a refused
    // client, would otherwise be an uncaught error.
    client.on("error", () => client.destroy());
    let target: URL;
    let allowLoopback: boolean;
    try {
      target = new URL(`https://${authority}`);
      allowLoopback = admit(target, state.port, allowHosts);
    } catch (error) {
      refuse(authority, error);
      return void client.end("HTTP/1.1 403 Forbidden\r\nX-Channelwise-Blocked: 1\r\n\r\n");
    }
    const hostname = target.hostname.replace(/^\[|\]$/g, "");
    const upstream = net.connect({ host: hostname, port: Number(target.port || 443), lookup: guardedLookup({ allowLoopback }) }, () => {
      state.forwarded += 1;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on("close", () => tunnels.delete(socket));
      socket.setTimeout(IDLE_MS, () => socket.destroy());
    }
    upstream.on("error", (error) => {
      if (error instanceof BlockedAddressError) refuse(authority, error);
      client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
    });
    client.on("error", () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${state.port}`,
    blocked,
    get forwarded() {
      return state.forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
