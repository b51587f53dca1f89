import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/Form.tsx";
import { ownerOf } from "./conferenceDraft.ts";

/**
 * Who carries out an agreement of the network plan: one choice from the family's members and the
 * people of its network (in two groups). Someone who has left the family file stays shown as such,
 * so an edit does not change the owner unnoticed.
 */
export function AgreementOwnerField({ id, value, onChange, error, family }: {
  id: string;
  /** "member:<id>", "networkPerson:<id>" or "". */
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  family: Family;
}) {
  const { t } = useTranslation();
  const owner = ownerOf(value);
  const known = owner === null || (owner.kind === "member" ? family.members.some((m) => m.id === owner.memberId) : family.network.some((p) => p.id === owner.networkPersonId));
  return (
    <SelectField id={id} label={t("closing.ekc.agreementOwner")} description={t("closing.ekc.agreementOwnerHint")} required value={value}
      onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{t("form.choose")}</option>
      <optgroup label={t("closing.ekc.ownerMembers")}>
        {family.members.map((m) => <option key={m.id} value={`member:${m.id}`}>{m.givenName} {m.surname} ({t(`memberRoles.${m.role}`)})</option>)}
      </optgroup>
      {family.network.length > 0 ? (
        <optgroup label={t("closing.ekc.ownerNetwork")}>
          {family.network.map((p) => <option key={p.id} value={`networkPerson:${p.id}`}>{p.name} ({p.relation})</option>)}
        </optgroup>
      ) : null}
      {known ? null : <option value={value}>{t("closing.ekc.ownerGone")}</option>}
    </SelectField>
  );
}
