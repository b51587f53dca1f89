import { conflict, invalid, notFound, staleVersion, type NewTeam, type NewUser, type Role, type Team, type User, type UserPatch } from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { teams, users } from "../../db/schema.ts";
import { deleteUserSessions } from "../auth/sessions.queries.ts";
import { hashPassword } from "../auth/passwords.ts";
import { lockActiveAdmins, findUserRow, listTeamsRows, listUsersRows, teamExists } from "./users.queries.ts";

const USER = { nl: "Gebruiker", en: "User" };
const TEAM_NEEDED: Role[] = ["coach", "teamleider", "ondersteuning"];

const toUser = (r: { id: string; name: string; email: string; role: string; teamId: string | null; active: boolean; version: number }): User => ({ ...r, role: r.role as Role });

async function checkTeam(tx: Db, organisationId: string, role: Role, teamId: string | null): Promise<void> {
  if (TEAM_NEEDED.includes(role) && !teamId) {
    throw invalid({ nl: "Een coach, teamleider of ondersteuner hoort bij een team.", en: "A coach, team lead or support staff member belongs to a team." }, [{ name: "teamId", reason: "choose a team for this role" }]);
  }
  if (teamId && !(await teamExists(tx, organisationId, teamId))) {
    throw invalid({ nl: "Dit team bestaat niet.", en: "This team does not exist." }, [{ name: "teamId", reason: "unknown team" }]);
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
  const rows = await listUsersRows(db, opts.actor.organisationId);
  return rows.filter((r) => r.active).map((r) => ({ id: r.id, name: r.name, role: r.role as Role, teamId: r.teamId }));
}

export async function createUser(db: Db, opts: { actor: Actor; input: NewUser }): Promise<User> {
  authorize(opts.actor, "users.manage");
  const { input, actor } = opts;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await checkTeam(tx, actor.organisationId, input.role, input.teamId);
    let row;
    try {
      [row] = await tx
        .insert(users)
        .values({ organisationId: actor.organisationId, name: input.name, email: input.email, role: input.role, teamId: input.teamId, passwordHash })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "users_email_key")) throw emailTaken();
      throw err;
    }
    if (!row) throw new Error("user insert returned nothing");
    await audit(tx, actor, { action: "user.created", entityType: "user", entityId: row.id, details: { role: input.role, teamId: input.teamId } });
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
    const role = patch.role ?? (current.role as Role);
    const teamId = patch.teamId === undefined ? current.teamId : patch.teamId;
    await checkTeam(tx, actor.organisationId, role, teamId);
    const demotesAdmin = current.role === "beheerder" && current.active && (role !== "beheerder" || patch.active === false);
    if (demotesAdmin && admins.filter((id) => id !== userId).length === 0) {
      throw conflict({ nl: "Dit is de laatste actieve beheerder; maak eerst iemand anders beheerder.", en: "This is the last active administrator; make someone else administrator first." }, "last_admin");
    }
    const [row] = await tx
      .update(users)
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        role,
        teamId,
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.organisationId, actor.organisationId), eq(users.id, userId), eq(users.version, patch.version)))
      .returning();
    if (!row) throw staleVersion();
    // A deactivated user or a changed password ends the sessions that were open.
    if (patch.active === false || passwordHash) await deleteUserSessions(tx, actor.organisationId, userId);
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
