import {
  AftercarePlan,
  aftercareStatus,
  invalid,
  lastEnteredOn,
  todayInNetherlands,
  type AftercareCheckin,
  type AftercareCheckinList,
  type AftercareStatus,
  type CheckinFact,
  type NewAftercareCheckin,
  type TrajectoryState,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { actorLabel, type Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { findClosingRecord } from "../trajectories/trajectories.queries.ts";
import { loadTrajectoryForRecord, trajectoryState } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { insertCheckin, listCheckinRows, listCheckinRowsOf, type CheckinRow } from "./aftercareCheckins.queries.ts";
import { listClosingRows, type ClosingRow } from "./closing.queries.ts";

const CHECKIN = { nl: "Een nazorgcontact", en: "An aftercare check-in" };

function present(row: CheckinRow): AftercareCheckin {
  return { id: row.id, trajectoryId: row.trajectoryId, heldOn: row.heldOn, byName: row.byName, note: row.note, relapse: row.relapse, createdAt: row.createdAt.toISOString() };
}

const factOf = (row: CheckinRow): CheckinFact => ({ heldOn: row.heldOn, relapse: row.relapse, recordedAt: row.createdAt.toISOString() });
const planOf = (row: ClosingRow | null | undefined) => (row?.aftercarePlan ? AftercarePlan.parse(row.aftercarePlan) : null);

/**
 * Nazorg as the caseload needs it, for many trajectories at once (two statements): the next
 * contact due and the relapse signal that re-activates the coach. Trajectories not in nazorg get
 * the empty status.
 */
export async function aftercareStatuses(
  db: Db,
  organisationId: string,
  trajectories: readonly { trajectoryId: string; state: TrajectoryState }[],
  today: string = todayInNetherlands(),
): Promise<Map<string, AftercareStatus>> {
  const ids = trajectories.map((t) => t.trajectoryId);
  const [closing, checkins] = await Promise.all([listClosingRows(db, organisationId, ids), listCheckinRowsOf(db, organisationId, ids)]);
  const plans = new Map(closing.map((c) => [c.trajectoryId, planOf(c)]));
  const facts = new Map<string, CheckinFact[]>();
  for (const c of checkins) facts.set(c.trajectoryId, [...(facts.get(c.trajectoryId) ?? []), factOf(c)]);
  return new Map(trajectories.map((t) => [t.trajectoryId, aftercareStatus(t.state, plans.get(t.trajectoryId) ?? null, facts.get(t.trajectoryId) ?? [], today)]));
}

export async function listAftercareCheckins(db: Db, opts: { actor: Actor; trajectoryId: string; today?: string }): Promise<AftercareCheckinList> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { organisationId, id } = found.trajectory;
  const [rows, state, closing] = await Promise.all([listCheckinRows(db, organisationId, id), trajectoryState(db, organisationId, id), findClosingRecord(db, organisationId, id)]);
  const plan = planOf(closing);
  const status = aftercareStatus(state, plan, rows.map(factOf), opts.today ?? todayInNetherlands());
  return { items: rows.map(present), contactEveryWeeks: plan?.contactEveryWeeks ?? null, ...status };
}

/** A nazorg contact moment, dated in this nazorg period; a relapse signals the coach (see aftercareStatus). */
export async function recordAftercareCheckin(db: Db, opts: { actor: Actor; trajectoryId: string; input: NewAftercareCheckin }): Promise<AftercareCheckin> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, { phases: ["aftercare"], what: CHECKIN });
    const row = found.trajectory;
    const since = lastEnteredOn(await trajectoryState(tx, row.organisationId, row.id), "aftercare") ?? row.phaseSince;
    if (input.heldOn > todayInNetherlands() || input.heldOn < since) {
      throw invalid({ nl: "De datum ligt vóór de start van de nazorg of in de toekomst.", en: "The date is before aftercare started or in the future." }, [{ name: "heldOn", reason: `a date from ${since} to today` }]);
    }
    const saved = await insertCheckin(tx, {
      organisationId: actor.organisationId,
      trajectoryId: row.id,
      heldOn: input.heldOn,
      byName: input.byName ?? (actor.kind === "user" ? actor.name : actorLabel(actor)),
      note: input.note,
      relapse: input.relapse,
    });
    await audit(tx, actor, { action: "aftercare_checkin.recorded", entityType: "aftercare_checkin", entityId: saved.id, familyId: row.familyId, details: { trajectoryId: row.id, heldOn: saved.heldOn, relapse: saved.relapse } });
    return present(saved);
  });
}
