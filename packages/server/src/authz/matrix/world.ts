/**
 * The places a record can live, for the permission matrix: one family "world" per target, each a
 * family in uitvoering with everything a dossier holds, built once through the real services with
 * a system actor; and fresh records for the cells that are allowed to change something.
 *
 * Every world carries a token (letters only) in its people's names and address, and a marker of
 * its own in every other part of the file (plan, actions, MDO, weekoverzicht, EKC, opschaling,
 * dwang en drang). A response that contains a world's token, a marker, its family id, trajectory
 * id, case number or BSN has shown that world; the markers also tell which part.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  addDays,
  isoWeekOf,
  isValidBsn,
  NewEscalation,
  NewFamily,
  NewFamilyGroupConference,
  NewLeverage,
  NewMember,
  NewNetworkPerson,
  NewWeeklyReport,
  NewConsent,
  ScheduleMeeting,
  SavePlanRequest,
  NewCovenantSignatory,
  NewPrivacyRequest,
  NewTimeEntry,
  NewCostEntry,
  PlanContent,
  todayInNetherlands,
  CONSENT_CATEGORIES,
  type Phase,
  type ConsentCategory,
} from "@ploegwerk/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../actor.ts";
import type { Db } from "../../db/database.ts";
import { planVersions } from "../../db/schema.ts";
import { recordConsent as recordFamilyConsent, withdrawConsent } from "../../features/consents/consents.service.ts";
import { addSignatory } from "../../features/escalations/covenant.service.ts";
import { raiseEscalation } from "../../features/escalations/escalations.service.ts";
import { addMember, addNetworkPerson, createFamily, getFamily } from "../../features/families/families.service.ts";
import { createFamilyGroupConference } from "../../features/familyGroupConferences/familyGroupConferences.service.ts";
import { recordLeverage } from "../../features/leverages/leverages.service.ts";
import { scheduleMeeting } from "../../features/meetings/meetings.service.ts";
import { listFamilyMeasurementRows } from "../../features/measurements/measurements.queries.ts";
import { savePlanVersion } from "../../features/plans/plans.save.ts";
import { signPlanVersion } from "../../features/plans/plans.sign.ts";
import { changePhase, getTrajectory } from "../../features/trajectories/trajectories.service.ts";
import { createWeeklyReport } from "../../features/weeklyReports/weeklyReports.service.ts";
import { openBreakGlass } from "../../features/breakGlass/breakGlass.service.ts";
import { recordPrivacyRequest } from "../../features/privacy/privacyRequests.service.ts";
import { bookCost, bookTime } from "../../features/costs/costs.service.ts";
import { uniqueCaseNumber, type TestOrganisation, type TestUser } from "../../testing/factories.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";

/** Where the record lives, seen from the matrix users (all in the first organisation, team roles in its first team). */
export const TARGETS = ["own", "otherTeam", "otherOrg", "consented", "nonConsented"] as const;
export type Target = (typeof TARGETS)[number];
export const TARGET_LABELS: Readonly<Record<Target, string>> = {
  own: "own scope",
  otherTeam: "other team",
  otherOrg: "other organisation",
  consented: "consented partner",
  nonConsented: "non-consented partner",
};

export const today = (): string => todayInNetherlands();

