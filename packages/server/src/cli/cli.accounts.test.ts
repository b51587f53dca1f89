/**
 * `ploegwerk accounts …`, run in-process against the test database (the command is a plain
 * function of the database; the child-process harness adds nothing here).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { sessions, users } from "../db/schema.ts";
import { auditRows } from "../testing/api.ts";
import { createTestOrganisation } from "../testing/factories.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { accountsCommand } from "./accounts.ts";

describe(`ploegwerk accounts (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("unlock, reset-two-factor and log-out act on one account and are audited as the CLI", async () => {
    const org = await createTestOrganisation(database.db);
    const admin = await org.user("beheerder");
    const where = and(eq(users.organisationId, org.organisationId), eq(users.id, admin.id));
    await database.db.update(users).set({ failedLogins: 7, lockedUntil: new Date(Date.now() + 3_600_000), totpSecret: "v1.x", totpEnabledAt: new Date() }).where(where);
    await database.db.insert(sessions).values({ organisationId: org.organisationId, tokenHash: `cli-${admin.id}`, userId: admin.id, expiresAt: new Date(Date.now() + 3_600_000) });

    assert.equal(await accountsCommand(database, "unlock", admin.email.toUpperCase(), org.slug), 0);
    assert.equal(await accountsCommand(database, "reset-two-factor", admin.email, undefined), 0);
    const [row] = await database.db.select().from(users).where(where);
    assert.deepEqual([row?.failedLogins, row?.lockedUntil, row?.totpSecret, row?.totpEnabledAt], [0, null, null, null]);
    assert.equal((await database.db.select().from(sessions).where(eq(sessions.userId, admin.id))).length, 0);
    assert.equal(await accountsCommand(database, "log-out", admin.email, org.slug), 0);

    const actions = (await auditRows(database.db, org.organisationId, { entityId: admin.id })).map((r) => [r.action, r.actorLabel]);
    assert.deepEqual(actions, [["user.unlocked", "system:cli"], ["user.two_factor_reset", "system:cli"], ["sessions.revoked", "system:cli"]]);
  });

  test("a usage mistake or an unknown address is exit code 2 and changes nothing", async () => {
    const org = await createTestOrganisation(database.db);
    assert.equal(await accountsCommand(database, "delete", "x@test.ploegwerk.nl", org.slug), 2);
    assert.equal(await accountsCommand(database, "unlock", undefined, org.slug), 2);
    assert.equal(await accountsCommand(database, "unlock", "niemand@test.ploegwerk.nl", org.slug), 2);
  });
});
