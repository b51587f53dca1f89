/**
 * Hours (uren) and costs (kosten) of one family: the list with every total beside the family's
 * change on its instrument, booking, and taking a booking back with a reason. A booking that is
 * taken back goes into the family's correction history (what it was, why, by whom), like any
 * other correction of the file, and the audit row of the change names it without free text.
 */
import {
  countsFor,
  DEFAULT_INSTRUMENT_KEY,
  familyCostSummary,
  familyCostsCsv,
  forbidden,
  invalid,
  isBookingRole,
  notFound,
  outcomeChange,
  timeCostCents,
  todayInNetherlands,
  validateBookingDay,
  type CostEntry,
  type EntryRemoval,
  type FamilyCosts,
  type Funding,
  type HourlyRates,
  type Language,
  type NewCostEntry,
  type NewTimeEntry,
  type TimeActivity,
  type TimeEntry,
  type TrajectoryPeriod,
} from "@ploegwerk/domain";
import { and, desc, eq } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import { noteRead } from "../../audit/requestContext.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, can } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { trajectories } from "../../db/schema.ts";
import { loadVisibleFamily } from "../families/families.service.ts";
import { recordCorrections } from "../privacy/corrections.record.ts";
import {
  costSettings,
  deleteCostEntry,
  deleteTimeEntry,
  familyMeasurementFacts,
  familyTrajectoryPeriods,
  findBookablePerson,
  findCostEntry,
  findIntervention,
  findTimeEntry,
  insertCostEntry,
  insertTimeEntry,
  listCostEntryRows,
  listTimeEntryRows,
  type CostEntryRow,
  type TimeEntryRow,
} from "./costs.queries.ts";

const TIME_ENTRY = { nl: "Urenregel", en: "Time entry" };
const COST_ENTRY = { nl: "Kostenregel", en: "Cost entry" };
const userIdOf = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

function presentTime(row: TimeEntryRow, userName: string, userRole: string, rates: HourlyRates, periods: readonly TrajectoryPeriod[]): TimeEntry {
  return {
    id: row.id,
    familyId: row.familyId,
    trajectoryId: row.trajectoryId,
    countsFor: countsFor(row, periods),
    userId: row.userId,
    userName,
    userRole,
    on: row.on,
    minutes: row.minutes,
    activity: row.activity as TimeActivity,
    note: row.note,
    costCents: timeCostCents({ minutes: row.minutes, role: userRole }, rates),
    createdAt: row.createdAt.toISOString(),
  };
}

function presentCost(row: CostEntryRow, createdByName: string | null, interventionName: string | null, periods: readonly TrajectoryPeriod[]): CostEntry {
  return {
    id: row.id,
    familyId: row.familyId,
    trajectoryId: row.trajectoryId,
    countsFor: countsFor(row, periods),
    interventionId: row.interventionId,
    interventionName,
    on: row.on,
    amountCents: row.amountCents,
    description: row.description,
    funding: row.funding as Funding,
    createdById: row.createdById,
    createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The family for reading its costs: 404 outside the actor's scope, 403 for a role that may not. */
async function familyForRead(db: Db, actor: Actor, familyId: string) {
  const { family } = await loadVisibleFamily(db, actor, familyId);
  authorize(actor, "costs.read", { teamId: family.teamId, familyId: family.id });
  return family;
}

async function familyForBooking(db: Db, actor: Actor, familyId: string) {
  const { family } = await loadVisibleFamily(db, actor, familyId);
  authorize(actor, "costs.book", { teamId: family.teamId, familyId: family.id });
  return family;
}

/** The instrument the family's change is shown on: that of its latest trajectory, else the default. */
async function instrumentOf(db: Db, organisationId: string, familyId: string): Promise<string> {
  const [row] = await db
    .select({ key: trajectories.instrumentKey })
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.familyId, familyId)))
    .orderBy(desc(trajectories.receivedOn), desc(trajectories.createdAt))
    .limit(1);
  return row?.key ?? DEFAULT_INSTRUMENT_KEY;
}

async function entriesOf(db: Db, organisationId: string, familyId: string) {
  const [timeRows, costRows, periods, settings] = await Promise.all([
    listTimeEntryRows(db, organisationId, familyId),
    listCostEntryRows(db, organisationId, familyId),
    familyTrajectoryPeriods(db, organisationId, familyId),
    costSettings(db, organisationId),
  ]);
  const rates = settings.hourlyRateCents;
  return {
    rates,
    periods,
    time: timeRows.map((r) => presentTime(r.entry, r.userName, r.userRole, rates, periods)),
    costs: costRows.map((r) => presentCost(r.entry, r.createdByName, r.interventionName, periods)),
  };
}

