import type { NewMember, NewNetworkPerson, PossibleDuplicate } from "@ploegwerk/domain";
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { FamilyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { families, measurements, members, networkPersons, teams, users } from "../../db/schema.ts";

/** The WHERE clause that keeps an actor inside the families they may see. */
export function familyScopeCondition(organisationId: string, scope: FamilyScope): SQL {
  const org = eq(families.organisationId, organisationId);
  if (scope.all) return org;
  const byTeam = scope.teamIds.length > 0 ? inArray(families.teamId, scope.teamIds) : undefined;
  const byGrant = scope.familyIds && scope.familyIds.length > 0 ? inArray(families.id, scope.familyIds) : undefined;
  if (!byTeam && !byGrant) return sql`false`;
  return and(org, byTeam && byGrant ? or(byTeam, byGrant) : (byTeam ?? byGrant)) as SQL;
}

export async function findFamilyRow(db: Db, organisationId: string, familyId: string, scope: FamilyScope) {
  const rows = await db
    .select({ family: families, teamName: teams.name, coachName: users.name })
    .from(families)
    .innerJoin(teams, and(eq(teams.organisationId, families.organisationId), eq(teams.id, families.teamId)))
    .leftJoin(users, and(eq(users.organisationId, families.organisationId), eq(users.id, families.coachId)))
    .where(and(familyScopeCondition(organisationId, scope), eq(families.id, familyId)))
    .limit(1);
  return rows[0] ?? null;
}

export function listMembers(db: Db, organisationId: string, familyId: string) {
  return db
    .select()
    .from(members)
    .where(and(eq(members.organisationId, organisationId), eq(members.familyId, familyId)))
    .orderBy(asc(members.position), asc(members.createdAt));
}

export function listNetwork(db: Db, organisationId: string, familyId: string) {
  return db
    .select()
    .from(networkPersons)
    .where(and(eq(networkPersons.organisationId, organisationId), eq(networkPersons.familyId, familyId)))
    .orderBy(asc(networkPersons.createdAt));
}

export async function insertMembers(db: Db, organisationId: string, familyId: string, list: readonly NewMember[], startPosition = 0) {
  if (list.length === 0) return [];
  return db
    .insert(members)
    .values(list.map((m, i) => ({ organisationId, familyId, givenName: m.givenName, surname: m.surname, role: m.role, dateOfBirth: m.dateOfBirth, bsn: m.bsn, position: startPosition + i })))
    .returning();
}

export async function insertNetwork(db: Db, organisationId: string, familyId: string, list: readonly NewNetworkPerson[]) {
  if (list.length === 0) return [];
  return db.insert(networkPersons).values(list.map((p) => ({ organisationId, familyId, ...p }))).returning();
}

/** One page of the caseload, with member names and the last meting date, in one round trip. */
export async function searchFamilies(db: Db, organisationId: string, scope: FamilyScope, q: string | undefined, page: number, pageSize: number) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const matches = pattern
    ? or(
        ilike(families.caseNumber, pattern),
        sql`exists (select 1 from ${members} m where m.organisation_id = ${families.organisationId} and m.family_id = ${families.id}
              and (m.given_name ilike ${pattern} or m.surname ilike ${pattern} or (m.given_name || ' ' || m.surname) ilike ${pattern}))`,
      )
    : undefined;
  const where = and(familyScopeCondition(organisationId, scope), matches);
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(families).where(where);
  const rows = await db
    .select({
      id: families.id,
      caseNumber: families.caseNumber,
      district: families.district,
      teamId: families.teamId,
      teamName: teams.name,
      coachId: families.coachId,
      coachName: users.name,
      memberNames: sql<string[]>`coalesce((select array_agg(m.given_name || ' ' || m.surname order by m.position, m.created_at)
                  from ${members} m where m.organisation_id = ${families.organisationId} and m.family_id = ${families.id}), '{}')`,
      lastMeasuredOn: sql<string | null>`(select max(x.measured_on)::text from ${measurements} x where x.organisation_id = ${families.organisationId} and x.family_id = ${families.id})`,
    })
    .from(families)
    .innerJoin(teams, and(eq(teams.organisationId, families.organisationId), eq(teams.id, families.teamId)))
    .leftJoin(users, and(eq(users.organisationId, families.organisationId), eq(users.id, families.coachId)))
    .where(where)
    .orderBy(desc(families.updatedAt), asc(families.caseNumber))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { total: countRow?.n ?? 0, rows };
}

/**
 * Families with a member of the same name and date of birth (case and accent insensitive),
 * across the whole organisation: a duplicate in another team is exactly the one to catch.
 */
export async function findPossibleDuplicates(
  db: Db,
  organisationId: string,
  candidates: readonly { givenName: string; surname: string; dateOfBirth: string }[],
  excludeFamilyId: string | undefined,
  scope: FamilyScope,
): Promise<PossibleDuplicate[]> {
  if (candidates.length === 0) return [];
  const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
  const dates = [...new Set(candidates.map((c) => c.dateOfBirth))];
  const rows = await db
    .select({ familyId: members.familyId, caseNumber: families.caseNumber, teamId: families.teamId, teamName: teams.name, givenName: members.givenName, surname: members.surname, dateOfBirth: members.dateOfBirth })
    .from(members)
    .innerJoin(families, and(eq(families.organisationId, members.organisationId), eq(families.id, members.familyId)))
    .innerJoin(teams, and(eq(teams.organisationId, families.organisationId), eq(teams.id, families.teamId)))
    .where(and(eq(members.organisationId, organisationId), inArray(members.dateOfBirth, dates), excludeFamilyId ? ne(members.familyId, excludeFamilyId) : undefined));
  const keyOf = (m: { givenName: string; surname: string; dateOfBirth: string }) => `${norm(m.givenName)}|${norm(m.surname)}|${m.dateOfBirth}`;
  const wanted = new Map(candidates.map((c) => [keyOf(c), c]));
  const byFamily = new Map<string, PossibleDuplicate>();
  for (const r of rows) {
    const typed = wanted.get(keyOf(r));
    if (!typed) continue;
    const visible = scope.all || scope.teamIds.includes(r.teamId);
    const entry = byFamily.get(r.familyId) ?? { familyId: visible ? r.familyId : null, caseNumber: visible ? r.caseNumber : null, teamName: r.teamName, matches: [], visible };
    const match = visible ? r : typed;
    entry.matches.push({ givenName: match.givenName, surname: match.surname, dateOfBirth: match.dateOfBirth });
    byFamily.set(r.familyId, entry);
  }
  return [...byFamily.values()];
}

export async function countMemberMeasurements(db: Db, organisationId: string, memberId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.memberId, memberId)));
  return rows[0]?.n ?? 0;
}

export async function bumpFamily(db: Db, organisationId: string, familyId: string): Promise<void> {
  await db
    .update(families)
    .set({ updatedAt: new Date() })
    .where(and(eq(families.organisationId, organisationId), eq(families.id, familyId)));
}
