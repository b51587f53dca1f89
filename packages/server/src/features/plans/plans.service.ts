/** Reading the gezinsplan: the versions, one version with its effective action statuses, and the changes between two. */
import {
  PLAN_EDIT_PHASES,
  PLAN_SIGN_PHASES,
  diffPlans,
  notFound,
  todayInNetherlands,
  type PlanDiffView,
  type PlanOverview,
  type PlanVersionDetail,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { listPlanRows, listProgressRows } from "./plans.queries.ts";
import { detailOf, openActionsOf, planHistory, summariesOf } from "./plans.versions.ts";

export const planVersionNotFound = (number: number) => notFound({ nl: `Versie ${number} van het gezinsplan`, en: `Version ${number} of the family plan` });

export async function getPlanOverview(db: Db, opts: { actor: Actor; trajectoryId: string }): Promise<PlanOverview> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { organisationId, id, phase } = found.trajectory;
  const [rows, progress] = await Promise.all([listPlanRows(db, organisationId, id), listProgressRows(db, organisationId, id)]);
  const history = planHistory(rows);
  return {
    trajectoryId: id,
    phase,
    editable: (PLAN_EDIT_PHASES as readonly string[]).includes(phase),
    signable: (PLAN_SIGN_PHASES as readonly string[]).includes(phase),
    latest: history.latest?.number ?? null,
    inForce: history.inForce?.number ?? null,
    versions: summariesOf(history),
    openActions: openActionsOf(history, progress, todayInNetherlands()),
  };
}

export async function getPlanVersion(db: Db, opts: { actor: Actor; trajectoryId: string; number: number }): Promise<PlanVersionDetail> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { organisationId, id } = found.trajectory;
  const [rows, progress] = await Promise.all([listPlanRows(db, organisationId, id), listProgressRows(db, organisationId, id)]);
  const detail = detailOf(opts.number, planHistory(rows), progress, todayInNetherlands());
  if (!detail) throw planVersionNotFound(opts.number);
  return detail;
}

/** What changed from version `from` to version `to` (either order), item by item. */
export async function diffPlanVersions(db: Db, opts: { actor: Actor; trajectoryId: string; from: number; to: number }): Promise<PlanDiffView> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { versions } = planHistory(await listPlanRows(db, found.trajectory.organisationId, found.trajectory.id));
  const from = versions.find((v) => v.number === opts.from);
  if (!from) throw planVersionNotFound(opts.from);
  const to = versions.find((v) => v.number === opts.to);
  if (!to) throw planVersionNotFound(opts.to);
  return { from: from.number, to: to.number, changes: diffPlans(from.content, to.content) };
}
