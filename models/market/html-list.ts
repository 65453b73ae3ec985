// Extracts the items of an HTML list page (a tender portal's results, a competitor's news page)
// with a source's CSS selectors, and its next-page link. Pure: scrape.ts fetches and renders.
import { load, type Cheerio, type CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { parseDate } from "./dates.ts";
import { capLength, collapseWhitespace, MAX_FIELD_LENGTH, MAX_SUMMARY_LENGTH, MAX_TITLE_LENGTH, nodesText, safeHttpUrl } from "./text.ts";
import type { ExtractedItem, SourceSelectors } from "./types.ts";
import { parseMoneyValue } from "./value.ts";

/** A selector that is not valid CSS; `field` names the configuration field so the form can show it. */
export class HtmlListSelectorError extends Error {
  constructor(
    readonly field: keyof SourceSelectors,
    message: string,
  ) {
    super(message);
    this.name = "HtmlListSelectorError";
  }
}

const selectorMessage = (field: keyof SourceSelectors, selector: string, problem: string) => `The ${field} selector "${selector}" is not valid CSS: ${problem}`;

function select($: CheerioAPI, scope: Cheerio<Element> | null, selector: string, field: keyof SourceSelectors): Cheerio<Element> {
  try {
    return scope ? scope.find(selector) : $.root().find(selector);
  } catch (error) {
    throw new HtmlListSelectorError(field, selectorMessage(field, selector, (error as Error).message));
  }
}

const probe = load("<div></div>");

/** Why `selector` is not valid CSS for the extraction below, or null when it is (source-config.ts validates with it). */
export function cssSelectorProblem(selector: string): string | null {
  try {
    probe.root().find(selector);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Every configured selector that is not valid CSS, by field (empty when all are valid). */
export function findSelectorErrors(selectors: SourceSelectors): Partial<Record<keyof SourceSelectors, string>> {
  const errors: Partial<Record<keyof SourceSelectors, string>> = {};
  for (const [field, selector] of Object.entries(selectors) as Array<[keyof SourceSelectors, string | undefined]>) {
    const problem = selector ? cssSelectorProblem(selector) : null;
    if (problem) errors[field] = selectorMessage(field, selector!, problem);
  }
  return errors;
}

function textOf(el: Cheerio<Element>, maxLength: number): string {
  return capLength(collapseWhitespace(nodesText(el.toArray())), maxLength);
}

/** The element's href, or its first link's: selectors often point at a title cell rather than the <a> inside it. */
function hrefOf(el: Cheerio<Element>): string | undefined {
  return el.attr("href") ?? el.find("a[href]").first().attr("href");
}

/** A date from the element: a machine-readable datetime/content attribute (on it or a <time> inside) before its text. */
function dateOf(el: Cheerio<Element>): string | null {
  if (el.length === 0) return null;
  const machine = el.attr("datetime") ?? el.attr("content") ?? el.find("time[datetime]").first().attr("datetime");
  return parseDate(machine) ?? parseDate(collapseWhitespace(nodesText(el.toArray())));
}

function optionalText(item: Cheerio<Element>, $: CheerioAPI, selector: string, field: keyof SourceSelectors, maxLength: number): string | null {
  return textOf(select($, item, selector, field).first(), maxLength) || null;
}

function extractItem($: CheerioAPI, item: Cheerio<Element>, selectors: SourceSelectors, pageUrl: string, baseUrl: string): ExtractedItem | null {
  const title = textOf(select($, item, selectors.title, "title").first(), MAX_TITLE_LENGTH);
  // An empty link selector means the item is the page itself (a notice's detail page).
  const link = selectors.link === "" ? safeHttpUrl(pageUrl, null) : safeHttpUrl(hrefOf(select($, item, selectors.link, "link").first()), baseUrl);
  if (!title || !link) return null;
  const extracted: ExtractedItem = {
    title,
    link,
    publishedAt: selectors.date ? dateOf(select($, item, selectors.date, "date").first()) : null,
    // A summary is often several paragraphs: all the matches count, not only the first.
    summary: selectors.summary ? textOf(select($, item, selectors.summary, "summary"), MAX_SUMMARY_LENGTH) || null : null,
  };
  if (selectors.deadline) extracted.deadline = dateOf(select($, item, selectors.deadline, "deadline").first());
  if (selectors.value) {
    // Text without a digit ("Contract value ($)" on an award that states none) is a label, not a value.
    const value = optionalText(item, $, selectors.value, "value", MAX_FIELD_LENGTH);
    extracted.value = value && /\d/.test(value) ? value : null;
    extracted.valueAmount = parseMoneyValue(extracted.value);
  }
  if (selectors.location) extracted.location = optionalText(item, $, selectors.location, "location", MAX_FIELD_LENGTH);
  if (selectors.reference) extracted.reference = optionalText(item, $, selectors.reference, "reference", MAX_FIELD_LENGTH);
  return extracted;
}

/**
 * The page's items (those without a title or an http(s) link are left out) and the next page's
 * URL (null when there is none, or it leads back to this page). Relative links resolve against
 * the page's <base href> or `baseUrl`. Throws HtmlListSelectorError for a selector that is not CSS.
 */
export function extractHtmlList(html: string, selectors: SourceSelectors, baseUrl: string): { items: ExtractedItem[]; nextUrl: string | null } {
  const $ = load(html);
  const base = safeHttpUrl($("base[href]").first().attr("href"), baseUrl) ?? baseUrl;
  const items: ExtractedItem[] = [];
  for (const el of select($, null, selectors.item, "item").toArray()) {
    const item = extractItem($, $(el), selectors, baseUrl, base);
    if (item) items.push(item);
  }
  let nextUrl: string | null = null;
  if (selectors.next) {
    nextUrl = safeHttpUrl(hrefOf(select($, null, selectors.next, "next").first()), base);
    const withoutFragment = (url: string | null): string | null => url?.replace(/#.*$/, "") ?? null;
    if (nextUrl && withoutFragment(nextUrl) === withoutFragment(safeHttpUrl(baseUrl, null))) nextUrl = null;
  }
  return { items, nextUrl };
}
