// The source editor's form as plain text fields ⇄ the source input the domain validates:
// regions are checkboxes (several values of one name), competitors and keywords one per line,
// selectors `selectors.item`… Field names are the domain's field paths, so its errors land
// beside their fields; what was typed comes back unchanged on an error.
import type { SourceConfig, SourceSelectors } from "../../../../models/market/types.ts";

export type SourceFormValues = Record<string, string>;
export type FormErrors = Record<string, string>;

export const SELECTOR_FIELDS = ["item", "title", "link", "date", "summary", "deadline", "value", "location", "reference", "next"] as const satisfies readonly (keyof SourceSelectors)[];
export const REQUIRED_SELECTORS = new Set<string>(["item", "title", "link"]);

/** What a new source's form starts with. */
export const NEW_SOURCE_VALUES: SourceFormValues = { kind: "rss", contentType: "tender", schedule: "0 */6 * * *", enabled: "on", regionCodes: "" };

export function valuesOf(form: FormData): SourceFormValues {
  const values: SourceFormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name === "intent") continue;
    // Several checked regions arrive as several values of one name.
    values[name] = name === "regionCodes" && values[name] ? `${values[name]},${value}` : value;
  }
  return values;
}

const lines = (text: string | undefined) => (text ?? "").split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);

/** Typed text as the source input (the API's shape); the domain says what is wrong with it. */
export function sourceInputOf(values: SourceFormValues): Record<string, unknown> {
  const text = (name: string) => (values[name] ?? "").trim();
  const kind = text("kind");
  const selectors = Object.fromEntries(SELECTOR_FIELDS.filter((f) => text(`selectors.${f}`) !== "").map((f) => [f, text(`selectors.${f}`)]));
  return {
    name: text("name"),
    url: text("url"),
    kind,
    contentType: text("contentType"),
    regionCodes: text("regionCodes").split(",").map((c) => c.trim()).filter((c) => c.length > 0),
    competitors: lines(values.competitors),
    keywords: lines(values.keywords),
    schedule: text("schedule"),
    enabled: values.enabled === "on" || values.enabled === "true",
    // An RSS feed needs no selectors; what an HTML or JavaScript source has typed is checked.
    ...(kind !== "rss" || Object.keys(selectors).length > 0 ? { selectors } : {}),
  };
}

/** A stored source as form text. */
export function formValuesOf(source: SourceConfig): SourceFormValues {
  const values: SourceFormValues = {
    name: source.name,
    url: source.url,
    kind: source.kind,
    contentType: source.contentType,
    regionCodes: source.regionCodes.join(","),
    competitors: source.competitors.join("\n"),
    keywords: source.keywords.join("\n"),
    schedule: source.schedule,
    enabled: source.enabled ? "on" : "",
  };
  for (const field of SELECTOR_FIELDS) values[`selectors.${field}`] = source.selectors?.[field] ?? "";
  return values;
}

/** The domain's field errors keyed by form field: list entries ("keywords.3") show on their list. */
export function formErrorsOf(fields: Record<string, string>): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const [head, second] = path.split(".");
    const name = head === "selectors" && second ? `selectors.${second}` : head;
    errors[name] ??= /^\d+$/.test(second ?? "") ? `entry ${Number(second) + 1} ${message}` : message;
  }
  return errors;
}
