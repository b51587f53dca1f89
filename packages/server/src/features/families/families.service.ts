import {
  conflict,
  forbidden,
  invalid,
  notFound,
  staleVersion,
  type CreatedFamily,
  type DuplicateCheck,
  type Family,
  type FamilyList,
  type FamilyPatch,
  type Member,
  type MemberPatch,
  type MemberRole,
  type NetworkPerson,
  type NewFamily,
  type NewMember,
  type NewNetworkPerson,
  type PossibleDuplicate,
} from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import { noteRead } from "../../audit/requestContext.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, can, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation, pgError } from "../../db/errors.ts";
import { families, members, networkPersons, users } from "../../db/schema.ts";
import { teamExists } from "../users/users.queries.ts";
import { familyChanges, memberChanges, recordCorrections } from "../privacy/corrections.record.ts";
import {
  bumpFamily,
  countMemberMeasurements,
  findFamilyRow,
  findPossibleDuplicates,
  insertMembers,
  insertNetwork,
  listMembers,
  listNetwork,
  searchFamilies,
} from "./families.queries.ts";

export const FAMILY = { nl: "Gezin", en: "Family" };
const MEMBER = { nl: "Gezinslid", en: "Family member" };
const NETWORK_PERSON = { nl: "Persoon uit het netwerk", en: "Network person" };

const caseNumberTaken = (caseNumber: string) =>
  conflict(
    { nl: `Dossiernummer ${caseNumber} is al in gebruik. Kies een ander nummer of zoek het bestaande gezin op.`, en: `Case number ${caseNumber} is already in use. Choose another number or look up the existing family.` },
    "case_number_taken",
  );

type MemberRow = typeof members.$inferSelect;
const toMember = (m: MemberRow): Member => ({ id: m.id, givenName: m.givenName, surname: m.surname, role: m.role as MemberRole, dateOfBirth: m.dateOfBirth, bsn: m.bsn, version: m.version });
const toNetwork = (p: typeof networkPersons.$inferSelect): NetworkPerson => ({ id: p.id, name: p.name, relation: p.relation, contact: p.contact });

/** The family as the actor may see it, or a 404 when it is outside their scope. */
export async function loadVisibleFamily(db: Db, actor: Actor, familyId: string) {
  const row = await findFamilyRow(db, actor.organisationId, familyId, familyScope(actor));
  if (!row) throw notFound(FAMILY);
  // Every read of a dossier passes here: the request logs it once it succeeds (NEN 7513).
  noteRead({ familyId, entityType: "family", entityId: familyId, action: "family.viewed" });
  return row;
}

export async function getFamily(db: Db, opts: { actor: Actor; familyId: string }): Promise<Family> {
  const row = await loadVisibleFamily(db, opts.actor, opts.familyId);
  const f = row.family;
  const [memberRows, networkRows] = await Promise.all([listMembers(db, f.organisationId, f.id), listNetwork(db, f.organisationId, f.id)]);
  return {
    id: f.id,
    caseNumber: f.caseNumber,
    address: { street: f.street, houseNumber: f.houseNumber, postcode: f.postcode, city: f.city },
    district: f.district,
    neighbourhood: f.neighbourhood,
    teamId: f.teamId,
    teamName: row.teamName,
    coachId: f.coachId,
    coachName: row.coachName,
    members: memberRows.map(toMember),
    network: networkRows.map(toNetwork),
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export async function listFamilies(db: Db, opts: { actor: Actor; q?: string | undefined; page: number; pageSize: number }): Promise<FamilyList> {
  authorize(opts.actor, "family.list");
  const { total, rows } = await searchFamilies(db, opts.actor.organisationId, familyScope(opts.actor), opts.q, opts.page, opts.pageSize);
  // A list is one read row, with what was searched for (no row per family in it).
  noteRead({ familyId: null, entityType: "family", entityId: "search", action: "family.listed", details: { q: opts.q ?? null, page: opts.page, results: rows.length } });
  return { items: rows, total, page: opts.page, pageSize: opts.pageSize };
}

async function checkCoach(tx: Db, organisationId: string, coachId: string | null): Promise<void> {
  if (!coachId) return;
  const rows = await tx.select({ role: users.role, active: users.active }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, coachId))).limit(1);
  const coach = rows[0];
  if (!coach || !coach.active || !["coach", "teamleider"].includes(coach.role)) {
    throw invalid({ nl: "Kies een actieve gezinscoach of teamleider als coach.", en: "Choose an active family coach or team lead as coach." }, [{ name: "coachId", reason: "not an active coach in this organisation" }]);
  }
}

