import {
  PLAN_SIGN_PHASES,
  conflict,
  invalid,
  notFound,
  todayInNetherlands,
  validateActionProgress,
  type ActionOwner,
  type ActionProgressInput,
  type ActionProgressRecorded,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import { SYSTEM_ID, assertPhase, loadForPlanWrite, userIdOf } from "./plans.context.ts";
import { insertProgressRow, listPlanRows, listProgressRows } from "./plans.queries.ts";
import { effectiveView, planHistory, progressView } from "./plans.versions.ts";

const noPlanInForce = () =>
  conflict({ nl: "Er is nog geen ondertekend gezinsplan; voortgang hoort bij het plan dat geldt.", en: "There is no signed family plan yet; progress belongs to the plan in force." }, "no_plan_in_force");

/**
 * Records progress on an action of the plan in force (bezig, gedaan, vervallen with a reason, or
 * open again). The signed version itself does not change; the log applies on top of it.
 */
export async function recordActionProgress(db: Db, opts: { actor: Actor; trajectoryId: string; actionId: string; input: ActionProgressInput }): Promise<ActionProgressRecorded> {
  return applyActionProgress(db, { ...opts, load: (tx) => loadForPlanWrite(tx, opts.actor, opts.trajectoryId, PLAN_SIGN_PHASES, PROGRESS) });
}

const PROGRESS = { nl: "Voortgang op acties vastleggen", en: "Recording progress on actions" };
const ACTION = { nl: "Actie in het geldende gezinsplan", en: "Action in the plan in force" };

/**
 * The one path for progress, for the team and for a chain partner: `load` finds and authorises the
 * trajectory, `mayRecord` (when given) decides on the action found in the plan in force.
 */
export async function applyActionProgress(
  db: Db,
  opts: {
    actor: Actor;
    trajectoryId: string;
    actionId: string;
    input: ActionProgressInput;
    load: (tx: Db) => Promise<{ trajectory: { familyId: string; phase: string } }>;
    mayRecord?: (owner: ActionOwner) => boolean;
  },
): Promise<ActionProgressRecorded> {
  const { actor, trajectoryId, actionId, input } = opts;
  const today = todayInNetherlands();
  const id = await db.transaction(async (tx) => {
    const found = await opts.load(tx);
    assertPhase(found.trajectory.phase, PLAN_SIGN_PHASES, PROGRESS);
    const { inForce } = planHistory(await listPlanRows(tx, actor.organisationId, trajectoryId));
    if (!inForce) throw noPlanInForce();
    const owner = inForce.content.goals.flatMap((g) => g.actions).find((a) => a.id === actionId)?.owner;
    if (owner && opts.mayRecord && !opts.mayRecord(owner)) throw notFound(ACTION);
    const on = input.on ?? today;
    const cancelReason = input.status === "cancelled" ? input.cancelReason : null;
    const errors = validateActionProgress({ actionId, status: input.status, cancelReason, on, by: userIdOf(actor) ?? SYSTEM_ID }, inForce.content);
    if (errors.some((e) => e.name === "actionId")) throw notFound(ACTION);
    if (on > today) errors.push({ name: "on", reason: "lies in the future" });
    if (on < inForce.createdOn) errors.push({ name: "on", reason: `lies before the plan in force (version ${inForce.number}, written ${inForce.createdOn})` });
    if (errors.length > 0) throw invalid({ nl: "De voortgang klopt niet; zie invalidParams.", en: "The progress entry is not valid; see invalidParams." }, errors);
    const row = await insertProgressRow(tx, { organisationId: actor.organisationId, trajectoryId, actionId, status: input.status, cancelReason, on, byId: userIdOf(actor) });
    await audit(tx, actor, {
      action: "action.progressed",
      entityType: "plan",
      entityId: trajectoryId,
      familyId: found.trajectory.familyId,
      details: { actionId, status: input.status, on, planVersion: inForce.number },
    });
    return row.id;
  });

  const [rows, progress] = await Promise.all([listPlanRows(db, actor.organisationId, trajectoryId), listProgressRows(db, actor.organisationId, trajectoryId)]);
  const { inForce } = planHistory(rows);
  const entry = progress.find((p) => p.id === id);
  const action = inForce ? effectiveView(inForce, progress, today).find((a) => a.actionId === actionId) : undefined;
  if (!entry || !action) throw new Error(`progress ${id} on action ${actionId} vanished`);
  return { entry: progressView(entry), action };
}
