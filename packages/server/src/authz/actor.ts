import type { Role } from "@ploegwerk/domain";

/** Who is acting: a logged-in user, or the system itself (CLI, seed, migrations). */
export type Actor =
  | {
      kind: "user";
      organisationId: string;
      userId: string;
      name: string;
      role: Role;
      teamId: string | null;
      /** Teams whose families this user works with: their own, and for a team lead the teams they lead. */
      teamIds: readonly string[];
      /** For a ketenpartner: their chain partner organisation. */
      partnerOrganisationId: string | null;
      /** Families opened through break-the-glass that are still open to this user (read only). */
      breakGlassFamilyIds: readonly string[];
    }
  | { kind: "system"; organisationId: string; label: string };

export function actorLabel(actor: Actor): string {
  return actor.kind === "user" ? `${actor.name} (${actor.role})` : `system:${actor.label}`;
}

export function systemActor(organisationId: string, label: string): Actor {
  return { kind: "system", organisationId, label };
}

/** The actor for a user as stored: own team first, then the teams they lead. */
export function userActor(organisationId: string, u: { id: string; name: string; role: Role; teamId: string | null; leadsTeamIds?: readonly string[]; partnerOrganisationId?: string | null }): Extract<Actor, { kind: "user" }> {
  const teamIds = [...new Set([...(u.teamId ? [u.teamId] : []), ...(u.leadsTeamIds ?? [])])];
  return { kind: "user", organisationId, userId: u.id, name: u.name, role: u.role, teamId: u.teamId, teamIds, partnerOrganisationId: u.partnerOrganisationId ?? null, breakGlassFamilyIds: [] };
}