function familyChild(members: readonly { role: string }[]): string | null {
  const roles = new Set(members.map((m) => m.role));
  if (!roles.has("parent") || !roles.has("child")) {
    return "a family has at least one parent (ouder/verzorger) and one child (kind)";
  }
  return null;
}

export async function createFamily(db: Db, opts: { actor: Actor; input: NewFamily }): Promise<CreatedFamily> {
  const { actor, input } = opts;
  const teamId = input.teamId ?? (actor.kind === "user" ? actor.teamId : null);
  // Someone who may not register families anywhere hears "forbidden", not "choose a team".
  if (actor.kind === "user" && !can(actor, "family.create", { teamId: teamId ?? actor.teamId })) throw forbidden();
  if (!teamId) {
    throw invalid({ nl: "Kies het team dat dit gezin begeleidt.", en: "Choose the team that supports this family." }, [{ name: "teamId", reason: "required" }]);
  }
  authorize(actor, "family.create", { teamId });
  const problem = familyChild(input.members);
  if (problem) throw invalid({ nl: "Een gezin heeft minstens één ouder/verzorger en één kind.", en: "A family has at least one parent/carer and one child." }, [{ name: "members", reason: problem }]);
  const coachId = input.coachId ?? (actor.kind === "user" && actor.role === "coach" ? actor.userId : null);

  const familyId = await db.transaction(async (tx) => {
    if (!(await teamExists(tx, actor.organisationId, teamId))) {
      throw invalid({ nl: "Dit team bestaat niet.", en: "This team does not exist." }, [{ name: "teamId", reason: "unknown team" }]);
    }
    await checkCoach(tx, actor.organisationId, coachId);
    let row;
    try {
      [row] = await tx
        .insert(families)
        .values({
          organisationId: actor.organisationId,
          caseNumber: input.caseNumber,
          street: input.address.street,
          houseNumber: input.address.houseNumber,
          postcode: input.address.postcode,
          city: input.address.city,
          district: input.district,
          neighbourhood: input.neighbourhood,
          teamId,
          coachId,
        })
        .returning({ id: families.id });
    } catch (err) {
      if (isUniqueViolation(err, "families_case_number_key")) throw caseNumberTaken(input.caseNumber);
      throw err;
    }
    if (!row) throw new Error("family insert returned nothing");
    await insertMembers(tx, actor.organisationId, row.id, input.members);
    await insertNetwork(tx, actor.organisationId, row.id, input.network);
    await audit(tx, actor, {
      action: "family.created",
      entityType: "family",
      entityId: row.id,
      familyId: row.id,
      details: { caseNumber: input.caseNumber, members: input.members.length, network: input.network.length },
    });
    return row.id;
  });
  const possibleDuplicates = await findPossibleDuplicates(db, actor.organisationId, input.members, familyId, familyScope(actor));
  return { family: await getFamily(db, { actor, familyId }), possibleDuplicates };
}

export async function checkDuplicates(db: Db, opts: { actor: Actor; input: DuplicateCheck }): Promise<PossibleDuplicate[]> {
  authorize(opts.actor, "family.list");
  const found = await findPossibleDuplicates(db, opts.actor.organisationId, opts.input.members, opts.input.excludeFamilyId, familyScope(opts.actor));
  // Matches reveal other families (case number, names): logged as one list read.
  if (found.length > 0) noteRead({ familyId: null, entityType: "family", entityId: "duplicate-check", action: "family.listed", details: { families: found.map((d) => d.familyId) } });
  return found;
}