export async function getFamilyCosts(db: Db, opts: { actor: Actor; familyId: string }): Promise<FamilyCosts> {
  const family = await familyForRead(db, opts.actor, opts.familyId);
  const { organisationId, id } = family;
  const [{ rates, periods, time, costs }, instrumentKey] = await Promise.all([entriesOf(db, organisationId, id), instrumentOf(db, organisationId, id)]);
  const facts = await familyMeasurementFacts(db, organisationId, id, instrumentKey);
  return {
    familyId: id,
    timeEntries: time,
    costEntries: costs,
    summary: familyCostSummary({
      rates,
      trajectories: periods,
      time: time.map((t) => ({ on: t.on, minutes: t.minutes, activity: t.activity, userId: t.userId, userName: t.userName, role: t.userRole, trajectoryId: t.trajectoryId })),
      costs: costs.map((c) => ({ on: c.on, amountCents: c.amountCents, funding: c.funding, trajectoryId: c.trajectoryId })),
    }),
    rates,
    outcome: outcomeChange(instrumentKey, facts),
  };
}

/** Every booking of the family as CSV; taking the list out of the system is logged as a read. */
export async function exportFamilyCostsCsv(db: Db, opts: { actor: Actor; familyId: string; lang: Language }): Promise<{ csv: string; caseNumber: string }> {
  const family = await familyForRead(db, opts.actor, opts.familyId);
  const { time, costs } = await entriesOf(db, family.organisationId, family.id);
  noteRead({ familyId: family.id, entityType: "family", entityId: family.id, action: "costs.exported", details: { timeEntries: time.length, costEntries: costs.length } });
  return { csv: familyCostsCsv(time, costs, opts.lang), caseNumber: family.caseNumber };
}

/** A trajectory given with a booking must be one of this family's; its period bounds the day. */
async function bookingTrajectory(db: Db, organisationId: string, familyId: string, trajectoryId: string | null): Promise<TrajectoryPeriod | null> {
  if (trajectoryId === null) return null;
  const found = (await familyTrajectoryPeriods(db, organisationId, familyId)).find((p) => p.id === trajectoryId);
  if (!found) throw invalid({ nl: "Dit traject hoort niet bij dit gezin.", en: "This trajectory does not belong to this family." }, [{ name: "trajectoryId", reason: "not a trajectory of this family" }]);
  return found;
}

function assertDay(on: string, today: string, trajectory: TrajectoryPeriod | null): void {
  const errors = validateBookingDay(on, { today, trajectory });
  if (errors.length > 0) throw invalid({ nl: "Kies een datum die niet in de toekomst ligt (en binnen het traject valt).", en: "Choose a date that is not in the future (and lies within the trajectory)." }, errors);
}

export async function bookTime(db: Db, opts: { actor: Actor; familyId: string; input: NewTimeEntry; today?: string }): Promise<TimeEntry> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const family = await familyForBooking(tx, actor, opts.familyId);
    const self = userIdOf(actor);
    const userId = input.userId ?? self;
    if (userId === null) throw invalid({ nl: "Kies voor wie de uren zijn.", en: "Choose whose hours these are." }, [{ name: "userId", reason: "required when the system books" }]);
    // Booking someone else's hours is the team lead's; a coach books their own.
    if (userId !== self) authorize(actor, "costs.bookForOthers", { teamId: family.teamId, familyId: family.id });
    const person = await findBookablePerson(tx, actor.organisationId, userId, family.teamId);
    if (!person || !person.active || !isBookingRole(person.role) || !person.inTeam) {
      throw invalid(
        { nl: "Uren kunnen alleen worden geboekt voor een actieve coach, teamleider of ondersteuner van het team van dit gezin.", en: "Hours can only be booked for an active coach, team lead or support staff member of this family's team." },
        [{ name: "userId", reason: "not an active coach, teamleider or ondersteuning of the family's team" }],
      );
    }
    const trajectory = await bookingTrajectory(tx, actor.organisationId, family.id, input.trajectoryId);
    assertDay(input.on, opts.today ?? todayInNetherlands(), trajectory);
    const row = await insertTimeEntry(tx, { organisationId: actor.organisationId, familyId: family.id, trajectoryId: input.trajectoryId, userId, on: input.on, minutes: input.minutes, activity: input.activity, note: input.note });
    await audit(tx, actor, { action: "time_entry.created", entityType: "time_entry", entityId: row.id, familyId: family.id, details: { on: row.on, minutes: row.minutes, activity: row.activity, userId, trajectoryId: row.trajectoryId } });
    const [settings, periods] = await Promise.all([costSettings(tx, actor.organisationId), familyTrajectoryPeriods(tx, actor.organisationId, family.id)]);
    return presentTime(row, person.name, person.role, settings.hourlyRateCents, periods);
  });
}

