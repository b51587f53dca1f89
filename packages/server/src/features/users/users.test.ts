import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { Me, Role, Team, User } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { z } from "zod";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { sessions, users } from "../../db/schema.ts";
import { appFor, bodyOf, expectProblem, expectStatus, paramNames } from "../../testing/api.ts";
import { createTestOrganisation, TEST_PASSWORD } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const UserList = z.object({ items: z.array(User) });
const StaffList = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: Role, teamId: z.string().nullable() }).strict()) });
const PASSWORD = "een lang genoeg wachtwoord";

function postLogin(app: App, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify(body) });
}

describe(`users API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const admin = await org.user("beheerder");
    const app = await appFor(t, database.db);
    return { org, admin, app, client: await loginAs(app, admin.email) };
  }

  const sessionCount = async (organisationId: string, userId: string) =>
    (await database.db.select().from(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)))).length;

  test("a beheerder creates a user who can then log in; the e-mail address is unique per organisation (409 email_taken)", async (t) => {
    const { org, client, app } = await setup(t);
    const email = `Anna.Coach-${Date.now()}@Test.Ploegwerk.nl`;
    const created = bodyOf(await client.post("/api/v1/users", { name: "Anna de Coach", email, role: "coach", teamId: org.teamId, password: PASSWORD }), 201, User);
    assert.deepEqual({ ...created, id: "" }, { id: "", name: "Anna de Coach", email: email.toLowerCase(), role: "coach", teamId: org.teamId, leadsTeamIds: [], partnerOrganisationId: null, active: true, version: 1 });
    const listed = await client.get("/api/v1/users");
    assert.ok(bodyOf(listed, 200, UserList).items.some((u) => u.id === created.id));
    assert.doesNotMatch(listed.body, /password|argon2/i, "no password (hash) in the answer");

    const me = bodyOf(await postLogin(app, { email, password: PASSWORD }), 200, Me);
    assert.deepEqual([me.id, me.role, me.teamId, me.teamName], [created.id, "coach", org.teamId, "Team Noord"]);

    const taken = expectProblem(await client.post("/api/v1/users", { name: "Anna 2", email: email.toUpperCase(), role: "coach", teamId: org.teamId, password: PASSWORD }), { status: 409, code: "conflict", reason: "email_taken" });
    assert.equal(taken.detail, "Er is al een gebruiker met dit e-mailadres.");
    assert.equal(bodyOf(await client.get("/api/v1/users"), 200, UserList).items.filter((u) => u.email === email.toLowerCase()).length, 1);

    // Another organisation may have an account with the same address. Log-in asks which one only
    // when the password fits both (which organisations an address has is no one else's business).
    const other = await createTestOrganisation(database.db, "Buurgemeente");
    const otherAdmin = await loginAs(app, (await other.user("beheerder")).email);
    const twin = bodyOf(await otherAdmin.post("/api/v1/users", { name: "Anna bij de buren", email, role: "beheerder", teamId: null, password: "een ander lang wachtwoord" }), 201, User);
    assert.equal(bodyOf(await postLogin(app, { email, password: PASSWORD }), 200, Me).id, created.id, "only one account has this password");
    bodyOf(await otherAdmin.patch(`/api/v1/users/${twin.id}`, { version: twin.version, password: PASSWORD }), 200, User);
    const ambiguous = expectProblem(await postLogin(app, { email, password: PASSWORD }), { status: 400, code: "invalid", reason: "organisation_required", invalidParams: ["organisation"] });
    assert.match(ambiguous.invalidParams?.[0]?.reason ?? "", new RegExp(other.slug));
    assert.equal(bodyOf(await postLogin(app, { email, password: PASSWORD, organisation: org.slug }), 200, Me).id, created.id);
    assert.equal(bodyOf(await postLogin(app, { email, password: PASSWORD, organisation: other.slug }), 200, Me).id, twin.id);
  });

  test("a password shorter than 12 characters is 400 password; a coach, team lead or support without a team is 400 teamId", async (t) => {
    const { org, client } = await setup(t);
    const body = (over: Record<string, unknown>) => ({ name: "Nieuw", email: `n-${Math.random().toString(36).slice(2)}@test.ploegwerk.nl`, role: "coach", teamId: org.teamId, password: PASSWORD, ...over });

    const short = expectProblem(await client.post("/api/v1/users", body({ password: "elf tekens!" })), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(short), ["password"]);
    assert.equal("elf tekens!".length, 11);
    expectStatus(await client.post("/api/v1/users", body({ password: "twaalf teken" })), 201);

    for (const role of ["coach", "teamleider", "ondersteuning"]) {
      const problem = expectProblem(await client.post("/api/v1/users", body({ role, teamId: null })), { status: 400, code: "invalid" });
      assert.deepEqual(paramNames(problem), ["teamId"], role);
    }
    expectStatus(await client.post("/api/v1/users", body({ role: "beheerder", teamId: null })), 201);
    // A team that does not exist, or belongs to another organisation.
    const elsewhere = await createTestOrganisation(database.db);
    for (const teamId of ["5d1b7a3e-8a4f-4c3e-9a51-0a6c2b7d9e10", elsewhere.teamId]) {
      expectProblem(await client.post("/api/v1/users", body({ teamId })), { status: 400, code: "invalid", invalidParams: ["teamId"] });
    }
    expectProblem(await client.post("/api/v1/users", body({ email: "geen-adres" })), { status: 400, code: "invalid", invalidParams: ["email"] });
    expectProblem(await client.post("/api/v1/users", body({ role: "directeur" })), { status: 400, code: "invalid", invalidParams: ["role"] });
    // Moving a coach out of every team is refused the same way.
    const coach = await org.user("coach");
    expectProblem(await client.patch(`/api/v1/users/${coach.id}`, { version: 1, teamId: null }), { status: 400, code: "invalid", invalidParams: ["teamId"] });
  });

  test("the last active beheerder cannot be deactivated or demoted (409 last_admin)", async (t) => {
    const { org, admin, client, app } = await setup(t);
    const deactivate = expectProblem(await client.patch(`/api/v1/users/${admin.id}`, { version: 1, active: false }), { status: 409, code: "conflict", reason: "last_admin" });
    assert.match(deactivate.detail, /laatste actieve beheerder/);
    expectProblem(await client.patch(`/api/v1/users/${admin.id}`, { version: 1, role: "teamleider", teamId: org.teamId }), { status: 409, code: "conflict", reason: "last_admin" });
    expectStatus(await client.get("/api/v1/session"), 200);

    // With a second beheerder the first may go; then the second is the last one.
    const second = bodyOf(await client.post("/api/v1/users", { name: "Tweede Beheerder", email: `b2-${Date.now()}@test.ploegwerk.nl`, role: "beheerder", teamId: null, password: PASSWORD }), 201, User);
    const inactive = await org.user("beheerder", { active: false });
    const gone = bodyOf(await client.patch(`/api/v1/users/${admin.id}`, { version: 1, active: false }), 200, User);
    assert.deepEqual([gone.active, gone.version], [false, 2]);
    const [row] = await database.db.select({ active: users.active }).from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.id, second.id)));
    assert.equal(row?.active, true);
    // The inactive beheerder does not count: the second one is now the last.
    assert.equal(inactive.role, "beheerder");
    expectProblem(await client.patch(`/api/v1/users/${second.id}`, { version: 1, active: false }), { status: 401, code: "unauthenticated" });
    const secondClient = await loginAs(app, second.email, PASSWORD);
    expectProblem(await secondClient.patch(`/api/v1/users/${second.id}`, { version: 1, active: false }), { status: 409, code: "conflict", reason: "last_admin" });
  });

  // updateUser locks the active beheerders' rows, so of two beheerders who deactivate each other at
  // the same moment one wins. The loser gets 409 last_admin, or 401 when the winner's commit had
  // already ended the loser's session before the request was authenticated. (PGlite runs one
  // transaction at a time, so the race itself only shows on PostgreSQL.)
  test("two beheerders deactivating each other at the same moment leave one active", async (t) => {
    const app = await appFor(t, database.db);
    // A race shows only sometimes; five organisations with exactly two beheerders each.
    for (let attempt = 1; attempt <= 5; attempt++) {
      const org = await createTestOrganisation(database.db);
      const [a, b] = [await org.user("beheerder"), await org.user("beheerder")];
      const [ca, cb] = [await loginAs(app, a.email), await loginAs(app, b.email)];
      expectStatus(await ca.get("/api/v1/session"), 200);
      expectStatus(await cb.get("/api/v1/session"), 200);
      const [ra, rb] = await Promise.all([ca.patch(`/api/v1/users/${b.id}`, { version: 1, active: false }), cb.patch(`/api/v1/users/${a.id}`, { version: 1, active: false })]);
      const active = await database.db.select().from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.role, "beheerder"), eq(users.active, true)));
      assert.equal(active.length, 1, `attempt ${attempt}: answers ${ra.statusCode} / ${rb.statusCode}, active beheerders left: ${active.length}`);
      const [winner, loser] = [ra.statusCode, rb.statusCode].sort();
      assert.equal(winner, 200, `attempt ${attempt}: one deactivation succeeds`);
      assert.ok(loser === 409 || loser === 401, `attempt ${attempt}: the other is refused (409) or already logged out (401), got ${loser}`);
    }
  });

  test("deactivating a user ends their sessions (re-activating does not bring them back); so does a new password", async (t) => {
    const { org, client, app } = await setup(t);
    const coach = await org.user("coach");
    const laptop = await loginAs(app, coach.email);
    const phone = await loginAs(app, coach.email);
    expectStatus(await laptop.get("/api/v1/families"), 200);
    assert.equal(await sessionCount(org.organisationId, coach.id), 2);

    const off = bodyOf(await client.patch(`/api/v1/users/${coach.id}`, { version: 1, active: false }), 200, User);
    assert.equal(off.active, false);
    assert.equal(await sessionCount(org.organisationId, coach.id), 0);
    for (const c of [laptop, phone]) expectProblem(await c.get("/api/v1/families"), { status: 401, code: "unauthenticated" });
    expectProblem(await postLogin(app, { email: coach.email, password: TEST_PASSWORD }), { status: 401, code: "unauthenticated" });

    expectStatus(await client.patch(`/api/v1/users/${coach.id}`, { version: 2, active: true }), 200);
    expectProblem(await laptop.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    const fresh = await loginAs(app, coach.email);
    expectStatus(await fresh.get("/api/v1/session"), 200);

    // A password reset by the beheerder ends the open sessions too; the old password stops working.
    expectStatus(await client.patch(`/api/v1/users/${coach.id}`, { version: 3, password: "een gloednieuw wachtwoord" }), 200);
    expectProblem(await fresh.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    expectStatus(await postLogin(app, { email: coach.email, password: TEST_PASSWORD }), 401);
    expectStatus(await postLogin(app, { email: coach.email, password: "een gloednieuw wachtwoord" }), 200);
    // Other users' sessions are untouched.
    expectStatus(await client.get("/api/v1/session"), 200);
  });

  test("user edits carry the version (stale → 409), an unknown user is 404; teams have unique names", async (t) => {
    const { org, client } = await setup(t);
    const coach = await org.user("coach");
    const renamed = bodyOf(await client.patch(`/api/v1/users/${coach.id}`, { version: 1, name: "Coach Noord", teamId: org.otherTeamId }), 200, User);
    assert.deepEqual([renamed.name, renamed.teamId, renamed.version], ["Coach Noord", org.otherTeamId, 2]);
    expectProblem(await client.patch(`/api/v1/users/${coach.id}`, { version: 1, name: "Overschreven" }), { status: 409, code: "conflict", reason: "stale_version" });
    assert.equal(bodyOf(await client.get("/api/v1/users"), 200, UserList).items.find((u) => u.id === coach.id)?.name, "Coach Noord");
    expectProblem(await client.patch("/api/v1/users/5d1b7a3e-8a4f-4c3e-9a51-0a6c2b7d9e10", { version: 1, name: "X" }), { status: 404, code: "not_found" });

    const team = bodyOf(await client.post("/api/v1/teams", { name: "Team West", district: "West" }), 201, Team);
    assert.deepEqual([team.name, team.district], ["Team West", "West"]);
    expectProblem(await client.post("/api/v1/teams", { name: "Team West" }), { status: 409, code: "conflict", reason: "team_name_taken" });
    const teams = z.object({ items: z.array(Team) }).parse((await client.get("/api/v1/teams")).json());
    assert.deepEqual(teams.items.map((x) => x.name), ["Team Noord", "Team West", "Team Zuid"]);
  });

  test("the staff list shows active colleagues of the own organisation, without e-mail addresses", async (t) => {
    const { org, app } = await setup(t);
    const coach = await org.user("coach");
    const gone = await org.user("coach", { active: false });
    const elsewhere = await createTestOrganisation(database.db);
    const stranger = await elsewhere.user("coach");
    const staff = bodyOf(await (await loginAs(app, coach.email)).get("/api/v1/staff"), 200, StaffList);
    const ids = staff.items.map((s) => s.id);
    assert.ok(ids.includes(coach.id));
    assert.ok(!ids.includes(gone.id), "inactive users are not offered");
    assert.ok(!ids.includes(stranger.id), "no colleagues from another organisation");
  });
});