/** Eight lowercase letters, capitalised: a name part no fixture or product text contains by chance. */
export function newToken(): string {
  const letters = [...randomBytes(10)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  return `Qx${letters}`;
}

export function newBsn(): string {
  for (;;) {
    const digits = [...randomBytes(9)].map((b) => String(b % 10)).join("");
    if (digits[0] !== "0" && isValidBsn(digits)) return digits;
  }
}

/** What the world's family shared with the ketenpartner's organisation. */
export type PartnerConsent = "active" | "withdrawn" | "expired" | "none";

/** A chain partner organisation of a tenant, as the fixtures refer to it. */
export interface Partner {
  id: string;
  name: string;
}

export interface World {
  target: Target;
  organisationId: string;
  system: Actor;
  teamId: string;
  /** In the names of the family's members and network, and the street. */
  token: string;
  /** One per part of the file, so an answer shows which part it let through. */
  markers: Readonly<Record<MarkerPart, string>>;
  bsn: string;
  familyId: string;
  caseNumber: string;
  trajectoryId: string;
  parentId: string;
  childId: string;
  /** A third member ("other"), so a refused delete has something real to aim at. */
  otherMemberId: string;
  networkPersonId: string;
  goalId: string;
  memberActionId: string;
  /** An action of the signed plan owned by the registered chain partner (owner.partnerOrganisationId). */
  partnerActionId: string;
  measurementId: string;
  meetingId: string;
  weeklyReportId: string;
  conferenceId: string;
  conferenceAgreementId: string;
  escalationId: string;
  leverageId: string;
  /** A consent to the second partner organisation: the one the matrix edits and withdraws. */
  consentId: string;
  /** The partner that owns the plan action and is invited to the MDO. */
  partner: Partner;
  /** The active consent to `partner` with every category, when the world has one. */
  partnerConsentId: string | null;
  /** An open AVG request (inzage) in the family's register, recorded by the system. */
  privacyRequestId: string;
  /** Hours of a coach of the family's team and a cost, booked by the system (the bookings the refused deletes aim at). */
  timeEntryId: string;
  costEntryId: string;
}

export const MARKER_PARTS = ["overallGoal", "goal", "memberAction", "partnerAction", "meeting", "weeklyReport", "conference", "escalation", "leverage", "timeEntry", "costEntry"] as const;
export type MarkerPart = (typeof MARKER_PARTS)[number];

export interface WorldSecrets {
  /** Identify the dossier: allowed in the organisation's own log for a beheerder. */
  ids: string[];
  /** Personal data. */
  personal: string[];
}

export function secretsOf(w: World): WorldSecrets {
  return { ids: [w.familyId, w.trajectoryId, w.caseNumber], personal: [w.token, w.bsn, ...Object.values(w.markers)] };
}

function familyFor(token: string, bsn: string, teamId: string) {
  return NewFamily.parse({
    caseNumber: uniqueCaseNumber("MX"),
    teamId,
    address: { street: `${token}straat`, houseNumber: "12", postcode: "9711AB", city: "Groningen" },
    district: "Noord",
    members: [
      { givenName: "Sanne", surname: token, role: "parent", dateOfBirth: "1985-04-12", bsn },
      { givenName: "Noah", surname: token, role: "child", dateOfBirth: "2015-09-01" },
      { givenName: "Opa", surname: token, role: "other", dateOfBirth: "1950-01-01" },
    ],
    network: [{ name: `Oma ${token}`, relation: "oma", contact: null }],
  });
}

/** The partner's own contact person: not family data. */
export function partnerOwner(partner: Partner) {
  return { kind: "partnerContact" as const, organisation: partner.name, contactName: "Jan de Contactpersoon", contact: null, partnerOrganisationId: partner.id };
}

/**
 * Builds a world: family, trajectory through aanmelding, checks, go, consent, nulmeting and a
 * signed plan (member action + partner action) into uitvoering; an MDO planned with the partner,
 * a weekoverzicht, a held EKC with one agreement, an open opschaling, a drang entry; consent to
 * `otherPartner` ("basis") and, as `partnerConsent` says, to `partner` (all categories).
 */
export async function buildWorld(
  db: Db,
  o: { target: Target; org: TestOrganisation; teamId: string; partner: Partner; otherPartner: Partner; partnerConsent: PartnerConsent },
): Promise<World> {
  const system = o.org.system;
  const token = newToken();
  const m = Object.fromEntries(MARKER_PARTS.map((part) => [part, newToken()])) as Record<MarkerPart, string>;
  const bsn = newBsn();
  const input = familyFor(token, bsn, o.teamId);
  const { family } = await createFamily(db, { actor: system, input });
  const byRole = (role: string) => {
    const m = family.members.find((x) => x.role === role);
    if (!m) throw new Error(`world family has no ${role}`);
    return m.id;
  };
  const parentId = byRole("parent");
  const childId = byRole("child");
  const otherMemberId = byRole("other");
  const networkPersonId = family.network[0]?.id;
  if (!networkPersonId) throw new Error("world family has no network person");

  const { trajectory } = await makeTrajectory(db, system, { phase: "planning", familyId: family.id });
  const goalId = randomUUID();
  const memberActionId = randomUUID();
  const partnerActionId = randomUUID();
  const saved = await savePlanVersion(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: SavePlanRequest.parse({
      basedOn: null,
      version: null,
      content: {
        startDate: today(),
        instrumentKey: "ploeg-9",
        overallGoals: [{ id: randomUUID(), description: `Rust in huis ${m.overallGoal}`, targetDate: null }],
        goals: [
          {
            id: goalId,
            domain: "huisvesting",
            description: `De huur wordt betaald ${m.goal}`,
            actions: [
              { id: memberActionId, description: `Betalingsregeling ${m.memberAction}`, owner: { kind: "member", memberId: parentId }, dueDate: addDays(today(), 30) },
              { id: partnerActionId, description: `Schuldhulptraject ${m.partnerAction}`, owner: partnerOwner(o.partner), dueDate: addDays(today(), 30) },
            ],
          },
        ],
      },
    }),
  });
  await signPlanVersion(db, { actor: system, trajectoryId: trajectory.id, number: saved.plan.number, input: { signedOn: today(), signedBy: [parentId], method: "paper", version: saved.plan.version } });
  const current = await getTrajectory(db, { actor: system, trajectoryId: trajectory.id });
  await changePhase(db, { actor: system, trajectoryId: trajectory.id, input: { to: "execution", on: today(), reason: null, version: current.version } });

  const [measurement] = await listFamilyMeasurementRows(db, o.org.organisationId, family.id);
  if (!measurement) throw new Error("world family has no nulmeting");

  const meeting = await scheduleMeeting(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: ScheduleMeeting.parse({
      scheduledAt: `${addDays(today(), 14)}T10:00:00+01:00`,
      location: `Buurthuis ${m.meeting}`,
      participants: [{ kind: "member", memberId: parentId }, partnerOwner(o.partner)],
    }),
  });
  const week = isoWeekOf(today());
  const report = await createWeeklyReport(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: NewWeeklyReport.parse({ year: week.year, week: week.week, activities: `Huisbezoek ${m.weeklyReport}`, choices: null, bottlenecks: null, childSafety: `Kinderen veilig ${m.weeklyReport}` }),
  });
  const conferenceAgreementId = randomUUID();
  const conference = await createFamilyGroupConference(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: NewFamilyGroupConference.parse({
      status: "held",
      heldOn: today(),
      coordinator: `Coördinator ${m.conference}`,
      agreements: [{ id: conferenceAgreementId, description: `Oma past op ${m.conference}`, owner: { kind: "networkPerson", networkPersonId }, dueDate: addDays(today(), 20) }],
    }),
  });
  const escalation = await raiseEscalation(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: NewEscalation.parse({ partnerOrganisation: "Woonstichting De Korf", advice: `Geen ontruiming ${m.escalation}`, refusal: `Weigering ${m.escalation}`, raisedOn: today() }),
  });
  const leverage = await recordLeverage(db, {
    actor: system,
    trajectoryId: trajectory.id,
    input: NewLeverage.parse({ lever: "uitkering", kind: "drang", party: "Sociale dienst", condition: `Afspraken nakomen ${m.leverage}`, startsOn: today() }),
  });
  let partnerConsentId: string | null = null;
  // The purpose of a consent to the partner is shown to the partner: no family data in it.
  const toPartner = { parentId, childId, purpose: "Samenwerking rond schulden", categories: [...CONSENT_CATEGORIES] };
  if (o.partnerConsent === "active" || o.partnerConsent === "withdrawn") {
    const c = await giveConsent(db, system, family.id, o.partner, toPartner);
    if (o.partnerConsent === "active") partnerConsentId = c.id;
    if (o.partnerConsent === "withdrawn") await withdrawConsent(db, { actor: system, familyId: family.id, consentId: c.id, input: { version: c.version, reason: "Gezin trekt toestemming in" } });
  } else if (o.partnerConsent === "expired") {
    await giveConsent(db, system, family.id, o.partner, { ...toPartner, givenOn: addDays(today(), -200), expiresOn: addDays(today(), -10) });
  }
  const consent = await giveConsent(db, system, family.id, o.otherPartner, { parentId, childId, purpose: otherPartnerPurpose(token), categories: ["basis"] });
  const request = await openPrivacyRequest(db, system, family.id, `Sanne ${token}`);
  const booker = await o.org.user("coach", { team: o.teamId === o.org.teamId ? "own" : "other" });
  const hours = await bookTime(db, { actor: system, familyId: family.id, input: NewTimeEntry.parse({ on: today(), minutes: 60, activity: "huisbezoek", userId: booker.id, note: `Huisbezoek ${m.timeEntry}` }) });
  const cost = await bookCost(db, { actor: system, familyId: family.id, input: NewCostEntry.parse({ on: today(), amountCents: 4500, description: `Busreizen ${m.costEntry}`, funding: "gezinsbudget" }) });

  return {
    target: o.target,
    organisationId: o.org.organisationId,
    system,
    teamId: o.teamId,
    token,
    markers: m,
    bsn,
    familyId: family.id,
    caseNumber: family.caseNumber,
    trajectoryId: trajectory.id,
    parentId,
    childId,
    otherMemberId,
    networkPersonId,
    goalId,
    memberActionId,
    partnerActionId,
    measurementId: measurement.id,
    meetingId: meeting.id,
    weeklyReportId: report.id,
    conferenceId: conference.id,
    conferenceAgreementId,
    escalationId: escalation.id,
    leverageId: leverage.id,
    consentId: consent.id,
    partner: o.partner,
    partnerConsentId,
    privacyRequestId: request.id,
    timeEntryId: hours.id,
    costEntryId: cost.id,
  };
}

