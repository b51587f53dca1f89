import { OWNER_KINDS, type ActionOwner, type Family, type OwnerKind } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/Form.tsx";
import { PartnerOrganisationSelect } from "../partners/PartnerOrganisationSelect.tsx";
import type { People } from "./people.ts";

/** An owner as the form holds it: the kind and every kind's fields, so switching keeps what was typed. */
export interface OwnerDraft {
  ownerKind: OwnerKind | "";
  memberId: string;
  networkPersonId: string;
  userId: string;
  organisation: string;
  contactName: string;
  contact: string;
  /** The registered chain partner organisation ("" = not registered). */
  partnerOrganisationId: string;
}

export function emptyOwner(defaultCoachId: string | null): OwnerDraft {
  return { ownerKind: "", memberId: "", networkPersonId: "", userId: defaultCoachId ?? "", organisation: "", contactName: "", contact: "", partnerOrganisationId: "" };
}

export function ownerDraftOf(o: ActionOwner, defaultCoachId: string | null): OwnerDraft {
  return {
    ownerKind: o.kind,
    memberId: o.kind === "member" ? o.memberId : "",
    networkPersonId: o.kind === "networkPerson" ? o.networkPersonId : "",
    userId: o.kind === "coach" ? o.userId : defaultCoachId ?? "",
    organisation: o.kind === "partnerContact" ? o.organisation : "",
    contactName: o.kind === "partnerContact" ? o.contactName : "",
    contact: o.kind === "partnerContact" ? o.contact ?? "" : "",
    partnerOrganisationId: o.kind === "partnerContact" ? o.partnerOrganisationId ?? "" : "",
  };
}

export function ownerFrom(a: OwnerDraft): ActionOwner {
  switch (a.ownerKind) {
    case "member":
      return { kind: "member", memberId: a.memberId };
    case "networkPerson":
      return { kind: "networkPerson", networkPersonId: a.networkPersonId };
    case "coach":
      return { kind: "coach", userId: a.userId };
    default:
      // Incomplete owners never leave the browser: validation stops the save first.
      return { kind: "partnerContact", organisation: a.organisation.trim(), contactName: a.contactName.trim(), contact: a.contact.trim() || null, partnerOrganisationId: a.partnerOrganisationId || null };
  }
}

/** Field errors of an owner under `path` ("goals.0.actions.1" → "goals.0.actions.1.owner…"), with messages from `t`. */
export function ownerErrors(a: OwnerDraft, path: string, number: string, t: (key: "plan.errors.owner" | "plan.errors.ownerMember" | "plan.errors.ownerNetwork" | "plan.errors.ownerCoach" | "plan.errors.ownerOrganisation" | "plan.errors.ownerContactName", o: { number: string }) => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!a.ownerKind) e[`${path}.owner`] = t("plan.errors.owner", { number });
  else if (a.ownerKind === "member" && !a.memberId) e[`${path}.owner.memberId`] = t("plan.errors.ownerMember", { number });
  else if (a.ownerKind === "networkPerson" && !a.networkPersonId) e[`${path}.owner.networkPersonId`] = t("plan.errors.ownerNetwork", { number });
  else if (a.ownerKind === "coach" && !a.userId) e[`${path}.owner.userId`] = t("plan.errors.ownerCoach", { number });
  else if (a.ownerKind === "partnerContact") {
    if (!a.organisation.trim()) e[`${path}.owner.organisation`] = t("plan.errors.ownerOrganisation", { number });
    if (!a.contactName.trim()) e[`${path}.owner.contactName`] = t("plan.errors.ownerContactName", { number });
  }
  return e;
}

/**
 * Who carries out an action or agreement: a family member, someone of the network, a coach (a
 * colleague), or a chain partner's contact person (organisation and name; they need not use
 * Ploegwerk). Field names are "<path>.owner", "<path>.owner.memberId" and so on.
 */