export async function updateFamily(db: Db, opts: { actor: Actor; familyId: string; patch: FamilyPatch }): Promise<Family> {
  const { actor, familyId, patch } = opts;
  await db.transaction(async (tx) => {
    const { family } = await loadVisibleFamily(tx, actor, familyId);
    authorize(actor, "family.update", { teamId: family.teamId });
    if (patch.teamId && patch.teamId !== family.teamId) {
      // Moving a family to another team hands it over: the actor must be allowed there too.
      authorize(actor, "family.update", { teamId: patch.teamId });
      if (!(await teamExists(tx, actor.organisationId, patch.teamId))) throw invalid({ nl: "Dit team bestaat niet.", en: "This team does not exist." }, [{ name: "teamId", reason: "unknown team" }]);
    }
    if (patch.coachId !== undefined) await checkCoach(tx, actor.organisationId, patch.coachId);
    let rows;
    try {
      rows = await tx
        .update(families)
        .set({
          ...(patch.caseNumber !== undefined ? { caseNumber: patch.caseNumber } : {}),
          ...(patch.address ? { street: patch.address.street, houseNumber: patch.address.houseNumber, postcode: patch.address.postcode, city: patch.address.city } : {}),
          ...(patch.district !== undefined ? { district: patch.district } : {}),
          ...(patch.neighbourhood !== undefined ? { neighbourhood: patch.neighbourhood } : {}),
          ...(patch.teamId !== undefined ? { teamId: patch.teamId } : {}),
          ...(patch.coachId !== undefined ? { coachId: patch.coachId } : {}),
          version: sql`${families.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(families.organisationId, actor.organisationId), eq(families.id, familyId), eq(families.version, patch.version)))
        .returning({ id: families.id });
    } catch (err) {
      if (isUniqueViolation(err, "families_case_number_key")) throw caseNumberTaken(patch.caseNumber ?? "");
      throw err;
    }
    if (rows.length === 0) throw staleVersion();
    const changed = Object.keys(patch).filter((k) => !["version", "correctionReason", "privacyRequestId"].includes(k));
    await audit(tx, actor, { action: "family.updated", entityType: "family", entityId: familyId, familyId, details: { changed } });
    // AVG art. 16: the personal data before and after, per field, in the same transaction.
    await recordCorrections(tx, actor, { familyId, entityType: "family", entityId: familyId, changes: familyChanges(family, patch), reason: patch.correctionReason, requestId: patch.privacyRequestId });
  });
  return getFamily(db, { actor, familyId });
}

const needsParentAndChild = () =>
  conflict(
    {
      nl: "Een gezin houdt minstens één ouder/verzorger en één kind. Voeg eerst een ander gezinslid met die rol toe.",
      en: "A family keeps at least one parent/carer and one child. Add another member with that role first.",
    },
    "family_needs_parent_and_child",
  );

/**
 * Before a member leaves or changes role: a family that has a parent and a child keeps them.
 * (A family imported without members is built up one member at a time and is not held to it.)
 */
async function assertKeepsComposition(tx: Db, organisationId: string, familyId: string, memberId: string, newRole: string | null): Promise<void> {
  const current = await listMembers(tx, organisationId, familyId);
  if (familyChild(current) !== null) return;
  const after = current.flatMap((m) => (m.id !== memberId ? [m] : newRole ? [{ role: newRole }] : []));
  if (familyChild(after) !== null) throw needsParentAndChild();
}

async function loadWritableFamily(tx: Db, actor: Actor, familyId: string) {
  const { family } = await loadVisibleFamily(tx, actor, familyId);
  authorize(actor, "family.update", { teamId: family.teamId });
  return family;
}

export async function addMember(db: Db, opts: { actor: Actor; familyId: string; input: NewMember }): Promise<Member> {
  const { actor, familyId, input } = opts;
  return db.transaction(async (tx) => {
    await loadWritableFamily(tx, actor, familyId);
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${members.position}) + 1, 0)::int` })
      .from(members)
      .where(and(eq(members.organisationId, actor.organisationId), eq(members.familyId, familyId)));
    const [row] = await insertMembers(tx, actor.organisationId, familyId, [input], next);
    if (!row) throw new Error("member insert returned nothing");
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "member.created", entityType: "member", entityId: row.id, familyId, details: { role: input.role } });
    return toMember(row);
  });
}

