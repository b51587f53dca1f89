import {
  conflict,
  DomainError,
  daysBetween,
  invalid,
  notFound,
  OPEN_PHASES,
  organisationKey,
  PHASES,
  staleVersion,
  todayInNetherlands,
  type Escalation,
  type EscalationResolution,
  type EscalationStatus,
  type NewEscalation,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { actorLabel, type Actor } from "../../authz/actor.ts";
import { authorize, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { loadTrajectoryForRecord, userIdOf } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { covenantIndex } from "./covenant.service.ts";
import type { SignatoryRow } from "./covenant.queries.ts";
import {
  findEscalationRow,
  insertEscalation,
  listTeamEscalationRows,
  listTrajectoryEscalationRows,
  resolveEscalationRow,
  type EscalationListRow,
} from "./escalations.queries.ts";

const ESCALATION = { nl: "Opschaling", en: "Escalation" };

function present(r: EscalationListRow, covenant: ReadonlyMap<string, SignatoryRow>, today: string): Escalation {
  const e = r.escalation;
  const signed = covenant.get(organisationKey(e.partnerOrganisation)) ?? null;
  return {
    id: e.id,
    trajectoryId: e.trajectoryId,
    familyId: r.familyId,
    caseNumber: r.caseNumber,
    partnerOrganisation: e.partnerOrganisation,
    partnerSignedCovenant: signed !== null,
    covenantSignedOn: signed?.signedOn ?? null,
    advice: e.advice,
    refusal: e.refusal,
    raisedOn: e.raisedOn,
    raisedById: e.raisedById,
    raisedByName: r.raisedByName,
    status: e.status as EscalationStatus,
    outcome: e.outcome,
    resolvedOn: e.resolvedOn,
    resolvedById: e.resolvedById,
    resolvedByName: r.resolvedByName,
    daysOpen: Math.max(0, daysBetween(e.raisedOn, e.resolvedOn ?? today)),
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export async function listTrajectoryEscalations(db: Db, opts: { actor: Actor; trajectoryId: string }): Promise<Escalation[]> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const [rows, covenant] = await Promise.all([listTrajectoryEscalationRows(db, opts.actor.organisationId, found.trajectory.id), covenantIndex(db, opts.actor.organisationId)]);
  const today = todayInNetherlands();
  return rows.map((r) => present(r, covenant, today));
}

/** The team lead's list: escalations of the families of the actor's own team. */
export async function listTeamEscalations(db: Db, opts: { actor: Actor; status: EscalationStatus | "all" }): Promise<Escalation[]> {
  const { actor } = opts;
  authorize(actor, "trajectory.read", { teamId: actor.kind === "user" ? actor.teamId : null });
  const scope = familyScope(actor);
  const [rows, covenant] = await Promise.all([listTeamEscalationRows(db, actor.organisationId, scope.all ? "all" : scope.teamIds, opts.status), covenantIndex(db, actor.organisationId)]);
  const today = todayInNetherlands();
  return rows.map((r) => present(r, covenant, today));
}

/** A partner refused the coach's dwingend advies: the escalation goes to the team lead. */
export async function raiseEscalation(db: Db, opts: { actor: Actor; trajectoryId: string; input: NewEscalation }): Promise<Escalation> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, { phases: OPEN_PHASES, what: ESCALATION });
    const today = todayInNetherlands();
    if (input.raisedOn > today || input.raisedOn < found.trajectory.receivedOn) {
      throw invalid({ nl: "De datum ligt vóór de aanmelding of in de toekomst.", en: "The date is before the referral or in the future." }, [{ name: "raisedOn", reason: `a date from ${found.trajectory.receivedOn} to today` }]);
    }
    const row = await insertEscalation(tx, { organisationId: actor.organisationId, trajectoryId: found.trajectory.id, ...input, raisedById: userIdOf(actor) });
    const covenant = await covenantIndex(tx, actor.organisationId);
    const view = present({ escalation: row, familyId: found.trajectory.familyId, caseNumber: found.caseNumber, raisedByName: actor.kind === "user" ? actor.name : actorLabel(actor), resolvedByName: null }, covenant, today);
    await audit(tx, actor, {
      action: "escalation.created",
      entityType: "escalation",
      entityId: row.id,
      familyId: found.trajectory.familyId,
      details: { trajectoryId: found.trajectory.id, partnerOrganisation: row.partnerOrganisation, partnerSignedCovenant: view.partnerSignedCovenant },
    });
    return view;
  });
}

/** The team lead records the outcome (rule escalation.resolve); also after the trajectory has closed. */
export async function resolveEscalation(db: Db, opts: { actor: Actor; trajectoryId: string; escalationId: string; input: EscalationResolution }): Promise<Escalation> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, { phases: PHASES, what: ESCALATION, action: "escalation.resolve" });
    const current = await findEscalationRow(tx, actor.organisationId, found.trajectory.id, opts.escalationId);
    if (!current) throw notFound(ESCALATION);
    if (current.escalation.status !== "open") throw conflict({ nl: "Deze opschaling is al afgehandeld.", en: "This escalation has already been resolved." }, "escalation_resolved");
    // No self-approval: a team lead who raised the opschaling leaves its outcome to another team lead.
    if (actor.kind === "user" && current.escalation.raisedById === actor.userId) {
      throw new DomainError("forbidden", { nl: "U heeft deze opschaling zelf gedaan; een andere teamleider handelt haar af.", en: "You raised this escalation yourself; another team lead resolves it." }, { reason: "self_approval" });
    }
    const today = todayInNetherlands();
    if (input.resolvedOn < current.escalation.raisedOn || input.resolvedOn > today) {
      throw invalid({ nl: "De datum ligt vóór de opschaling of in de toekomst.", en: "The date is before the escalation or in the future." }, [{ name: "resolvedOn", reason: `a date from ${current.escalation.raisedOn} to today` }]);
    }
    const row = await resolveEscalationRow(tx, actor.organisationId, current.escalation.id, input.version, { outcome: input.outcome, resolvedOn: input.resolvedOn, resolvedById: userIdOf(actor) });
    if (!row) throw staleVersion();
    await audit(tx, actor, { action: "escalation.resolved", entityType: "escalation", entityId: row.id, familyId: found.trajectory.familyId, details: { trajectoryId: found.trajectory.id, resolvedOn: input.resolvedOn } });
    const covenant = await covenantIndex(tx, actor.organisationId);
    return present({ ...current, escalation: row, resolvedByName: actor.kind === "user" ? actor.name : actorLabel(actor) }, covenant, today);
  });
}
