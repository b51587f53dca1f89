import type { Role, Team } from "@ploegwerk/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { TextLink } from "../../components/Button.tsx";
import { SelectField } from "../../components/Form.tsx";
import { TEAM_ROLES } from "../auth/session.ts";
import { usePartnerOrganisations } from "../partners/queries.ts";
import { CheckboxGroup } from "../plans/ChoiceFields.tsx";
import "../plans/plans.css";

/** Where a user works: a team (the team roles), a chain partner organisation (a ketenpartner), and for a team lead the other teams they lead. */
export interface Placement {
  role: Role;
  teamId: string;
  partnerOrganisationId: string;
  leadsTeamIds: string[];
}

const needsTeam = (role: Role) => (TEAM_ROLES as readonly Role[]).includes(role);

export function placementErrors(p: Placement, t: TFunction): Record<string, string> {
  const e: Record<string, string> = {};
  if (needsTeam(p.role) && !p.teamId) e.teamId = t("users.errors.teamRequired");
  if (p.role === "ketenpartner" && !p.partnerOrganisationId) e.partnerOrganisationId = t("userPlacement.partnerRequired");
  return e;
}

/** The placement as the API takes it: a ketenpartner has no team, only a team lead leads other teams. */
export function placementBody(p: Placement) {
  return {
    teamId: p.role === "ketenpartner" ? null : p.teamId || null,
    partnerOrganisationId: p.role === "ketenpartner" ? p.partnerOrganisationId || null : null,
    leadsTeamIds: p.role === "teamleider" ? p.leadsTeamIds.filter((id) => id !== p.teamId) : [],
  };
}

/** Team, chain partner organisation and "leidt ook", as fit the chosen role. Field ids are `<prefix>-teamId` and so on. */
export function UserPlacementFields({ prefix, value, onChange, teams, errors }: {
  prefix: string;
  value: Placement;
  onChange: (patch: Partial<Placement>) => void;
  teams: readonly Team[];
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const partners = usePartnerOrganisations(value.role === "ketenpartner");
  const otherTeams = teams.filter((team) => team.id !== value.teamId);
  if (value.role === "ketenpartner") {
    const items = partners.data?.items ?? [];
    if (partners.isSuccess && items.length === 0) {
      return (
        <Alert type="warning" id={`${prefix}-partnerOrganisationId`}>
          <p className="utrecht-paragraph">{t("userPlacement.noPartners")}</p>
          <p className="utrecht-paragraph"><TextLink to="/beheer/ketenpartners">{t("userPlacement.toPartners")}</TextLink></p>
        </Alert>
      );
    }
    return (
      <SelectField id={`${prefix}-partnerOrganisationId`} label={t("userPlacement.partner")} description={t("userPlacement.partnerHint")} required
        value={value.partnerOrganisationId} onChange={(e) => onChange({ partnerOrganisationId: e.target.value })} error={errors.partnerOrganisationId}>
        <option value="">{t("form.choose")}</option>
        {items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </SelectField>
    );
  }
  return (
    <>
      <SelectField id={`${prefix}-teamId`} label={t("users.team")} value={value.teamId} onChange={(e) => onChange({ teamId: e.target.value })} error={errors.teamId}
        description={needsTeam(value.role) ? undefined : t("userPlacement.teamOptional")} required={needsTeam(value.role)}>
        <option value="">{t("users.noTeam")}</option>
        {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
      </SelectField>
      {value.role === "teamleider" && otherTeams.length > 0 ? (
        <CheckboxGroup id={`${prefix}-leadsTeamIds`} legend={t("userPlacement.leads")} description={t("userPlacement.leadsHint")}
          options={otherTeams.map((team) => ({ value: team.id, label: team.name }))}
          values={value.leadsTeamIds} onChange={(leadsTeamIds) => onChange({ leadsTeamIds })} error={errors.leadsTeamIds} />
      ) : null}
    </>
  );
}
