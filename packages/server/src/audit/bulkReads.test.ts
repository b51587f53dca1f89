import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { systemActor } from "../authz/actor.ts";
import { exportedCaseNumbers } from "../cli/audit.ts";
import type { Database } from "../db/database.ts";
import { exportMeasurementsCsv } from "../features/measurements/measurements.transfer.ts";
import { auditRows } from "../testing/api.ts";
import { createTestOrganisation, makeFamily, makeMeasurement, ploeg9 } from "../testing/factories.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { auditBulkRead } from "./bulkReads.ts";
import { verifyChain } from "./verify.ts";

describe(`reads outside HTTP (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("a CLI export logs one read row per family in the file, with the purpose, chained", async () => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const families = [await makeFamily(database.db, coach.actor), await makeFamily(database.db, coach.actor), await makeFamily(database.db, coach.actor)];
    for (const f of families.slice(0, 2)) {
      await makeMeasurement(database.db, coach.actor, f.id, 0, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3));
      await makeMeasurement(database.db, coach.actor, f.id, 1, ploeg9(4, 4, 4, 4, 4, 4, 4, 4, 4));
    }
    const cliActor = systemActor(org.organisationId, "cli");
    const csv = await exportMeasurementsCsv(database.db, { actor: cliActor, instrumentKey: "ploeg-9" });
    assert.deepEqual(exportedCaseNumbers(csv).sort(), families.slice(0, 2).flatMap((f) => [f.caseNumber, f.caseNumber]).sort());

    const logged = await auditBulkRead(database.db, cliActor, { action: "measurements.exported", caseNumbers: exportedCaseNumbers(csv), purpose: "Jaarverslag", details: { instrument: "ploeg-9" } });
    assert.equal(logged, 2, "one row per family, not per line");
    const rows = await auditRows(database.db, org.organisationId, { action: "measurements.exported", includeReads: true });
    assert.deepEqual(
      rows.map((r) => [r.kind, r.familyId, r.entityId, r.actorLabel, r.actorUserId, r.purpose]).sort(),
      families.slice(0, 2).map((f) => ["read", f.id, f.id, "system:cli", null, "Jaarverslag"]).sort(),
    );
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });
});
