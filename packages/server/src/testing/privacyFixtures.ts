/**
 * Families for the retention and erasure tests: coached and closed on a chosen day (with something
 * in every kind of record), or referred and closed with a no-go. The closing day is set by moving
 * the stored dates back, as testing/backdate.ts does: test set-up only, never in the product.
 */
import { todayInNetherlands } from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../authz/actor.ts";
import type { Db } from "../db/database.ts";
import { actionProgress, consents, corrections, members, privacyRequests, referrerFeedback, weeklyReports } from "../db/schema.ts";
import { changePhase } from "../features/trajectories/trajectories.service.ts";
import { makeTrajectory } from "./trajectories.ts";

/** The trajectory closed on `closedOn`; its earlier steps a month and more before that. */
export async function closeTrajectoryOn(db: Db, organisationId: string, trajectoryId: string, closedOn: string): Promise<void> {
  await db.execute(sql`update phase_transitions set "on" = case when to_phase = 'closed' then ${closedOn}::date else ${closedOn}::date - 30 end
                       where organisation_id = ${organisationId}::uuid and trajectory_id = ${trajectoryId}::uuid`);
  await db.execute(sql`update trajectories set phase_since = ${closedOn}::date, received_on = ${closedOn}::date - 60,
                         decision_on = case when decision_on is null then null else ${closedOn}::date - 45 end,
                         consent_signed_on = case when consent_signed_on is null then null else ${closedOn}::date - 40 end
                       where organisation_id = ${organisationId}::uuid and id = ${trajectoryId}::uuid`);
}

export interface ClosedFamily {
  familyId: string;
  trajectoryId: string;
}

/**
 * A family that was coached (nulmeting with justifications, signed plan, action progress, weekoverzicht,
 * consent, terugkoppeling, a correction and an AVG request) and closed through uitval on `closedOn`.
 */
export async function closedFamilyFile(db: Db, actor: Actor, closedOn: string, opts: { partnerId: string; requestDecidedOn?: string }): Promise<ClosedFamily> {
  const { trajectory, familyId } = await makeTrajectory(db, actor, { phase: "execution" });
  const organisationId = actor.organisationId;
  const [parent] = await db.select().from(members).where(and(eq(members.organisationId, organisationId), eq(members.familyId, familyId), eq(members.role, "parent")));
  if (!parent) throw new Error("the test family has no parent");
  const userId = actor.kind === "user" ? actor.userId : null;
  await db.insert(weeklyReports).values({ organisationId, trajectoryId: trajectory.id, year: 2026, week: 2, activities: "Huisbezoek; moeder vertelde over de schulden.", childSafety: "Geen zorgen.", writtenById: userId });
  await db.insert(actionProgress).values({ organisationId, trajectoryId: trajectory.id, actionId: crypto.randomUUID(), status: "in_progress", on: todayInNetherlands(), byId: userId });
  await db.insert(referrerFeedback).values({ organisationId, trajectoryId: trajectory.id, subject: "decision", sentOn: todayInNetherlands(), channel: "telefoon", note: "Petra gebeld." });
  await db.insert(consents).values({
    organisationId,
    familyId,
    givenByMemberId: parent.id,
    recipientId: opts.partnerId,
    categories: ["basis", "plan_actions"],
    purpose: "Schuldhulp",
    legalBasis: "toestemming",
    givenOn: todayInNetherlands(),
    recordedById: userId,
  });
  await db.insert(corrections).values({ organisationId, familyId, entityType: "member", entityId: parent.id, field: "surname", before: "de Voorbeld", after: "de Voorbeeld", reason: "Tikfout", byId: userId });
  await db.insert(privacyRequests).values({
    organisationId,
    familyId,
    memberId: parent.id,
    kind: "inzage",
    requestedBy: "Sanne de Voorbeeld",
    receivedOn: "2023-12-01",
    status: "granted",
    decidedOn: opts.requestDecidedOn ?? "2023-12-20",
    decision: "Inzage gegeven.",
    recordedById: userId,
  });
  await changePhase(db, { actor, trajectoryId: trajectory.id, input: { to: "closed", on: todayInNetherlands(), reason: "Gezin verhuisd naar een andere gemeente.", version: trajectory.version } });
  await closeTrajectoryOn(db, organisationId, trajectory.id, closedOn);
  return { familyId, trajectoryId: trajectory.id };
}

/** A family referred once and refused (no-go) on `closedOn`. */
export async function noGoFamily(db: Db, actor: Actor, closedOn: string, opts: { familyId?: string } = {}): Promise<ClosedFamily> {
  const { trajectory, familyId } = await makeTrajectory(db, actor, { phase: "closed", ...(opts.familyId ? { familyId: opts.familyId } : {}) });
  await closeTrajectoryOn(db, actor.organisationId, trajectory.id, closedOn);
  return { familyId, trajectoryId: trajectory.id };
}
