// Where the app reaches its own demo pages, and the loopback exception that follows: the app's
// own host:port for /demo/market/ pages only, added to MARKET_ALLOW_HOSTS, never anything else.
import { describe, expect, it } from "vitest";
import { allowHostsFor, appSelfOrigin, demoMarketBaseUrl, isOwnDemoPage } from "./self-origin.ts";

const e = { HOST: "127.0.0.1", PORT: 3000, APP_URL: undefined, MARKET_ALLOW_HOSTS: [] as string[] };

describe("appSelfOrigin", () => {
  it("is HOST:PORT, with loopback for a wildcard HOST and brackets for IPv6", () => {
    expect(appSelfOrigin(e)).toBe("http://127.0.0.1:3000");
    expect(appSelfOrigin({ HOST: "0.0.0.0", PORT: 8080 })).toBe("http://127.0.0.1:8080");
    expect(appSelfOrigin({ HOST: "::", PORT: 8080 })).toBe("http://127.0.0.1:8080");
    expect(appSelfOrigin({ HOST: "::1", PORT: 8080 })).toBe("http://[::1]:8080");
    expect(appSelfOrigin({ HOST: "Portal.Local", PORT: 80 })).toBe("http://portal.local");
    expect(demoMarketBaseUrl(e)).toBe("http://127.0.0.1:3000/demo/market");
  });
});

describe("allowHostsFor", () => {
  it("adds the app's own host:port for its demo pages only", () => {
    expect(allowHostsFor("http://127.0.0.1:3000/demo/market/feed.xml", e)).toEqual(["127.0.0.1:3000"]);
    expect(allowHostsFor("http://127.0.0.1:3000/demo/market/tenders.html?page=2", { ...e, MARKET_ALLOW_HOSTS: ["intranet.local"] })).toEqual(["intranet.local", "127.0.0.1:3000"]);
    for (const url of [
      "http://127.0.0.1:3000/api/v1/me",
      "http://127.0.0.1:3000/demo/market/../../api/v1/me",
      "http://127.0.0.1:3000/demo/marketplace",
      "http://127.0.0.1:5432/demo/market/feed.xml",
      "http://localhost:3000/demo/market/feed.xml",
      "https://127.0.0.1:3000/demo/market/feed.xml",
      "not a url",
    ]) {
      expect(isOwnDemoPage(url, e), url).toBe(false);
      expect(allowHostsFor(url, { ...e, MARKET_ALLOW_HOSTS: ["x.example"] }), url).toEqual(["x.example"]);
    }
  });

  it("also knows the app by APP_URL", () => {
    const behindProxy = { ...e, APP_URL: "https://prm.example.com" };
    expect(allowHostsFor("https://prm.example.com/demo/market/feed.xml", behindProxy)).toEqual(["prm.example.com:443"]);
    expect(isOwnDemoPage("https://prm.example.com/deals", behindProxy)).toBe(false);
  });
});
