/**
 * Trajectories for the demo organisation, made through the real use cases (so every guard holds)
 * with dates in the past: families in every phase, a few deadlines running late, plans with
 * actions for members, network, coach and chain partners, and weekoverzichten with a gap here and
 * there, so the caseload overview and the trajectory pages have something to show.
 */
import { CONSENT_AGE, CreateReferral, REFERRAL_CHECKS, STABILITY_ITEMS, addDays, addMonths, ageOn, daysBetween, minDay, isoWeeksBetween, todayInNetherlands, isoWeekday, type IsoDay } from "@ploegwerk/domain";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import { bulkInsert } from "../../db/arrays.ts";
import type { Db } from "../../db/database.ts";
import { actionProgress, closingRecords, families, measurements, members, networkPersons, planVersions } from "../../db/schema.ts";
import { recordConsent as recordSharingConsent } from "../consents/consents.service.ts";
import { changePhase, createReferral, decideReferral, getTrajectory, recordCheck, recordConsent, recordEropaf, recordExtension, recordFeedback } from "../trajectories/trajectories.service.ts";

const REFERRERS = [
  { referrerKind: "woningcorporatie", referrerOrganisation: "Woonstichting De Korf", referrerName: "Petra Verhuur", reason: "Huurachterstand van vier maanden; de corporatie wil ontruiming voorkomen." },
  { referrerKind: "leerplicht", referrerOrganisation: "Bureau Leerplicht Voorbeeldstad", referrerName: "Ahmed Leerplicht", reason: "Twee kinderen verzuimen veel; de ouders zijn moeilijk bereikbaar." },
  { referrerKind: "politie", referrerOrganisation: "Politie wijkteam Noord", referrerName: "Wijkagent De Vries", reason: "Herhaalde meldingen van overlast en ruzie in huis." },
  { referrerKind: "huisarts", referrerOrganisation: "Huisartsenpraktijk De Linde", referrerName: "Dokter Smit", reason: "Moeder is somber, er zijn geldzorgen en de kinderen missen structuur." },
] as const;

const before = (date: IsoDay, today: IsoDay) => date <= today;

function referral(familyId: string, i: number, receivedOn: IsoDay): CreateReferral {
  const r = REFERRERS[i % REFERRERS.length] ?? REFERRERS[0];
  return CreateReferral.parse({
    family: { id: familyId },
    referral: {
      receivedOn,
      ...r,
      referrerContact: "050-0000000",
      problems: { huisvesting: "Huurachterstand", inkomen: "Schulden bij meerdere schuldeisers", opvoeding: "Weinig structuur voor de kinderen" },
      urgency: i % 5 === 0 ? "high" : "normal",
      coercion: i % 4 === 0 ? "drang" : "none",
      coercionNote: i % 4 === 0 ? "Woningcorporatie: ontruiming wordt uitgesteld zolang het gezin meewerkt aan het plan." : null,
    },
  });
}

async function familyPeople(db: Db, organisationId: string, familyId: string) {
  const m = await db.select().from(members).where(and(eq(members.organisationId, organisationId), eq(members.familyId, familyId)));
  const n = await db.select().from(networkPersons).where(and(eq(networkPersons.organisationId, organisationId), eq(networkPersons.familyId, familyId)));
  return { parents: m.filter((x) => x.role === "parent"), children: m.filter((x) => x.role === "child"), network: n };
}

/** Plan version 1 (signed on `signedOn`, or a concept when null) with goals on the three leefgebieden that usually come first. */
/** The demo's registered chain partners, linked to the plan actions they carry out. */
export interface DemoPartners {
  housing: string;
  debt: string;
}

