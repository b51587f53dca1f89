import type { InstrumentDefinition } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

/** "Nulmeting", "Meting 1", … */
export function useRoundLabel() {
  const { t } = useTranslation();
  return (round: number) => (round === 0 ? t("measurement.round0") : t("measurement.roundN", { n: round }));
}

/** The label of an SR level (1..5) in the instrument's own words. */
export function useLevelLabel() {
  const fmt = useFormat();
  return (def: InstrumentDefinition | undefined, level: number | null) => {
    if (!def || level === null) return "";
    return fmt.text(def.selfRelianceLevels?.find((l) => l.value === level)?.label);
  };
}

export function domainLabel(def: InstrumentDefinition, key: string, lang: "nl" | "en"): string {
  return def.domains.find((d) => d.key === key)?.label[lang] ?? key;
}
