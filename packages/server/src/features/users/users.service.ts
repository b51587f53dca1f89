import { conflict, invalid, notFound, staleVersion, userShapeErrors, type NewTeam, type NewUserInput, type Role, type Team, type User, type UserPatch } from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { teams, users } from "../../db/schema.ts";
import { deleteUserSessions } from "../auth/sessions.queries.ts";
import { hashPassword } from "../auth/passwords.ts";
import { assertPasswordAllowed } from "../auth/passwordPolicy.ts";
import { lockActiveAdmins, findUserRow, listTeamsRows, listUsersRows, partnerOrganisationExists, setLedTeams, teamExists } from "./users.queries.ts";

const USER = { nl: "Gebruiker", en: "User" };
const TEAM_NEEDED: Role[] = ["coach", "teamleider", "ondersteuning"];

type UserRow = { id: string; name: string; email: string; role: string; teamId: string | null; leadsTeamIds: string[]; partnerOrganisationId: string | null; active: boolean; version: number };
const toUser = (r: UserRow): User => ({ ...r, role: r.role as Role });

const WRONG_SHAPE = { nl: "Deze rol past niet bij het team of de organisatie.", en: "This role does not fit the team or organisation." };

/** Where a user belongs: a team for the team roles, a chain partner organisation for a ketenpartner. */
async function checkPlacement(tx: Db, organisationId: string, u: { role: Role; teamId: string | null; leadsTeamIds: readonly string[]; partnerOrganisationId: string | null }): Promise<void> {
  const shape = userShapeErrors(u);
  if (shape.length > 0) throw invalid(WRONG_SHAPE, shape.map((e) => ({ name: e.path, reason: e.message })));
  if (TEAM_NEEDED.includes(u.role) && !u.teamId) {
    throw invalid({ nl: "Een coach, teamleider of ondersteuner hoort bij een team.", en: "A coach, team lead or support staff member belongs to a team." }, [{ name: "teamId", reason: "choose a team for this role" }]);
  }
  if (u.teamId && !(await teamExists(tx, organisationId, u.teamId))) {
    throw invalid({ nl: "Dit team bestaat niet.", en: "This team does not exist." }, [{ name: "teamId", reason: "unknown team" }]);
  }
  for (const [i, teamId] of u.leadsTeamIds.entries()) {
    if (!(await teamExists(tx, organisationId, teamId))) throw invalid({ nl: "Dit team bestaat niet.", en: "This team does not exist." }, [{ name: `leadsTeamIds.${i}`, reason: "unknown team" }]);
  }
  if (u.partnerOrganisationId && !(await partnerOrganisationExists(tx, organisationId, u.partnerOrganisationId))) {
    throw invalid({ nl: "Deze ketenpartner bestaat niet.", en: "This chain partner does not exist." }, [{ name: "partnerOrganisationId", reason: "unknown chain partner organisation" }]);
  }
}

const emailTaken = () =>
  conflict({ nl: "Er is al een gebruiker met dit e-mailadres.", en: "A user with this e-mail address already exists." }, "email_taken");

export async function listUsers(db: Db, opts: { actor: Actor }): Promise<User[]> {
  authorize(opts.actor, "users.manage");
  return (await listUsersRows(db, opts.actor.organisationId)).map(toUser);
}

/** Names and roles of colleagues, for pickers (e.g. the coach of a family). */
export async function listStaff(db: Db, opts: { actor: Actor }) {
  // Colleagues' names are for the team's pickers and the beheerder; chain partners, analists and researchers have no use for them.
  authorize(opts.actor, "staff.read");
  const rows = await listUsersRows(db, opts.actor.organisationId);
  return rows.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, role: r.role as Role, teamId: r.teamId }));
}

