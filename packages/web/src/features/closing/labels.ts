import { STABILITY_ITEM_LABELS, assessStabilityCheck, type StabilityItem } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

export const AFTERCARE_FIELDS = ["contactPersonName", "contactOrganisation", "contactEveryWeeks", "handoverTo", "relapseAgreement", "startsOn"] as const;
export type AftercareField = (typeof AFTERCARE_FIELDS)[number];

/** Whether "niet van toepassing" is a fair answer for an item, as the domain's assessment judges it. */
export function mayNotApply(item: StabilityItem): boolean {
  return !assessStabilityCheck({ completedOn: "2000-01-01", completedBy: "", withMembers: ["x"], answers: { [item]: { answer: "not_applicable", note: null } } }).wronglyNotApplicable.includes(item);
}

export function useClosingLabels() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    item: (item: StabilityItem) => fmt.text(STABILITY_ITEM_LABELS[item]),
    answer: (a: "yes" | "no" | "not_applicable") => t(`closing.answers.${a}`),
    /** "aftercarePlan.handoverTo" or "handoverTo" → "Overdracht naar". */
    aftercareField(name: string): string {
      const f = name.replace(/^aftercarePlan\./, "");
      return (AFTERCARE_FIELDS as readonly string[]).includes(f) ? t(`closing.aftercare.fields.${f as AftercareField}`) : f;
    },
  };
}
