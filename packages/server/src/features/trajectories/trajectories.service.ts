import {
  conflict,
  daysInPhase,
  invalid,
  notFound,
  recordTransition,
  staleVersion,
  todayInNetherlands,
  transitionRefused,
  FEEDBACK_SUBJECTS,
  type CreateReferral,
  type DecisionInput,
  type EropafDecision,
  type ExtensionDecision,
  type FeedbackInput,
  type Phase,
  type ReferralCheckInput,
  type ReferralCheckKind,
  type Trajectory,
  type TransitionInput,
  validateEropafDecision,
  validateExtension,
  plannedEndDate,
  trajectoryStartedOn,
  lastEnteredOn,
  currentPhase,
} from "@ploegwerk/domain";
import { actorLabel, type Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import { noteRead } from "../../audit/requestContext.ts";
import { authorize, can, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { phaseTransitions, referralChecks, referrerFeedback, trajectories } from "../../db/schema.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { createFamily, loadVisibleFamily, updateFamily } from "../families/families.service.ts";
import { findTrajectoryRow, listChecks, listFamilyTrajectoryRows, listFeedback, listTransitions, setPhase, touchTrajectory, type TrajectoryRow } from "./trajectories.queries.ts";
import { deadlines, gatherFacts, nextPhases, parseEropaf, parseExtensions, stateOf } from "./trajectories.state.ts";

export const TRAJECTORY = { nl: "Traject", en: "Trajectory" };

const openTrajectoryExists = () =>
  conflict(
    { nl: "Dit gezin heeft al een lopend traject. Eén gezin, één plan: sluit dat traject eerst af of werk daarin verder.", en: "This family already has an open trajectory. One family, one plan: close it first or continue in it." },
    "open_trajectory",
  );

/** The trajectory as the actor may see it: 404 outside their scope. */
export async function loadVisibleTrajectory(db: Db, actor: Actor, trajectoryId: string) {
  const found = await findTrajectoryRow(db, actor.organisationId, trajectoryId, familyScope(actor));
  if (!found || !can(actor, "trajectory.read", { teamId: found.teamId, familyId: found.trajectory.familyId })) throw notFound(TRAJECTORY);
  // Every read of a trajectory passes here: the request logs it once it succeeds (NEN 7513).
  noteRead({ familyId: found.trajectory.familyId, entityType: "trajectory", entityId: trajectoryId, action: "trajectory.viewed" });
  return found;
}

const byOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

async function present(db: Db, found: NonNullable<Awaited<ReturnType<typeof findTrajectoryRow>>>, today: string): Promise<Trajectory> {
  const row = found.trajectory;
  const [transitions, checks, feedback] = await Promise.all([
    listTransitions(db, row.organisationId, row.id),
    listChecks(db, row.organisationId, row.id),
    listFeedback(db, row.organisationId, row.id),
  ]);
  const state = stateOf(transitions);
  const facts = await gatherFacts(db, row, checks.map((c) => c.kind as ReferralCheckKind));
  const sent = new Set(feedback.map((f) => f.subject));
  const owed = FEEDBACK_SUBJECTS.filter((s) => !sent.has(s) && (s === "decision" ? row.decision !== null : lastEnteredOn(state, "execution") !== null));
  return {
    id: row.id,
    familyId: row.familyId,
    caseNumber: found.caseNumber,
    phase: row.phase as Phase,
    phaseSince: row.phaseSince,
    daysInPhase: daysInPhase(state, today),
    referral: {
      receivedOn: row.receivedOn,
      referrerKind: row.referrerKind as Trajectory["referral"]["referrerKind"],
      referrerOrganisation: row.referrerOrganisation,
      referrerName: row.referrerName,
      referrerContact: row.referrerContact,
      reason: row.reason,
      instrumentKey: row.instrumentKey,
      problems: row.problems,
      urgency: row.urgency as Trajectory["referral"]["urgency"],
      safetyConcerns: row.safetyConcerns,
      agencies: row.agencies,
      coercion: row.coercion as Trajectory["referral"]["coercion"],
      coercionNote: row.coercionNote,
    },
    checks: checks.map((c) => ({ kind: c.kind as ReferralCheckKind, result: c.result as Trajectory["checks"][number]["result"], note: c.note, checkedOn: c.checkedOn, checkedBy: c.checkedById })),
    openChecks: facts.referral.openChecks.slice(),
    decision: row.decision ? { decision: row.decision as "go" | "no_go", on: row.decisionOn ?? row.receivedOn, reason: row.decisionReason, decidedBy: row.decidedById } : null,
    introduction: row.introductionAt ? { at: row.introductionAt.toISOString(), place: row.introductionPlace } : null,
    feedback: feedback.map((f) => ({ subject: f.subject as "decision" | "start", sentOn: f.sentOn, channel: f.channel as Trajectory["feedback"][number]["channel"], note: f.note })),
    feedbackOwed: owed,
    consentSignedOn: row.consentSignedOn,
    eropaf: parseEropaf(row),
    extensions: parseExtensions(row),
    deadlines: deadlines(row, state, facts.signedPlan, today),
    history: transitions.map((t) => ({ from: t.fromPhase as Phase | null, to: t.toPhase as Phase, kind: t.kind as Trajectory["history"][number]["kind"], on: t.on, at: t.at.toISOString(), by: t.byId ?? t.byName, byName: t.byName, reason: t.reason })),
    nextPhases: row.phase === "closed" ? [] : nextPhases(state, facts, today),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function getTrajectory(db: Db, opts: { actor: Actor; trajectoryId: string; today?: string }): Promise<Trajectory> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  return present(db, found, opts.today ?? todayInNetherlands());
}

export async function listFamilyTrajectories(db: Db, opts: { actor: Actor; familyId: string }): Promise<Trajectory[]> {
  const { family } = await loadVisibleFamily(db, opts.actor, opts.familyId);
  authorize(opts.actor, "trajectory.read", { teamId: family.teamId, familyId: family.id });
  const rows = await listFamilyTrajectoryRows(db, opts.actor.organisationId, opts.familyId);
  const today = todayInNetherlands();
  return Promise.all(rows.map((r) => present(db, { trajectory: r, teamId: family.teamId, caseNumber: family.caseNumber, coachId: family.coachId }, today)));
}

/** The aanmelding: a new trajectory in phase referral, for a family in the file or a new one. */
export async function createReferral(db: Db, opts: { actor: Actor; input: CreateReferral }): Promise<Trajectory> {
  const { actor, input } = opts;
  const id = await db.transaction(async (tx) => {
    const familyId = "id" in input.family ? input.family.id : (await createFamily(tx, { actor, input: input.family })).family.id;
    const { family } = await loadVisibleFamily(tx, actor, familyId);
    authorize(actor, "trajectory.write", { teamId: family.teamId });
    const r = input.referral;
    const def = await findInstrument(tx, actor.organisationId, r.instrumentKey);
    if (!def) throw invalid({ nl: `Instrument '${r.instrumentKey}' bestaat niet.`, en: `Instrument '${r.instrumentKey}' does not exist.` }, [{ name: "referral.instrumentKey", reason: "unknown instrument" }]);
    const keys = new Set(def.domains.map((d) => d.key));
    const unknown = Object.keys(r.problems).filter((k) => !keys.has(k));
    if (unknown.length > 0) {
      throw invalid({ nl: "Niet alle leefgebieden bestaan in dit instrument.", en: "Not all life domains exist in this instrument." }, unknown.map((k) => ({ name: `referral.problems.${k}`, reason: `'${k}' is not a domain of ${def.key}; use one of: ${[...keys].join(", ")}` })));
    }
    const today = todayInNetherlands();
    if (r.receivedOn > today) throw invalid({ nl: "De datum van ontvangst ligt in de toekomst.", en: "The date received lies in the future." }, [{ name: "referral.receivedOn", reason: "a date in the future" }]);
    let row: TrajectoryRow | undefined;
    try {
      [row] = await tx
        .insert(trajectories)
        .values({
          organisationId: actor.organisationId,
          familyId,
          phase: "referral",
          phaseSince: r.receivedOn,
          receivedOn: r.receivedOn,
          referrerKind: r.referrerKind,
          referrerOrganisation: r.referrerOrganisation,
          referrerName: r.referrerName,
          referrerContact: r.referrerContact,
          reason: r.reason,
          instrumentKey: def.key,
          problems: Object.fromEntries(Object.entries(r.problems).filter(([, v]) => v.trim() !== "")),
          urgency: r.urgency,
          safetyConcerns: r.safetyConcerns,
          agencies: r.agencies,
          coercion: r.coercion,
          coercionNote: r.coercionNote,
          createdById: byOf(actor),
        })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "trajectories_one_open_key")) throw openTrajectoryExists();
      throw err;
    }
    if (!row) throw new Error("trajectory insert returned nothing");
    await tx.insert(phaseTransitions).values({ organisationId: actor.organisationId, trajectoryId: row.id, seq: 1, fromPhase: null, toPhase: "referral", kind: "start", on: r.receivedOn, byId: byOf(actor), byName: actorLabel(actor), reason: null });
    await audit(tx, actor, { action: "trajectory.created", entityType: "trajectory", entityId: row.id, familyId, details: { receivedOn: r.receivedOn, referrerKind: r.referrerKind, urgency: r.urgency, coercion: r.coercion } });
    return row.id;
  });
  return getTrajectory(db, { actor, trajectoryId: id });
}

/** Loads the trajectory for a write: visible, allowed, and not closed. */
async function loadForWrite(tx: Db, actor: Actor, trajectoryId: string, action: "trajectory.write" | "trajectory.decide" | "trajectory.extend" = "trajectory.write") {
  const found = await loadVisibleTrajectory(tx, actor, trajectoryId);
  authorize(actor, action, { teamId: found.teamId });
  return found;
}

export async function recordCheck(db: Db, opts: { actor: Actor; trajectoryId: string; kind: ReferralCheckKind; input: ReferralCheckInput }): Promise<Trajectory> {
  const { actor, input } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId);
    if (found.trajectory.decision !== null) {
      throw conflict({ nl: "Over deze aanmelding is al besloten; de checks liggen vast.", en: "This referral has been decided; the checks are fixed." }, "referral_decided");
    }
    if (input.checkedOn < found.trajectory.receivedOn || input.checkedOn > todayInNetherlands()) {
      throw invalid({ nl: "De datum van de check ligt vóór de aanmelding of in de toekomst.", en: "The check date is before the referral or in the future." }, [{ name: "checkedOn", reason: `a date from ${found.trajectory.receivedOn} to today` }]);
    }
    const values = { result: input.result, note: input.note, checkedOn: input.checkedOn, checkedById: byOf(actor), updatedAt: new Date() };
    await tx
      .insert(referralChecks)
      .values({ organisationId: actor.organisationId, trajectoryId: opts.trajectoryId, kind: opts.kind, ...values })
      .onConflictDoUpdate({ target: [referralChecks.organisationId, referralChecks.trajectoryId, referralChecks.kind], set: values });
    await touchTrajectory(tx, actor.organisationId, opts.trajectoryId);
    await audit(tx, actor, { action: "referral_check.recorded", entityType: "trajectory", entityId: opts.trajectoryId, familyId: found.trajectory.familyId, details: { kind: opts.kind, result: input.result } });
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

/** Moves the trajectory with the domain's guards; the caller's transaction also holds the change that justified it. */
async function transition(tx: Db, actor: Actor, found: Awaited<ReturnType<typeof loadVisibleTrajectory>>, to: Phase, on: string, reason: string | null, version: number): Promise<void> {
  const row = found.trajectory;
  const transitions = await listTransitions(tx, actor.organisationId, row.id);
  const checks = await listChecks(tx, actor.organisationId, row.id);
  const facts = await gatherFacts(tx, row, checks.map((c) => c.kind as ReferralCheckKind));
  const result = recordTransition(stateOf(transitions), to, { ...facts, on, reason }, { at: new Date().toISOString(), by: byOf(actor) ?? actorLabel(actor) });
  if (!result.ok) throw transitionRefused(result.refusals);
  const updated = await setPhase(tx, actor.organisationId, row.id, to, on, version);
  if (!updated) throw staleVersion();
  const e = result.entry;
  await tx.insert(phaseTransitions).values({ organisationId: actor.organisationId, trajectoryId: row.id, seq: transitions.length + 1, fromPhase: e.from, toPhase: e.to, kind: e.kind, on: e.on, byId: byOf(actor), byName: actorLabel(actor), reason: e.reason });
  await audit(tx, actor, { action: "phase.changed", entityType: "trajectory", entityId: row.id, familyId: row.familyId, details: { from: e.from, to: e.to, kind: e.kind, on: e.on } });
}

/** Go or no-go on the aanmelding: records the decision and moves to informatiefase or gesloten. */
export async function decideReferral(db: Db, opts: { actor: Actor; trajectoryId: string; input: DecisionInput }): Promise<Trajectory> {
  const { actor, input } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId, "trajectory.decide");
    const row = found.trajectory;
    if (row.decision !== null) throw conflict({ nl: "Over deze aanmelding is al besloten.", en: "This referral has already been decided." }, "referral_decided");
    if (input.decision === "no_go" && !input.reason) throw invalid({ nl: "Geef de reden van de no-go.", en: "Give the reason for the no-go." }, [{ name: "reason", reason: "a no-go needs a reason" }]);
    if (input.on < row.receivedOn) throw invalid({ nl: "Het besluit ligt vóór de aanmelding.", en: "The decision is dated before the referral." }, [{ name: "on", reason: `on or after ${row.receivedOn}` }]);
    const decided = await touchTrajectory(tx, actor.organisationId, row.id, {
      decision: input.decision,
      decisionOn: input.on,
      decisionReason: input.reason,
      decidedById: byOf(actor),
      introductionAt: input.decision === "go" && input.introductionAt ? new Date(input.introductionAt) : null,
      introductionPlace: input.decision === "go" ? input.introductionPlace : null,
    });
    if (input.decision === "go" && input.coachId) {
      // The coach is set on the family through the family's own rules (same team, active coach).
      const { family } = await loadVisibleFamily(tx, actor, row.familyId);
      await updateFamily(tx, { actor, familyId: row.familyId, patch: { version: family.version, coachId: input.coachId } });
    }
    await audit(tx, actor, { action: "referral.decided", entityType: "trajectory", entityId: row.id, familyId: row.familyId, details: { decision: input.decision, on: input.on } });
    await transition(tx, actor, { ...found, trajectory: decided }, input.decision === "go" ? "intake" : "closed", input.on, input.reason, decided.version);
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

export async function changePhase(db: Db, opts: { actor: Actor; trajectoryId: string; input: TransitionInput }): Promise<Trajectory> {
  const { actor, input } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId);
    if (found.trajectory.phase === "referral") {
      throw conflict({ nl: "Een aanmelding gaat verder met een go- of no-go-besluit.", en: "A referral moves on with a go or no-go decision." }, "decide_referral");
    }
    await transition(tx, actor, found, input.to, input.on, input.reason, input.version);
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

export async function recordFeedback(db: Db, opts: { actor: Actor; trajectoryId: string; input: FeedbackInput }): Promise<Trajectory> {
  const { actor, input } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId);
    const row = found.trajectory;
    if (input.subject === "decision" && row.decision === null) {
      throw conflict({ nl: "Er is nog geen besluit om terug te koppelen.", en: "There is no decision to report back yet." }, "nothing_to_report");
    }
    if (input.subject === "start" && lastEnteredOn(stateOf(await listTransitions(tx, actor.organisationId, row.id)), "execution") === null) {
      throw conflict({ nl: "De uitvoering is nog niet gestart.", en: "Execution has not started yet." }, "nothing_to_report");
    }
    try {
      await tx.insert(referrerFeedback).values({ organisationId: actor.organisationId, trajectoryId: row.id, subject: input.subject, sentOn: input.sentOn, channel: input.channel, note: input.note, sentById: byOf(actor) });
    } catch (err) {
      if (isUniqueViolation(err, "referrer_feedback_organisation_id_trajectory_id_subject_pk")) {
        throw conflict({ nl: "Deze terugkoppeling is al vastgelegd.", en: "This feedback has already been recorded." }, "feedback_recorded");
      }
      throw err;
    }
    await touchTrajectory(tx, actor.organisationId, row.id);
    await audit(tx, actor, { action: "referrer_feedback.recorded", entityType: "trajectory", entityId: row.id, familyId: row.familyId, details: { subject: input.subject, sentOn: input.sentOn } });
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

export async function recordConsent(db: Db, opts: { actor: Actor; trajectoryId: string; signedOn: string }): Promise<Trajectory> {
  const { actor } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId);
    if (opts.signedOn > todayInNetherlands()) throw invalid({ nl: "De datum ligt in de toekomst.", en: "The date lies in the future." }, [{ name: "signedOn", reason: "a date in the future" }]);
    await touchTrajectory(tx, actor.organisationId, found.trajectory.id, { consentSignedOn: opts.signedOn });
    await audit(tx, actor, { action: "trajectory.updated", entityType: "trajectory", entityId: found.trajectory.id, familyId: found.trajectory.familyId, details: { consentSignedOn: opts.signedOn } });
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

export async function recordEropaf(db: Db, opts: { actor: Actor; trajectoryId: string; input: Omit<EropafDecision, "by"> }): Promise<Trajectory> {
  const { actor } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId);
    const row = found.trajectory;
    const intakeOn = lastEnteredOn(stateOf(await listTransitions(tx, actor.organisationId, row.id)), "intake");
    if (row.phase !== "intake" || !intakeOn) throw conflict({ nl: "De Eropaf-route geldt in de informatiefase.", en: "The Eropaf route applies during the intake." }, "not_in_intake");
    const decision: EropafDecision = { ...opts.input, by: byOf(actor) ?? "00000000-0000-0000-0000-000000000000" };
    const errors = validateEropafDecision(decision, intakeOn);
    if (errors.length > 0) throw invalid({ nl: "Het Eropaf-besluit klopt niet.", en: "The Eropaf decision is not valid." }, errors);
    await touchTrajectory(tx, actor.organisationId, row.id, { eropaf: [...parseEropaf(row), decision] });
    await audit(tx, actor, { action: "trajectory.eropaf_recorded", entityType: "trajectory", entityId: row.id, familyId: row.familyId, details: { decidedOn: decision.decidedOn, revisedDeadline: decision.revisedDeadline } });
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}

