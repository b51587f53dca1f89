import { CreateReferral, REFERRAL_CHECKS, STABILITY_ITEMS, todayInNetherlands, type CreateReferralInput, type Phase } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { Actor } from "../authz/actor.ts";
import type { Db } from "../db/database.ts";
import { closingRecords, planVersions } from "../db/schema.ts";
import { getFamily } from "../features/families/families.service.ts";
import { changePhase, createReferral, decideReferral, getTrajectory, recordCheck, recordConsent } from "../features/trajectories/trajectories.service.ts";
import { familyInput, makeMeasurement, ploeg9 } from "./factories.ts";

/** An aanmelding as a referrer fills it in; overrides go into `referral`. */
export function referralInput(family: CreateReferralInput["family"], overrides: Partial<CreateReferralInput["referral"]> = {}): CreateReferral {
  return CreateReferral.parse({
    family,
    referral: {
      receivedOn: todayInNetherlands(),
      referrerKind: "woningcorporatie",
      referrerOrganisation: "Woonstichting De Korf",
      referrerName: "Petra Verhuur",
      referrerContact: "050-0000000",
      reason: "Huurachterstand van vier maanden en zorgen over de kinderen.",
      problems: { huisvesting: "Dreigende ontruiming", inkomen: "Schulden" },
      urgency: "high",
      ...overrides,
    },
  });
}

const ORDER: Phase[] = ["referral", "intake", "planning", "execution", "closing", "aftercare"];

/**
 * A family with a trajectory in `phase`, reached through the real use cases where they exist;
 * the records other features own (signed plan, stability check, nazorgplan) are written directly.
 * Every step is dated today.
 */
export async function makeTrajectory(db: Db, actor: Actor, opts: { phase?: Phase; familyId?: string; coachId?: string; receivedOn?: string } = {}) {
  const phase = opts.phase ?? "referral";
  const today = todayInNetherlands();
  let t = await createReferral(db, { actor, input: referralInput(opts.familyId ? { id: opts.familyId } : familyInput(opts.coachId ? { coachId: opts.coachId } : {}), opts.receivedOn ? { receivedOn: opts.receivedOn } : {}) });
  const familyId = t.familyId;
  if (phase === "closed") {
    t = await decideReferral(db, { actor, trajectoryId: t.id, input: { decision: "no_go", on: today, reason: "Te licht: één leefgebied.", introductionAt: null, introductionPlace: null, coachId: null } });
    return { trajectory: t, familyId };
  }
  const target = ORDER.indexOf(phase);
  if (target >= 1) {
    for (const kind of REFERRAL_CHECKS) t = await recordCheck(db, { actor, trajectoryId: t.id, kind, input: { result: "no_concerns", note: null, checkedOn: today } });
    t = await decideReferral(db, { actor, trajectoryId: t.id, input: { decision: "go", on: today, reason: null, introductionAt: null, introductionPlace: null, coachId: null } });
  }
  if (target >= 2) {
    await recordConsent(db, { actor, trajectoryId: t.id, signedOn: today });
    await makeMeasurement(db, actor, familyId, 0, ploeg9(2, 1, 2, 3, 3, 4, 3, 2, 5));
    t = await changePhase(db, { actor, trajectoryId: t.id, input: { to: "planning", on: today, reason: null, version: (await getTrajectory(db, { actor, trajectoryId: t.id })).version } });
  }
  if (target >= 3) {
    const family = await getFamily(db, { actor, familyId });
    const parent = family.members.find((m) => m.role === "parent");
    if (!parent) throw new Error("the test family has no parent");
    const goalId = randomUUID();
    await db.insert(planVersions).values({
      organisationId: actor.organisationId,
      trajectoryId: t.id,
      number: 1,
      status: "definitive",
      content: {
        startDate: today,
        instrumentKey: "ploeg-9",
        overallGoals: [{ id: randomUUID(), description: "Rust in huis en een veilige plek voor de kinderen.", targetDate: null }],
        participation: [],
        goals: [{ id: goalId, domain: "huisvesting", memberIds: [], description: "De huur wordt elke maand betaald.", targetDate: null, actions: [{ id: randomUUID(), description: "Betalingsregeling afspreken", owner: { kind: "member", memberId: parent.id }, dueDate: today, status: "open", cancelReason: null }] }],
      },
      signature: { signedOn: today, signedBy: [parent.id], method: "paper", recordedBy: actor.kind === "user" ? actor.userId : randomUUID() },
      createdOn: today,
    });
    t = await changePhase(db, { actor, trajectoryId: t.id, input: { to: "execution", on: today, reason: null, version: t.version } });
  }
  if (target >= 4) {
    const family = await getFamily(db, { actor, familyId });
    const parent = family.members.find((m) => m.role === "parent");
    await db.insert(closingRecords).values({
      organisationId: actor.organisationId,
      trajectoryId: t.id,
      stabilityCheck: {
        completedOn: today,
        completedBy: actor.kind === "user" ? actor.userId : randomUUID(),
        withMembers: parent ? [parent.id] : [],
        answers: Object.fromEntries(STABILITY_ITEMS.map((item) => [item, { answer: "yes", note: null }])),
      },
    });
    t = await changePhase(db, { actor, trajectoryId: t.id, input: { to: "closing", on: today, reason: "Doelen eerder bereikt dan gepland.", version: t.version } });
  }
  if (target >= 5) {
    await db
      .update(closingRecords)
      .set({ aftercarePlan: { contactPersonName: "Wijkteam Noord", contactOrganisation: "Wijkteam", contactEveryWeeks: 4, handoverTo: "Wijkteam Noord", relapseAgreement: "Bij huurachterstand belt het wijkteam de coach.", startsOn: today } })
      .where(and(eq(closingRecords.organisationId, actor.organisationId), eq(closingRecords.trajectoryId, t.id)));
    t = await changePhase(db, { actor, trajectoryId: t.id, input: { to: "aftercare", on: today, reason: null, version: t.version } });
  }
  return { trajectory: t, familyId };
}
