import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/Form.tsx";
import { usePartnerOrganisations } from "./queries.ts";

export interface PartnerChoice {
  /** "" when the organisation is not a registered chain partner. */
  partnerOrganisationId: string;
  organisation: string;
}

/**
 * "Welke ketenpartner?": a registered chain partner organisation (its name fills the organisation),
 * or another organisation typed in by hand. Shows nothing while none is registered.
 */
export function PartnerOrganisationSelect({ id, label, value, onChange, error }: {
  id: string;
  label: string;
  value: PartnerChoice;
  onChange: (choice: PartnerChoice) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const partners = usePartnerOrganisations();
  const items = partners.data?.items ?? [];
  if (items.length === 0 && !value.partnerOrganisationId) return null;
  const known = items.some((p) => p.id === value.partnerOrganisationId);
  return (
    <SelectField id={id} label={label} description={t("partners.picker.hint")} noOptionalMark value={value.partnerOrganisationId} error={error}
      onChange={(e) => {
        const chosen = items.find((p) => p.id === e.target.value);
        onChange(chosen ? { partnerOrganisationId: chosen.id, organisation: chosen.name } : { partnerOrganisationId: "", organisation: value.organisation });
      }}>
      <option value="">{t("partners.picker.other")}</option>
      {items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      {value.partnerOrganisationId && !known ? <option value={value.partnerOrganisationId}>{value.organisation}</option> : null}
    </SelectField>
  );
}
