import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Fieldset } from "../../components/Form.tsx";
import { CheckboxGroup } from "../plans/ChoiceFields.tsx";
import type { People } from "../plans/people.ts";
import { partnerKey, type MeetingDraft, type PartnerContact } from "./meetingDraft.ts";
import { PartnerRows } from "./PartnerRows.tsx";

/**
 * Who is invited to an MDO: family members, the family's network, colleagues (the chair always
 * takes part and is not listed), contacts of the plan's chain partners, and other chain partners
 * typed in with organisation and contact person.
 */
export function InviteeFields({ draft, onChange, errors, idOf, focus, family, people, planPartners, chairId, alsoInvited = [], hint }: {
  draft: MeetingDraft;
  onChange: (patch: Partial<MeetingDraft>) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  focus: (id: string) => void;
  family: Family;
  people: People;
  planPartners: readonly PartnerContact[];
  chairId: string | undefined;
  /** Colleagues already invited who are not (or not yet) in the team's list, so they can be kept or taken off. */
  alsoInvited?: readonly { id: string; name: string }[];
  hint: string;
}) {
  const { t } = useTranslation();
  const team = people.colleagues.filter((s) => s.id !== chairId).map((s) => ({ value: s.id, label: s.name, hint: t(`roles.${s.role}`) }));
  const colleagues = [
    ...team,
    ...alsoInvited.filter((c) => !team.some((o) => o.value === c.id)).map((c) => ({ value: c.id, label: c.name, hint: t("meeting.participantKinds.user") })),
  ];
  const hintId = idOf("invite-hint");
  return (
    <Fieldset legend={t("meeting.invite")} describedBy={hintId}>
      <p className="utrecht-paragraph" id={hintId}>{hint}</p>
      {errors.participants ? (
        <p className="utrecht-form-field-error-message" id={idOf("participants")} tabIndex={-1}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {errors.participants}
        </p>
      ) : null}
      <CheckboxGroup id={idOf("members")} legend={t("meeting.familyMembers")} inline
        options={family.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.surname}`, hint: t(`memberRoles.${m.role}`) }))}
        values={draft.memberIds} onChange={(memberIds) => onChange({ memberIds })} />
      {family.network.length > 0 ? (
        <CheckboxGroup id={idOf("network")} legend={t("meeting.network")} inline
          options={family.network.map((n) => ({ value: n.id, label: n.name, hint: n.relation }))}
          values={draft.networkIds} onChange={(networkIds) => onChange({ networkIds })} />
      ) : null}
      {colleagues.length > 0 ? (
        <CheckboxGroup id={idOf("users")} legend={t("meeting.colleagues")} inline
          options={colleagues}
          values={draft.userIds} onChange={(userIds) => onChange({ userIds })} />
      ) : null}
      {planPartners.length > 0 ? (
        <CheckboxGroup id={idOf("planPartners")} legend={t("meeting.planPartners")} description={t("meeting.planPartnersHint")} inline
          options={planPartners.map((p) => ({ value: partnerKey(p), label: p.contactName, hint: p.organisation }))}
          values={draft.planPartnerKeys} onChange={(planPartnerKeys) => onChange({ planPartnerKeys })} />
      ) : null}
      <h4 className="utrecht-heading-4">{t("meeting.otherPartners")}</h4>
      <PartnerRows rows={draft.partners} onChange={(partners) => onChange({ partners })} errors={errors} idOf={idOf} focus={focus} />
    </Fieldset>
  );
}