async function signedPlan(db: Db, actor: Actor & { kind: "user" }, trajectoryId: string, familyId: string, startDate: IsoDay, signedOn: IsoDay | null, partners: DemoPartners | null) {
  const { parents, children, network } = await familyPeople(db, actor.organisationId, familyId);
  const parent = parents[0];
  if (!parent) throw new Error("demo family without a parent");
  const action = (description: string, owner: unknown, due: number) => ({ id: randomUUID(), description, owner, dueDate: addDays(startDate, due), status: "open", cancelReason: null });
  const networkOwner = network[0] ? { kind: "networkPerson", networkPersonId: network[0].id } : { kind: "member", memberId: parent.id };
  const content = {
    startDate,
    instrumentKey: "ploeg-9",
    overallGoals: [{ id: randomUUID(), description: "Het gezin woont veilig en rustig in zijn eigen huis, en de kinderen gaan elke dag naar school.", targetDate: addDays(startDate, 180) }],
    participation: [],
    goals: [
      {
        id: randomUUID(), domain: "huisvesting", memberIds: [], description: "De huur wordt elke maand op tijd betaald; er komt geen ontruiming.", targetDate: addDays(startDate, 90),
        actions: [
          action("Betalingsregeling voor de huurachterstand afspreken", { kind: "partnerContact", organisation: "Woonstichting De Korf", contactName: "Petra Verhuur", contact: "050-0000000", partnerOrganisationId: partners?.housing ?? null }, 14),
          action("Huur automatisch laten afschrijven op de dag dat de uitkering binnenkomt", { kind: "member", memberId: parent.id }, 21),
        ],
      },
      {
        id: randomUUID(), domain: "inkomen", memberIds: [parent.id], description: "Overzicht van alle schulden en een plan om ze af te lossen.", targetDate: addDays(startDate, 120),
        actions: [
          action("Aanmelden bij schuldhulpverlening", { kind: "coach", userId: actor.userId }, 7),
          action("Alle post over rekeningen verzamelen in één map", { kind: "member", memberId: parent.id }, 10),
          action("Intakegesprek schuldhulp", { kind: "partnerContact", organisation: "Schuldhulpverlening Voorbeeldstad", contactName: "Mark Budget", contact: null, partnerOrganisationId: partners?.debt ?? null }, 30),
        ],
      },
      {
        id: randomUUID(), domain: "opvoeding", memberIds: children.slice(0, 1).map((c) => c.id), description: "Vaste tijden voor opstaan, eten en naar bed.", targetDate: addDays(startDate, 60),
        actions: [action("Twee keer per week helpen met huiswerk en naar bed brengen", networkOwner, 28)],
      },
    ],
  };
  await db.insert(planVersions).values({
    organisationId: actor.organisationId, trajectoryId, number: 1, status: signedOn ? "definitive" : "concept", content, deviations: [],
    signature: signedOn ? { signedOn, signedBy: parents.map((p) => p.id), method: "paper", recordedBy: actor.userId } : null,
    createdOn: startDate, createdById: actor.userId,
  });
  return content;
}

/**
 * Most families gave consent at the signing of the plan (for a year): most to the debt counsellor
 * (who they are, its own actions, the MDO's, the phase), some also to the housing corporation
 * (its own actions only), so the ketenpartner demo accounts have families to work with.
 */
async function shareWithPartners(db: Db, actor: Actor & { kind: "user" }, familyId: string, signedOn: IsoDay, i: number, partners: DemoPartners) {
  const { parents, children } = await familyPeople(db, actor.organisationId, familyId);
  const parent = parents[0];
  if (!parent || i % 3 === 2) return;
  const onBehalfOf = children.filter((c) => ageOn(c.dateOfBirth, signedOn) < CONSENT_AGE).map((c) => c.id);
  const base = { givenByMemberId: parent.id, onBehalfOf, legalBasis: "toestemming" as const, givenOn: signedOn, expiresOn: addMonths(signedOn, 12) };
  await recordSharingConsent(db, { actor, familyId, input: { ...base, recipientId: partners.debt, categories: ["basis", "plan_actions", "meetings", "trajectory"], purpose: "Samen met de gezinscoach werken aan een schuldenregeling." } });
  if (i % 2 === 0) await recordSharingConsent(db, { actor, familyId, input: { ...base, recipientId: partners.housing, categories: ["plan_actions"], purpose: "Afspraken over de huurachterstand nakomen." } });
}

/** Actions done two weeks after their due date, up to `until`; with `lagging`, the last one stays open. */
async function actionProgressFor(db: Db, actor: Actor & { kind: "user" }, trajectoryId: string, plan: Awaited<ReturnType<typeof signedPlan>>, until: IsoDay, lagging: boolean) {
  const actions = plan.goals.flatMap((g) => g.actions);
  const done = actions.filter((a, k) => addDays(a.dueDate, 3) <= until && !(lagging && k === actions.length - 1));
  if (done.length === 0) return;
  await db.insert(actionProgress).values(done.map((a) => ({ organisationId: actor.organisationId, trajectoryId, actionId: a.id, status: "done", on: addDays(a.dueDate, 3), byId: actor.userId })));
}

