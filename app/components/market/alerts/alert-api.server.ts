// The alert inbox as the JSON API shows it (API.md "Market alerts"): content types in lower case,
// as the market sources' API writes them; everything else as the inbox reads it.
import type { AlertView } from "../../../../models/market/alert-inbox.ts";

export type ApiAlert = Omit<AlertView, "item"> & { item: Omit<AlertView["item"], "contentType"> & { contentType: "tender" | "competitor" | "industry" } };

export function toApiAlert(alert: AlertView): ApiAlert {
  const contentType = alert.item.contentType === "TENDER" ? "tender" : alert.item.contentType === "COMPETITOR" ? "competitor" : "industry";
  return { ...alert, item: { ...alert.item, contentType } };
}
