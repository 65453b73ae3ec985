// Price and support moves in the languages of the demo's markets, phrased many ways, and a
// discount being ended or a price rise read as no signal.
import { describe, expect, it } from "vitest";
import { priceSignalIn } from "./price-signals.ts";

describe("priceSignalIn", () => {
  it("reads price cuts however they are phrased", () => {
    for (const text of [
      "Odoo cuts prices by 20 %", "IFS cuts its prices by 10 percent", "SAP slashes prices on S/4HANA Cloud",
      "Odoo lowers its Enterprise subscription price", "Microsoft Dynamics: Preissenkung für Business Central",
      "Odoo senkt die Preise in der Schweiz", "Infor baisse ses prix en France", "Odoo taglia i prezzi del 15%",
      "Visma sänker priserna för småföretag",
    ]) expect({ text, signal: priceSignalIn(text) }).toEqual({ text, signal: "price cut" });
  });

  it("reads discounts, in words, percentages and compounds", () => {
    for (const text of [
      "Sage offers a discount of 20 % to partners", "Epicor offers 30% off first-year subscriptions", "bis zu 15 Prozent Rabatt",
      "proALPHA: Rabattaktion für Bestandskunden", "Kunden bekommen 10 % Nachlass", "NetSuite ofrece un descuento del 25 %",
      "Acme ERP discounts its Finance module",
    ]) expect({ text, signal: priceSignalIn(text) }).toEqual({ text, signal: "discount" });
  });

  it("reads price drops and the end of support", () => {
    expect(priceSignalIn("Dynamics 365 price drop for nonprofits")).toBe("price drop");
    for (const text of [
      "NetSuite ends support for legacy connectors", "IFS announces end-of-life for IFS Applications 9",
      "SAP announces end of mainstream maintenance for ECC", "Infor to sunset on-premises licences", "Sage discontinues Sage 50 Classic",
    ]) expect({ text, signal: priceSignalIn(text) }).toEqual({ text, signal: "end of support" });
  });

  it("reads no signal in a price rise, an ended discount or unrelated cuts", () => {
    for (const text of [
      "Sage raises prices for Sage 50", "SAP erhöht die Wartungsgebühren", "Sage ends its partner discount programme",
      "SAP scraps the reseller discount", "Odoo cuts jobs, keeps prices", "Messages of support pour in",
    ]) expect({ text, signal: priceSignalIn(text) }).toEqual({ text, signal: null });
  });
});