export async function updateMember(db: Db, opts: { actor: Actor; familyId: string; memberId: string; patch: MemberPatch }): Promise<Member> {
  const { actor, familyId, memberId, patch } = opts;
  return db.transaction(async (tx) => {
    await loadWritableFamily(tx, actor, familyId);
    const { version, correctionReason, privacyRequestId, ...fields } = patch;
    if (fields.role !== undefined) await assertKeepsComposition(tx, actor.organisationId, familyId, memberId, fields.role);
    const before = (await listMembers(tx, actor.organisationId, familyId)).find((m) => m.id === memberId);
    const [row] = await tx
      .update(members)
      .set({ ...fields, version: sql`${members.version} + 1`, updatedAt: new Date() })
      .where(and(eq(members.organisationId, actor.organisationId), eq(members.familyId, familyId), eq(members.id, memberId), eq(members.version, version)))
      .returning();
    if (!row) {
      const exists = (await listMembers(tx, actor.organisationId, familyId)).some((m) => m.id === memberId);
      throw exists ? staleVersion() : notFound(MEMBER);
    }
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "member.updated", entityType: "member", entityId: memberId, familyId, details: { changed: Object.keys(fields) } });
    if (before) await recordCorrections(tx, actor, { familyId, entityType: "member", entityId: memberId, changes: memberChanges(before, fields), reason: correctionReason, requestId: privacyRequestId });
    return toMember(row);
  });
}

export async function removeMember(db: Db, opts: { actor: Actor; familyId: string; memberId: string }): Promise<void> {
  const { actor, familyId, memberId } = opts;
  await db.transaction(async (tx) => {
    await loadWritableFamily(tx, actor, familyId);
    await assertKeepsComposition(tx, actor.organisationId, familyId, memberId, null);
    if ((await countMemberMeasurements(tx, actor.organisationId, memberId)) > 0) {
      throw conflict({ nl: "Dit gezinslid heeft eigen metingen en kan daarom niet worden verwijderd.", en: "This family member has measurements of their own and cannot be removed." }, "member_has_measurements");
    }
    const res = await tx
      .delete(members)
      .where(and(eq(members.organisationId, actor.organisationId), eq(members.familyId, familyId), eq(members.id, memberId)))
      .returning({ id: members.id })
      .catch((err: unknown) => {
        if (pgError(err)?.code === "23503") throw conflict({ nl: "Dit gezinslid wordt nog gebruikt.", en: "This family member is still referred to." }, "member_in_use");
        throw err;
      });
    if (res.length === 0) throw notFound(MEMBER);
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "member.deleted", entityType: "member", entityId: memberId, familyId });
  });
}

export async function addNetworkPerson(db: Db, opts: { actor: Actor; familyId: string; input: NewNetworkPerson }): Promise<NetworkPerson> {
  const { actor, familyId, input } = opts;
  return db.transaction(async (tx) => {
    await loadWritableFamily(tx, actor, familyId);
    const [row] = await insertNetwork(tx, actor.organisationId, familyId, [input]);
    if (!row) throw new Error("network insert returned nothing");
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "network_person.created", entityType: "network_person", entityId: row.id, familyId });
    return toNetwork(row);
  });
}

export async function removeNetworkPerson(db: Db, opts: { actor: Actor; familyId: string; personId: string }): Promise<void> {
  const { actor, familyId, personId } = opts;
  await db.transaction(async (tx) => {
    await loadWritableFamily(tx, actor, familyId);
    const res = await tx
      .delete(networkPersons)
      .where(and(eq(networkPersons.organisationId, actor.organisationId), eq(networkPersons.familyId, familyId), eq(networkPersons.id, personId)))
      .returning({ id: networkPersons.id });
    if (res.length === 0) throw notFound(NETWORK_PERSON);
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "network_person.deleted", entityType: "network_person", entityId: personId, familyId });
  });
}
