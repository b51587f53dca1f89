/**
 * What every plan (and MDO) write needs first: the trajectory as the actor may see it (404
 * outside their scope), the right to write (403), a phase that allows the change (409), and the
 * family as plan validation sees it (members, network, the instrument's leefgebieden).
 */
import { PHASE_LABELS, conflict, invalid, planFamilyContext, type MemberRole, type Phase, type PlanFamilyContext } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { listPartnerIds } from "../partners/partners.queries.ts";
import { listMembers, listNetwork } from "../families/families.queries.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";

export type VisibleTrajectory = Awaited<ReturnType<typeof loadVisibleTrajectory>>;

/** The user behind a write, for the *_by columns; null for the system. */
export const userIdOf = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);
/** Domain records need an id for who did it; the system (CLI, seed) gets the nil UUID. */
export const SYSTEM_ID = "00000000-0000-0000-0000-000000000000";

export function assertPhase(phase: string, allowed: readonly Phase[], what: { nl: string; en: string }): void {
  if ((allowed as readonly string[]).includes(phase)) return;
  const label = PHASE_LABELS[phase as Phase] ?? { nl: phase, en: phase };
  throw conflict(
    { nl: `${what.nl} kan niet in de fase ${label.nl}.`, en: `${what.en} is not possible in phase ${label.en}.` },
    "not_allowed_in_phase",
  );
}

/** Loads the trajectory for a plan or MDO write: visible (else 404), allowed (else 403), in a phase that allows it (else 409). */
export async function loadForPlanWrite(tx: Db, actor: Actor, trajectoryId: string, phases: readonly Phase[], what: { nl: string; en: string }): Promise<VisibleTrajectory> {
  const found = await loadVisibleTrajectory(tx, actor, trajectoryId);
  authorize(actor, "plan.write", { teamId: found.teamId });
  assertPhase(found.trajectory.phase, phases, what);
  return found;
}

/** The family's members and network and the leefgebieden of `instrumentKey`; an unknown instrument is a field error at `path`. */
export async function familyPlanContext(tx: Db, organisationId: string, familyId: string, instrumentKey: string, path = "content.instrumentKey"): Promise<PlanFamilyContext> {
  // One after the other: a transaction is one connection.
  const members = await listMembers(tx, organisationId, familyId);
  const network = await listNetwork(tx, organisationId, familyId);
  const instrument = await findInstrument(tx, organisationId, instrumentKey);
  if (!instrument) {
    throw invalid({ nl: `Instrument '${instrumentKey}' bestaat niet.`, en: `Instrument '${instrumentKey}' does not exist.` }, [{ name: path, reason: "unknown instrument" }]);
  }
  const partnerOrganisationIds = await listPartnerIds(tx, organisationId);
  return { ...planFamilyContext({ members: members.map((m) => ({ id: m.id, role: m.role as MemberRole })), network }, instrument), partnerOrganisationIds };
}
