import { COST_UNIT_LABELS, EVIDENCE_LEVEL_LABELS, RECOGNITION_LABELS, TARGET_GROUP_LABELS, type CostUnit, type EvidenceLevel, type Recognition, type TargetGroup } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

/** Words for the catalogue's vocabularies and amounts, in the user's language. */
export function useCatalogueLabels() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const euros = (cents: number) =>
    new Intl.NumberFormat(fmt.locale, { style: "currency", currency: "EUR", minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
  return {
    euros,
    evidence: (level: number | null) => (level === null ? t("catalogue.notAssessed") : `${t("catalogue.evidenceStep", { step: level })}: ${fmt.text(EVIDENCE_LEVEL_LABELS[level as EvidenceLevel])}`),
    recognition: (r: Recognition | null) => (r === null ? t("catalogue.noRecognition") : fmt.text(RECOGNITION_LABELS[r])),
    targetGroup: (g: TargetGroup) => fmt.text(TARGET_GROUP_LABELS[g]),
    costUnit: (u: CostUnit) => fmt.text(COST_UNIT_LABELS[u]),
    /** "€ 6.500 per groep per jaar", "gratis", or "onbekend". */
    cost: (cents: number | null, unit: CostUnit | null) => {
      if (unit === "free") return fmt.text(COST_UNIT_LABELS.free);
      if (cents === null || unit === null) return t("catalogue.costUnknown");
      return `${euros(cents)} ${fmt.text(COST_UNIT_LABELS[unit])}`;
    },
  };
}