/** An open request for inzage, recorded by `actor` (the system: so any colleague may decide it). */
export function openPrivacyRequest(db: Db, actor: Actor, familyId: string, requestedBy: string) {
  return recordPrivacyRequest(db, { actor, familyId, input: NewPrivacyRequest.parse({ kind: "inzage", requestedBy, receivedOn: today(), description: null }) });
}

/** The purpose of the consent to the other partner, which the matrix edits with the same text. */
export const otherPartnerPurpose = (token: string) => `Samenwerking rond gezin ${token}`;

export async function giveConsent(
  db: Db,
  actor: Actor,
  familyId: string,
  recipient: Partner,
  o: { parentId: string; childId: string; purpose: string; categories: ConsentCategory[]; givenOn?: string; expiresOn?: string | null },
) {
  return recordFamilyConsent(db, {
    actor,
    familyId,
    input: NewConsent.parse({
      givenByMemberId: o.parentId,
      onBehalfOf: [o.childId],
      recipientId: recipient.id,
      categories: o.categories,
      purpose: o.purpose,
      legalBasis: "toestemming",
      givenOn: o.givenOn ?? today(),
      expiresOn: o.expiresOn ?? null,
    }),
  });
}

/**
 * Fresh records for the allowed cells of operations that cannot be repeated on a world (a
 * decision, a phase change, a withdrawal …): each call makes a new one in the target's team.
 */
