/**
 * Shared by the records kept in a trajectory (weekoverzichten, Eigen Kracht, opschaling, dwang en
 * drang, afronding and nazorg): load the trajectory for a write in one fixed order — 404 outside
 * the actor's scope, 403 when the role may not act, 409 when the phase does not allow the record.
 */
import { conflict, PHASE_LABELS, type Phase } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize, type Action } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { loadVisibleTrajectory } from "./trajectories.service.ts";
import { listTransitions } from "./trajectories.queries.ts";
import { stateOf } from "./trajectories.state.ts";

export type VisibleTrajectory = Awaited<ReturnType<typeof loadVisibleTrajectory>>;

/** Every phase but gesloten: a closed dossier is read-only. */
export const NOT_CLOSED: readonly Phase[] = ["referral", "intake", "planning", "execution", "closing", "aftercare"];

export function wrongPhase(what: { nl: string; en: string }, phases: readonly Phase[]) {
  const nl = phases.map((p) => PHASE_LABELS[p].nl.toLowerCase()).join(", ");
  const en = phases.map((p) => PHASE_LABELS[p].en.toLowerCase()).join(", ");
  return conflict({ nl: `${what.nl} kan alleen in deze fasen: ${nl}.`, en: `${what.en} is only possible in these phases: ${en}.` }, "wrong_phase");
}

export async function loadTrajectoryForRecord(
  tx: Db,
  actor: Actor,
  trajectoryId: string,
  opts: { phases: readonly Phase[]; what: { nl: string; en: string }; action?: Action },
): Promise<VisibleTrajectory> {
  const found = await loadVisibleTrajectory(tx, actor, trajectoryId);
  authorize(actor, opts.action ?? "trajectory.write", { teamId: found.teamId });
  if (!opts.phases.includes(found.trajectory.phase as Phase)) throw wrongPhase(opts.what, opts.phases);
  return found;
}

/** The tijdpad of a trajectory as the domain's state. */
export async function trajectoryState(db: Db, organisationId: string, trajectoryId: string) {
  return stateOf(await listTransitions(db, organisationId, trajectoryId));
}

/** The user behind an action, for the *_by_id columns; null for the system. */
export const userIdOf = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);
