/**
 * Erasure and pseudonymisation of a family or one member: the one code path that both the
 * bewaartermijnen (`ploegwerk retention run`) and a granted AVG request for erasure use. Each
 * function runs inside the caller's transaction, so the change and its audit row commit together or
 * not at all, and answers how many rows per table it removed or changed (never the data itself).
 */
import {
  changedFields,
  FAMILY_RULES,
  MEASUREMENT_RULES,
  MEMBER_RULES,
  PHASE_TRANSITION_RULES,
  PSEUDONYMISED_DELETES,
  REFERRAL_CHECK_RULES,
  scrubMemberFromParticipants,
  TRAJECTORY_RULES,
  type FieldRule,
  type RetentionAction,
  type RowCounts,
} from "@ploegwerk/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { queryRows, type Db } from "../../db/database.ts";
import { families, measurements, meetings, members, phaseTransitions, privacyRequests, quickReferrals, referralChecks, trajectories } from "../../db/schema.ts";
import { FAMILY_TABLES, ofFamily, type FamilyTableName } from "./familyTables.ts";

/** Rules for every column of a table: leaving a column out is a compile error here. */
type Rules<R> = Readonly<Record<keyof R & string, FieldRule>>;
const familyRules: Rules<typeof families.$inferSelect> = FAMILY_RULES;
const memberRules: Rules<typeof members.$inferSelect> = MEMBER_RULES;
const measurementRules: Rules<typeof measurements.$inferSelect> = MEASUREMENT_RULES;
const trajectoryRules: Rules<typeof trajectories.$inferSelect> = TRAJECTORY_RULES;
const transitionRules: Rules<typeof phaseTransitions.$inferSelect> = PHASE_TRANSITION_RULES;
const checkRules: Rules<typeof referralChecks.$inferSelect> = REFERRAL_CHECK_RULES;

/** What stands where an erased member's name was, in MDO participant lists. */
const ERASED_MEMBER_NAME = "Gezinslid (verwijderd)";

/** Rows per family table, counted before anything changes. */
export async function countFamilyRows(tx: Db, organisationId: string, familyId: string): Promise<RowCounts> {
  const names = Object.keys(FAMILY_TABLES) as FamilyTableName[];
  const columns = names.map((name) => {
    const t = FAMILY_TABLES[name];
    return sql`(select count(*)::int from ${t.table} where ${ofFamily(t, organisationId, familyId)}) as ${sql.identifier(name)}`;
  });
  const [row] = await queryRows<Record<string, number>>(tx, sql`select ${sql.join(columns, sql`, `)}`);
  return Object.fromEntries(names.map((n) => [n, Number(row?.[n] ?? 0)]).filter(([, n]) => Number(n) > 0));
}

/** The AVG register keeps its entries, without the link to the family (and member) that is gone. */
async function detachRequests(tx: Db, organisationId: string, where: { familyId: string } | { memberId: string }): Promise<number> {
  const match = "familyId" in where ? eq(privacyRequests.familyId, where.familyId) : eq(privacyRequests.memberId, where.memberId);
  const rows = await tx
    .update(privacyRequests)
    .set("familyId" in where ? { familyId: null, memberId: null } : { memberId: null })
    .where(and(eq(privacyRequests.organisationId, organisationId), match))
    .returning({ id: privacyRequests.id });
  return rows.length;
}

/** Removes the family and, through the foreign keys' cascade, everything in FAMILY_TABLES. */
export async function purgeFamily(tx: Db, organisationId: string, familyId: string): Promise<RowCounts> {
  const counts = await countFamilyRows(tx, organisationId, familyId);
  const detached = await detachRequests(tx, organisationId, { familyId });
  // A quick referral's family_id is "on delete set null" over the composite key, which would null
  // the tenant column too and refuse the delete: the family's quick referrals go first, explicitly.
  await tx.delete(quickReferrals).where(and(eq(quickReferrals.organisationId, organisationId), eq(quickReferrals.familyId, familyId)));
  await tx.delete(families).where(and(eq(families.organisationId, organisationId), eq(families.id, familyId)));
  return detached > 0 ? { ...counts, privacy_requests: detached } : counts;
}

