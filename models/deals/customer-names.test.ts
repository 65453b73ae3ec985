// The customer-name matcher on real-world company names in several languages and scripts:
// pairs that must be taken for the same customer and pairs that must not, the normalization
// itself, and the TypeScript trigram similarity against pg_trgm's own numbers.
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { LEGAL_FORMS as SEED_LEGAL_FORMS } from "../seed/names-data.ts";
import { NAME_MATCH_THRESHOLD, foldToAscii, nameSimilarity, namesMatch, normalizeCompanyName, trigramSimilarity } from "./customer-names.ts";

const MUST_MATCH: readonly (readonly [string, string])[] = [
  // German, Austrian, Swiss
  ["Siemens AG", "SIEMENS Aktiengesellschaft"],
  ["Bergmann Logistik GmbH & Co. KG", "Bergmann Logistik GmbH"],
  ["Müller Maschinenbau GmbH", "Mueller Maschinenbau AG"],
  ["Großhandel Weber AG", "Grosshandel Weber"],
  ["Robert Bosch GmbH", "Bosch, Robert GmbH"],
  ["Red Bull GmbH", "Red Bull Ges.m.b.H."],
  ["Siemens AG Österreich", "Siemens Aktiengesellschaft Oesterreich"],
  ["Schmidt und Söhne GmbH", "Schmidt & Söhne"],
  // French, Belgian, Swiss French
  ["Société Générale S.A.", "Societe Generale"],
  ["L'Oréal S.A.", "LOreal SA"],
  ["Dupont et Cie", "Dupont & Cie SARL"],
  ["Lefèvre Logistique SAS", "Lefevre Logistique S.A.S."],
  ["Nestlé S.A.", "NESTLE SA"],
  // Italian
  ["Rossi & Bianchi S.r.l.", "Rossi e Bianchi SRL"],
  ["Ferrari S.p.A.", "Ferrari SpA"],
  ["Rossi & C. S.a.s.", "Rossi S.A.S."],
  // Spanish
  ["Telefónica, S.A.", "Telefonica SA"],
  ["Pérez y Cía. S.L.", "Perez & Cia SL"],
  ["Banco Bilbao Vizcaya Argentaria, S.A.", "Banco Bilbao Vizcaya Argentaria"],
  // Dutch
  ["Koninklijke Philips N.V.", "Koninklijke Philips NV"],
  ["De Vries B.V.", "de Vries BV"],
  ["Van Dijk en Zonen B.V.", "Van Dijk & Zonen"],
  // Nordic
  ["AB Volvo", "Volvo AB (publ)"],
  ["Øresund Byg A/S", "Oresund Byg AS"],
  ["Oy Karl Fazer Ab", "Karl Fazer Oy"],
  ["Novo Nordisk A/S", "Novo Nordisk AS"],
  ["Equinor ASA", "Equinor"],
  ["H&M Hennes & Mauritz AB", "H & M Hennes och Mauritz"],
  // Japanese
  ["トヨタ自動車株式会社", "トヨタ自動車"],
  ["株式会社日立製作所", "(株)日立製作所"],
  ["㈱日立製作所", "日立製作所 株式会社"],
  ["Sakura Seiki Co., Ltd.", "Sakura Seiki K.K."],
  ["Ｔｏｙｏｔａ Ｍｏｔｏｒ Ｃｏｒｐｏｒａｔｉｏｎ", "Toyota Motor Corp."],
  // Chinese, Korean
  ["华为技术有限公司", "华为技术"],
  ["中国石油天然气股份有限公司", "中国石油天然气有限公司"],
  ["Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES"],
  ["삼성전자 주식회사", "삼성전자"],
  // English-speaking
  ["The Boeing Company", "Boeing Co."],
  ["Procter & Gamble Co.", "Procter and Gamble"],
  ["J. P. Morgan Chase & Co.", "JP Morgan Chase"],
  ["Mitchell Foods Pty Ltd", "Mitchell Foods"],
  ["Acme Inc.", "ACME, Incorporated"],
  ["Marks and Spencer plc", "Marks & Spencer Group"],
  ["E.ON SE", "EON"],
  ["Bergmann Logistik", "Bergman Logistik"],
];

