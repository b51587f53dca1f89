import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BUILTIN_INSTRUMENTS, buildOutcomeReport, writeMeasurementCsv, type InstrumentDefinition, type OutcomeInput } from "@ploegwerk/domain";
import fc from "fast-check";
import type { Database } from "../../db/database.ts";
import { importInstrument } from "../instruments/instruments.service.ts";
import { importMeasurementsCsv } from "../measurements/measurements.transfer.ts";
import { recordMeasurement } from "../measurements/measurements.service.ts";
import { createTestOrganisation, makeFamily, measurementInput } from "../../testing/factories.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { outcomeReport } from "./outcomes.service.ts";

const ploeg9 = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9") as InstrumentDefinition;

/** Families F1…Fn, each at a subset of metingen 0, 1, 2, 4, with any non-empty subset of domains scored. */
const inputsArb = fc
  .array(fc.subarray([0, 1, 2, 4], { minLength: 1 }), { minLength: 1, maxLength: 12 })
  .chain((families) =>
    fc.tuple(
      ...families.flatMap((rounds, f) =>
        rounds.map((round) =>
          fc
            .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 5 }), { minLength: 9, maxLength: 9 })
            .filter((values) => values.some((v) => v !== undefined))
            .map((values): OutcomeInput => ({
              family: `F${f + 1}`,
              round,
              scores: Object.fromEntries(ploeg9.domains.flatMap((d, i) => (values[i] === undefined ? [] : [[d.key, values[i] as number]]))),
            })),
        ),
      ),
    ),
  );

describe(`outcome report in the database equals the pure engine (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("random organisations: the SQL totals assembled by the domain give exactly buildOutcomeReport's figures", async () => {
    await fc.assert(
      fc.asyncProperty(inputsArb, async (inputs) => {
        const org = await createTestOrganisation(database.db);
        const csv = writeMeasurementCsv(ploeg9, inputs.map((r) => ({ family: r.family, round: r.round, measuredOn: null, scores: r.scores })));
        await importMeasurementsCsv(database.db, { actor: org.system, instrumentKey: "ploeg-9", csv, createFamilies: true });
        const report = await outcomeReport(database.db, { actor: org.system, instrumentKey: "ploeg-9", includeFamilies: true });
        assert.deepEqual(report, buildOutcomeReport(ploeg9, inputs));
      }),
      { numRuns: 25 },
    );
  });

  test("older instrument versions: every measurement keeps its own version's figures; means combine by domain key", async () => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    // Version 2 reorders the domains, drops vrije_tijd and lowers the problem threshold to 2.
    const v2Domains = [...ploeg9.domains].reverse().filter((d) => d.key !== "vrije_tijd");
    await importInstrument(database.db, { actor: org.system, definition: { ...ploeg9, version: 2, problemThreshold: 2, domains: v2Domains } });
    const a = await makeFamily(database.db, coach.actor, { caseNumber: "V-1" });
    const b = await makeFamily(database.db, coach.actor, { caseNumber: "V-2" });
    const all = (s: number, but: Record<string, number> = {}) => Object.fromEntries(ploeg9.domains.map((d) => [d.key, but[d.key] ?? s]));
    // V-1 meting 0 on version 1: all 3 except huisvesting 1 and vrije_tijd 5 → 8 problem domains (≤ 3).
    await recordMeasurement(database.db, { actor: coach.actor, familyId: a.id, input: measurementInput(0, all(3, { huisvesting: 1, vrije_tijd: 5 }), { instrument: { key: "ploeg-9", version: 1 } }) });
    // V-2 meting 0 on version 2: all 3 except huisvesting 2 → only huisvesting is a problem (≤ 2).
    const v2Scores = all(3, { huisvesting: 2 });
    delete v2Scores.vrije_tijd;
    await recordMeasurement(database.db, { actor: coach.actor, familyId: b.id, input: measurementInput(0, v2Scores, { instrument: { key: "ploeg-9", version: 2 } }) });

    const report = await outcomeReport(database.db, { actor: coach.actor, instrumentKey: "ploeg-9", includeFamilies: true });
    assert.deepEqual(report.instrument, { key: "ploeg-9", version: 2 });
    assert.deepEqual(report.families?.map((f) => [f.family, f.measurements[0]?.problemDomains]), [["V-1", 8], ["V-2", 1]]);
    assert.equal(report.families?.[0]?.measurements[0]?.scores.huisvesting, 1, "version 1's positions read with version 1's domain order");
    assert.equal(report.families?.[1]?.measurements[0]?.scores.huisvesting, 2, "version 2's positions read with version 2's domain order");
    const m0 = report.metingen[0];
    assert.ok(m0);
    assert.equal(m0.domainMeans.huisvesting, 1.5, "(1 + 2) / 2 across both versions");
    assert.equal(m0.domainMeans.onderwijs_werk, 3);
    assert.equal(m0.domainMeans.vrije_tijd, undefined, "the newest version has no vrije_tijd, so the report has no mean for it");
    assert.equal(m0.problemDomainsMean, 4.5, "(8 + 1) / 2");
    assert.deepEqual(m0.problemDomainDistribution, { "1": 1, "8": 1 });
  });
});
