import {
  leverageActive,
  notFound,
  staleVersion,
  todayInNetherlands,
  type Lever,
  type Leverage,
  type LeverageKind,
  type LeverageUpdate,
  type NewLeverage,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { loadTrajectoryForRecord, NOT_CLOSED } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { findLeverageRow, insertLeverage, listLeverageRows, updateLeverageRow, type LeverageRow, type LeverageValues } from "./leverages.queries.ts";

const LEVERAGE = { nl: "Dwang- of drangmaatregel", en: "Leverage" };
/** Dwang or drang may already apply at the aanmelding (the referrer says so); a closed dossier is read-only. */
const WRITE = { phases: NOT_CLOSED, what: LEVERAGE };

function present(row: LeverageRow, today: string): Leverage {
  return {
    id: row.id,
    trajectoryId: row.trajectoryId,
    lever: row.lever as Lever,
    kind: row.kind as LeverageKind,
    party: row.party,
    condition: row.condition,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    outcome: row.outcome,
    active: leverageActive(row, today),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const valuesOf = (l: NewLeverage): LeverageValues => ({ lever: l.lever, kind: l.kind, party: l.party, condition: l.condition, startsOn: l.startsOn, endsOn: l.endsOn, outcome: l.outcome });

export async function listLeverages(db: Db, opts: { actor: Actor; trajectoryId: string }): Promise<Leverage[]> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const today = todayInNetherlands();
  return (await listLeverageRows(db, opts.actor.organisationId, found.trajectory.id)).map((r) => present(r, today));
}

export async function recordLeverage(db: Db, opts: { actor: Actor; trajectoryId: string; input: NewLeverage }): Promise<Leverage> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    const row = await insertLeverage(tx, actor.organisationId, found.trajectory.id, valuesOf(input));
    await audit(tx, actor, {
      action: "leverage.created",
      entityType: "leverage",
      entityId: row.id,
      familyId: found.trajectory.familyId,
      details: { trajectoryId: found.trajectory.id, lever: row.lever, kind: row.kind, startsOn: row.startsOn },
    });
    return present(row, todayInNetherlands());
  });
}

/** Replaces the entry with the edit if nobody saved in between (409 stale_version). */
export async function updateLeverage(db: Db, opts: { actor: Actor; trajectoryId: string; leverageId: string; input: LeverageUpdate }): Promise<Leverage> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    const current = await findLeverageRow(tx, actor.organisationId, found.trajectory.id, opts.leverageId);
    if (!current) throw notFound(LEVERAGE);
    const row = await updateLeverageRow(tx, actor.organisationId, current.id, input.version, valuesOf(input));
    if (!row) throw staleVersion();
    const changed = (Object.keys(valuesOf(input)) as (keyof LeverageValues)[]).filter((k) => current[k] !== row[k]);
    await audit(tx, actor, {
      action: "leverage.updated",
      entityType: "leverage",
      entityId: row.id,
      familyId: found.trajectory.familyId,
      details: { trajectoryId: found.trajectory.id, changed, fromVersion: input.version },
    });
    return present(row, todayInNetherlands());
  });
}
