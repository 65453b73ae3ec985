// Document titles in the user's language: route `meta` functions call `pageTitle(matches, key)`
// (or `titled(matches, text)` for a record's own name), always followed by the product name.
import type { i18n as I18n } from "i18next";
import { createI18n, pickLocale } from "../i18n/index.ts";

const instances = new Map<string, I18n>();

type Match = { id: string; loaderData?: unknown } | undefined;

function i18nFor(matches: readonly Match[]): I18n {
  const data = matches.find((m) => m?.id === "root")?.loaderData;
  const stored = data && typeof data === "object" && "locale" in data ? data.locale : undefined;
  const locale = pickLocale(typeof stored === "string" ? stored : undefined, null);
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    instances.set(locale, i18n);
  }
  return i18n;
}

export function titled(matches: readonly Match[], text: string): { title: string }[] {
  return [{ title: `${text} · ${i18nFor(matches).t("app.name")}` }];
}

export function pageTitle(matches: readonly Match[], key: string, values?: Record<string, string>): { title: string }[] {
  return titled(matches, i18nFor(matches).t(key, values));
}

/** The title of an error page (404, 403 or anything else), for a route's `meta` when it failed. */
export function errorTitle(matches: readonly Match[], error: unknown): { title: string }[] {
  const status = error && typeof error === "object" && "status" in error ? error.status : 500;
  const key = status === 404 ? "errors.notFoundTitle" : status === 403 ? "errors.forbiddenTitle" : "errors.unexpectedTitle";
  return pageTitle(matches, key);
}
