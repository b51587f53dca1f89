import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "../api/client.ts";
import en from "./en.json";
import nl from "./nl.json";

export const LANGUAGES = ["nl", "en"] as const;
export type AppLanguage = (typeof LANGUAGES)[number];
const STORAGE_KEY = "ploegwerk.language";

function storedLanguage(): AppLanguage {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === "en" ? "en" : "nl";
  } catch {
    return "nl";
  }
}

function applyLanguage(lang: string): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

export function currentLanguage(): AppLanguage {
  return i18n.language === "en" ? "en" : "nl";
}

export async function changeLanguage(lang: AppLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit only
  }
  await i18n.changeLanguage(lang);
}

i18n.on("languageChanged", applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "nl",
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);

export default i18n;
