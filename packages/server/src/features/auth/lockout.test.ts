import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { Me, UserSecurity } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { z } from "zod";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { TestClock } from "../../testing/clock.ts";
import { createTestOrganisation, TEST_PASSWORD } from "../../testing/factories.ts";
import { clientWithCookie, loginAs, testApp } from "../../testing/http.ts";
import { codeAt, enableTwoFactor, notTheCode } from "../../testing/twoFactor.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const WRONG = "niet het goede wachtwoord";

describe(`lock-out after failed log-ins (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  // A new app per burst of attempts: the per-address rate limit (20 a minute, real time) is not what these tests are about.
  async function freshApp(t: TestContext, clock: TestClock): Promise<App> {
    const app = await testApp(database.db, { clock: clock.now });
    t.after(() => app.close());
    return app;
  }

  const login = (app: App, email: string, password: string): Promise<LightMyRequestResponse> =>
    app.inject({ method: "POST", url: "/api/v1/session", headers: { "content-type": "application/json" }, payload: JSON.stringify({ email, password }) });

  async function lockState(organisationId: string, userId: string) {
    const [row] = await database.db.select({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil }).from(users).where(and(eq(users.organisationId, organisationId), eq(users.id, userId)));
    assert.ok(row);
    return row;
  }

  test("five wrong passwords lock the account for a minute; during the lock even the right password gets the same answer as an unknown address", async (t) => {
    const clock = new TestClock(new Date("2026-05-04T08:00:00Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await freshApp(t, clock);
    const unknown = await login(app, "niemand-hier@test.ploegwerk.nl", TEST_PASSWORD);
    expectProblem(unknown, { status: 401, code: "unauthenticated" });

    for (let i = 1; i <= 4; i++) expectProblem(await login(app, coach.email, WRONG), { status: 401, code: "unauthenticated" });
    assert.deepEqual(await lockState(org.organisationId, coach.id), { failedLogins: 4, lockedUntil: null });
    const fifth = await login(app, coach.email, WRONG);
    assert.deepEqual(fifth.json(), unknown.json());
    const locked = await lockState(org.organisationId, coach.id);
    assert.equal(locked.failedLogins, 5);
    assert.equal(locked.lockedUntil?.toISOString(), "2026-05-04T08:01:00.000Z");

    // Locked: the right password is not even checked, and the answer is the generic one.
    clock.advance(30_000);
    const during = await login(app, coach.email, TEST_PASSWORD);
    assert.deepEqual([during.statusCode, during.json()], [401, unknown.json()]);
    assert.equal(during.headers["set-cookie"], undefined);
    assert.equal((await lockState(org.organisationId, coach.id)).failedLogins, 5, "guesses during a lock do not count");

    clock.advance(31_000);
    assert.equal(bodyOf(await login(app, coach.email, TEST_PASSWORD), 200, Me).id, coach.id);
    assert.deepEqual(await lockState(org.organisationId, coach.id), { failedLogins: 0, lockedUntil: null }, "a successful log-in resets the count");

    const failed = await auditRows(database.db, org.organisationId, { action: "session.failed", entityId: coach.id });
    assert.deepEqual(failed.map((r) => r.details.reason), ["wrong_password", "wrong_password", "wrong_password", "wrong_password", "wrong_password", "locked"]);
    const locks = await auditRows(database.db, org.organisationId, { action: "session.locked", entityId: coach.id });
    assert.equal(locks.length, 1);
    assert.deepEqual([locks[0]?.details.failedLogins, locks[0]?.details.minutes], [5, 1]);
  });

  test("each further failure doubles the lock: 1, 2, 4, 8 … minutes, at most an hour", async (t) => {
    const clock = new TestClock(new Date("2026-05-04T08:00:00Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await freshApp(t, clock);
    for (let i = 1; i <= 5; i++) await login(app, coach.email, WRONG);
    const minutes: number[] = [];
    for (let failure = 6; failure <= 12; failure++) {
      const before = await lockState(org.organisationId, coach.id);
      assert.ok(before.lockedUntil);
      // Wait out the lock on the test clock, then fail once more.
      clock.advance(before.lockedUntil.getTime() - clock.now().getTime() + 1000);
      expectStatus(await login(app, coach.email, WRONG), 401);
      const after = await lockState(org.organisationId, coach.id);
      assert.equal(after.failedLogins, failure);
      assert.ok(after.lockedUntil);
      minutes.push(Math.round((after.lockedUntil.getTime() - clock.now().getTime()) / 60_000));
    }
    assert.deepEqual(minutes, [2, 4, 8, 16, 32, 60, 60]);
  });

  test("wrong two-factor codes count towards the lock too; the lock ends the waiting session", async (t) => {
    const clock = new TestClock(new Date("2026-05-04T08:00:01Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await freshApp(t, clock);
    const secret = await enableTwoFactor(await loginAs(app, coach.email), clock.now());
    clock.advance(30_000);
    const res = await login(app, coach.email, TEST_PASSWORD);
    expectStatus(res, 202);
    const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
    const pending = clientWithCookie(app, cookie);
    for (let i = 1; i <= 4; i++) expectProblem(await pending.post("/api/v1/session/two-factor", { code: notTheCode(secret, clock.now()) }), { status: 400, code: "invalid", reason: "wrong_code" });
    const fifth = expectProblem(await pending.post("/api/v1/session/two-factor", { code: notTheCode(secret, clock.now()) }), { status: 401, code: "unauthenticated", reason: "locked" });
    assert.match(fifth.detail, /geblokkeerd/);
    // The waiting session is gone: even the right code does not help now.
    expectProblem(await pending.post("/api/v1/session/two-factor", { code: codeAt(secret, clock.now()) }), { status: 401, code: "unauthenticated" });
    assert.equal((await lockState(org.organisationId, coach.id)).failedLogins, 5);
    const reasons = (await auditRows(database.db, org.organisationId, { action: "session.failed", entityId: coach.id })).map((r) => r.details.reason);
    assert.deepEqual(reasons, ["wrong_code", "wrong_code", "wrong_code", "wrong_code", "wrong_code"]);
  });

  test("a beheerder sees the lock and lifts it (audited)", async (t) => {
    const clock = new TestClock(new Date("2026-05-04T08:00:00Z"));
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const admin = await org.user("beheerder");
    const app = await freshApp(t, clock);
    const adminClient = await loginAs(app, admin.email);
    for (let i = 1; i <= 5; i++) await login(app, coach.email, WRONG);
    const list = z.object({ items: z.array(UserSecurity) });
    const row = bodyOf(await adminClient.get("/api/v1/users/security"), 200, list).items.find((u) => u.userId === coach.id);
    assert.deepEqual([row?.failedLogins, row?.lockedUntil, row?.twoFactorEnabled], [5, "2026-05-04T08:01:00.000Z", false]);

    expectProblem(await (await loginAs(app, (await org.user("coach")).email)).delete(`/api/v1/users/${coach.id}/lock`), { status: 403, code: "forbidden" });
    expectStatus(await adminClient.delete(`/api/v1/users/${coach.id}/lock`), 204);
    assert.deepEqual(await lockState(org.organisationId, coach.id), { failedLogins: 0, lockedUntil: null });
    expectStatus(await login(app, coach.email, TEST_PASSWORD), 200);
    const unlocked = await auditRows(database.db, org.organisationId, { action: "user.unlocked", entityId: coach.id });
    assert.deepEqual([unlocked.length, unlocked[0]?.actorUserId, unlocked[0]?.details.failedLogins], [1, admin.id, 5]);
  });
});