/**
 * Keeps what the outcome figures need (pseudonymise.ts in the domain says what) and removes the
 * rest: the records on PSEUDONYMISED_DELETES go whole, the kept ones lose names, texts and people.
 */
export async function pseudonymiseFamily(tx: Db, organisationId: string, familyId: string): Promise<RowCounts> {
  const counts: RowCounts = {};
  const add = (table: string, n: number) => {
    if (n > 0) counts[table] = (counts[table] ?? 0) + n;
  };
  for (const name of PSEUDONYMISED_DELETES) {
    const t = FAMILY_TABLES[name];
    add(name, (await queryRows(tx, sql`delete from ${t.table} where ${ofFamily(t, organisationId, familyId)} returning 1 as gone`)).length);
  }
  add("privacy_requests", await detachRequests(tx, organisationId, { familyId }));

  const org = (col: PgColumn) => eq(col, organisationId);
  for (const f of await tx.select().from(families).where(and(org(families.organisationId), eq(families.id, familyId)))) {
    await tx.update(families).set(changedFields(f, familyRules, f.id)).where(and(org(families.organisationId), eq(families.id, f.id)));
    add("families", 1);
  }
  for (const m of await tx.select().from(members).where(and(org(members.organisationId), eq(members.familyId, familyId)))) {
    await tx.update(members).set(changedFields(m, memberRules, m.id)).where(and(org(members.organisationId), eq(members.id, m.id)));
    add("members", 1);
  }
  for (const m of await tx.select().from(measurements).where(and(org(measurements.organisationId), eq(measurements.familyId, familyId)))) {
    await tx.update(measurements).set(changedFields(m, measurementRules, m.id)).where(and(org(measurements.organisationId), eq(measurements.id, m.id)));
    add("measurements", 1);
  }
  const trajectoryRows = await tx.select().from(trajectories).where(and(org(trajectories.organisationId), eq(trajectories.familyId, familyId)));
  for (const t of trajectoryRows) {
    await tx.update(trajectories).set(changedFields(t, trajectoryRules, t.id)).where(and(org(trajectories.organisationId), eq(trajectories.id, t.id)));
    add("trajectories", 1);
  }
  const ids = trajectoryRows.map((t) => t.id);
  if (ids.length > 0) {
    for (const p of await tx.select().from(phaseTransitions).where(and(org(phaseTransitions.organisationId), inArray(phaseTransitions.trajectoryId, ids)))) {
      await tx
        .update(phaseTransitions)
        .set(changedFields(p, transitionRules, p.trajectoryId))
        .where(and(org(phaseTransitions.organisationId), eq(phaseTransitions.trajectoryId, p.trajectoryId), eq(phaseTransitions.seq, p.seq)));
      add("phase_transitions", 1);
    }
    for (const c of await tx.select().from(referralChecks).where(and(org(referralChecks.organisationId), inArray(referralChecks.trajectoryId, ids)))) {
      await tx
        .update(referralChecks)
        .set(changedFields(c, checkRules, c.trajectoryId))
        .where(and(org(referralChecks.organisationId), eq(referralChecks.trajectoryId, c.trajectoryId), eq(referralChecks.kind, c.kind)));
      add("referral_checks", 1);
    }
  }
  return counts;
}

export function eraseFamily(tx: Db, organisationId: string, familyId: string, action: RetentionAction): Promise<RowCounts> {
  return action === "purge" ? purgeFamily(tx, organisationId, familyId) : pseudonymiseFamily(tx, organisationId, familyId);
}

/**
 * One member of a family that stays. Purge removes the member with their own metingen and takes
 * them off consents given on their behalf; pseudonymise keeps the member (and their metingen)
 * without name, BSN or exact date of birth. Either way their name leaves the MDO participant lists.
 * Free text elsewhere in the file (weekoverzichten, notes) is not searched: the decision says so.
 */
