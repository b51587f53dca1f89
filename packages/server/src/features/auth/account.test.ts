import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { AccountStatus, SecondFactorRequired, SecuritySettings } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { organisations, sessions } from "../../db/schema.ts";
import { auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { TestClock } from "../../testing/clock.ts";
import { createTestOrganisation, TEST_PASSWORD } from "../../testing/factories.ts";
import { loginAs, testApp } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const NEW_PASSWORD = "fietsen langs de Vecht in mei";

describe(`own account, sessions and security settings (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function appWithClock(t: TestContext, clock?: TestClock): Promise<App> {
    const app = await testApp(database.db, clock ? { clock: clock.now } : {});
    t.after(() => app.close());
    return app;
  }
  const login = (app: App, email: string, password: string): Promise<LightMyRequestResponse> =>
    app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email, password }) });
  const sessionCount = async (organisationId: string, userId: string) =>
    (await database.db.select().from(sessions).where(and(eq(sessions.organisationId, organisationId), eq(sessions.userId, userId)))).length;

  test("changing one's own password needs the current one and the policy; it ends the other sessions, not this one", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appWithClock(t);
    const laptop = await loginAs(app, coach.email);
    const phone = await loginAs(app, coach.email);

    expectProblem(await laptop.put("/api/v1/account/password", { currentPassword: "fout", newPassword: NEW_PASSWORD }), { status: 400, code: "invalid", reason: "wrong_password", invalidParams: ["currentPassword"] });
    expectProblem(await laptop.put("/api/v1/account/password", { currentPassword: TEST_PASSWORD, newPassword: "kort" }), { status: 400, code: "invalid", invalidParams: ["newPassword"] });
    const common = expectProblem(await laptop.put("/api/v1/account/password", { currentPassword: TEST_PASSWORD, newPassword: "Wachtwoord2024!" }), { status: 400, code: "invalid", reason: "password_common", invalidParams: ["newPassword"] });
    assert.match(common.detail, /veelgebruikte wachtwoorden/);
    // Test users are called "Test coach"; their address starts with "coach-…".
    const local = coach.email.split("@")[0] ?? "";
    expectProblem(await laptop.put("/api/v1/account/password", { currentPassword: TEST_PASSWORD, newPassword: `mijn adres ${local}!` }), { status: 400, code: "invalid", reason: "password_personal", invalidParams: ["newPassword"] });
    expectProblem(await laptop.put("/api/v1/account/password", { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }), { status: 400, code: "invalid", reason: "password_unchanged" });
    expectStatus(await phone.get("/api/v1/session"), 200);

    expectStatus(await laptop.put("/api/v1/account/password", { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }), 204);
    expectStatus(await laptop.get("/api/v1/session"), 200);
    expectProblem(await phone.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    expectStatus(await login(app, coach.email, TEST_PASSWORD), 401);
    expectStatus(await login(app, coach.email, NEW_PASSWORD), 200);
    const changed = await auditRows(database.db, org.organisationId, { action: "user.password_changed", entityId: coach.id });
    assert.deepEqual([changed.length, changed[0]?.details.endedSessions], [1, 1]);
    assert.doesNotMatch(JSON.stringify(changed[0]?.details), /fietsen/, "no password in the audit log");
  });

  test("a beheerder cannot give a common password or one with the user's name either (invalidParams password)", async (t) => {
    const org = await createTestOrganisation(database.db);
    const admin = await loginAs(await appWithClock(t), (await org.user("beheerder")).email);
    const body = (password: string) => ({ name: "Petra Zonneveld", email: `petra.z-${Date.now()}@test.ploegwerk.nl`, role: "coach", teamId: org.teamId, password });
    expectProblem(await admin.post("/api/v1/users", body("qwertyuiop123")), { status: 400, code: "invalid", reason: "password_common", invalidParams: ["password"] });
    expectProblem(await admin.post("/api/v1/users", body("zonneveld in de zomer")), { status: 400, code: "invalid", reason: "password_personal", invalidParams: ["password"] });
    expectStatus(await admin.post("/api/v1/users", body(NEW_PASSWORD)), 201);
  });

  test("log out everywhere ends every session of the user, this one too, and no one else's", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const colleague = await org.user("coach");
    const app = await appWithClock(t);
    const [a, b, other] = [await loginAs(app, coach.email), await loginAs(app, coach.email), await loginAs(app, colleague.email)];
    assert.equal(bodyOf(await a.get("/api/v1/account"), 200, AccountStatus).activeSessions, 2);
    const res = await a.delete("/api/v1/sessions");
    expectStatus(res, 204);
    assert.match(String(res.headers["set-cookie"]), /^pw_session=;/);
    for (const c of [a, b]) expectProblem(await c.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    expectStatus(await other.get("/api/v1/session"), 200);
    assert.equal(await sessionCount(org.organisationId, coach.id), 0);
    const revoked = await auditRows(database.db, org.organisationId, { action: "sessions.revoked", entityId: coach.id });
    assert.deepEqual(revoked.map((r) => [r.details.by, r.details.ended]), [["self", 2]]);
  });

  test("a beheerder logs a user out everywhere", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appWithClock(t);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const coachClient = await loginAs(app, coach.email);
    expectProblem(await coachClient.delete(`/api/v1/users/${coach.id}/sessions`), { status: 403, code: "forbidden" });
    expectStatus(await admin.delete(`/api/v1/users/${coach.id}/sessions`), 204);
    expectProblem(await coachClient.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    expectStatus(await admin.get("/api/v1/session"), 200);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "sessions.revoked", entityId: coach.id }))[0]?.details.by, "beheerder");
  });

  test("a session slides with use but ends 24 hours after the log-in at the latest", async (t) => {
    const clock = new TestClock(new Date("2026-05-04T08:00:00Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appWithClock(t, clock);
    const client = await loginAs(app, coach.email);
    // Used every 11 hours, the 12-hour sliding expiry never runs out …
    for (let i = 0; i < 2; i++) {
      clock.advance(11 * 3_600_000);
      expectStatus(await client.get("/api/v1/session"), 200);
    }
    // … but 24 hours after the log-in the session ends anyway.
    clock.advance(2 * 3_600_000 + 1000);
    expectProblem(await client.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    // Unused for longer than the sliding time ends it sooner.
    const fresh = await loginAs(app, coach.email);
    clock.advance(12 * 3_600_000 + 1000);
    expectProblem(await fresh.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
  });

  test("the beheerder sets which roles must use two-factor (audited); it applies from the next log-in", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appWithClock(t);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const coachClient = await loginAs(app, coach.email);
    assert.deepEqual(bodyOf(await admin.get("/api/v1/organisation/security"), 200, SecuritySettings), { mfaRequiredRoles: [] });
    expectProblem(await coachClient.get("/api/v1/organisation/security"), { status: 403, code: "forbidden" });
    expectProblem(await coachClient.put("/api/v1/organisation/security", { mfaRequiredRoles: [] }), { status: 403, code: "forbidden" });
    expectProblem(await admin.put("/api/v1/organisation/security", { mfaRequiredRoles: ["directeur"] }), { status: 400, code: "invalid" });

    const saved = bodyOf(await admin.put("/api/v1/organisation/security", { mfaRequiredRoles: ["coach", "teamleider", "coach"] }), 200, SecuritySettings);
    assert.deepEqual(saved, { mfaRequiredRoles: ["coach", "teamleider"] });
    assert.deepEqual(bodyOf(await admin.get("/api/v1/organisation/security"), 200, SecuritySettings), saved);
    // Other settings in the same document are left alone.
    const [stored] = await database.db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.organisationId, org.organisationId));
    assert.deepEqual(stored?.settings, { security: { mfaRequiredRoles: ["coach", "teamleider"] } });

    expectStatus(await coachClient.get("/api/v1/session"), 200);
    assert.deepEqual(bodyOf(await login(app, coach.email, TEST_PASSWORD), 202, SecondFactorRequired), { secondFactor: "enrolment" });
    const audited = await auditRows(database.db, org.organisationId, { action: "organisation.security_updated" });
    assert.deepEqual(audited[0]?.details.mfaRequiredRoles, { from: [], to: ["coach", "teamleider"] });
  });

  test("an organisation without stored settings (older, or made by the CLI) requires two-factor for the dossier roles, not for the beheerder", async (t) => {
    const org = await createTestOrganisation(database.db);
    await database.db.update(organisations).set({ settings: {} }).where(eq(organisations.organisationId, org.organisationId));
    const app = await appWithClock(t);
    const admin = await org.user("beheerder");
    const adminClient = await loginAs(app, admin.email);
    assert.deepEqual(bodyOf(await adminClient.get("/api/v1/organisation/security"), 200, SecuritySettings), { mfaRequiredRoles: ["coach", "teamleider", "ondersteuning", "ketenpartner"] });
    for (const role of ["coach", "teamleider", "ondersteuning"] as const) {
      assert.deepEqual(bodyOf(await login(app, (await org.user(role)).email, TEST_PASSWORD), 202, SecondFactorRequired), { secondFactor: "enrolment" }, role);
    }
  });
});
