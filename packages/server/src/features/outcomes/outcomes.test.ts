import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { NewMeasurement } from "@ploegwerk/domain";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { recordMeasurement } from "../measurements/measurements.service.ts";
import { appFor, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily, makeMeasurement, PLOEG9_KEYS, ploeg9 } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

/** The OutcomeReport answer, checked field by field. */
const OutcomeReport = z.object({
  instrument: z.object({ key: z.string(), version: z.number().int() }),
  familyCount: z.number().int(),
  families: z.array(
    z.object({
      family: z.string(),
      measurements: z.array(
        z.object({ meting: z.number().int(), selfReliance: z.number().nullable(), level: z.number().int().nullable(), problemDomains: z.number().int(), scores: z.record(z.string(), z.number()) }),
      ),
    }),
  ).optional(),
  metingen: z.array(
    z.object({
      meting: z.number().int(),
      families: z.number().int(),
      domainMeans: z.record(z.string(), z.number().nullable()),
      problemDomainsMean: z.number().nullable(),
      problemDomainDistribution: z.record(z.string(), z.number().int()),
      selfRelianceMean: z.number().nullable(),
    }),
  ),
  transitions: z.array(z.object({ from: z.number(), to: z.number(), families: z.number(), improved: z.number(), same: z.number(), declined: z.number() })),
});

/** Domain means in ploeg-9 order as the report's record. */
const means = (...values: number[]) => Object.fromEntries(PLOEG9_KEYS.map((k, i) => [k, values[i] as number]));

/*
 * The scores, in ploeg-9 order (onderwijs_werk, huisvesting, inkomen, opvoeding, geestelijke_gezondheid,
 * lichamelijke_gezondheid, sociaal_netwerk, vrije_tijd, justitiele_veiligheid). SR = Σ s·(6−s) / Σ (6−s).
 *
 * Team Noord (the coach's team):
 *   UIT-A meting 0: 2 1 1 3 2 4 3 3 2  Σw = 4+5+5+3+4+2+3+3+4 = 33, Σsw = 8+5+5+9+8+8+9+9+8 = 69
 *                   SR = 69/33 = 2.09 → 2.1, level 2, problem domains 8 (all but the 4)
 *   UIT-A meting 1: 3 4 4 3 3 4 4 3 4  Σw = 3+2+2+3+3+2+2+3+2 = 22, Σsw = 9+8+8+9+9+8+8+9+8 = 76
 *                   SR = 76/22 = 3.45 → 3.5, level 3, problem domains 4 (the four 3s)   → improved (2 → 3)
 *   UIT-B meting 0: 3 2 2 3 3 3 4 3 5  Σw = 3+4+4+3+3+3+2+3+1 = 26, Σsw = 9+8+8+9+9+9+8+9+5 = 74
 *                   SR = 74/26 = 2.846 → 2.8, level 3, problem domains 7
 *   UIT-B meting 1: 2 2 2 2 3 3 4 2 5  Σw = 4+4+4+4+3+3+2+4+1 = 29, Σsw = 8+8+8+8+9+9+8+8+5 = 71
 *                   SR = 71/29 = 2.448 → 2.4, level 2, problem domains 7                  → declined (3 → 2)
 *   UIT-C meting 0: 4 2 3 3 3 5 4 3 4  Σw = 2+4+3+3+3+1+2+3+2 = 23, Σsw = 8+8+9+9+9+5+8+9+8 = 73
 *                   SR = 73/23 = 3.174 → 3.2, level 3, problem domains 5 (no meting 1: not in the transition)
 * Team Zuid:
 *   UIT-D meting 0: 1 1 2 2 2 3 3 2 3  Σw = 5+5+4+4+4+3+3+4+3 = 35, Σsw = 5+5+8+8+8+9+9+8+9 = 69
 *                   SR = 69/35 = 1.971 → 2.0, level 2, problem domains 9
 *   UIT-D meting 1: 2 3 2 2 2 4 3 2 3  Σw = 4+3+4+4+4+2+3+4+3 = 31, Σsw = 8+9+8+8+8+8+9+8+9 = 75
 *                   SR = 75/31 = 2.419 → 2.4, level 2, problem domains 8                  → same (2 → 2)
 */
