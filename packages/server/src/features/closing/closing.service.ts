import {
  AftercarePlan,
  aftercarePlanGaps,
  assessStabilityCheck,
  invalid,
  lastEnteredOn,
  staleVersion,
  StabilityCheck,
  todayInNetherlands,
  type ClosingRecord,
  type InvalidParam,
  type Phase,
  type SaveAftercarePlan,
  type SaveStabilityCheck,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { listMembers } from "../families/families.queries.ts";
import { findClosingRecord } from "../trajectories/trajectories.queries.ts";
import { loadTrajectoryForRecord, trajectoryState, userIdOf } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { isUserOf, saveClosingRow, type ClosingRow } from "./closing.queries.ts";

const STABILITY_CHECK = { nl: "De stabilisatiecheck", en: "The stability check" };
const AFTERCARE_PLAN = { nl: "Het nazorgplan", en: "The aftercare plan" };
/** The stabilisatiecheck is filled in before and during afronding. */
const STABILITY_PHASES: readonly Phase[] = ["execution", "closing"];
/** The nazorgplan is started in time ("tijdig") and kept up to date during nazorg. */
const AFTERCARE_PLAN_PHASES: readonly Phase[] = ["execution", "closing", "aftercare"];

export function presentClosing(trajectoryId: string, row: ClosingRow | null): ClosingRecord {
  const check = row?.stabilityCheck ? StabilityCheck.parse(row.stabilityCheck) : null;
  const plan = row?.aftercarePlan ? AftercarePlan.parse(row.aftercarePlan) : null;
  return {
    trajectoryId,
    stabilityCheck: check,
    stabilityAssessment: check ? assessStabilityCheck(check) : null,
    aftercarePlan: plan,
    aftercarePlanGaps: aftercarePlanGaps(plan ?? AftercarePlan.parse({})),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getClosing(db: Db, opts: { actor: Actor; trajectoryId: string }): Promise<ClosingRecord> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  return presentClosing(found.trajectory.id, await findClosingRecord(db, opts.actor.organisationId, found.trajectory.id));
}

/**
 * Saves the stabilisatiecheck (whole, with the version read). It must be filled in with members of
 * this family, by a user of the organisation, in this uitvoering period and not in the future; the
 * answer shows the assessment the afronding guard will apply.
 */
export async function saveStabilityCheck(db: Db, opts: { actor: Actor; trajectoryId: string; input: SaveStabilityCheck }): Promise<ClosingRecord> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, { phases: STABILITY_PHASES, what: STABILITY_CHECK });
    const row = found.trajectory;
    const [members, state] = await Promise.all([listMembers(tx, row.organisationId, row.familyId), trajectoryState(tx, row.organisationId, row.id)]);
    const errors: InvalidParam[] = [];
    const family = new Set(members.map((m) => m.id));
    input.withMembers.forEach((id, i) => {
      if (!family.has(id)) errors.push({ name: `withMembers.${i}`, reason: "not a member of this family" });
    });
    const completedBy = input.completedBy ?? userIdOf(actor);
    if (completedBy === null) errors.push({ name: "completedBy", reason: "say who filled in the check" });
    else if (input.completedBy !== null && !(await isUserOf(tx, actor.organisationId, completedBy))) errors.push({ name: "completedBy", reason: "not a user of this organisation" });
    const since = lastEnteredOn(state, "execution");
    if (input.completedOn > todayInNetherlands()) errors.push({ name: "completedOn", reason: "a date in the future" });
    else if (since !== null && input.completedOn < since) errors.push({ name: "completedOn", reason: `on or after the start of this uitvoering period (${since})` });
    if (errors.length > 0 || completedBy === null) throw invalid({ nl: "De stabilisatiecheck klopt niet; zie de velden.", en: "The stability check is not valid; see the fields." }, errors);

    const check: StabilityCheck = { completedOn: input.completedOn, completedBy, withMembers: input.withMembers, answers: input.answers };
    const saved = await saveClosingRow(tx, actor.organisationId, row.id, input.version, { stabilityCheck: check });
    if (!saved) throw staleVersion();
    const assessment = assessStabilityCheck(check);
    await audit(tx, actor, {
      action: "stability_check.recorded",
      entityType: "trajectory",
      entityId: row.id,
      familyId: row.familyId,
      details: { completedOn: check.completedOn, stabilised: assessment.stabilised, notStable: assessment.notStable, unanswered: assessment.unanswered.length, fromVersion: input.version },
    });
    return presentClosing(row.id, saved);
  });
}

/** Saves the nazorgplan (whole, with the version read); it may be incomplete: the answer lists what is missing. */
export async function saveAftercarePlan(db: Db, opts: { actor: Actor; trajectoryId: string; input: SaveAftercarePlan }): Promise<ClosingRecord> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, { phases: AFTERCARE_PLAN_PHASES, what: AFTERCARE_PLAN });
    const row = found.trajectory;
    const { version, ...plan } = input;
    const saved = await saveClosingRow(tx, actor.organisationId, row.id, version, { aftercarePlan: plan });
    if (!saved) throw staleVersion();
    const gaps = aftercarePlanGaps(plan);
    await audit(tx, actor, {
      action: "aftercare_plan.saved",
      entityType: "trajectory",
      entityId: row.id,
      familyId: row.familyId,
      details: { complete: gaps.length === 0, gaps: gaps.map((g) => g.name), contactEveryWeeks: plan.contactEveryWeeks, fromVersion: version },
    });
    return presentClosing(row.id, saved);
  });
}
