/**
 * The recipe table: every operation of the API's OpenAPI document, keyed "METHOD /api/v1/path/{param}",
 * with its policy class (policies.ts) and how to ask it of a given place. A new operation without a
 * line here fails the matrix; so does a line for an operation that is gone.
 *
 * Builders aim refused cells at the world itself (with the current versions, so that a missing check
 * would show as a change) and give allowed cells a fresh record when the operation cannot be repeated
 * on the world (a decision, a phase move, a withdrawal, a signature …), so every allowed cell gets
 * its exact 2xx and not a 409.
 */
import { randomUUID } from "node:crypto";
import { BUILTIN_INSTRUMENTS, isoWeekOf, addDays } from "@ploegwerk/domain";
import { TEST_PASSWORD, familyInput, measurementInput, ploeg9 } from "../../testing/factories.ts";
import type { Client } from "../../testing/http.ts";
import { codeAt } from "../../testing/twoFactor.ts";
import { referralInput } from "../../testing/trajectories.ts";
import { closingVersionOf, versionOf, type Fixtures } from "./fixtures.ts";
import { catalogueEntry } from "./catalogue.ts";
import {
  admin,
  catalogueEvidence,
  catalogueManage,
  catalogueRead,
  breakGlassOpen,
  breakGlassReview,
  organisationDirectory,
  staffDirectory,
  outcomeFigures,
  outcomePerFamily,
  partnerAccess,
  partnerForeignAction,
  partnerList,
  quickReferralReceiver,
  quickReferralStatistics,
  quickReferralToAanmelding,
  quickReferrer,
  registerManage,
  registerRead,
  researcher,
  self,
  teamLeadWrite,
  teamFileHolders,
  teamBook,
  teamList,
  teamOverview,
  teamRead,
  teamRegister,
  teamSearch,
  teamWrite,
  type MatrixRole,
  type Policy,
} from "./policies.ts";
import { otherPartnerPurpose, today, type Target, type World } from "./world.ts";
import { quickReferralVersion } from "./quickReferrals.ts";

/** One cell of the matrix, as a request builder sees it. */
export interface Cell {
  role: MatrixRole | "anonymous";
  target: Target;
  /** The policy says this cell succeeds: make a fresh record where the operation cannot be repeated. */
  allowed: boolean;
  /** The world of the target. */
  world: World;
  fx: Fixtures;
  /**
   * A new user of the cell's role, logged in, for account operations that end or change the session:
   * `client` talks to the app under test, `side` to another app on the same database (to prepare a
   * cell without spending the rate limit of the route under test).
   */
  freshUser(): Promise<{ client: Client; side: Client }>;
}

export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** Send the request as this client instead of the role's shared session. */
  client?: Client;
}

export interface Recipe {
  policy: Policy;
  /** Several requests for one operation (e.g. aggregated figures and the per-family list). */
  variant?: string;
  build(cell: Cell): Promise<MatrixRequest> | MatrixRequest;
  /**
   * Roles that may see the ids and case numbers (not the personal data) of every family of their own
   * organisation in this answer: the beheerder searching the audit log.
   */
  organisationIdsFor?: readonly MatrixRole[];
  /**
   * A list: an allowed answer names (by family id or case number) every family the role may see
   * ("visible"), or every family of the own organisation ("organisation", the beheerder's audit log).
   */
  shows?: "visible" | "organisation";
}

export type RecipeTable = Readonly<Record<string, Recipe | readonly Recipe[]>>;

const r = (policy: Policy, build: Recipe["build"], extra: Partial<Recipe> = {}): Recipe => ({ policy, build, ...extra });

const V1 = "/api/v1";
const fam = (w: World) => `${V1}/families/${w.familyId}`;
const traj = (id: string) => `${V1}/trajectories/${id}`;
const unique = () => randomUUID().slice(0, 8);
/** Each allowed POST of a measurement records a new meting round on the world. */
let round = 10;
const NEW_PASSWORD = () => `Zeer geheim wachtwoord ${unique()} blauwe tulp`;

/** Plan content for the world's own goal (a refused save aims at the world's signed plan). */
const planContent = (w: World) => ({
  startDate: today(),
  instrumentKey: "ploeg-9",
  goals: [{ id: w.goalId, domain: "huisvesting", description: `De huur wordt betaald ${w.markers.goal}`, actions: [] }],
});

const researchQuery = () => `instrument=ploeg-9&from=${addDays(today(), -400)}&to=${addDays(today(), 30)}&dates=shift`;

