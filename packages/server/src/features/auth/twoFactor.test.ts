import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { AccountStatus, Me, SecondFactorRequired, TotpEnrolment } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { sessions, users } from "../../db/schema.ts";
import { auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { TestClock } from "../../testing/clock.ts";
import { createTestOrganisation, TEST_PASSWORD } from "../../testing/factories.ts";
import { clientWithCookie, loginAs, testApp, type Client } from "../../testing/http.ts";
import { codeAt, enableTwoFactor, notTheCode } from "../../testing/twoFactor.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

function cookieOf(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const value = (Array.isArray(raw) ? raw : [raw]).find((c) => c?.startsWith("pw_session="));
  const cookie = value?.split(";")[0];
  assert.ok(cookie, `a session cookie, got ${JSON.stringify(raw)}`);
  return cookie;
}

/** Logs in with the password only; answers the response and a client with whatever cookie it set. */
async function passwordStep(app: App, email: string): Promise<{ res: LightMyRequestResponse; client: Client }> {
  const res = await app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email, password: TEST_PASSWORD }) });
  return { res, client: clientWithCookie(app, cookieOf(res)) };
}

describe(`two-factor log-in (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function appAt(t: TestContext, clock: TestClock): Promise<App> {
    const app = await testApp(database.db, { clock: clock.now });
    t.after(() => app.close());
    return app;
  }

  test("set up voluntarily on the account page; then log-in asks for the code, which opens a new full session", async (t) => {
    const clock = new TestClock(new Date("2026-04-01T09:00:05Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appAt(t, clock);
    const client = await loginAs(app, coach.email);

    const before = bodyOf(await client.get("/api/v1/account"), 200, AccountStatus);
    assert.deepEqual([before.twoFactorEnabled, before.twoFactorRequired, before.activeSessions], [false, false, 1]);
    const enrolment = bodyOf(await client.post("/api/v1/account/two-factor"), 201, TotpEnrolment);
    assert.match(enrolment.secret, /^[A-Z2-7]{32}$/);
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/Ploegwerk:/);
    assert.match(enrolment.qrCodeSvg, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(enrolment.qrCodeSvg.split(",")[1] ?? "", "base64").toString(), /^<svg [^>]*viewBox/);
    // The secret is stored sealed, never as the base32 the app got.
    const [row] = await database.db.select({ secret: users.totpSecret }).from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.id, coach.id)));
    assert.ok(row?.secret && !row.secret.includes(enrolment.secret));

    expectProblem(await client.put("/api/v1/account/two-factor", { code: notTheCode(enrolment.secret, clock.now()) }), { status: 400, code: "invalid", reason: "wrong_code", invalidParams: ["code"] });
    const on = bodyOf(await client.put("/api/v1/account/two-factor", { code: codeAt(enrolment.secret, clock.now()) }), 200, AccountStatus);
    assert.equal(on.twoFactorEnabled, true);
    expectProblem(await client.post("/api/v1/account/two-factor"), { status: 409, code: "conflict", reason: "two_factor_enabled" });
    expectStatus(await client.delete("/api/v1/session"), 204);

    clock.advance(30_000);
    const { res, client: pending } = await passwordStep(app, coach.email);
    assert.deepEqual(bodyOf(res, 202, SecondFactorRequired), { secondFactor: "totp" });
    expectProblem(await pending.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    // Spaces as the app shows them ("123 456") are fine.
    const code = codeAt(enrolment.secret, clock.now());
    const done = await pending.post("/api/v1/session/two-factor", { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    assert.equal(bodyOf(done, 200, Me).id, coach.id);
    const full = clientWithCookie(app, cookieOf(done));
    assert.notEqual(full.cookie, pending.cookie, "a new token for the full session");
    expectStatus(await full.get("/api/v1/families"), 200);
    expectProblem(await pending.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    expectProblem(await pending.post("/api/v1/session/two-factor", { code }), { status: 401, code: "unauthenticated" });

    const actions = (await auditRows(database.db, org.organisationId, { entityId: coach.id })).map((r) => r.action);
    for (const a of ["user.two_factor_enabled", "session.second_factor_requested", "session.created"]) assert.ok(actions.includes(a), `${a} in ${actions.join(", ")}`);
  });

  test("a session waiting for its code opens nothing: every other operation of the API answers 401", async (t) => {
    const clock = new TestClock();
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appAt(t, clock);
    await enableTwoFactor(await loginAs(app, coach.email), clock.now());
    const { res, client: pending } = await passwordStep(app, coach.email);
    expectStatus(res, 202);

    await app.ready();
    const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const id = "00000000-0000-4000-8000-000000000000";
    const open = new Set(["GET /api/v1/setup", "POST /api/v1/session", "DELETE /api/v1/session", "GET /api/v1/session/methods", "GET /api/v1/session/oidc", "GET /api/v1/session/oidc/callback", "POST /api/v1/session/two-factor", "POST /api/v1/session/two-factor/enrolment"]);
    const failures: string[] = [];
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        if (open.has(`${method} ${path}`) || path === "/api/v1/setup") continue;
        const url = path.replace(/\{number\}/g, "1").replace(/\{kind\}/g, "police").replace(/\{key\}/g, "ploeg-9").replace(/\{version\}/g, "1").replace(/\{[^}]+\}/g, id);
        const withBody = ["POST", "PUT", "PATCH"].includes(method);
        const r = await pending.request(method as "GET", url, withBody ? {} : undefined);
        checked += 1;
        if (r.statusCode !== 401) failures.push(`${method} ${url} → ${r.statusCode}`);
      }
    }
    assert.ok(checked > 50, `checked ${checked} operations`);
    assert.deepEqual(failures, []);
    // The code step itself still works with it.
    clock.advance(30_000);
    expectProblem(await pending.post("/api/v1/session/two-factor", { code: "12345" }), { status: 400, code: "invalid", invalidParams: ["code"] });
  });

  test("a code is used once: the same code cannot open a second session", async (t) => {
    const clock = new TestClock(new Date("2026-04-01T09:00:01Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appAt(t, clock);
    const secret = await enableTwoFactor(await loginAs(app, coach.email), clock.now());
    clock.advance(30_000);
    const code = codeAt(secret, clock.now());
    const first = await passwordStep(app, coach.email);
    expectStatus(await first.client.post("/api/v1/session/two-factor", { code }), 200);
    const second = await passwordStep(app, coach.email);
    expectProblem(await second.client.post("/api/v1/session/two-factor", { code }), { status: 400, code: "invalid", reason: "code_reused", invalidParams: ["code"] });
    // The code of the previous step, still inside the window, is refused too; the next one works.
    expectProblem(await second.client.post("/api/v1/session/two-factor", { code: codeAt(secret, new Date(clock.now().getTime() - 30_000)) }), { status: 400, code: "invalid", reason: "code_reused" });
    clock.advance(30_000);
    expectStatus(await second.client.post("/api/v1/session/two-factor", { code: codeAt(secret, clock.now()) }), 200);
    const failed = await auditRows(database.db, org.organisationId, { action: "session.failed", entityId: coach.id });
    assert.deepEqual(failed.map((r) => r.details.reason), ["code_reused", "code_reused"]);
  });

  test("a role the organisation requires it for is sent to set-up first; set-up during log-in turns it on", async (t) => {
    const clock = new TestClock(new Date("2026-04-01T09:00:01Z"));
    const org = await createTestOrganisation(database.db, "Testgemeente", { mfaRequiredRoles: ["coach"] });
    const coach = await org.user("coach");
    const lead = await org.user("teamleider");
    const app = await appAt(t, clock);
    // A role not in the list logs in with the password alone.
    expectStatus((await passwordStep(app, lead.email)).res, 200);

    const { res, client: pending } = await passwordStep(app, coach.email);
    assert.deepEqual(bodyOf(res, 202, SecondFactorRequired), { secondFactor: "enrolment" });
    expectProblem(await pending.get("/api/v1/account"), { status: 401, code: "unauthenticated" });
    expectProblem(await pending.post("/api/v1/session/two-factor", { code: "123456" }), { status: 409, code: "conflict", reason: "enrolment_not_started" });
    const enrolment = bodyOf(await pending.post("/api/v1/session/two-factor/enrolment"), 201, TotpEnrolment);
    const done = await pending.post("/api/v1/session/two-factor", { code: codeAt(enrolment.secret, clock.now()) });
    assert.equal(bodyOf(done, 200, Me).id, coach.id);
    const full = clientWithCookie(app, cookieOf(done));
    const status = bodyOf(await full.get("/api/v1/account"), 200, AccountStatus);
    assert.deepEqual([status.twoFactorEnabled, status.twoFactorRequired], [true, true]);
    // Required: it cannot be switched off by the user.
    expectProblem(await full.request("DELETE", "/api/v1/account/two-factor", { password: TEST_PASSWORD }), { status: 409, code: "conflict", reason: "two_factor_required" });

    // The next log-in asks for a code, and set-up is no longer offered.
    clock.advance(30_000);
    const again = await passwordStep(app, coach.email);
    assert.deepEqual(bodyOf(again.res, 202, SecondFactorRequired), { secondFactor: "totp" });
    expectProblem(await again.client.post("/api/v1/session/two-factor/enrolment"), { status: 409, code: "conflict", reason: "two_factor_enabled" });
  });

  test("switching it off asks for the password; a beheerder resets a lost second factor, which ends the user's sessions (audited)", async (t) => {
    const clock = new TestClock(new Date("2026-04-01T09:00:01Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const admin = await org.user("beheerder");
    const app = await appAt(t, clock);
    const coachClient = await loginAs(app, coach.email);
    let secret = await enableTwoFactor(coachClient, clock.now());
    expectProblem(await coachClient.request("DELETE", "/api/v1/account/two-factor", { password: "niet het wachtwoord" }), { status: 400, code: "invalid", reason: "wrong_password", invalidParams: ["password"] });
    expectStatus(await coachClient.request("DELETE", "/api/v1/account/two-factor", { password: TEST_PASSWORD }), 204);
    expectStatus((await passwordStep(app, coach.email)).res, 200);

    secret = await enableTwoFactor(coachClient, clock.now());
    clock.advance(30_000);
    const phone = await passwordStep(app, coach.email);
    expectStatus(await phone.client.post("/api/v1/session/two-factor", { code: codeAt(secret, clock.now()) }), 200);

    const adminClient = await loginAs(app, admin.email);
    // Only a beheerder may; another organisation's user is not found.
    expectProblem(await coachClient.delete(`/api/v1/users/${coach.id}/two-factor`), { status: 403, code: "forbidden" });
    const stranger = await (await createTestOrganisation(database.db)).user("coach");
    expectProblem(await adminClient.delete(`/api/v1/users/${stranger.id}/two-factor`), { status: 404, code: "not_found" });
    expectStatus(await adminClient.delete(`/api/v1/users/${coach.id}/two-factor`), 204);
    expectProblem(await coachClient.get("/api/v1/session"), { status: 401, code: "unauthenticated" });
    const left = await database.db.select().from(sessions).where(and(eq(sessions.organisationId, org.organisationId), eq(sessions.userId, coach.id)));
    assert.equal(left.length, 0);
    // Not required for coaches here: the password alone opens the account again.
    expectStatus((await passwordStep(app, coach.email)).res, 200);
    const reset = await auditRows(database.db, org.organisationId, { action: "user.two_factor_reset", entityId: coach.id });
    assert.equal(reset.length, 1);
    assert.equal(reset[0]?.actorUserId, admin.id);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "user.two_factor_disabled", entityId: coach.id })).length, 1);
  });
});