export async function eraseMember(tx: Db, organisationId: string, familyId: string, memberId: string, action: RetentionAction): Promise<RowCounts> {
  const counts: RowCounts = {};
  const add = (table: string, n: number) => {
    if (n > 0) counts[table] = (counts[table] ?? 0) + n;
  };
  const meetingRows = await tx
    .select({ id: meetings.id, participants: meetings.participants })
    .from(meetings)
    .innerJoin(trajectories, and(eq(trajectories.organisationId, meetings.organisationId), eq(trajectories.id, meetings.trajectoryId)))
    .where(and(eq(meetings.organisationId, organisationId), eq(trajectories.familyId, familyId)));
  for (const m of meetingRows) {
    const scrubbed = scrubMemberFromParticipants(m.participants, memberId, ERASED_MEMBER_NAME);
    if (JSON.stringify(scrubbed) === JSON.stringify(m.participants)) continue;
    await tx.update(meetings).set({ participants: scrubbed }).where(and(eq(meetings.organisationId, organisationId), eq(meetings.id, m.id)));
    add("meetings", 1);
  }
  add("privacy_requests", await detachRequests(tx, organisationId, { memberId }));
  const member = and(eq(members.organisationId, organisationId), eq(members.familyId, familyId), eq(members.id, memberId));
  if (action === "pseudonymise") {
    for (const m of await tx.select().from(members).where(member)) {
      await tx.update(members).set(changedFields(m, memberRules, m.id)).where(member);
      add("members", 1);
    }
    return counts;
  }
  const own = await tx
    .delete(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), eq(measurements.memberId, memberId)))
    .returning({ id: measurements.id });
  add("measurements", own.length);
  const onBehalf = await queryRows(
    tx,
    sql`update consents set on_behalf_of = array_remove(on_behalf_of, ${memberId}::uuid)
        where organisation_id = ${organisationId} and family_id = ${familyId} and ${memberId}::uuid = any(on_behalf_of) returning 1 as changed`,
  );
  add("consents", onBehalf.length);
  // consents.given_by_member_id is set to null by its foreign key.
  add("members", (await tx.delete(members).where(member).returning({ id: members.id })).length);
  return counts;
}

/**
 * An entry of the AVG register past its own bewaartermijn: removed, or kept as a bare count
 * (kind, dates, outcome) without who asked and what was written.
 */
export async function eraseRequest(tx: Db, organisationId: string, requestId: string, action: RetentionAction): Promise<RowCounts> {
  const where = and(eq(privacyRequests.organisationId, organisationId), eq(privacyRequests.id, requestId));
  const rows =
    action === "purge"
      ? await tx.delete(privacyRequests).where(where).returning({ id: privacyRequests.id })
      : await tx
          .update(privacyRequests)
          .set({ familyId: null, memberId: null, requestedBy: "", description: null, decision: null, recordedById: null, decidedById: null })
          .where(where)
          .returning({ id: privacyRequests.id });
  return rows.length > 0 ? { privacy_requests: rows.length } : {};
}

/**
 * A quick referral never linked to a family, past its bewaartermijn: removed, or kept as a bare
 * count (channel, where it went, status and dates) without the resident, the referrer or any text.
 */
export async function eraseQuickReferral(tx: Db, organisationId: string, id: string, action: RetentionAction): Promise<RowCounts> {
  const where = and(eq(quickReferrals.organisationId, organisationId), eq(quickReferrals.id, id));
  const rows =
    action === "purge"
      ? await tx.delete(quickReferrals).where(where).returning({ id: quickReferrals.id })
      : await tx
          .update(quickReferrals)
          .set({ residentName: "", residentContact: null, reason: "", referrerUserId: null, referrerName: "", referrerOrganisation: null, referrerContact: null, pickedUpById: null, outcomeNote: null, feedbackNote: null })
          .where(where)
          .returning({ id: quickReferrals.id });
  return rows.length > 0 ? { quick_referrals: rows.length } : {};
}