const A0 = ploeg9(2, 1, 1, 3, 2, 4, 3, 3, 2);
const A1 = ploeg9(3, 4, 4, 3, 3, 4, 4, 3, 4);
const B0 = ploeg9(3, 2, 2, 3, 3, 3, 4, 3, 5);
const B1 = ploeg9(2, 2, 2, 2, 3, 3, 4, 2, 5);
const C0 = ploeg9(4, 2, 3, 3, 3, 5, 4, 3, 4);
const D0 = ploeg9(1, 1, 2, 2, 2, 3, 3, 2, 3);
const D1 = ploeg9(2, 3, 2, 2, 2, 4, 3, 2, 3);

const familyA = { family: "UIT-A", measurements: [{ meting: 0, selfReliance: 2.1, level: 2, problemDomains: 8, scores: A0 }, { meting: 1, selfReliance: 3.5, level: 3, problemDomains: 4, scores: A1 }] };
const familyB = { family: "UIT-B", measurements: [{ meting: 0, selfReliance: 2.8, level: 3, problemDomains: 7, scores: B0 }, { meting: 1, selfReliance: 2.4, level: 2, problemDomains: 7, scores: B1 }] };
const familyC = { family: "UIT-C", measurements: [{ meting: 0, selfReliance: 3.2, level: 3, problemDomains: 5, scores: C0 }] };
const familyD = { family: "UIT-D", measurements: [{ meting: 0, selfReliance: 2.0, level: 2, problemDomains: 9, scores: D0 }, { meting: 1, selfReliance: 2.4, level: 2, problemDomains: 8, scores: D1 }] };

