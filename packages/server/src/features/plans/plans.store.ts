/**
 * Writing a plan version through the domain's savePlan: the one path for both the plan editor and
 * an MDO's agreements. A concept is replaced in place only at the edit counter the writer read; on
 * top of a signed version (or for the first plan) a new concept row is inserted, and the primary
 * key refuses a second writer of the same number. Either way a lost update is a 409 stale_version.
 */
import { DomainError, invalid, latestVersion, savePlan, staleVersion, todayInNetherlands, type InvalidParam, type PlanContent, type SavePlan } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { SYSTEM_ID, familyPlanContext, userIdOf, type VisibleTrajectory } from "./plans.context.ts";
import { findUsers, insertPlanRow, updateConceptRow, type PlanRow } from "./plans.queries.ts";
import { activeInterventionIds } from "../interventions/interventions.queries.ts";
import type { PlanHistory } from "./plans.versions.ts";

export interface StorePlan {
  found: VisibleTrajectory;
  history: PlanHistory;
  input: SavePlan;
  /** The concept's edit counter as the writer read it; required when the latest version is a concept. */
  rowVersion: number | null;
  /** Turns a domain field path ("goals.0.dueDate", "deviations.<id>") into one of the request. */
  rename: (name: string) => string;
  /** Extra audit details (e.g. the meeting whose agreements were applied). */
  details?: Record<string, unknown>;
}

/** Re-issues a domain error with its field paths renamed for the request at hand. */
export function renamed(error: DomainError, rename: (name: string) => string): DomainError {
  if (error.invalidParams.length === 0) return error;
  return new DomainError(error.code, error.text, { invalidParams: error.invalidParams.map((p) => ({ ...p, name: rename(p.name) })), ...(error.reason ? { reason: error.reason } : {}) });
}

/** Actions owned by "the coach" must name a user of the organisation. */
async function coachOwnerErrors(tx: Db, organisationId: string, content: PlanContent): Promise<InvalidParam[]> {
  const owners = content.goals.flatMap((g, gi) =>
    g.actions.flatMap((a, ai) => (a.owner.kind === "coach" ? [{ userId: a.owner.userId, name: `goals.${gi}.actions.${ai}.owner.userId` }] : [])),
  );
  const known = await findUsers(tx, organisationId, owners.map((o) => o.userId), { activeOnly: false });
  return owners.filter((o) => !known.has(o.userId)).map((o) => ({ name: o.name, reason: "not a user of this organisation" }));
}

/**
 * Actions may name a "wat werkt" catalogue entry: an active entry of the organisation. An action
 * that already named an entry in the version being edited keeps it when the entry was archived
 * since, so archiving an entry never blocks work on a plan.
 */
async function interventionErrors(tx: Db, organisationId: string, content: PlanContent, previous: PlanContent | null): Promise<InvalidParam[]> {
  const refs = content.goals.flatMap((g, gi) =>
    g.actions.flatMap((a, ai) => (a.interventionId ? [{ actionId: a.id, id: a.interventionId, name: `goals.${gi}.actions.${ai}.interventionId` }] : [])),
  );
  if (refs.length === 0) return [];
  const kept = new Set((previous?.goals ?? []).flatMap((g) => g.actions.flatMap((a) => (a.interventionId ? [`${a.id}|${a.interventionId}`] : []))));
  const active = await activeInterventionIds(tx, organisationId, [...new Set(refs.map((r) => r.id))]);
  return refs
    .filter((r) => !active.has(r.id) && !kept.has(`${r.actionId}|${r.id}`))
    .map((r) => ({ name: r.name, reason: "not an active entry of this organisation's catalogue (wat werkt); choose another entry or none" }));
}

const planInvalid = (params: InvalidParam[]) =>
  invalid({ nl: "Het gezinsplan klopt nog niet; zie invalidParams.", en: "The family plan is not valid yet; see invalidParams." }, params);

export async function storePlan(tx: Db, actor: Actor, s: StorePlan): Promise<{ row: PlanRow; created: boolean }> {
  const { organisationId, id: trajectoryId, familyId } = s.found.trajectory;
  const ctx = await familyPlanContext(tx, organisationId, familyId, s.input.content.instrumentKey, s.rename("instrumentKey"));
  const result = savePlan(s.history.versions, s.input, ctx, { on: todayInNetherlands(), by: userIdOf(actor) ?? SYSTEM_ID });
  const coachErrors = [
    ...(await coachOwnerErrors(tx, organisationId, s.input.content)),
    ...(await interventionErrors(tx, organisationId, s.input.content, latestVersion(s.history.versions)?.content ?? null)),
  ];
  if (!result.ok) {
    const error = result.error.code === "invalid" ? planInvalid([...result.error.invalidParams, ...coachErrors]) : result.error;
    throw renamed(error, s.rename);
  }
  if (coachErrors.length > 0) throw renamed(planInvalid(coachErrors), s.rename);

  const v = result.version;
  let row: PlanRow | null;
  if (result.created) {
    try {
      row = await insertPlanRow(tx, { organisationId, trajectoryId, number: v.number, status: "concept", content: v.content, deviations: v.deviations, signature: null, createdOn: v.createdOn, createdById: userIdOf(actor) });
    } catch (err) {
      if (isUniqueViolation(err, "plan_versions_organisation_id_trajectory_id_number_pk")) throw staleVersion();
      throw err;
    }
  } else {
    if (s.rowVersion === null) {
      throw invalid({ nl: "Geef de versie van het concept mee dat u heeft bewerkt.", en: "Send the version of the concept you edited." }, [{ name: "version", reason: `required when editing concept version ${v.number} (its current edit counter is in GET …/plan)` }]);
    }
    row = await updateConceptRow(tx, { organisationId, trajectoryId, number: v.number, version: s.rowVersion }, { content: v.content, deviations: v.deviations });
    if (!row) throw staleVersion();
  }
  await audit(tx, actor, {
    action: "plan.saved",
    entityType: "plan",
    entityId: trajectoryId,
    familyId,
    details: { number: v.number, created: result.created, deviations: v.deviations.length, ...s.details },
  });
  return { row, created: result.created };
}
