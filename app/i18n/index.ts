// The one i18n layer: an i18next instance per locale with bundled messages (no network loading),
// so server and browser render the same text synchronously.
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";

export const supportedLocales = ["en"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

const resources = { en: { translation: en } } as const;

/** Picks a supported locale from a stored preference or an Accept-Language header. */
export function pickLocale(preferred: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  const candidates = [preferred, ...(acceptLanguage ?? "").split(",").map((part) => part.split(";")[0]?.trim())];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const base = candidate.toLowerCase().split("-")[0];
    const match = supportedLocales.find((l) => l === candidate || l === base);
    if (match) return match;
  }
  return defaultLocale;
}

export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
