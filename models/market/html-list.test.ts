import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractHtmlList, findSelectorErrors, HtmlListSelectorError } from "./html-list.ts";
import { ungmContractAwardDetailSelectors, ungmContractAwardListSelectors, ungmNoticeDetailSelectors, ungmNoticeListSelectors } from "./ungm-source.ts";

const UNGM = fileURLToPath(new URL("../../../shared/datasets/tenders/ungm/", import.meta.url));
const available = existsSync(UNGM);
const noticePages = available ? readdirSync(`${UNGM}Notice`).filter((f) => /^\d+\.html$/.test(f)).sort() : [];
const awardPages = available ? readdirSync(`${UNGM}ContractAward`).filter((f) => /^\d+\.html$/.test(f)).sort() : [];
const read = (path: string) => readFileSync(`${UNGM}${path}`, "utf8");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The deadline as UNGM writes it on a notice page, read by hand ("09-Nov-2014 23:59 (GMT 1.00) Brussels…"). */
function deadlineByHand(html: string): string {
  const m = /Deadline on:<\/span>\s*<span class="value">(\d{2})-(\w{3})-(\d{4}) (\d{2}):(\d{2}) \(GMT (-?)(\d+)\.(\d{2})\)/.exec(html)!;
  const offset = (m[6] === "-" ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  return new Date(Date.UTC(Number(m[3]), MONTHS.indexOf(m[2]), Number(m[1]), Number(m[4]), Number(m[5])) - offset * 60_000).toISOString();
}

describe.skipIf(!available)("UNGM tender pages (skipped when ../shared/datasets is absent)", () => {
  it("extracts every notice of the list with its title, link, reference, deadline and published date", () => {
    const html = read("Notice/tender_notices.html");
    const { items, nextUrl } = extractHtmlList(html, ungmNoticeListSelectors, "https://www.ungm.org/Public/Notice");
    const rows = [...html.matchAll(/data-noticeid="(\d+)"/g)].map((m) => m[1]);
    expect(rows).toHaveLength(5);
    expect(items.map((i) => i.link)).toEqual(rows.map((id) => `https://www.ungm.org/Public/Notice/${id}`));
    expect(items.map((i) => i.reference)).toEqual([
      "RFP for the development, production and implementation of creative performances and youth capacity development on sexual violence in Egypt",
      "ITB/GF/STORAGE&TRANSPORTATION",
      "RFP for the development, production and implementation of creative performances and youth capacity development on sexual violence in Egypt",
      "EOI 2014-10-3500",
      "RFP/2014/641",
    ]);
    expect(items.map((i) => i.deadline)).toEqual(["2014-10-31T16:12:00.000Z", "2014-10-30T18:00:00.000Z", "2014-10-30T16:12:00.000Z", "2014-10-29T23:59:00.000Z", "2014-11-02T22:58:00.000Z"]);
    expect(items.map((i) => i.publishedAt)).toEqual(["2014-10-11", "2014-10-10", "2014-10-09", "2014-10-21", "2014-10-20"].map((d) => `${d}T00:00:00.000Z`));
    expect(items[3]).toMatchObject({ title: "Provision of a mobile device management software", location: "Austria", summary: null });
    expect(nextUrl).toBeNull();
  });

  it.each(noticePages)("reads notice page %s: title, reference, publication and the deadline in its GMT offset", (file) => {
    const html = read(`Notice/${file}`);
    const pageUrl = `https://www.ungm.org/Public/Notice/${file.replace(".html", "")}`;
    const { items } = extractHtmlList(html, ungmNoticeDetailSelectors, pageUrl);
    expect(items).toHaveLength(1);
    const [notice] = items;
    expect(notice.link).toBe(pageUrl);
    expect(notice.title.length).toBeGreaterThan(5);
    expect(notice.reference).toBeTruthy();
    expect(notice.deadline).toBe(deadlineByHand(html));
    expect(notice.publishedAt! < notice.deadline!).toBe(true);
    expect(notice.location).toBeTruthy();
    expect(notice.summary).toMatch(/^Description \S/);
  });

  it("agrees with the list on the references of the notices saved both ways", () => {
    const list = extractHtmlList(read("Notice/tender_notices.html"), ungmNoticeListSelectors, "https://www.ungm.org/Public/Notice").items;
    for (const id of ["29184", "29942", "29959"]) {
      const detail = extractHtmlList(read(`Notice/${id}.html`), ungmNoticeDetailSelectors, `https://www.ungm.org/Public/Notice/${id}`).items[0];
      const listed = list.find((item) => item.link.endsWith(`/${id}`))!;
      expect([detail.title, detail.reference]).toEqual([listed.title, listed.reference]);
    }
  });

  it("reads the contract-award list and pages, with the award value in US dollars when one is given", () => {
    const list = extractHtmlList(read("ContractAward/contract_winners.html"), ungmContractAwardListSelectors, "https://www.ungm.org/Public/ContractAward");
    expect(list.items.map((i) => [i.title, i.link, i.reference, i.publishedAt, i.location])).toEqual([
      ["Google Search Appliance hardware and licenses", "https://www.ungm.org/Public/ContractAward/101119", "RfQ 22730 CL", "2014-06-23T00:00:00.000Z", "Austria"],
      ["IT Development services", "https://www.ungm.org/Public/ContractAward/101104", "RFP-2014-01-HR workflows-AT", "2014-05-07T00:00:00.000Z", "France"],
    ]);
    const awards = awardPages.map((file) => extractHtmlList(read(`ContractAward/${file}`), ungmContractAwardDetailSelectors, `https://www.ungm.org/Public/ContractAward/${file.replace(".html", "")}`).items);
    expect(awards.every((items) => items.length === 1 && items[0].reference && items[0].publishedAt)).toBe(true);
    const byId = Object.fromEntries(awardPages.map((file, i) => [file.replace(".html", ""), awards[i][0]]));
    expect(byId["101104"]).toMatchObject({ title: "IT Development services", reference: "RFP-2014-01-HR workflows-AT", valueAmount: { amountMinor: 8_872_700, currency: "USD" } });
    expect(byId["101119"]).toMatchObject({ value: null, valueAmount: null });
    expect(byId["101255"].title).toBe("Travaux d’installation électrique cuisine 15ème et sanitaire 14ème de l'UIT");
  });
});

const selectors = { item: "li.result", title: "h3", link: "h3", date: ".date", summary: "p", deadline: ".deadline", value: ".value", location: ".where", next: ".pager .next" };

describe("extractHtmlList", () => {
  it("resolves links (the element's href or its first link's) against <base href>, dropping unsafe and untitled items", () => {
    const html = `<html><head><base href="https://tenders.example.test/list/"></head><body><ul>
      <li class="result"><h3><a href="t/1">First <script>alert(1)</script>tender</a></h3></li>
      <li class="result"><h3><a href="javascript:alert(1)">Unsafe</a></h3></li>
      <li class="result"><h3><a href="data:text/html,x">Data</a></h3></li>
      <li class="result"><h3><a href="/t/4">  </a></h3></li>
      <li class="result"><h3>No link at all</h3></li>
      <li class="result"><h3><a href="https://other.example.test/t/6">Absolute &amp; fine</a></h3></li></ul></body></html>`;
    const { items } = extractHtmlList(html, { item: "li.result", title: "h3", link: "h3" }, "https://tenders.example.test/search?page=1");
    expect(items.map((i) => [i.title, i.link])).toEqual([
      ["First tender", "https://tenders.example.test/list/t/1"],
      ["Absolute & fine", "https://other.example.test/t/6"],
    ]);
    expect(items[0]).not.toHaveProperty("deadline");
  });

  it("reads dates (datetime attribute first), deadlines, values, locations and multi-paragraph summaries", () => {
    const html = `<ul><li class="result"><h3><a href="/a">A</a></h3>
        <span class="date"><time datetime="2024-03-01T09:00:00+01:00">1 March</time></span>
        <span class="deadline">Closes 15/04/2024 12:00 GMT+2</span><span class="value">Estimated EUR 1,200,000</span>
        <span class="where"> Lyon,&nbsp;France </span><p>One.</p><p>Two.</p></li>
      <li class="result"><h3><a href="/b">B</a></h3><span class="date">March 3, 2024</span><span class="value">To be confirmed</span><span class="deadline">soon</span></li></ul>`;
    const { items } = extractHtmlList(html, selectors, "https://tenders.example.test/");
    expect(items).toEqual([
      { title: "A", link: "https://tenders.example.test/a", publishedAt: "2024-03-01T08:00:00.000Z", summary: "One. Two.", deadline: "2024-04-15T10:00:00.000Z", value: "Estimated EUR 1,200,000", valueAmount: { amountMinor: 120_000_000, currency: "EUR" }, location: "Lyon, France" },
      { title: "B", link: "https://tenders.example.test/b", publishedAt: "2024-03-03T00:00:00.000Z", summary: null, deadline: null, value: null, valueAmount: null, location: null },
    ]);
  });

  it("follows the next-page link, but not one back to the same page or to a script", () => {
    const page = (next: string) => `<ul><li class="result"><h3><a href="/a">A</a></h3></li></ul><div class="pager">${next}</div>`;
    const base = "https://tenders.example.test/list?page=2";
    expect(extractHtmlList(page('<a class="next" href="?page=3">Next</a>'), selectors, base).nextUrl).toBe("https://tenders.example.test/list?page=3");
    expect(extractHtmlList(page('<span class="next"><a href="/list?page=3">»</a></span>'), selectors, base).nextUrl).toBe("https://tenders.example.test/list?page=3");
    expect(extractHtmlList(page('<a class="next" href="#">Next</a>'), selectors, base).nextUrl).toBeNull();
    expect(extractHtmlList(page('<a class="next" href="javascript:next()">Next</a>'), selectors, base).nextUrl).toBeNull();
    expect(extractHtmlList(page(""), selectors, base).nextUrl).toBeNull();
    expect(extractHtmlList(page('<a class="next" href="?page=3">Next</a>'), { item: "li", title: "h3", link: "h3" }, base).nextUrl).toBeNull();
  });

  it("gives no items for a page where the item selector matches nothing", () => {
    expect(extractHtmlList("<html><body><p>No results</p></body></html>", selectors, "https://tenders.example.test/")).toEqual({ items: [], nextUrl: null });
  });

  it("names the field whose selector is not valid CSS", () => {
    expect(() => extractHtmlList("<p></p>", { item: "li[", title: "h3", link: "a" }, "https://x.test/")).toThrow(HtmlListSelectorError);
    expect(() => extractHtmlList("<li>x</li>", { item: "li", title: "h3)", link: "a" }, "https://x.test/")).toThrow(/The title selector "h3\)" is not valid CSS/);
    expect(findSelectorErrors({ item: "li", title: "h3", link: "a", deadline: "::nope(", next: ".next" })).toEqual({ deadline: expect.stringMatching(/deadline selector/) });
    expect(findSelectorErrors(ungmNoticeDetailSelectors)).toEqual({});
  });
});