export interface Fresh {
  family(teamId: string): Promise<{ id: string; caseNumber: string }>;
  trajectory(teamId: string, phase: Phase): Promise<{ trajectoryId: string; familyId: string; version: number; parentId: string; goalId: string | null }>;
  member(w: World): Promise<string>;
  networkPerson(w: World): Promise<string>;
  meeting(w: World): Promise<{ id: string; version: number }>;
  escalation(w: World): Promise<{ id: string; version: number }>;
  consent(w: World): Promise<{ id: string; version: number }>;
  privacyRequest(w: World): Promise<{ id: string; version: number }>;
  /** A held EKC with one agreement on a fresh trajectory in uitvoering (signed plan with one goal). */
  conferenceToPlace(teamId: string): Promise<{ trajectoryId: string; conferenceId: string; agreementId: string; goalId: string }>;
  /** A plan concept on a fresh trajectory in the gezinsplan phase, ready to sign. */
  planConcept(teamId: string): Promise<{ trajectoryId: string; number: number; version: number; parentId: string }>;
  signatory(): Promise<string>;
  /** A break-the-glass grant opened by a team lead of the other team on a family of the own team. */
  grant(): Promise<string>;
}

export function freshMaker(db: Db, org: TestOrganisation, otherLead: TestUser, otherPartner: Partner): Fresh {
  const system = org.system;
  async function family(teamId: string) {
    const { family: f } = await createFamily(db, {
      actor: system,
      input: NewFamily.parse({
        caseNumber: uniqueCaseNumber("FR"),
        teamId,
        members: [
          { givenName: "Fien", surname: "Nieuw", role: "parent", dateOfBirth: "1990-02-02" },
          { givenName: "Mats", surname: "Nieuw", role: "child", dateOfBirth: "2016-03-03" },
        ],
        network: [{ name: "Buurvrouw", relation: "buur", contact: null }],
      }),
    });
    return { id: f.id, caseNumber: f.caseNumber };
  }
  async function plans(trajectoryId: string) {
    return db
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.organisationId, org.organisationId), eq(planVersions.trajectoryId, trajectoryId)))
      .orderBy(asc(planVersions.number));
  }
  async function trajectory(teamId: string, phase: Phase) {
    const f = await family(teamId);
    const { trajectory: t } = await makeTrajectory(db, system, { phase, familyId: f.id });
    const fam = await getFamily(db, { actor: system, familyId: f.id });
    const parentId = fam.members.find((m) => m.role === "parent")?.id;
    if (!parentId) throw new Error("fresh family has no parent");
    const first = (await plans(t.id))[0];
    const goalId = first ? (PlanContent.parse(first.content).goals[0]?.id ?? null) : null;
    return { trajectoryId: t.id, familyId: f.id, version: t.version, parentId, goalId };
  }
  return {
    family,
    trajectory,
    async member(w) {
      const m = await addMember(db, { actor: w.system, familyId: w.familyId, input: NewMember.parse({ givenName: "Tijdelijk", surname: "Lid", role: "other", dateOfBirth: "1970-01-01" }) });
      return m.id;
    },
    async networkPerson(w) {
      const p = await addNetworkPerson(db, { actor: w.system, familyId: w.familyId, input: NewNetworkPerson.parse({ name: "Tijdelijke buur", relation: "buur", contact: null }) });
      return p.id;
    },
    async meeting(w) {
      const m = await scheduleMeeting(db, { actor: w.system, trajectoryId: w.trajectoryId, input: ScheduleMeeting.parse({ scheduledAt: `${today()}T12:00:00+01:00`, location: null, participants: [] }) });
      return { id: m.id, version: m.version };
    },
    async escalation(w) {
      const e = await raiseEscalation(db, { actor: w.system, trajectoryId: w.trajectoryId, input: NewEscalation.parse({ partnerOrganisation: "Zorgverzekeraar", advice: "Dwingend advies", refusal: "Geweigerd", raisedOn: today() }) });
      return { id: e.id, version: e.version };
    },
    async consent(w) {
      const c = await giveConsent(db, w.system, w.familyId, otherPartner, { parentId: w.parentId, childId: w.childId, purpose: "Tijdelijke toestemming", categories: ["basis"] });
      return { id: c.id, version: c.version };
    },
    async privacyRequest(w) {
      const p = await openPrivacyRequest(db, w.system, w.familyId, "Sanne (moeder)");
      return { id: p.id, version: p.version };
    },
    async conferenceToPlace(teamId) {
      const t = await trajectory(teamId, "execution");
      if (!t.goalId) throw new Error("fresh trajectory in uitvoering has no plan goal");
      const fam = await getFamily(db, { actor: system, familyId: t.familyId });
      const networkPersonId = fam.network[0]?.id;
      if (!networkPersonId) throw new Error("fresh family has no network person");
      const agreementId = randomUUID();
      const c = await createFamilyGroupConference(db, {
        actor: system,
        trajectoryId: t.trajectoryId,
        input: NewFamilyGroupConference.parse({ status: "held", heldOn: today(), agreements: [{ id: agreementId, description: "Buurvrouw haalt de kinderen op", owner: { kind: "networkPerson", networkPersonId }, dueDate: addDays(today(), 10) }] }),
      });
      return { trajectoryId: t.trajectoryId, conferenceId: c.id, agreementId, goalId: t.goalId };
    },
    async planConcept(teamId) {
      const t = await trajectory(teamId, "planning");
      const saved = await savePlanVersion(db, {
        actor: system,
        trajectoryId: t.trajectoryId,
        input: SavePlanRequest.parse({
          basedOn: null,
          version: null,
          content: {
            startDate: today(),
            instrumentKey: "ploeg-9",
            goals: [{ id: randomUUID(), domain: "inkomen", description: "Inkomen op orde", actions: [{ id: randomUUID(), description: "Budgetcursus", owner: { kind: "member", memberId: t.parentId }, dueDate: addDays(today(), 40) }] }],
          },
        }),
      });
      return { trajectoryId: t.trajectoryId, number: saved.plan.number, version: saved.plan.version, parentId: t.parentId };
    },
    async signatory() {
      const s = await addSignatory(db, { actor: system, input: NewCovenantSignatory.parse({ partnerOrganisation: `Ondertekenaar ${randomUUID().slice(0, 8)}`, signedOn: "2020-01-01" }) });
      return s.id;
    },
    async grant() {
      const f = await family(org.teamId);
      const g = await openBreakGlass(db, { actor: otherLead.actor, input: { caseNumber: f.caseNumber, reason: "Crisismelding buiten kantoortijd, dossier nodig." } });
      return g.id;
    },
  };
}