/** Weekoverzichten for every ISO week from `from` to `to` (inclusive), leaving out the `gap` most recent ones. */
async function weeklyReports(db: Db, actor: Actor & { kind: "user" }, trajectoryId: string, from: IsoDay, to: IsoDay, gap: number) {
  const weeks = isoWeeksBetween(from, to);
  const kept = weeks.slice(0, Math.max(0, weeks.length - gap));
  await bulkInsert(db, "weekly_reports", {
    organisation_id: { type: "uuid", values: kept.map(() => actor.organisationId) },
    id: { type: "uuid", values: kept.map(() => randomUUID()) },
    trajectory_id: { type: "uuid", values: kept.map(() => trajectoryId) },
    year: { type: "smallint", values: kept.map((w) => w.year) },
    week: { type: "smallint", values: kept.map((w) => w.week) },
    activities: { type: "text", values: kept.map((_, k) => (k % 2 === 0 ? "Huisbezoek; post doorgenomen met moeder." : "Overleg met schuldhulp en de school.")) },
    choices: { type: "text", values: kept.map(() => "Eerst de huurachterstand, dan de andere schulden.") },
    bottlenecks: { type: "text", values: kept.map((_, k) => (k % 3 === 0 ? "Vader zegt afspraken af." : null)) },
    child_safety: { type: "text", values: kept.map(() => "Geen zorgen over de veiligheid van de kinderen deze week.") },
    written_by_id: { type: "uuid", values: kept.map(() => actor.userId) },
  });
}

/**
 * Walks each demo family through its trajectory. `coaches` are the users who do the work; the
 * phase each family ends in follows its position, with dates anchored on its nulmeting.
 */