describe(`outcomes API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  /** Four families in two teams, plus noise that must not count: a member's own meting, another instrument, another organisation. */
  async function scenario(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const support = await org.user("ondersteuning");
    const otherLead = await org.user("teamleider", { team: "other" });
    const admin = await org.user("beheerder");
    const db = database.db;
    const a = await makeFamily(db, coach.actor, { caseNumber: "UIT-A" });
    const b = await makeFamily(db, coach.actor, { caseNumber: "UIT-B" });
    const c = await makeFamily(db, coach.actor, { caseNumber: "UIT-C" });
    const d = await makeFamily(db, otherLead.actor, { caseNumber: "UIT-D", teamId: org.otherTeamId });
    for (const [family, round, scores] of [[a, 0, A0], [a, 1, A1], [b, 0, B0], [b, 1, B1], [c, 0, C0]] as const) await makeMeasurement(db, coach.actor, family.id, round, scores);
    await makeMeasurement(db, otherLead.actor, d.id, 0, D0);
    await makeMeasurement(db, otherLead.actor, d.id, 1, D1);
    // A child's own meting (all 5s) is not a family meting and must not count.
    const child = a.members.find((m) => m.role === "child");
    assert.ok(child);
    await recordMeasurement(db, { actor: coach.actor, familyId: a.id, input: NewMeasurement.parse({ instrument: { key: "ploeg-9" }, round: 0, measuredOn: "2026-01-15", memberId: child.id, scores: Object.fromEntries(PLOEG9_KEYS.map((k) => [k, { score: 5 }])) }) });
    // Another instrument's meting is not in the ploeg-9 report.
    await recordMeasurement(db, { actor: coach.actor, familyId: c.id, input: NewMeasurement.parse({ instrument: { key: "participatieladder" }, round: 0, measuredOn: "2026-01-15", scores: { participatie: { score: 2 } } }) });
    // Another organisation's family with the same case number.
    const elsewhere = await createTestOrganisation(db, "Elders");
    const elsewhereCoach = await elsewhere.user("coach");
    const e = await makeFamily(db, elsewhereCoach.actor, { caseNumber: "UIT-A" });
    await makeMeasurement(db, elsewhereCoach.actor, e.id, 0, ploeg9(5, 5, 5, 5, 5, 5, 5, 5, 5));

    const app = await appFor(t, db);
    return { org, app, coach: await loginAs(app, coach.email), support: await loginAs(app, support.email), otherLead: await loginAs(app, otherLead.email), admin: await loginAs(app, admin.email) };
  }

  test("a coach's report covers the own team's families, with the figures computed by hand", async (t) => {
    const { coach, support } = await scenario(t);
    const report = bodyOf(await coach.get("/api/v1/outcomes?families=true"), 200, OutcomeReport);
    assert.equal(report.familyCount, 3);
    assert.deepEqual(report.instrument, { key: "ploeg-9", version: 1 });
    assert.deepEqual(report.families, [familyA, familyB, familyC], "UIT-D (other team) and the other organisation's UIT-A are not in it");
    assert.deepEqual(report.metingen, [
      {
        meting: 0,
        families: 3,
        // onderwijs_werk (2+3+4)/3 = 3.0; huisvesting (1+2+2)/3 = 1.67 → 1.7; inkomen (1+2+3)/3 = 2.0; opvoeding 9/3 = 3.0;
        // geestelijke (2+3+3)/3 = 2.67 → 2.7; lichamelijke (4+3+5)/3 = 4.0; sociaal (3+4+4)/3 = 3.67 → 3.7;
        // vrije tijd 9/3 = 3.0; justitiële (2+5+4)/3 = 3.67 → 3.7
        domainMeans: means(3.0, 1.7, 2.0, 3.0, 2.7, 4.0, 3.7, 3.0, 3.7),
        // (8 + 7 + 5) / 3 = 6.666… → 6.67
        problemDomainsMean: 6.67,
        problemDomainDistribution: { "5": 1, "7": 1, "8": 1 },
        // (69/33 + 74/26 + 73/23) / 3 = (2.0909 + 2.8462 + 3.1739) / 3 = 2.7037 → 2.7
        selfRelianceMean: 2.7,
      },
      {
        meting: 1,
        families: 2,
        // A1 + B1: (3+2)/2 = 2.5, (4+2)/2 = 3.0, (4+2)/2 = 3.0, (3+2)/2 = 2.5, (3+3)/2 = 3.0, (4+3)/2 = 3.5, (4+4)/2 = 4.0, (3+2)/2 = 2.5, (4+5)/2 = 4.5
        domainMeans: means(2.5, 3.0, 3.0, 2.5, 3.0, 3.5, 4.0, 2.5, 4.5),
        // (4 + 7) / 2 = 5.5
        problemDomainsMean: 5.5,
        problemDomainDistribution: { "4": 1, "7": 1 },
        // (76/22 + 71/29) / 2 = (3.4545 + 2.4483) / 2 = 2.9514 → 3.0
        selfRelianceMean: 3.0,
      },
    ]);
    // Families measured at both: A 2 → 3 improved, B 3 → 2 declined; C has no meting 1.
    assert.deepEqual(report.transitions, [{ from: 0, to: 1, families: 2, improved: 1, same: 0, declined: 1 }]);

    // Ondersteuning of the same team sees the same figures.
    assert.deepEqual(bodyOf(await support.get("/api/v1/outcomes?families=true"), 200, OutcomeReport), report);
    // The dashboard asks without the per-family part: the same figures, no families.
    const { families: _families, ...aggregate } = report;
    assert.deepEqual(bodyOf(await coach.get("/api/v1/outcomes"), 200, OutcomeReport), aggregate);
  });

  test("the beheerder's report covers the whole organisation; teamId narrows it; nobody sees another organisation", async (t) => {
    const { org, app, admin, coach, otherLead } = await scenario(t);
    const report = bodyOf(await admin.get("/api/v1/outcomes?instrument=ploeg-9"), 200, OutcomeReport);
    assert.equal(report.familyCount, 4);
    // The list per family is dossier data: not for the beheerder, nor for a municipal analist.
    expectProblem(await admin.get("/api/v1/outcomes?instrument=ploeg-9&families=true"), { status: 403, code: "forbidden" });
    const analist = await loginAs(app, (await org.user("analist")).email);
    expectProblem(await analist.get("/api/v1/outcomes?families=true"), { status: 403, code: "forbidden" });
    assert.deepEqual(bodyOf(await analist.get("/api/v1/outcomes?instrument=ploeg-9"), 200, OutcomeReport), report, "the analist sees the organisation's aggregate");
    assert.deepEqual(report.metingen, [
      {
        meting: 0,
        families: 4,
        // with D0: onderwijs_werk 10/4 = 2.5; huisvesting 6/4 = 1.5; inkomen 8/4 = 2.0; opvoeding 11/4 = 2.75 → 2.8 (half-up);
        // geestelijke 10/4 = 2.5; lichamelijke 15/4 = 3.75 → 3.8; sociaal 14/4 = 3.5; vrije tijd 11/4 = 2.75 → 2.8; justitiële 14/4 = 3.5
        domainMeans: means(2.5, 1.5, 2.0, 2.8, 2.5, 3.8, 3.5, 2.8, 3.5),
        // (8 + 7 + 5 + 9) / 4 = 7.25
        problemDomainsMean: 7.25,
        problemDomainDistribution: { "5": 1, "7": 1, "8": 1, "9": 1 },
        // (2.0909 + 2.8462 + 3.1739 + 1.9714) / 4 = 2.5206 → 2.5
        selfRelianceMean: 2.5,
      },
      {
        meting: 1,
        families: 3,
        // A1 + B1 + D1: 7/3 = 2.33 → 2.3; 9/3 = 3.0; 8/3 = 2.67 → 2.7; 7/3 → 2.3; 8/3 → 2.7; 11/3 = 3.67 → 3.7; 11/3 → 3.7; 7/3 → 2.3; 12/3 = 4.0
        domainMeans: means(2.3, 3.0, 2.7, 2.3, 2.7, 3.7, 3.7, 2.3, 4.0),
        // (4 + 7 + 8) / 3 = 6.333… → 6.33
        problemDomainsMean: 6.33,
        problemDomainDistribution: { "4": 1, "7": 1, "8": 1 },
        // (3.4545 + 2.4483 + 2.4194) / 3 = 2.7741 → 2.8
        selfRelianceMean: 2.8,
      },
    ]);
    // A improved, B declined, D stayed at level 2.
    assert.deepEqual(report.transitions, [{ from: 0, to: 1, families: 3, improved: 1, same: 1, declined: 1 }]);

    const zuid = bodyOf(await admin.get(`/api/v1/outcomes?teamId=${org.otherTeamId}`), 200, OutcomeReport);
    assert.equal(zuid.familyCount, 1);
    assert.deepEqual(zuid.transitions, [{ from: 0, to: 1, families: 1, improved: 0, same: 1, declined: 0 }]);
    assert.deepEqual(bodyOf(await otherLead.get("/api/v1/outcomes?families=true"), 200, OutcomeReport).families, [familyD], "the other team's lead sees only UIT-D");
    // A coach asking for another team's figures gets nothing, not that team's families.
    const peek = bodyOf(await coach.get(`/api/v1/outcomes?teamId=${org.otherTeamId}&families=true`), 200, OutcomeReport);
    assert.deepEqual([peek.familyCount, peek.families, peek.metingen, peek.transitions], [0, [], [], []]);
  });

  test("an unknown instrument is 400 with invalidParams instrument; a non-UUID teamId is 400", async (t) => {
    const { coach } = await scenario(t);
    expectProblem(await coach.get("/api/v1/outcomes?instrument=bestaat-niet"), { status: 400, code: "invalid", invalidParams: ["instrument"] });
    expectProblem(await coach.get("/api/v1/outcomes?teamId=team-noord"), { status: 400, code: "invalid", invalidParams: ["querystring.teamId"] });
    // Another instrument gives its own (here: one meting of one family, without SR or transitions).
    const ladder = bodyOf(await coach.get("/api/v1/outcomes?instrument=participatieladder&families=true"), 200, OutcomeReport);
    assert.deepEqual(ladder.instrument, { key: "participatieladder", version: 1 });
    assert.deepEqual(ladder.families, [{ family: "UIT-C", measurements: [{ meting: 0, selfReliance: null, level: null, problemDomains: 0, scores: { participatie: 2 } }] }]);
    assert.deepEqual(ladder.transitions, []);
  });
});
