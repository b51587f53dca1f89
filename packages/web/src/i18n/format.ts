import { useTranslation } from "react-i18next";
import type { LocalizedText } from "@ploegwerk/domain";

const LOCALES = { nl: "nl-NL", en: "en-GB" } as const;

/** Formatting that follows the chosen language: "3,4" in Dutch, "3.4" in English. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nl";
  const locale = LOCALES[lang];
  return {
    lang,
    locale,
    /** A number with a fixed number of decimals; "–" for null. */
    number(value: number | null | undefined, decimals = 0): string {
      if (value === null || value === undefined || Number.isNaN(value)) return "–";
      return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
    },
    /** An ISO date (YYYY-MM-DD) as "12 maart 2025"; timestamps use their date part. */
    date(iso: string | null | undefined): string {
      if (!iso) return "–";
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
      if (!m) return iso;
      const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(d);
    },
    /** Dutch or English text from instrument data. */
    text(value: LocalizedText | undefined): string {
      return value ? value[lang] : "";
    },
  };
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