export async function recordExtension(db: Db, opts: { actor: Actor; trajectoryId: string; input: Omit<ExtensionDecision, "by"> }): Promise<Trajectory> {
  const { actor } = opts;
  await db.transaction(async (tx) => {
    const found = await loadForWrite(tx, actor, opts.trajectoryId, "trajectory.extend");
    const row = found.trajectory;
    const state = stateOf(await listTransitions(tx, actor.organisationId, row.id));
    const started = trajectoryStartedOn(state);
    const phase = currentPhase(state);
    if (!started || !["intake", "planning", "execution", "closing"].includes(phase)) {
      throw conflict({ nl: "Verlengen kan alleen bij een lopend traject.", en: "Only a running trajectory can be extended." }, "not_running");
    }
    const decision: ExtensionDecision = { ...opts.input, by: byOf(actor) ?? "00000000-0000-0000-0000-000000000000" };
    const errors = validateExtension(decision, plannedEndDate(started, parseExtensions(row)));
    if (errors.length > 0) throw invalid({ nl: "Het verlengingsbesluit klopt niet.", en: "The extension decision is not valid." }, errors);
    await touchTrajectory(tx, actor.organisationId, row.id, { extensions: [...parseExtensions(row), decision] });
    await audit(tx, actor, { action: "trajectory.extension_recorded", entityType: "trajectory", entityId: row.id, familyId: row.familyId, details: { newEndDate: decision.newEndDate } });
  });
  return getTrajectory(db, { actor, trajectoryId: opts.trajectoryId });
}
