import { PLAN_EDIT_PHASES, type PlanVersionDetail, type SavePlanRequest } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { loadForPlanWrite } from "./plans.context.ts";
import { listPlanRows } from "./plans.queries.ts";
import { getPlanVersion } from "./plans.service.ts";
import { storePlan } from "./plans.store.ts";
import { planHistory } from "./plans.versions.ts";

/** The request's field paths: content fields under "content.", reasons for removals as "deviations.<id>". */
export const saveRequestPath = (name: string): string => (name.startsWith("deviations") ? name : `content.${name}`);

/**
 * Saves the gezinsplan: the first save makes version 1, a concept is edited in place (at the edit
 * counter read), a save on top of a signed version makes the next concept. Deviations from the
 * signed plan's timing need reasons (planmatig werken).
 */
export async function savePlanVersion(db: Db, opts: { actor: Actor; trajectoryId: string; input: SavePlanRequest }): Promise<{ created: boolean; plan: PlanVersionDetail }> {
  const { actor, trajectoryId } = opts;
  const { version, ...input } = opts.input;
  const { row, created } = await db.transaction(async (tx) => {
    const found = await loadForPlanWrite(tx, actor, trajectoryId, PLAN_EDIT_PHASES, { nl: "Het gezinsplan wijzigen", en: "Changing the family plan" });
    const history = planHistory(await listPlanRows(tx, actor.organisationId, trajectoryId));
    return storePlan(tx, actor, { found, history, input, rowVersion: version, rename: saveRequestPath });
  });
  return { created, plan: await getPlanVersion(db, { actor, trajectoryId, number: row.number }) };
}
