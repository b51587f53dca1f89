/**
 * The network plan of an Eigen Kracht-conferentie feeds the gezinsplan: chosen agreements become
 * open actions (owned by the member or network person the family agreed on) under a goal, through
 * the same path as MDO agreements, in a concept version (one concept at a time).
 */
import { PLAN_EDIT_PHASES, StoredNetworkAgreements, addAgreements, conflict, invalid, notFound, type ConferenceAgreementsToPlan, type InvalidParam } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import { meetingPlanContent } from "../meetings/meetings.service.ts";
import { loadForPlanWrite } from "../plans/plans.context.ts";
import { storePlan } from "../plans/plans.store.ts";
import { findFgcRow } from "./familyGroupConferences.queries.ts";

const WHAT = { nl: "Afspraken uit het netwerkplan in het gezinsplan zetten", en: "Putting network plan agreements into the family plan" };
const refuse = (params: InvalidParam[]) => invalid({ nl: "Niet alle afspraken kunnen zo in het gezinsplan; zie invalidParams.", en: "Not all agreements can go into the family plan like this; see invalidParams." }, params);

/** Returns the number of the plan version that now holds the agreements. */
export async function addConferenceAgreementsToPlan(db: Db, opts: { actor: Actor; trajectoryId: string; conferenceId: string; input: ConferenceAgreementsToPlan }): Promise<{ planVersion: number }> {
  const { actor, trajectoryId, conferenceId, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadForPlanWrite(tx, actor, trajectoryId, PLAN_EDIT_PHASES, WHAT);
    const row = await findFgcRow(tx, actor.organisationId, trajectoryId, conferenceId);
    if (!row) throw notFound({ nl: "Eigen Kracht-conferentie", en: "Family group conference" });
    if (row.status !== "held") throw conflict({ nl: "Alleen een gehouden conferentie heeft een netwerkplan.", en: "Only a held conference has a network plan." }, "conference_not_held");
    const stored = new Map(StoredNetworkAgreements.parse(row.agreements).map((a) => [a.id, a]));
    const { history, content } = await meetingPlanContent(tx, actor.organisationId, trajectoryId);
    const latest = history.entries.at(-1);
    if (!latest || !content) throw refuse([{ name: "placements", reason: "there is no family plan yet; draft the plan first" }]);
    const inPlan = new Set(content.goals.flatMap((g) => g.actions.map((a) => a.id)));
    const errors: InvalidParam[] = [];
    const agreements = input.placements.flatMap((p, i) => {
      const a = stored.get(p.agreementId);
      if (!a) errors.push({ name: `placements.${i}.agreementId`, reason: "not an agreement of this conference" });
      else if (inPlan.has(a.id)) errors.push({ name: `placements.${i}.agreementId`, reason: "already an action in the family plan" });
      return a && !inPlan.has(a.id) ? [{ id: a.id, description: a.description, owner: a.owner, dueDate: a.dueDate, goalId: p.goalId }] : [];
    });
    if (new Set(input.placements.map((p) => p.agreementId)).size !== input.placements.length) errors.push({ name: "placements", reason: "an agreement is listed twice" });
    if (errors.length > 0) throw refuse(errors);
    const applied = addAgreements(content, agreements);
    if (applied.errors.length > 0) throw refuse(applied.errors.map((e) => ({ ...e, name: e.name.replace(/^agreements\./, "placements.") })));
    const { row: plan } = await storePlan(tx, actor, {
      found,
      history,
      input: { basedOn: latest.version.number, content: applied.content, deviations: latest.version.deviations },
      rowVersion: latest.row.version,
      rename: (name) => applied.agreementPath(name)?.replace(/^agreements\./, "placements.") ?? `plan.${name}`,
      details: { familyGroupConferenceId: conferenceId },
    });
    await audit(tx, actor, {
      action: "family_group_conference.updated",
      entityType: "family_group_conference",
      entityId: conferenceId,
      familyId: found.trajectory.familyId,
      details: { trajectoryId, change: "agreements_to_plan", planVersion: plan.number, actionIds: agreements.map((a) => a.id) },
    });
    return { planVersion: plan.number };
  });
}