const MUST_NOT_MATCH: readonly (readonly [string, string])[] = [
  ["Deutsche Bank AG", "Deutsche Bahn AG"],
  ["Aldi Nord GmbH", "Aldi Süd GmbH"],
  ["Bergmann Logistik GmbH", "Bergmann Maschinenbau GmbH"],
  ["Schmidt GmbH", "Schmitz GmbH"],
  ["Rossi Costruzioni S.r.l.", "Bianchi Costruzioni S.r.l."],
  ["Nestlé S.A.", "Nestor S.A."],
  ["AB Volvo", "ABB Ltd"],
  ["Telefónica, S.A.", "Telefonaktiebolaget LM Ericsson"],
  ["トヨタ自動車株式会社", "日産自動車株式会社"],
  ["华为技术有限公司", "中兴通讯股份有限公司"],
  ["Société Générale S.A.", "Générale de Santé SA"],
  ["Koninklijke Philips N.V.", "Koninklijke KPN N.V."],
  ["Novo Nordisk A/S", "Nordisk Film A/S"],
  ["General Motors Company", "General Mills, Inc."],
  ["Banco Santander, S.A.", "Banco Sabadell, S.A."],
];

describe("customer name matching", () => {
  it("has at least 40 real-world pairs across languages", () => {
    expect(MUST_MATCH.length + MUST_NOT_MATCH.length).toBeGreaterThanOrEqual(40);
  });

  it.each(MUST_MATCH)("matches %s ≈ %s", (a, b) => {
    expect(nameSimilarity(a, b), `${normalizeCompanyName(a)} | ${normalizeCompanyName(b)}`).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
    expect(namesMatch(b, a)).toBe(true);
  });

  it.each(MUST_NOT_MATCH)("keeps %s ≠ %s", (a, b) => {
    expect(nameSimilarity(a, b), `${normalizeCompanyName(a)} | ${normalizeCompanyName(b)}`).toBeLessThan(NAME_MATCH_THRESHOLD);
    expect(namesMatch(b, a)).toBe(false);
  });
});

describe("normalizeCompanyName", () => {
  it.each([
    ["Bergmann Logistik GmbH & Co. KG", "bergmann logistik"],
    ["Rossi & C. S.a.s.", "rossi"],
    ["AB Volvo", "volvo"],
    ["The Boeing Company", "boeing"],
    ["J. P. Morgan Chase & Co.", "jp morgan chase"],
    ["L'Oréal S.A.", "loreal"],
    ["Comarch Sp. z o.o.", "comarch"],
    ["Škoda Auto a.s.", "skoda auto"],
    ["Grupo Bimbo, S.A.B. de C.V.", "grupo bimbo"],
    ["トヨタ自動車株式会社", "トヨタ自動車"],
    ["(株)日立製作所", "日立製作所"],
    ["中国石油天然气股份有限公司", "中国石油天然气"],
    ["Ｔｏｙｏｔａ", "toyota"],
  ])("%s → %s", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it("never strips a name down to nothing", () => {
    expect(normalizeCompanyName("AG")).toBe("ag");
    expect(normalizeCompanyName("株式会社")).toBe("株式会社");
    expect(normalizeCompanyName("  ")).toBe("");
  });

  it("strips every legal form the demo seed gives its companies", () => {
    for (const form of SEED_LEGAL_FORMS) expect(normalizeCompanyName(`Weber Logistik ${form}`), form).toBe("weber logistik");
  });

  it("folds accents and special letters, but keeps other scripts", () => {
    expect(foldToAscii("Jørgensen Æble Straße Müller Łódź")).toBe("jorgensen aeble strasse muller lodz");
    expect(foldToAscii("ＡＢＣ 日立")).toBe("abc 日立");
  });
});

describe("trigramSimilarity", () => {
  it("gives the numbers pg_trgm gives", async () => {
    const pairs = [
      ["bergmann logistik", "bergman logistik"],
      ["deutsche bank", "deutsche bahn"],
      ["muller", "mueller"],
      ["jp morgan chase", "jpmorgan chase"],
      ["トヨタ自動車", "トヨタ自動"],
      ["hm hennes mauritz", "hm"],
      ["a", "b c"],
    ];
    for (const [a, b] of pairs) {
      const [row] = await db.$queryRaw<{ s: number }[]>`SELECT similarity(${a}, ${b})::float8 AS s`;
      expect(trigramSimilarity(a, b), `${a} | ${b}`).toBeCloseTo(row.s, 5);
    }
  });
});