export async function seedDemoTrajectories(db: Db, opts: { coaches: (Actor & { kind: "user" })[]; lead: Actor & { kind: "user" }; partners?: DemoPartners; today?: IsoDay }) {
  const partners = opts.partners ?? null;
  const today = opts.today ?? todayInNetherlands();
  const lastSunday = addDays(today, -isoWeekday(today));
  const organisationId = opts.lead.organisationId;
  const rows = await db.select({ id: families.id, caseNumber: families.caseNumber, coachId: families.coachId }).from(families).where(eq(families.organisationId, organisationId));
  rows.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber, "nl", { numeric: true }));
  const nulmetingen = new Map(
    (await db.select({ familyId: measurements.familyId, round: measurements.round, measuredOn: measurements.measuredOn }).from(measurements).where(eq(measurements.organisationId, organisationId)))
      .filter((m) => m.round === 0)
      .map((m) => [m.familyId, m.measuredOn]),
  );
  for (const [i, f] of rows.entries()) {
    const actor = opts.coaches.find((c) => c.userId === f.coachId) ?? opts.coaches[i % opts.coaches.length] ?? opts.lead;
    const m0 = nulmetingen.get(f.id) ?? null;
    // Families without a nulmeting are the new ones: two aanmeldingen and two in the informatiefase.
    if (!m0) {
      const k = i % 4;
      const received = addDays(today, k === 0 ? -16 : k === 1 ? -4 : k === 2 ? -20 : -45);
      const t = await createReferral(db, { actor, input: referral(f.id, i, received) });
      const checks = k === 0 ? REFERRAL_CHECKS.slice(0, 3) : k === 1 ? [] : REFERRAL_CHECKS;
      for (const kind of checks) await recordCheck(db, { actor, trajectoryId: t.id, kind, input: { result: kind === "housing" ? "concerns" : "no_concerns", note: kind === "housing" ? "Huurachterstand van vier maanden." : null, checkedOn: addDays(received, 2) } });
      if (k >= 2) {
        const go = addDays(received, 9);
        await decideReferral(db, { actor, trajectoryId: t.id, input: { decision: "go", on: go, reason: null, introductionAt: null, introductionPlace: null, coachId: actor.userId } });
        await recordFeedback(db, { actor, trajectoryId: t.id, input: { subject: "decision", sentOn: addDays(go, 1), channel: "phone", note: null } });
        await recordConsent(db, { actor, trajectoryId: t.id, signedOn: addDays(go, 5) });
        if (k === 3) await recordEropaf(db, { actor, trajectoryId: t.id, input: { decidedOn: addDays(go, 20), reason: "Het gezin doet vaak niet open; we blijven langsgaan (Eropaf).", revisedDeadline: null } });
      }
      continue;
    }
    const received = addDays(m0, -30);
    const t = await createReferral(db, { actor, input: referral(f.id, i, received) });
    for (const kind of REFERRAL_CHECKS) await recordCheck(db, { actor, trajectoryId: t.id, kind, input: { result: kind === "police" && i % 3 === 0 ? "concerns" : "no_concerns", note: kind === "police" && i % 3 === 0 ? "Twee meldingen van huiselijke onrust." : null, checkedOn: addDays(received, 3) } });
    const go = addDays(received, 10);
    await decideReferral(db, { actor, trajectoryId: t.id, input: { decision: "go", on: go, reason: null, introductionAt: null, introductionPlace: null, coachId: actor.userId } });
    await recordFeedback(db, { actor, trajectoryId: t.id, input: { subject: "decision", sentOn: addDays(go, 2), channel: "email", note: null } });
    let v = (await recordConsent(db, { actor, trajectoryId: t.id, signedOn: addDays(go, 4) })).version;
    const planning = addDays(m0, 3);
    if (!before(planning, today)) continue;
    v = (await changePhase(db, { actor, trajectoryId: t.id, input: { to: "planning", on: planning, reason: null, version: v } })).version;
    const signedOn = addDays(planning, 21);
    if (!before(signedOn, today) || i === rows.length - 5) {
      // One family is still drawing up its plan: a concept, not yet signed.
      await signedPlan(db, actor, t.id, f.id, planning, null, partners);
      continue;
    }
    const plan = await signedPlan(db, actor, t.id, f.id, signedOn, signedOn, partners);
    if (partners) await shareWithPartners(db, actor, f.id, signedOn, i, partners);
    v = (await changePhase(db, { actor, trajectoryId: t.id, input: { to: "execution", on: signedOn, reason: null, version: v } })).version;
    if (!(i % 3 === 1 && daysBetween(signedOn, today) < 183)) v = (await recordFeedback(db, { actor, trajectoryId: t.id, input: { subject: "start", sentOn: minDay(addDays(signedOn, 3), today), channel: "letter", note: null } })).version;
    // Half a year of uitvoering is the minimum; after that a family closes, goes on to nazorg and
    // is closed, or gets an extension from the team lead.
    const execDays = daysBetween(signedOn, today);
    const route = execDays < 183 ? "execution" : (["extended", "closing", "aftercare", "closed"] as const)[i % 4] ?? "closing";
    const closingOn = addDays(signedOn, 190);
    const aftercareOn = addDays(closingOn, 28);
    const closedOn = addDays(aftercareOn, 84);
    await actionProgressFor(db, actor, t.id, plan, route === "execution" || route === "extended" ? today : closingOn, i % 5 === 0);
    if (route === "execution" || route === "extended") {
      if (route === "extended") {
        await recordExtension(db, { actor: opts.lead, trajectoryId: t.id, input: { decidedOn: addDays(signedOn, 170), reason: "De schulden zijn nog niet geregeld, maar het gezin werkt goed mee en er is vooruitgang.", newEndDate: addDays(today, 60), insufficientlySelfReliant: true, improvementStillPossible: true } });
      }
      await weeklyReports(db, actor, t.id, signedOn, lastSunday, i % 4 === 0 ? 2 : 0);
      continue;
    }
    const { parents } = await familyPeople(db, organisationId, f.id);
    await db.insert(closingRecords).values({
      organisationId, trajectoryId: t.id,
      stabilityCheck: { completedOn: closingOn, completedBy: actor.userId, withMembers: parents.map((p) => p.id), answers: Object.fromEntries(STABILITY_ITEMS.map((item) => [item, { answer: "yes", note: null }])) },
      aftercarePlan: route === "closing" ? null : { contactPersonName: "Wijkteam Noord", contactOrganisation: "Wijkteam", contactEveryWeeks: 4, handoverTo: "Wijkteam Noord", relapseAgreement: "Bij nieuwe huurachterstand of schooluitval belt het wijkteam de gezinscoach.", startsOn: aftercareOn },
    });
    v = (await changePhase(db, { actor, trajectoryId: t.id, input: { to: "closing", on: closingOn, reason: null, version: (await getTrajectory(db, { actor, trajectoryId: t.id })).version } })).version;
    if (route === "closing" || !before(aftercareOn, today)) {
      await weeklyReports(db, actor, t.id, signedOn, lastSunday, 0);
      continue;
    }
    await weeklyReports(db, actor, t.id, signedOn, addDays(aftercareOn, -1), 0);
    v = (await changePhase(db, { actor, trajectoryId: t.id, input: { to: "aftercare", on: aftercareOn, reason: null, version: v } })).version;
    if (route === "closed" && before(closedOn, today)) await changePhase(db, { actor, trajectoryId: t.id, input: { to: "closed", on: closedOn, reason: null, version: v } });
  }
}
