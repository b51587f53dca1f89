import { CORRECTED_FAMILY_FIELDS, CORRECTED_MEMBER_FIELDS, type CorrectedField, type PrivacyRequestKind, type PrivacyRequestStatus } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";

const FIELDS: readonly string[] = [...CORRECTED_FAMILY_FIELDS, ...CORRECTED_MEMBER_FIELDS];
const isCorrectedField = (field: string): field is CorrectedField => FIELDS.includes(field);

/** Names for the AVG register and the correction history, in the chosen language. */
export function usePrivacyLabels() {
  const { t } = useTranslation();
  return {
    kind: (kind: PrivacyRequestKind) => t(`privacy.requests.kinds.${kind}`),
    status: (status: PrivacyRequestStatus) => t(`privacy.requests.statuses.${status}`),
    /** A corrected field; a field this version does not know shows its code. */
    field: (field: string) => (isCorrectedField(field) ? t(`privacy.corrections.fields.${field}`) : field),
  };
}
