import { useTranslation } from "react-i18next";
import { fieldId, TextField } from "../../components/Form.tsx";
import type { AgencyDraft, AgencyField } from "./referralForm.ts";

/** One agency already involved with the family: organisation, contact person and how to reach them. */
export function AgencyFields({ idPrefix, nameBase, value, onChange, errors }: {
  idPrefix: string;
  nameBase: string;
  value: AgencyDraft;
  onChange: (next: AgencyDraft) => void;
  errors: Partial<Record<AgencyField, string>>;
}) {
  const { t } = useTranslation();
  const id = (field: AgencyField) => fieldId(idPrefix, `${nameBase}.${field}`);
  const set = (field: AgencyField) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  return (
    <div className="pw-grid-3">
      <TextField id={id("organisation")} label={t("referral.agencyOrganisation")} required autoComplete="off"
        description={t("referral.agencyOrganisationHint")} value={value.organisation} onChange={set("organisation")} error={errors.organisation} />
      <TextField id={id("contactName")} label={t("referral.agencyContactName")} autoComplete="off"
        value={value.contactName} onChange={set("contactName")} error={errors.contactName} />
      <TextField id={id("contact")} label={t("referral.agencyContact")} autoComplete="off" description={t("network.contactHint")}
        value={value.contact} onChange={set("contact")} error={errors.contact} />
    </div>
  );
}