export async function bookCost(db: Db, opts: { actor: Actor; familyId: string; input: NewCostEntry; today?: string }): Promise<CostEntry> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const family = await familyForBooking(tx, actor, opts.familyId);
    let interventionName: string | null = null;
    if (input.interventionId !== null) {
      const found = await findIntervention(tx, actor.organisationId, input.interventionId);
      if (!found) throw invalid({ nl: "Dit aanbod staat niet in de catalogus.", en: "This intervention is not in the catalogue." }, [{ name: "interventionId", reason: "not in the organisation's catalogue" }]);
      interventionName = found.name;
    }
    const trajectory = await bookingTrajectory(tx, actor.organisationId, family.id, input.trajectoryId);
    assertDay(input.on, opts.today ?? todayInNetherlands(), trajectory);
    const row = await insertCostEntry(tx, {
      organisationId: actor.organisationId,
      familyId: family.id,
      trajectoryId: input.trajectoryId,
      interventionId: input.interventionId,
      on: input.on,
      amountCents: input.amountCents,
      description: input.description,
      funding: input.funding,
      createdById: userIdOf(actor),
    });
    await audit(tx, actor, {
      action: "cost_entry.created",
      entityType: "cost_entry",
      entityId: row.id,
      familyId: family.id,
      details: { on: row.on, amountCents: row.amountCents, funding: row.funding, interventionId: row.interventionId, trajectoryId: row.trajectoryId },
    });
    const periods = await familyTrajectoryPeriods(tx, actor.organisationId, family.id);
    return presentCost(row, actor.kind === "user" ? actor.name : null, interventionName, periods);
  });
}

/** Someone else's booking is the team lead's to take back (403 for a coach or ondersteuning). */
function assertMayRemove(actor: Actor, ownerId: string | null, family: { teamId: string; id: string }): void {
  if (ownerId !== null && ownerId === userIdOf(actor)) return;
  if (!can(actor, "costs.bookForOthers", { teamId: family.teamId, familyId: family.id })) {
    throw forbidden({ nl: "U kunt alleen uw eigen boekingen terugnemen; vraag de teamleider.", en: "You can only take back your own bookings; ask the team lead." });
  }
}

export async function removeTime(db: Db, opts: { actor: Actor; familyId: string; entryId: string; input: EntryRemoval }): Promise<void> {
  const { actor } = opts;
  await db.transaction(async (tx) => {
    const family = await familyForBooking(tx, actor, opts.familyId);
    const entry = await findTimeEntry(tx, actor.organisationId, family.id, opts.entryId);
    if (!entry) throw notFound(TIME_ENTRY);
    assertMayRemove(actor, entry.userId, family);
    const removed = await deleteTimeEntry(tx, actor.organisationId, family.id, entry.id);
    if (!removed) throw notFound(TIME_ENTRY);
    const before = { on: removed.on, minutes: removed.minutes, activity: removed.activity, userId: removed.userId, trajectoryId: removed.trajectoryId, note: removed.note };
    await recordCorrections(tx, actor, { familyId: family.id, entityType: "time_entry", entityId: removed.id, changes: [{ field: "time_entry", before, after: null }], reason: opts.input.reason });
    await audit(tx, actor, { action: "time_entry.deleted", entityType: "time_entry", entityId: removed.id, familyId: family.id, details: { on: removed.on, minutes: removed.minutes, activity: removed.activity, userId: removed.userId } });
  });
}

export async function removeCost(db: Db, opts: { actor: Actor; familyId: string; entryId: string; input: EntryRemoval }): Promise<void> {
  const { actor } = opts;
  await db.transaction(async (tx) => {
    const family = await familyForBooking(tx, actor, opts.familyId);
    const entry = await findCostEntry(tx, actor.organisationId, family.id, opts.entryId);
    if (!entry) throw notFound(COST_ENTRY);
    assertMayRemove(actor, entry.createdById, family);
    const removed = await deleteCostEntry(tx, actor.organisationId, family.id, entry.id);
    if (!removed) throw notFound(COST_ENTRY);
    const before = { on: removed.on, amountCents: removed.amountCents, funding: removed.funding, description: removed.description, interventionId: removed.interventionId, trajectoryId: removed.trajectoryId };
    await recordCorrections(tx, actor, { familyId: family.id, entityType: "cost_entry", entityId: removed.id, changes: [{ field: "cost_entry", before, after: null }], reason: opts.input.reason });
    await audit(tx, actor, { action: "cost_entry.deleted", entityType: "cost_entry", entityId: removed.id, familyId: family.id, details: { on: removed.on, amountCents: removed.amountCents, funding: removed.funding } });
  });
}