export async function createUser(db: Db, opts: { actor: Actor; input: NewUserInput }): Promise<User> {
  authorize(opts.actor, "users.manage");
  const { actor } = opts;
  const input = { ...opts.input, leadsTeamIds: opts.input.leadsTeamIds ?? [], partnerOrganisationId: opts.input.partnerOrganisationId ?? null };
  assertPasswordAllowed(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const leadsTeamIds = [...new Set(input.leadsTeamIds)].filter((t) => t !== input.teamId);
    await checkPlacement(tx, actor.organisationId, { ...input, leadsTeamIds });
    let id: string | undefined;
    try {
      [{ id } = { id: undefined }] = await tx
        .insert(users)
        .values({ organisationId: actor.organisationId, name: input.name, email: input.email, role: input.role, teamId: input.teamId, partnerOrganisationId: input.partnerOrganisationId, passwordHash, passwordChangedAt: new Date() })
        .returning({ id: users.id });
    } catch (err) {
      if (isUniqueViolation(err, "users_email_key")) throw emailTaken();
      throw err;
    }
    if (!id) throw new Error("user insert returned nothing");
    await setLedTeams(tx, actor.organisationId, id, leadsTeamIds);
    await audit(tx, actor, { action: "user.created", entityType: "user", entityId: id, details: { role: input.role, teamId: input.teamId, leadsTeamIds, partnerOrganisationId: input.partnerOrganisationId } });
    const row = await findUserRow(tx, actor.organisationId, id);
    if (!row) throw new Error("user vanished after insert");
    return toUser(row);
  });
}

export async function updateUser(db: Db, opts: { actor: Actor; userId: string; patch: UserPatch }): Promise<User> {
  authorize(opts.actor, "users.manage");
  const { actor, userId, patch } = opts;
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor.organisationId);
    const current = await findUserRow(tx, actor.organisationId, userId);
    if (!current) throw notFound(USER);
    if (current.version !== patch.version) throw staleVersion();
    if (patch.password) assertPasswordAllowed(patch.password, { email: current.email, name: patch.name ?? current.name });
    const role = patch.role ?? (current.role as Role);
    const teamId = patch.teamId === undefined ? current.teamId : patch.teamId;
    const partnerOrganisationId = patch.partnerOrganisationId === undefined ? (role === "ketenpartner" ? current.partnerOrganisationId : null) : patch.partnerOrganisationId;
    const leadsTeamIds = role === "teamleider" ? [...new Set(patch.leadsTeamIds ?? current.leadsTeamIds)].filter((t) => t !== teamId) : [];
    await checkPlacement(tx, actor.organisationId, { role, teamId, leadsTeamIds, partnerOrganisationId });
    const demotesAdmin = current.role === "beheerder" && current.active && (role !== "beheerder" || patch.active === false);
    if (demotesAdmin && admins.filter((id) => id !== userId).length === 0) {
      throw conflict({ nl: "Dit is de laatste actieve beheerder; maak eerst iemand anders beheerder.", en: "This is the last active administrator; make someone else administrator first." }, "last_admin");
    }
    const [updated] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        role,
        teamId,
        partnerOrganisationId,
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.organisationId, actor.organisationId), eq(users.id, userId), eq(users.version, patch.version)))
      .returning({ id: users.id });
    if (!updated) throw staleVersion();
    await setLedTeams(tx, actor.organisationId, userId, leadsTeamIds);
    const row = await findUserRow(tx, actor.organisationId, userId);
    if (!row) throw new Error("user vanished after update");
    // A deactivated user, a changed password or a changed role or scope ends the sessions that were open.
    const scopeChanged = role !== current.role || teamId !== current.teamId || partnerOrganisationId !== current.partnerOrganisationId;
    if (patch.active === false || passwordHash || scopeChanged) await deleteUserSessions(tx, actor.organisationId, userId);
    const changed = Object.keys(patch).filter((k) => k !== "version" && k !== "password");
    await audit(tx, actor, { action: "user.updated", entityType: "user", entityId: userId, details: { changed, passwordChanged: Boolean(passwordHash) } });
    return toUser(row);
  });
}

export async function listTeams(db: Db, opts: { actor: Actor }): Promise<Team[]> {
  return listTeamsRows(db, opts.actor.organisationId);
}

export async function createTeam(db: Db, opts: { actor: Actor; input: NewTeam }): Promise<Team> {
  authorize(opts.actor, "teams.manage");
  return db.transaction(async (tx) => {
    let row;
    try {
      [row] = await tx.insert(teams).values({ organisationId: opts.actor.organisationId, name: opts.input.name, district: opts.input.district }).returning();
    } catch (err) {
      if (isUniqueViolation(err, "teams_name_key")) throw conflict({ nl: "Er is al een team met deze naam.", en: "A team with this name already exists." }, "team_name_taken");
      throw err;
    }
    if (!row) throw new Error("team insert returned nothing");
    await audit(tx, opts.actor, { action: "team.created", entityType: "team", entityId: row.id, details: { name: row.name } });
    return { id: row.id, name: row.name, district: row.district };
  });
}
