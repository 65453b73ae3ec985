// A throwaway HTTP server on 127.0.0.1 for the market fetching tests and benchmarks: routes by
// path, and counts every TCP connection and request so a test can prove a request never arrived.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export type LocalServer = {
  port: number;
  /** "127.0.0.1:PORT", as an allow-list entry. */
  host: string;
  origin: string;
  url: (path: string) => string;
  /** Paths requested, in order. */
  requests: string[];
  /** Times (ms since epoch) each request arrived. */
  arrivals: { path: string; at: number }[];
  connections: number;
  close: () => Promise<void>;
};

/** Serves `routes` (exact path, without the query) on 127.0.0.1; anything else is a 404. */
export async function startLocalServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: string[] = [];
  const arrivals: { path: string; at: number }[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push(path);
    arrivals.push({ path, at: Date.now() });
    const route = routes[path.split("?")[0]];
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  const state = { connections: 0 };
  server.on("connection", () => (state.connections += 1));
  // A WebSocket upgrade or anything else on the raw socket still counts as a connection above.
  server.on("upgrade", (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    arrivals,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