export const RECIPES: RecipeTable = {
  // ── own session and account ────────────────────────────────────────────────────────────────
  "GET /api/v1/session": r(self(200), () => ({ url: `${V1}/session` })),
  "GET /api/v1/account": r(self(200), () => ({ url: `${V1}/account` })),
  "POST /api/v1/account/two-factor": r(self(201), () => ({ url: `${V1}/account/two-factor` })),
  "PUT /api/v1/account/two-factor": r(self(200), async (c) => {
    if (!c.allowed) return { url: `${V1}/account/two-factor`, body: { code: "123456" } };
    const { client, side } = await c.freshUser();
    const started = await side.post(`${V1}/account/two-factor`);
    if (started.statusCode !== 201) throw new Error(`starting two-factor set-up: ${started.statusCode} ${started.body}`);
    const { secret } = started.json() as { secret: string };
    return { url: `${V1}/account/two-factor`, body: { code: codeAt(secret) }, client };
  }),
  "DELETE /api/v1/account/two-factor": r(self(204), () => ({ url: `${V1}/account/two-factor`, body: { password: TEST_PASSWORD } })),
  "PUT /api/v1/account/password": r(self(204), async (c) => ({
    url: `${V1}/account/password`,
    body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD() },
    ...(c.allowed ? { client: (await c.freshUser()).client } : {}),
  })),
  "DELETE /api/v1/sessions": r(self(204), async (c) => ({ url: `${V1}/sessions`, ...(c.allowed ? { client: (await c.freshUser()).client } : {}) })),

  // ── accounts, teams, security settings (beheerder) ───────────────────────────────────────────
  "GET /api/v1/users": r(admin(200), () => ({ url: `${V1}/users` })),
  "POST /api/v1/users": r(admin(201), ({ fx }) => ({
    url: `${V1}/users`,
    body: { name: "Nieuwe collega", email: `nieuw-${unique()}@test.ploegwerk.nl`, role: "coach", teamId: fx.org.teamId, password: NEW_PASSWORD() },
  })),
  "PATCH /api/v1/users/{userId}": r(admin(200, ["own", "otherOrg"]), async ({ fx, target }) => {
    const user = target === "otherOrg" ? fx.foreignUser : fx.victim;
    return { url: `${V1}/users/${user.id}`, body: { version: await versionOf(fx.db, "users", user.id), name: user.name } };
  }),
  "GET /api/v1/users/security": r(admin(200), () => ({ url: `${V1}/users/security` })),
  "DELETE /api/v1/users/{userId}/two-factor": r(admin(204, ["own", "otherOrg"]), ({ fx, target }) => ({ url: `${V1}/users/${(target === "otherOrg" ? fx.foreignUser : fx.victim).id}/two-factor` })),
  "DELETE /api/v1/users/{userId}/lock": r(admin(204, ["own", "otherOrg"]), ({ fx, target }) => ({ url: `${V1}/users/${(target === "otherOrg" ? fx.foreignUser : fx.victim).id}/lock` })),
  "DELETE /api/v1/users/{userId}/sessions": r(admin(204, ["own", "otherOrg"]), ({ fx, target }) => ({ url: `${V1}/users/${(target === "otherOrg" ? fx.foreignUser : fx.victim).id}/sessions` })),
  "GET /api/v1/organisation/security": r(admin(200), () => ({ url: `${V1}/organisation/security` })),
  // The organisation keeps "no roles need two-factor", so the matrix users' sessions stay as they are.
  "PUT /api/v1/organisation/security": r(admin(200), () => ({ url: `${V1}/organisation/security`, body: { mfaRequiredRoles: [] } })),
  "GET /api/v1/staff": r(staffDirectory, () => ({ url: `${V1}/staff` })),
  "GET /api/v1/teams": r(organisationDirectory, () => ({ url: `${V1}/teams` })),
  "POST /api/v1/teams": r(admin(201), () => ({ url: `${V1}/teams`, body: { name: `Team ${unique()}`, district: null } })),

  // ── instruments ──────────────────────────────────────────────────────────────────────────
  "GET /api/v1/instruments": r(organisationDirectory, () => ({ url: `${V1}/instruments` })),
  "GET /api/v1/instruments/{key}/versions/{version}": r(organisationDirectory, () => ({ url: `${V1}/instruments/ploeg-9/versions/1` })),
  "POST /api/v1/instruments": r(admin(201), () => {
    const ladder = BUILTIN_INSTRUMENTS.find((d) => d.key === "participatieladder");
    if (!ladder) throw new Error("no builtin participatieladder");
    return { url: `${V1}/instruments`, body: { ...ladder, key: `matrix-${unique()}` } };
  }),

  // ── families ─────────────────────────────────────────────────────────────────────────────
  "GET /api/v1/families": r(teamList, () => ({ url: `${V1}/families?pageSize=200` }), { shows: "visible" }),
  "POST /api/v1/families": r(teamRegister(201), ({ world: w }) => ({ url: `${V1}/families`, body: familyInput({ teamId: w.teamId }) })),
  "POST /api/v1/families/duplicate-check": r(teamSearch, ({ world: w }) => ({
    url: `${V1}/families/duplicate-check`,
    body: { members: [{ givenName: "Sanne", surname: w.token, dateOfBirth: "1985-04-12" }] },
  })),
  "GET /api/v1/families/{familyId}": r(teamRead, ({ world: w }) => ({ url: fam(w) })),
  "PATCH /api/v1/families/{familyId}": r(teamWrite(200), async ({ world: w, fx }) => ({ url: fam(w), body: { version: await versionOf(fx.db, "families", w.familyId), district: "Noord" } })),
  "POST /api/v1/families/{familyId}/members": r(teamWrite(201), ({ world: w }) => ({
    url: `${fam(w)}/members`,
    body: { givenName: "Lotte", surname: w.token, role: "child", dateOfBirth: "2018-05-05", bsn: null },
  })),
  "PATCH /api/v1/families/{familyId}/members/{memberId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${fam(w)}/members/${w.parentId}`,
    body: { version: await versionOf(fx.db, "members", w.parentId), givenName: "Sanne" },
  })),
  "DELETE /api/v1/families/{familyId}/members/{memberId}": r(teamWrite(204), async ({ world: w, fx, allowed }) => ({
    url: `${fam(w)}/members/${allowed ? await fx.fresh.member(w) : w.otherMemberId}`,
  })),
  "POST /api/v1/families/{familyId}/network": r(teamWrite(201), ({ world: w }) => ({ url: `${fam(w)}/network`, body: { name: `Buurman ${w.token}`, relation: "buurman", contact: null } })),
  "DELETE /api/v1/families/{familyId}/network/{personId}": r(teamWrite(204), async ({ world: w, fx, allowed }) => ({
    url: `${fam(w)}/network/${allowed ? await fx.fresh.networkPerson(w) : w.networkPersonId}`,
  })),

  // ── measurements ─────────────────────────────────────────────────────────────────────────
  "GET /api/v1/families/{familyId}/measurements": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/measurements` })),
  "POST /api/v1/families/{familyId}/measurements": r(teamWrite(201), ({ world: w }) => ({ url: `${fam(w)}/measurements`, body: measurementInput(++round, ploeg9(4, 4, 4, 4, 4, 4, 4, 4, 4)) })),
  "GET /api/v1/families/{familyId}/measurements/{measurementId}": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/measurements/${w.measurementId}` })),
  "PATCH /api/v1/families/{familyId}/measurements/{measurementId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${fam(w)}/measurements/${w.measurementId}`,
    body: { version: await versionOf(fx.db, "measurements", w.measurementId), note: "Nulmeting" },
  })),

  // ── outcomes and the audit log ───────────────────────────────────────────────────────────
  "GET /api/v1/outcomes": [
    r(outcomeFigures, () => ({ url: `${V1}/outcomes?instrument=ploeg-9` }), { variant: "aggregated" }),
    r(outcomePerFamily, () => ({ url: `${V1}/outcomes?instrument=ploeg-9&families=true` }), { variant: "families=true", shows: "visible" }),
  ],
  // The registrations of today: every family of the organisation, whatever the matrix has logged since.
  "GET /api/v1/audit": r(admin(200), () => ({ url: `${V1}/audit?pageSize=500&action=family.created&from=${today()}` }), { organisationIdsFor: ["beheerder"], shows: "organisation" }),
  "GET /api/v1/audit/export.csv": r(admin(200), () => ({ url: `${V1}/audit/export.csv?action=family.created&from=${today()}` }), { organisationIdsFor: ["beheerder"], shows: "organisation" }),
  "GET /api/v1/families/{familyId}/access-history": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/access-history` })),

  // ── trajectories ─────────────────────────────────────────────────────────────────────────
  "POST /api/v1/referrals": r(teamWrite(201), async ({ world: w, fx, allowed }) => ({
    url: `${V1}/referrals`,
    // A family without an open trajectory when allowed; the world (which has one) when refused.
    body: referralInput({ id: allowed ? (await fx.fresh.family(w.teamId)).id : w.familyId }),
  })),
  "GET /api/v1/families/{familyId}/trajectories": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/trajectories` })),
  "GET /api/v1/trajectories/{trajectoryId}": r(teamRead, ({ world: w }) => ({ url: traj(w.trajectoryId) })),
  "PUT /api/v1/trajectories/{trajectoryId}/checks/{kind}": r(teamWrite(200), async ({ world: w, fx, allowed }) => ({
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "referral")).trajectoryId : w.trajectoryId)}/checks/police`,
    body: { result: "no_concerns", note: null, checkedOn: today() },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/decision": r(teamWrite(200), async ({ world: w, fx, allowed }) => ({
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "referral")).trajectoryId : w.trajectoryId)}/decision`,
    body: { decision: "no_go", on: today(), reason: "Te licht: één leefgebied." },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/transitions": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const t = allowed ? await fx.fresh.trajectory(w.teamId, "intake") : { trajectoryId: w.trajectoryId };
    return { url: `${traj(t.trajectoryId)}/transitions`, body: { to: "closed", on: today(), reason: "Gezin verhuisd naar een andere gemeente.", version: await versionOf(fx.db, "trajectories", t.trajectoryId) } };
  }),
  "POST /api/v1/trajectories/{trajectoryId}/feedback": r(teamWrite(200), async ({ world: w, fx, allowed }) => ({
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "intake")).trajectoryId : w.trajectoryId)}/feedback`,
    body: { subject: "decision", sentOn: today(), channel: "phone", note: null },
  })),
  "PUT /api/v1/trajectories/{trajectoryId}/consent": r(teamWrite(200), ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/consent`, body: { signedOn: today() } })),
  "POST /api/v1/trajectories/{trajectoryId}/eropaf": r(teamWrite(200), async ({ world: w, fx, allowed }) => ({
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "intake")).trajectoryId : w.trajectoryId)}/eropaf`,
    body: { decidedOn: today(), reason: "Gezin doet de deur niet open.", revisedDeadline: null },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/extensions": r(teamLeadWrite(200), async ({ world: w, fx, allowed }) => ({
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "intake")).trajectoryId : w.trajectoryId)}/extensions`,
    body: { decidedOn: today(), reason: "Nog niet zelfredzaam genoeg.", newEndDate: addDays(today(), 400), insufficientlySelfReliant: true, improvementStillPossible: true },
  })),
  "GET /api/v1/trajectories/{trajectoryId}/handover-letter.pdf": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/handover-letter.pdf` })),
  "GET /api/v1/trajectories/{trajectoryId}/plan/versions/{number}.pdf": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/plan/versions/1.pdf` })),

  // ── gezinsplan ───────────────────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/plan": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/plan` })),
  "PUT /api/v1/trajectories/{trajectoryId}/plan": r(teamWrite(201), async ({ world: w, fx, allowed }) => {
    if (!allowed) return { url: `${traj(w.trajectoryId)}/plan`, body: { basedOn: 1, version: null, content: planContent(w), deviations: [] } };
    const t = await fx.fresh.trajectory(w.teamId, "planning");
    return {
      url: `${traj(t.trajectoryId)}/plan`,
      body: {
        basedOn: null,
        version: null,
        content: { startDate: today(), instrumentKey: "ploeg-9", goals: [{ id: randomUUID(), domain: "inkomen", description: "Inkomen op orde", actions: [] }] },
        deviations: [],
      },
    };
  }),
  "GET /api/v1/trajectories/{trajectoryId}/plan/versions/{number}": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/plan/versions/1` })),
  "POST /api/v1/trajectories/{trajectoryId}/plan/versions/{number}/signature": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const c = allowed ? await fx.fresh.planConcept(w.teamId) : { trajectoryId: w.trajectoryId, number: 1, version: 1, parentId: w.parentId };
    return { url: `${traj(c.trajectoryId)}/plan/versions/${c.number}/signature`, body: { signedOn: today(), signedBy: [c.parentId], method: "paper", version: c.version } };
  }),
  "GET /api/v1/trajectories/{trajectoryId}/plan/diff": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/plan/diff?from=1&to=1` })),
  "POST /api/v1/trajectories/{trajectoryId}/plan/actions/{actionId}/progress": r(teamWrite(201), ({ world: w }) => ({
    url: `${traj(w.trajectoryId)}/plan/actions/${w.memberActionId}/progress`,
    body: { status: "in_progress", cancelReason: null },
  })),

  // ── MDO ──────────────────────────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/meetings": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/meetings` })),
  "POST /api/v1/trajectories/{trajectoryId}/meetings": r(teamWrite(201), ({ world: w }) => ({
    url: `${traj(w.trajectoryId)}/meetings`,
    body: { scheduledAt: `${addDays(today(), 30)}T10:00:00+01:00`, location: null, participants: [{ kind: "member", memberId: w.parentId }] },
  })),
  "GET /api/v1/trajectories/{trajectoryId}/meetings/{meetingId}": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/meetings/${w.meetingId}` })),
  "PATCH /api/v1/trajectories/{trajectoryId}/meetings/{meetingId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/meetings/${w.meetingId}`,
    body: { version: await versionOf(fx.db, "meetings", w.meetingId), location: `Buurthuis ${w.markers.meeting}` },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/meetings/{meetingId}/hold": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const m = allowed ? await fx.fresh.meeting(w) : { id: w.meetingId, version: await versionOf(fx.db, "meetings", w.meetingId) };
    return { url: `${traj(w.trajectoryId)}/meetings/${m.id}/hold`, body: { version: m.version, attendance: [], decisions: null, minutes: null, agreements: [] } };
  }),
  "POST /api/v1/trajectories/{trajectoryId}/meetings/{meetingId}/cancel": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const m = allowed ? await fx.fresh.meeting(w) : { id: w.meetingId, version: await versionOf(fx.db, "meetings", w.meetingId) };
    return { url: `${traj(w.trajectoryId)}/meetings/${m.id}/cancel`, body: { version: m.version, reason: "De coach is ziek." } };
  }),

  // ── weekoverzichten ──────────────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/weekly-reports": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/weekly-reports` })),
  "POST /api/v1/trajectories/{trajectoryId}/weekly-reports": r(teamWrite(201), async ({ world: w, fx, allowed }) => {
    const week = isoWeekOf(today());
    // The world has this week's report already: a fresh trajectory for the allowed cells.
    const id = allowed ? (await fx.fresh.trajectory(w.teamId, "intake")).trajectoryId : w.trajectoryId;
    return { url: `${traj(id)}/weekly-reports`, body: { year: week.year, week: week.week, activities: "Kennismaking", choices: null, bottlenecks: null, childSafety: "Geen zorgen" } };
  }),
  "PUT /api/v1/trajectories/{trajectoryId}/weekly-reports/{reportId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/weekly-reports/${w.weeklyReportId}`,
    body: { activities: `Huisbezoek ${w.markers.weeklyReport}`, choices: null, bottlenecks: null, childSafety: `Kinderen veilig ${w.markers.weeklyReport}`, version: await versionOf(fx.db, "weekly_reports", w.weeklyReportId) },
  })),

  // ── Eigen Kracht-conferenties ────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/family-group-conferences": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/family-group-conferences` })),
  "POST /api/v1/trajectories/{trajectoryId}/family-group-conferences": r(teamWrite(201), ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/family-group-conferences`, body: { status: "discussed" } })),
  "GET /api/v1/trajectories/{trajectoryId}/family-group-conferences/{conferenceId}": r(teamRead, ({ world: w }) => ({
    url: `${traj(w.trajectoryId)}/family-group-conferences/${w.conferenceId}`,
  })),
  "PUT /api/v1/trajectories/{trajectoryId}/family-group-conferences/{conferenceId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/family-group-conferences/${w.conferenceId}`,
    body: {
      status: "held",
      heldOn: today(),
      coordinator: `Coördinator ${w.markers.conference}`,
      agreements: [{ id: w.conferenceAgreementId, description: `Oma past op ${w.markers.conference}`, owner: { kind: "networkPerson", networkPersonId: w.networkPersonId }, dueDate: addDays(today(), 20) }],
      version: await versionOf(fx.db, "family_group_conferences", w.conferenceId),
    },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/family-group-conferences/{conferenceId}/plan": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const c = allowed ? await fx.fresh.conferenceToPlace(w.teamId) : { trajectoryId: w.trajectoryId, conferenceId: w.conferenceId, agreementId: w.conferenceAgreementId, goalId: w.goalId };
    return { url: `${traj(c.trajectoryId)}/family-group-conferences/${c.conferenceId}/plan`, body: { placements: [{ agreementId: c.agreementId, goalId: c.goalId }] } };
  }),

  // ── convenant and opschaling ─────────────────────────────────────────────────────────────
  "GET /api/v1/covenant/signatories": r(registerRead, () => ({ url: `${V1}/covenant/signatories` })),
  "POST /api/v1/covenant/signatories": r(registerManage(201), () => ({ url: `${V1}/covenant/signatories`, body: { partnerOrganisation: `Partner ${unique()}`, signedOn: "2020-01-01" } })),
  "DELETE /api/v1/covenant/signatories/{signatoryId}": r(registerManage(204, ["own", "otherOrg"]), async ({ fx, target, allowed }) => ({
    url: `${V1}/covenant/signatories/${allowed ? await fx.fresh.signatory() : target === "otherOrg" ? fx.signatory.otherOrg : fx.signatory.own}`,
  })),
  "GET /api/v1/escalations": r(teamList, () => ({ url: `${V1}/escalations?status=all` }), { shows: "visible" }),
  "GET /api/v1/trajectories/{trajectoryId}/escalations": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/escalations` })),
  "POST /api/v1/trajectories/{trajectoryId}/escalations": r(teamWrite(201), ({ world: w }) => ({
    url: `${traj(w.trajectoryId)}/escalations`,
    body: { partnerOrganisation: "Woonstichting De Korf", advice: "Geen ontruiming", refusal: "Geweigerd", raisedOn: today() },
  })),
  "POST /api/v1/trajectories/{trajectoryId}/escalations/{escalationId}/resolution": r(teamLeadWrite(200), async ({ world: w, fx, allowed }) => {
    const e = allowed ? await fx.fresh.escalation(w) : { id: w.escalationId, version: await versionOf(fx.db, "escalations", w.escalationId) };
    return { url: `${traj(w.trajectoryId)}/escalations/${e.id}/resolution`, body: { outcome: "Directeur akkoord", resolvedOn: today(), version: e.version } };
  }),

  // ── dwang en drang ───────────────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/leverages": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/leverages` })),
  "POST /api/v1/trajectories/{trajectoryId}/leverages": r(teamWrite(201), ({ world: w }) => ({
    url: `${traj(w.trajectoryId)}/leverages`,
    body: { lever: "leerplicht", kind: "drang", party: "Leerplichtambtenaar", condition: "Noah gaat elke dag naar school", startsOn: today() },
  })),
  "PUT /api/v1/trajectories/{trajectoryId}/leverages/{leverageId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/leverages/${w.leverageId}`,
    body: { lever: "uitkering", kind: "drang", party: "Sociale dienst", condition: `Afspraken nakomen ${w.markers.leverage}`, startsOn: today(), endsOn: null, outcome: null, version: await versionOf(fx.db, "leverages", w.leverageId) },
  })),

  // ── afronding en nazorg ──────────────────────────────────────────────────────────────────
  "GET /api/v1/trajectories/{trajectoryId}/closing": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/closing` })),
  "PUT /api/v1/trajectories/{trajectoryId}/closing/stability-check": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/closing/stability-check`,
    body: { completedOn: today(), completedBy: null, withMembers: [w.parentId], answers: {}, version: await closingVersionOf(fx.db, w.trajectoryId) },
  })),
  "PUT /api/v1/trajectories/{trajectoryId}/closing/aftercare-plan": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${traj(w.trajectoryId)}/closing/aftercare-plan`,
    body: { contactPersonName: "Wijkteam Noord", contactOrganisation: null, contactEveryWeeks: 4, handoverTo: null, relapseAgreement: null, startsOn: null, version: await closingVersionOf(fx.db, w.trajectoryId) },
  })),
  "GET /api/v1/trajectories/{trajectoryId}/aftercare-checkins": r(teamRead, ({ world: w }) => ({ url: `${traj(w.trajectoryId)}/aftercare-checkins` })),
  "POST /api/v1/trajectories/{trajectoryId}/aftercare-checkins": r(teamWrite(201), async ({ world: w, fx, allowed }) => ({
    // Nazorg only: a fresh trajectory in nazorg for the allowed cells.
    url: `${traj(allowed ? (await fx.fresh.trajectory(w.teamId, "aftercare")).trajectoryId : w.trajectoryId)}/aftercare-checkins`,
    body: { heldOn: today(), byName: null, note: null, relapse: false },
  })),

  // ── caseload ─────────────────────────────────────────────────────────────────────────────
  "GET /api/v1/caseload": r(teamOverview, ({ world: w }) => ({ url: `${V1}/caseload?teamId=${w.teamId}` }), { shows: "visible" }),

  // ── chain partners and consent ───────────────────────────────────────────────────────────
  "GET /api/v1/partner-organisations": r(registerRead, () => ({ url: `${V1}/partner-organisations` })),
  "POST /api/v1/partner-organisations": r(registerManage(201), () => ({ url: `${V1}/partner-organisations`, body: { name: `Partner ${unique()}`, kind: "schuldhulp", contact: null } })),
  "PUT /api/v1/partner-organisations/{partnerId}": r(registerManage(200, ["own", "otherOrg"]), ({ fx, target }) => {
    const p = target === "otherOrg" ? fx.foreignPartner : fx.editablePartner;
    return { url: `${V1}/partner-organisations/${p.id}`, body: { name: p.name, kind: target === "otherOrg" ? "schuldhulp" : "wijkteam", contact: null } };
  }),
  "GET /api/v1/families/{familyId}/consents": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/consents` })),
  "POST /api/v1/families/{familyId}/consents": r(teamWrite(201), ({ world: w, fx }) => ({
    url: `${fam(w)}/consents`,
    body: { givenByMemberId: w.parentId, onBehalfOf: [], recipientId: fx.otherPartner.id, categories: ["basis"], purpose: "Behandeling", legalBasis: "toestemming", givenOn: today(), expiresOn: null },
  })),
  "PUT /api/v1/families/{familyId}/consents/{consentId}": r(teamWrite(200), async ({ world: w, fx }) => ({
    url: `${fam(w)}/consents/${w.consentId}`,
    body: { version: await versionOf(fx.db, "consents", w.consentId), categories: ["basis"], purpose: otherPartnerPurpose(w.token), expiresOn: null },
  })),
  "POST /api/v1/families/{familyId}/consents/{consentId}/withdraw": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const c = allowed ? await fx.fresh.consent(w) : { id: w.consentId, version: await versionOf(fx.db, "consents", w.consentId) };
    return { url: `${fam(w)}/consents/${c.id}/withdraw`, body: { version: c.version, reason: null } };
  }),
  "GET /api/v1/families/{familyId}/sharing": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/sharing` })),
  // ── AVG: inzage, corrections, the register of requests ─────────────────────────────────
  "GET /api/v1/families/{familyId}/export.json": r(teamFileHolders(200), ({ world: w }) => ({ url: `${fam(w)}/export.json` })),
  "GET /api/v1/families/{familyId}/export.pdf": r(teamFileHolders(200), ({ world: w }) => ({ url: `${fam(w)}/export.pdf?memberId=${w.parentId}` })),
  "GET /api/v1/families/{familyId}/corrections": r(teamFileHolders(200), ({ world: w }) => ({ url: `${fam(w)}/corrections` })),
  "GET /api/v1/families/{familyId}/privacy-requests": r(teamFileHolders(200), ({ world: w }) => ({ url: `${fam(w)}/privacy-requests` })),
  "POST /api/v1/families/{familyId}/privacy-requests": r(teamWrite(201), ({ world: w }) => ({
    url: `${fam(w)}/privacy-requests`,
    body: { kind: "bezwaar", memberId: w.parentId, requestedBy: "De moeder", receivedOn: today(), description: null },
  })),
  "POST /api/v1/families/{familyId}/privacy-requests/{requestId}/decision": r(teamWrite(200), async ({ world: w, fx, allowed }) => {
    const p = allowed ? await fx.fresh.privacyRequest(w) : { id: w.privacyRequestId, version: await versionOf(fx.db, "privacy_requests", w.privacyRequestId) };
    return { url: `${fam(w)}/privacy-requests/${p.id}/decision`, body: { version: p.version, status: "granted", decidedOn: today(), decision: "Het overzicht is verstuurd.", erasure: null } };
  }),
  "GET /api/v1/shared/families": r(partnerList, () => ({ url: `${V1}/shared/families` }), { shows: "visible" }),
  "GET /api/v1/shared/families/{familyId}": r(partnerAccess(200), ({ world: w }) => ({ url: `${V1}/shared/families/${w.familyId}` })),
  "POST /api/v1/shared/families/{familyId}/actions/{actionId}/progress": [
    r(partnerAccess(201), ({ world: w }) => ({ url: `${V1}/shared/families/${w.familyId}/actions/${w.partnerActionId}/progress`, body: { status: "in_progress", cancelReason: null } }), {
      variant: "the partner's own action",
    }),
    r(partnerForeignAction, ({ world: w }) => ({ url: `${V1}/shared/families/${w.familyId}/actions/${w.memberActionId}/progress`, body: { status: "done", cancelReason: null } }), {
      variant: "the family's own action",
    }),
  ],

  // ── hours and costs ──────────────────────────────────────────────────────────────────────
  "GET /api/v1/families/{familyId}/costs": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/costs` })),
  "GET /api/v1/families/{familyId}/costs.csv": r(teamRead, ({ world: w }) => ({ url: `${fam(w)}/costs.csv` })),
  "POST /api/v1/families/{familyId}/time-entries": r(teamBook(201), ({ world: w }) => ({ url: `${fam(w)}/time-entries`, body: { on: today(), minutes: 45, activity: "telefonisch_contact", note: null } })),
  "POST /api/v1/families/{familyId}/cost-entries": r(teamBook(201), ({ world: w }) => ({ url: `${fam(w)}/cost-entries`, body: { on: today(), amountCents: 1250, description: "Buskaart", funding: "gezinsbudget" } })),
  // An allowed cell takes back a booking of its own (made by a fresh user of the role); a refused one aims at the world's.
  "DELETE /api/v1/families/{familyId}/time-entries/{entryId}": r(teamBook(204), async (c) => {
    if (!c.allowed) return { url: `${fam(c.world)}/time-entries/${c.world.timeEntryId}`, body: { reason: "Dubbel geboekt" } };
    const { client, side } = await c.freshUser();
    const made = await side.post(`${fam(c.world)}/time-entries`, { on: today(), minutes: 30, activity: "administratie" });
    if (made.statusCode !== 201) throw new Error(`booking hours to take back: ${made.statusCode} ${made.body}`);
    return { url: `${fam(c.world)}/time-entries/${(made.json() as { id: string }).id}`, body: { reason: "Dubbel geboekt" }, client };
  }),
  "DELETE /api/v1/families/{familyId}/cost-entries/{entryId}": r(teamBook(204), async (c) => {
    if (!c.allowed) return { url: `${fam(c.world)}/cost-entries/${c.world.costEntryId}`, body: { reason: "Verkeerd gezin" } };
    const { client, side } = await c.freshUser();
    const made = await side.post(`${fam(c.world)}/cost-entries`, { on: today(), amountCents: 800, description: "Parkeren", funding: "eigen_middelen" });
    if (made.statusCode !== 201) throw new Error(`booking a cost to take back: ${made.statusCode} ${made.body}`);
    return { url: `${fam(c.world)}/cost-entries/${(made.json() as { id: string }).id}`, body: { reason: "Verkeerd gezin" }, client };
  }),
  "GET /api/v1/costs/catalogue": r(teamList, () => ({ url: `${V1}/costs/catalogue` })),
  "GET /api/v1/costs/report": r(outcomeFigures, () => ({ url: `${V1}/costs/report?groupBy=team` })),
  "GET /api/v1/costs/report.csv": r(outcomeFigures, () => ({ url: `${V1}/costs/report.csv` })),
  "GET /api/v1/organisation/costs": r(admin(200), () => ({ url: `${V1}/organisation/costs` })),
  "PUT /api/v1/organisation/costs": r(admin(200), () => ({ url: `${V1}/organisation/costs`, body: { hourlyRateCents: { coach: 7600, teamleider: 8600, ondersteuning: 9100 } } })),
  // ── research exports (onderzoeker): a period around today, so the worlds' metingen are in it ──
  "GET /api/v1/research/export.csv": r(researcher, () => ({ url: `${V1}/research/export.csv?${researchQuery()}&purpose=Matrix` })),
  "GET /api/v1/research/codebook.md": r(researcher, () => ({ url: `${V1}/research/codebook.md?${researchQuery()}` })),
  "GET /api/v1/research/codebook.json": r(researcher, () => ({ url: `${V1}/research/codebook.json?${researchQuery()}` })),

  // ── break-the-glass ──────────────────────────────────────────────────────────────────────
  "POST /api/v1/break-glass": r(breakGlassOpen, async ({ world: w, fx, allowed }) => ({
    url: `${V1}/break-glass`,
    // The allowed opening is for a fresh family of the other team: the shared team lead's session never opens a world.
    body: { caseNumber: allowed ? (await fx.fresh.family(w.teamId)).caseNumber : w.caseNumber, reason: "Acute zorgen gemeld door de politie, vannacht." },
  })),
  "GET /api/v1/break-glass": r(breakGlassReview(200), () => ({ url: `${V1}/break-glass?status=all` })),
  "POST /api/v1/break-glass/{grantId}/review": r(breakGlassReview(200, ["own", "otherOrg"]), async ({ fx, target, allowed }) => ({
    url: `${V1}/break-glass/${allowed ? await fx.fresh.grant() : target === "otherOrg" ? fx.grant.otherOrg : fx.grant.own}/review`,
    body: { verdict: "justified", note: null },
  })),

  // ── quick referrals (snelle verwijzingen) ────────────────────────────────────────────────
  "POST /api/v1/quick-referrals": r(quickReferrer(201), ({ fx }) => ({
    url: `${V1}/quick-referrals`,
    body: { channel: "klantwijzer", target: { kind: "team", teamId: fx.org.teamId }, residentName: "Inwoner Matrix", residentContact: null, reason: "Zoekt een maatje in de wijk.", residentConsent: true },
  })),
  "GET /api/v1/quick-referrals": [
    r(quickReferrer(200), () => ({ url: `${V1}/quick-referrals?box=inbox&pageSize=200` }), { variant: "inbox" }),
    r(quickReferrer(200), () => ({ url: `${V1}/quick-referrals?box=sent&pageSize=200` }), { variant: "sent" }),
  ],
  "GET /api/v1/quick-referrals/counts": r(self(200), () => ({ url: `${V1}/quick-referrals/counts` })),
  "GET /api/v1/quick-referrals/statistics": r(quickReferralStatistics, () => ({ url: `${V1}/quick-referrals/statistics` })),
  "GET /api/v1/quick-referrals/{quickReferralId}": r(quickReferralReceiver(200), ({ fx, target }) => ({ url: `${V1}/quick-referrals/${fx.quickReferrals.standing[target]}` })),
  "POST /api/v1/quick-referrals/{quickReferralId}/transitions": r(quickReferralReceiver(200), async ({ fx, target, world: w, allowed }) => {
    const q = allowed ? await fx.quickReferrals.fresh(w) : { id: fx.quickReferrals.standing[target], version: await quickReferralVersion(fx.db, fx.quickReferrals.standing[target]) };
    return { url: `${V1}/quick-referrals/${q.id}/transitions`, body: { to: "picked_up", note: null, version: q.version } };
  }),
  "POST /api/v1/quick-referrals/{quickReferralId}/feedback": r(quickReferralReceiver(200), async ({ fx, target, world: w, allowed }) => {
    // Feedback is owed once a phoned-in referral is picked up: a fresh one for the allowed cells.
    const q = allowed ? await fx.quickReferrals.fresh(w, { pickedUp: true }) : { id: fx.quickReferrals.standing[target], version: await quickReferralVersion(fx.db, fx.quickReferrals.standing[target]) };
    return { url: `${V1}/quick-referrals/${q.id}/feedback`, body: { note: "Huisarts gebeld.", version: q.version } };
  }),
  "POST /api/v1/quick-referrals/{quickReferralId}/referral": r(quickReferralToAanmelding(201), async ({ fx, target, world: w, allowed }) => {
    const q = allowed ? await fx.quickReferrals.fresh(w, { pickedUp: true }) : { id: fx.quickReferrals.standing[target], version: await quickReferralVersion(fx.db, fx.quickReferrals.standing[target]) };
    // A family without an open trajectory when allowed; the world (which has one) when refused.
    const { family, referral } = referralInput({ id: allowed ? (await fx.fresh.family(w.teamId)).id : w.familyId });
    return { url: `${V1}/quick-referrals/${q.id}/referral`, body: { family, referral, version: q.version, outcomeNote: null } };
  }),

  // ── the "wat werkt" catalogue ────────────────────────────────────────────────────────────
  "GET /api/v1/interventions": r(catalogueRead(), () => ({ url: `${V1}/interventions?q=budgetcursus&pageSize=100` })),
  "POST /api/v1/interventions": r(catalogueManage(201), () => ({ url: `${V1}/interventions`, body: { name: `Welzijn op Recept ${unique()}`, domains: ["geestelijke_gezondheid"], costUnit: "free" } })),
  "GET /api/v1/interventions/export.json": r(catalogueRead(), () => ({ url: `${V1}/interventions/export.json` })),
  "GET /api/v1/interventions/export.csv": r(catalogueRead(), () => ({ url: `${V1}/interventions/export.csv` })),
  "POST /api/v1/interventions/import": r(catalogueManage(200), () => ({
    url: `${V1}/interventions/import`,
    body: { format: "csv", content: `key,name,domains,cost,costUnit\nmatrix-${unique()},Thuisadministratie,inkomen,0,free\n` },
  })),
  "GET /api/v1/interventions/{interventionId}": r(catalogueRead(["own", "otherOrg"]), ({ fx, target }) => ({ url: `${V1}/interventions/${fx.intervention[target === "otherOrg" ? "otherOrg" : "own"]}` })),
  "PUT /api/v1/interventions/{interventionId}": r(catalogueManage(200, ["own", "otherOrg"]), async ({ fx, target }) => {
    const id = fx.intervention[target === "otherOrg" ? "otherOrg" : "own"];
    return { url: `${V1}/interventions/${id}`, body: { version: await versionOf(fx.db, "interventions", id), name: `Budgetcursus ${unique()}`, domains: ["inkomen"], costCents: 5000, costUnit: "per_participant" } };
  }),
  "POST /api/v1/interventions/{interventionId}/archive": r(catalogueManage(200, ["own", "otherOrg"]), async ({ fx, target, allowed }) => {
    const e = allowed ? await catalogueEntry(fx.db, fx.org) : { id: fx.intervention[target === "otherOrg" ? "otherOrg" : "own"], version: 0 };
    return { url: `${V1}/interventions/${e.id}/archive`, body: { version: allowed ? e.version : await versionOf(fx.db, "interventions", e.id) } };
  }),
  "GET /api/v1/interventions/{interventionId}/evidence": r(catalogueEvidence, ({ fx, target }) => ({ url: `${V1}/interventions/${fx.intervention[target === "otherOrg" ? "otherOrg" : "own"]}/evidence` })),
};

