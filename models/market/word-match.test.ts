// Whole-word term matching: CJK script next to a Latin term, names only where capitalised,
// genitive s and plurals on request, and the shorter name found when a longer one is refused.
import { describe, expect, it } from "vitest";
import { matchedTerms, termMatcher } from "./word-match.ts";

describe("termMatcher", () => {
  it("finds a Latin term written against Chinese or Japanese script, but not inside a Latin word", () => {
    expect(matchedTerms("日本の製造業、ERP導入が加速", ["ERP"])).toEqual(["ERP"]);
    expect(matchedTerms("ERPsystem und Interpret", ["ERP"])).toEqual([]);
  });

  it("with properNouns, matches a capitalised name only where the text capitalises it", () => {
    const competitors = ["Sage", "Exact", "IFS", "abas"];
    const options = { caseRule: "ignore", properNouns: true } as const;
    expect(matchedTerms("A sage decision on the exact cost, no ifs", competitors, options)).toEqual([]);
    expect(matchedTerms("Sage and Exact report; IFS grows; Abas too", competitors, options)).toEqual(["Sage", "Exact", "IFS", "abas"]);
    expect(matchedTerms("ODOO AND SAGE MERGE", ["Sage"], options)).toEqual(["Sage"]);
    // A text without capitals says nothing about case.
    expect(matchedTerms("sage cuts prices", ["Sage"], options)).toEqual(["Sage"]);
    // Without the option, case is ignored as before.
    expect(matchedTerms("a sage decision", ["Sage"], { caseRule: "ignore" })).toEqual(["Sage"]);
  });

  it("finds the shorter name when a longer one is refused for its case", () => {
    const match = termMatcher([["The Netherlands", "NL"], ["Netherlands", "NL"]], { properNouns: true });
    expect(match("Offices in the Netherlands").map((m) => m.text)).toEqual(["Netherlands"]);
  });

  it("with possessive, matches a genitive s, except after s, x or z", () => {
    const options = { possessive: true } as const;
    expect(matchedTerms("SAPs neue Preise, Göteborgs Stad", ["SAP", "Göteborg"], options)).toEqual(["SAP", "Göteborg"]);
    expect(matchedTerms("SAPs neue Preise", ["SAP"])).toEqual([]);
    expect(matchedTerms("Pariss", ["Paris"], options)).toEqual([]);
  });

  it("with plurals, matches multi-word and short terms with a plural ending", () => {
    expect(matchedTerms("digitise their supply chains; two ERPs", ["supply chain", "ERP"], { plurals: true })).toEqual(["supply chain", "ERP"]);
    expect(matchedTerms("digitise their supply chains", ["supply chain"])).toEqual([]);
  });

  it("keeps the longest name across the regexes a large list is split into", () => {
    const entries: [string, number][] = [...Array.from({ length: 3000 }, (_, i) => [`filler${i}term`, i] as [string, number]), ["Wales", -1], ["New South Wales", -2]];
    const match = termMatcher(entries);
    expect(match("Hospitals in New South Wales and Wales; filler2999term").map((m) => m.value)).toEqual([-2, -1, 2999]);
  });

  it("with stems, matches compounds and inflections of a long single word", () => {
    const keywords = ["Warenwirtschaft", "lönesystem", "manufacturing"];
    const text = "Warenwirtschaftssystem; Lönesystemet ska bytas; manufacturers";
    expect(matchedTerms(text, keywords, { caseRule: "ignore", stems: true })).toEqual(keywords);
  });
});
