import { MEMBER_ROLES } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { fieldId } from "../../components/Form.tsx";
import { SelectField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { bsnState, type MemberDraft, type MemberField } from "./memberForm.ts";

export interface MemberFieldsProps {
  /** Prefix of the control ids; field names become `${prefix}-${name}` e.g. "family-members-0-bsn". */
  idPrefix: string;
  /** The field name base, e.g. "members.0", so ids match the server's invalidParams names. */
  nameBase: string;
  value: MemberDraft;
  onChange: (next: MemberDraft) => void;
  errors: Partial<Record<MemberField, string>>;
}

/** The five fields of one family member. Each member has their own surname. */
export function MemberFields({ idPrefix, nameBase, value, onChange, errors }: MemberFieldsProps) {
  const { t } = useTranslation();
  const id = (field: MemberField) => fieldId(idPrefix, nameBase ? `${nameBase}.${field}` : field);
  const set = (field: MemberField) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  const bsn = bsnState(value.bsn);
  const bsnHint =
    bsn === "valid" ? t("member.bsnValid") : bsn === "invalid" && !errors.bsn ? t("member.bsnInvalidHint") : t("member.bsnHint");
  return (
    <div className="pw-member-grid">
      <TextField id={id("givenName")} label={t("member.givenName")} required autoComplete="off"
        value={value.givenName} onChange={set("givenName")} error={errors.givenName} />
      <TextField id={id("surname")} label={t("member.surname")} required autoComplete="off"
        value={value.surname} onChange={set("surname")} error={errors.surname} />
      <SelectField id={id("role")} label={t("member.role")} required value={value.role} onChange={set("role")} error={errors.role}>
        <option value="">{t("form.choose")}</option>
        {MEMBER_ROLES.map((r) => (
          <option key={r} value={r}>{t(`memberRoles.${r}`)}</option>
        ))}
      </SelectField>
      <TextField id={id("dateOfBirth")} label={t("member.dateOfBirth")} required type="date" max={todayIso()}
        value={value.dateOfBirth} onChange={set("dateOfBirth")} error={errors.dateOfBirth} />
      <TextField
        id={id("bsn")}
        label={t("member.bsn")}
        inputMode="numeric"
        autoComplete="off"
        className="pw-bsn"
        value={value.bsn}
        onChange={set("bsn")}
        error={errors.bsn}
        description={<span aria-live="polite" className={bsn === "valid" ? "pw-hint-ok" : bsn === "invalid" ? "pw-hint-warn" : undefined}>{bsnHint}</span>}
      />
    </div>
  );
}