export function OwnerPicker({ value, onChange, path, number, idOf, errors, family, people }: {
  value: OwnerDraft;
  onChange: (patch: Partial<OwnerDraft>) => void;
  path: string;
  /** "1.2" for labels. */
  number: string;
  idOf: (name: string) => string;
  errors: Readonly<Record<string, string>>;
  family: Family;
  people: People;
}) {
  const { t } = useTranslation();
  const name = (n: string) => `${path}.owner${n}`;
  return (
    <div className="pw-owner">
      <SelectField id={idOf(name(""))} label={t("plan.owner.who")} description={t("plan.owner.whoHint")} required value={value.ownerKind}
        onChange={(e) => onChange({ ownerKind: (OWNER_KINDS as readonly string[]).includes(e.target.value) ? (e.target.value as OwnerKind) : "" })} error={errors[name("")]}>
        <option value="">{t("form.choose")}</option>
        {OWNER_KINDS.map((k) => <option key={k} value={k}>{t(`plan.owner.kinds.${k}`)}</option>)}
      </SelectField>
      {value.ownerKind === "member" ? (
        <SelectField id={idOf(name(".memberId"))} label={t("plan.owner.member", { number })} required value={value.memberId}
          onChange={(e) => onChange({ memberId: e.target.value })} error={errors[name(".memberId")]}>
          <option value="">{t("form.choose")}</option>
          {family.members.map((m) => <option key={m.id} value={m.id}>{m.givenName} {m.surname} ({t(`memberRoles.${m.role}`)})</option>)}
        </SelectField>
      ) : null}
      {value.ownerKind === "networkPerson" ? (
        family.network.length === 0 ? (
          <p className="utrecht-paragraph pw-hint-warn" id={idOf(name(".networkPersonId"))} tabIndex={-1}>{t("plan.owner.noNetwork")}</p>
        ) : (
          <SelectField id={idOf(name(".networkPersonId"))} label={t("plan.owner.network", { number })} required value={value.networkPersonId}
            onChange={(e) => onChange({ networkPersonId: e.target.value })} error={errors[name(".networkPersonId")]}>
            <option value="">{t("form.choose")}</option>
            {family.network.map((n) => <option key={n.id} value={n.id}>{n.name} ({n.relation})</option>)}
          </SelectField>
        )
      ) : null}
      {value.ownerKind === "coach" ? (
        <SelectField id={idOf(name(".userId"))} label={t("plan.owner.coach", { number })} required value={value.userId}
          onChange={(e) => onChange({ userId: e.target.value })} error={errors[name(".userId")]}>
          <option value="">{t("form.choose")}</option>
          {people.colleagues.map((s) => <option key={s.id} value={s.id}>{s.name} ({t(`roles.${s.role}`)})</option>)}
          {value.userId && !people.colleagues.some((s) => s.id === value.userId) ? <option value={value.userId}>{people.user(value.userId)}</option> : null}
        </SelectField>
      ) : null}
      {value.ownerKind === "partnerContact" ? (
        <PartnerOrganisationSelect id={idOf(name(".partnerOrganisationId"))} label={t("partners.picker.label", { number })}
          value={value} onChange={onChange} error={errors[name(".partnerOrganisationId")]} />
      ) : null}
      {value.ownerKind === "partnerContact" ? (
        <div className="pw-grid-3">
          {value.partnerOrganisationId ? null : (
            <TextField id={idOf(name(".organisation"))} label={t("plan.owner.organisation")} required maxLength={200} value={value.organisation}
              onChange={(e) => onChange({ organisation: e.target.value })} error={errors[name(".organisation")]} />
          )}
          <TextField id={idOf(name(".contactName"))} label={t("plan.owner.contactName")} required maxLength={200} value={value.contactName}
            onChange={(e) => onChange({ contactName: e.target.value })} error={errors[name(".contactName")]} />
          <TextField id={idOf(name(".contact"))} label={t("plan.owner.contact")} description={t("plan.owner.contactHint")} maxLength={300} value={value.contact}
            onChange={(e) => onChange({ contact: e.target.value })} error={errors[name(".contact")]} />
        </div>
      ) : null}
    </div>
  );
}