/**
 * Operations anyone may call without a session, each with the one request that shows it stays
 * harmless: what it answers to a caller without a session (or with a wrong password).
 */
export interface PublicCheck {
  request: MatrixRequest;
  status: number;
  code?: string;
}

export const PUBLIC: Readonly<Record<string, PublicCheck>> = {
  "GET /api/v1/setup": { request: { url: `${V1}/setup` }, status: 200 },
  // Only on an empty production database; the test app never offers it.
  "POST /api/v1/setup": {
    request: { url: `${V1}/setup`, body: { organisationName: "Overname", name: "Indringer", email: `indringer-${unique()}@test.ploegwerk.nl`, password: "een lang genoeg wachtwoord voor de test" } },
    status: 403,
    code: "forbidden",
  },
  "POST /api/v1/session": { request: { url: `${V1}/session`, body: { email: `niemand-${unique()}@test.ploegwerk.nl`, password: "verkeerd wachtwoord" } }, status: 401, code: "unauthenticated" },
  "DELETE /api/v1/session": { request: { url: `${V1}/session` }, status: 204 },
  "POST /api/v1/session/two-factor": { request: { url: `${V1}/session/two-factor`, body: { code: "123456" } }, status: 401, code: "unauthenticated" },
  "POST /api/v1/session/two-factor/enrolment": { request: { url: `${V1}/session/two-factor/enrolment` }, status: 401, code: "unauthenticated" },
  "GET /api/v1/session/methods": { request: { url: `${V1}/session/methods` }, status: 200 },
  // No identity provider is configured: the flow is not there.
  "GET /api/v1/session/oidc": { request: { url: `${V1}/session/oidc` }, status: 404, code: "not_found" },
  "GET /api/v1/session/oidc/callback": { request: { url: `${V1}/session/oidc/callback?code=x&state=y` }, status: 404, code: "not_found" },
};
