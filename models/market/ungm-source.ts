// The UN Global Marketplace (ungm.org) as a tender source: selectors for its notice list, a
// notice's detail page, and its contract-award list and detail pages, for the demo and the docs.
import type { SourceConfig, SourceSelectors } from "./types.ts";

/** The notice search results (rows of `div.tableRow.dataRow`, one per notice). */
export const ungmNoticeListSelectors: SourceSelectors = {
  item: "div.tableRow.dataRow[data-noticeid]",
  title: ".resultTitle a",
  link: ".resultTitle a",
  deadline: '.tableCell[data-description="Deadline"]',
  // The published date is the unlabelled cell right after the deadline.
  date: '.tableCell[data-description="Deadline"] + .tableCell',
  reference: '.tableCell[data-description="Reference"]',
  location: ".tableCell:last-child",
};

/** A notice's own page (/Public/Notice/{id}): the item is the page, so `link` is empty (the page URL). */
export const ungmNoticeDetailSelectors: SourceSelectors = {
  item: ".noticeDetail",
  title: ".ungm-list-item .ungm-row span.title",
  link: "",
  reference: '.row:has(> .label:contains("Reference")) > .value',
  date: '.row:has(> .label:contains("Published on")) > .value',
  deadline: '.row:has(> .label:contains("Deadline on")) > .value',
  location: '.row:has(> .label:contains("Beneficiary country")) > .value',
  // The whole panel: some notices write the description as bare text beside the heading, which no selector can pick alone.
  summary: '.ungm-list-item:has(> .title:contains("Description"))',
};

/** The contract-award search results. */
export const ungmContractAwardListSelectors: SourceSelectors = {
  item: "div.tableRow.dataRow[data-contractawardid]",
  title: ".resultTitle a",
  link: ".resultTitle a",
  date: '.tableCell[data-description="Award date"]',
  reference: '.tableCell[data-description="Reference"]',
  location: ".tableCell:last-child",
};

/** A contract award's own page (/Public/ContractAward/{id}); its value is in US dollars. */
export const ungmContractAwardDetailSelectors: SourceSelectors = {
  item: ".awardDetail",
  title: "#awardTitle",
  link: "",
  reference: '.reportRow:has(> label[for="Reference"]) > .value',
  date: '.reportRow:has(> label[for="AwardDate"]) > .value',
  value: '.reportRow:has(> label[for="ContractValue"])',
  location: 'fieldset:has(> legend:contains("Countries")) .formRow',
};

/**
 * UNGM's tender notices as a source. The list on ungm.org is filled in by the page's script,
 * so the source is rendered ("js") before the selectors apply.
 */
export const ungmTenderSource: SourceConfig = {
  name: "UN Global Marketplace — tender notices",
  url: "https://www.ungm.org/Public/Notice",
  kind: "js",
  contentType: "tender",
  regionCodes: [],
  competitors: [],
  keywords: [],
  schedule: "0 */6 * * *",
  enabled: true,
  selectors: ungmNoticeListSelectors,
};
