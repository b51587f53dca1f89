import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { fieldId, TextField } from "../../components/Form.tsx";

export interface NetworkDraft {
  name: string;
  relation: string;
  contact: string;
}
export type NetworkField = keyof NetworkDraft;
export const NETWORK_FIELDS: NetworkField[] = ["name", "relation", "contact"];
export const emptyNetworkPerson = (): NetworkDraft => ({ name: "", relation: "", contact: "" });

export function validateNetworkPerson(p: NetworkDraft, t: TFunction): Partial<Record<NetworkField, string>> {
  const errors: Partial<Record<NetworkField, string>> = {};
  if (!p.name.trim()) errors.name = t("network.errors.nameRequired");
  if (!p.relation.trim()) errors.relation = t("network.errors.relationRequired");
  return errors;
}

/** Name, relation and contact details of one person in the family's informal network. */
export function NetworkFields({ idPrefix, nameBase, value, onChange, errors }: {
  idPrefix: string;
  nameBase: string;
  value: NetworkDraft;
  onChange: (next: NetworkDraft) => void;
  errors: Partial<Record<NetworkField, string>>;
}) {
  const { t } = useTranslation();
  const id = (field: NetworkField) => fieldId(idPrefix, nameBase ? `${nameBase}.${field}` : field);
  const set = (field: NetworkField) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  return (
    <div className="pw-grid-3">
      <TextField id={id("name")} label={t("network.name")} required autoComplete="off" value={value.name} onChange={set("name")} error={errors.name} />
      <TextField id={id("relation")} label={t("network.relation")} required description={t("network.relationHint")} autoComplete="off"
        value={value.relation} onChange={set("relation")} error={errors.relation} />
      <TextField id={id("contact")} label={t("network.contact")} description={t("network.contactHint")} autoComplete="off"
        value={value.contact} onChange={set("contact")} error={errors.contact} />
    </div>
  );
}
