import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { Intervention, InterventionEvidence, PlanVersionDetail } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import type { Database, Db } from "../../db/database.ts";
import { actionProgress, planVersions } from "../../db/schema.ts";
import { appFor, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation, measurementInput, ploeg9 } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { recordMeasurement } from "../measurements/measurements.service.ts";
import { familyTrajectory, planContent, saveBody } from "../plans/plans.fixtures.ts";

const URL = "/api/v1/interventions";

describe(`plan actions name catalogue entries; practice-based evidence (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("a plan action may name an active entry of the organisation; another id is a field error; an archived entry stays on the actions that had it", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const app = await appFor(t, db);
    const coach = await org.user("coach");
    const http = await loginAs(app, coach.email);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    const entry = bodyOf(await lead.post(URL, { name: "Budgetcursus", domains: ["inkomen"] }), 201, Intervention);
    const other = bodyOf(await lead.post(URL, { name: "Houd me vast", domains: ["opvoeding"] }), 201, Intervention);
    const elsewhere = await createTestOrganisation(db, "Elders");
    const foreign = bodyOf(await (await loginAs(app, (await elsewhere.user("teamleider")).email)).post(URL, { name: "Budgetcursus" }), 201, Intervention);

    const f = await familyTrajectory(db, coach.actor, "planning");
    const content = planContent(f.parentId);
    const withEntry = (id: string | null) => ({ ...content, goals: (content.goals ?? []).map((g) => ({ ...g, actions: (g.actions ?? []).map((a) => ({ ...a, interventionId: id })) })) });

    for (const id of [foreign.id, randomUUID()]) {
      const p = expectProblem(await http.put(`${f.url}/plan`, saveBody(withEntry(id), null)), { status: 400, code: "invalid" });
      assert.deepEqual(p.invalidParams, [{ name: "content.goals.0.actions.0.interventionId", reason: "not an active entry of this organisation's catalogue (wat werkt); choose another entry or none" }]);
    }
    const v1 = bodyOf(await http.put(`${f.url}/plan`, saveBody(withEntry(entry.id), null)), 201, PlanVersionDetail);
    assert.equal(v1.content.goals[0]?.actions[0]?.interventionId, entry.id);

    // Archived since: the action keeps it; a new reference to an archived entry is refused.
    bodyOf(await lead.post(`${URL}/${entry.id}/archive`, { version: 1 }), 200, Intervention);
    const kept = bodyOf(await http.put(`${f.url}/plan`, saveBody({ ...withEntry(entry.id), overallGoals: [] }, 1, v1.version)), 200, PlanVersionDetail);
    assert.equal(kept.content.goals[0]?.actions[0]?.interventionId, entry.id);
    bodyOf(await lead.post(`${URL}/${other.id}/archive`, { version: 1 }), 200, Intervention);
    expectProblem(await http.put(`${f.url}/plan`, saveBody(withEntry(other.id), 1, kept.version)), { status: 400, code: "invalid", invalidParams: ["content.goals.0.actions.0.interventionId"] });
    // Without an entry, as before.
    const none = bodyOf(await http.put(`${f.url}/plan`, saveBody(withEntry(null), 1, kept.version)), 200, PlanVersionDetail);
    assert.equal(none.content.goals[0]?.actions[0]?.interventionId, null);
  });

  /*
   * The hand-made fixture. The entry addresses inkomen and huisvesting. Plans start 2025-03-01,
   * actions are due 2025-06-01. Nulmeting (round 0) on 2025-02-01, 1-meting on 2025-07-01.
   *
   *   family  team   inkomen   huisvesting   note
   *   F1      Noord  2 → 4 +2  3 → 3  0
   *   F2      Noord  1 → 2 +1  2 → 4 +2
   *   F3      Noord  3 → 3  0  3 → 2 −1
   *   F4      Noord  2 → 1 −1  1 → 3 +2
   *   F5      Noord  2 → 5 +3  4 → 4  0
   *   F6      Noord  2 → ·     2 → ·        no 1-meting yet: "in gebruik, nog geen nameting"
   *   F7      Zuid   3 → 4 +1  2 → 3 +1     marked done 2025-04-15; its 1-meting is still after that
   *   F8      Noord  1 → 5     1 → 5        the action lapsed (vervallen): not a use
   *   F9      Noord  1 → 5     1 → 5        the entry is only in an unsigned concept: not a use
   *   F10     Noord  r1 2 → r2 4 +2  r1 3 → r2 3 0
   *                  version 1 (signed) without the entry; version 2 (signed, start 2025-05-01) adds
   *                  it. Round 1 on 2025-04-01 is the latest meting before the start; round 2 on
   *                  2025-07-01 the first after the end. (Round 0 on 2025-02-01: inkomen 1, not used.)
   *
   * The whole organisation (analist): used F1–F7, F10 = 8; with both metingen F1–F5, F7, F10 = 7;
   *   without: F6 = 1 → a group under 5: only "7 with both" is shown (8 would reveal the 1).
   *   inkomen over 7: +2 +1 0 −1 +3 +1 +2 = 8 → mean 8/7 = 1.14; improved 5/7 = 0.714,
   *     same 1/7 = 0.143, declined 1/7 = 0.143.
   *   huisvesting over 7: 0 +2 −1 +2 0 +1 0 = 4 → mean 4/7 = 0.57; improved 3/7 = 0.429,
   *     same 3/7 = 0.429, declined 1/7 = 0.143.
   * A coach of team Noord: used F1–F6, F10 = 7; with both F1–F5, F10 = 6; without 1 → "6 with both".
   *   inkomen over 6: +2 +1 0 −1 +3 +2 = 7 → 7/6 = 1.17; improved 4/6 = 0.667, same 0.167, declined 0.167.
   *   huisvesting over 6: 0 +2 −1 +2 0 0 = 3 → 0.5; improved 2/6 = 0.333, same 3/6 = 0.5, declined 1/6 = 0.167.
   * A coach of team Zuid: used 1 (F7): every figure hidden.
   */
  test("practice-based evidence on a hand-made fixture, per reader's scope, with small numbers hidden", async (t: TestContext) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const app = await appFor(t, db);
    const lead = await loginAs(app, (await org.user("teamleider")).email);
    const entry = bodyOf(await lead.post(URL, { name: "Schuldhulp", domains: ["inkomen", "huisvesting"] }), 201, Intervention);
    const decoy = bodyOf(await lead.post(URL, { name: "Iets anders", domains: ["inkomen"] }), 201, Intervention);

    const scores = (inkomen: number, huisvesting: number) => ploeg9(3, huisvesting, inkomen, 3, 3, 3, 3, 3, 3);
    /** A family in the actor's team with a trajectory and these family-level metingen. */
    async function family(actor: Actor, metingen: [round: number, on: string, inkomen: number, huisvesting: number][]) {
      const { trajectory, familyId } = await makeTrajectory(db, actor, { phase: "intake" });
      for (const [round, on, inkomen, huisvesting] of metingen) await recordMeasurement(db, { actor, familyId, input: measurementInput(round, scores(inkomen, huisvesting), { measuredOn: on }) });
      return trajectory.id;
    }
    const action = (id: string, interventionId: string | null) => ({ id, description: "Aanmelden", owner: { kind: "coach", userId: randomUUID() }, dueDate: "2025-06-01", status: "open", cancelReason: null, interventionId });
    async function plan(db: Db, trajectoryId: string, number: number, o: { startDate?: string; actions: ReturnType<typeof action>[]; signed?: boolean }) {
      await db.insert(planVersions).values({
        organisationId: org.organisationId,
        trajectoryId,
        number,
        status: o.signed === false ? "concept" : "definitive",
        content: { startDate: o.startDate ?? "2025-03-01", instrumentKey: "ploeg-9", overallGoals: [], participation: [], goals: [{ id: randomUUID(), domain: "inkomen", memberIds: [], description: "Schulden op orde", targetDate: null, actions: o.actions }] },
        signature: o.signed === false ? null : { signedOn: o.startDate ?? "2025-03-01", signedBy: [randomUUID()], method: "paper", recordedBy: randomUUID() },
        createdOn: o.startDate ?? "2025-03-01",
      });
    }
    const progress = (trajectoryId: string, actionId: string, status: string, on: string) => db.insert(actionProgress).values({ organisationId: org.organisationId, trajectoryId, actionId, status, on });

    const noord = (await org.user("coach")).actor;
    const zuidCoach = await org.user("coach", { team: "other" });
    const both = (i: number, h: number, i1: number, h1: number): [number, string, number, number][] => [[0, "2025-02-01", i, h], [1, "2025-07-01", i1, h1]];
    const simple: [number, number, number, number][] = [[2, 3, 4, 3], [1, 2, 2, 4], [3, 3, 3, 2], [2, 1, 1, 3], [2, 4, 5, 4]];
    for (const [i, h, i1, h1] of simple) await plan(db, await family(noord, both(i, h, i1, h1)), 1, { actions: [action(randomUUID(), entry.id), action(randomUUID(), decoy.id)] });
    await plan(db, await family(noord, [[0, "2025-02-01", 2, 2]]), 1, { actions: [action(randomUUID(), entry.id)] });
    const f7 = await family(zuidCoach.actor, both(3, 2, 4, 3));
    const f7Action = randomUUID();
    await plan(db, f7, 1, { actions: [action(f7Action, entry.id)] });
    await progress(f7, f7Action, "in_progress", "2025-03-10");
    await progress(f7, f7Action, "done", "2025-04-15");
    const f8 = await family(noord, both(1, 1, 5, 5));
    const f8Action = randomUUID();
    await plan(db, f8, 1, { actions: [action(f8Action, entry.id)] });
    await progress(f8, f8Action, "cancelled", "2025-04-01");
    await plan(db, await family(noord, both(1, 1, 5, 5)), 1, { actions: [action(randomUUID(), entry.id)], signed: false });
    const f10 = await family(noord, [[0, "2025-02-01", 1, 3], [1, "2025-04-01", 2, 3], [2, "2025-07-01", 4, 3]]);
    const f10Action = randomUUID();
    await plan(db, f10, 1, { actions: [action(f10Action, null)] });
    await plan(db, f10, 2, { startDate: "2025-05-01", actions: [action(f10Action, entry.id)] });

    const evidence = async (role: "analist" | "coach" | "zuid") => {
      const email = role === "zuid" ? zuidCoach.email : (await org.user(role)).email;
      return bodyOf(await (await loginAs(app, email)).get(`${URL}/${entry.id}/evidence`), 200, InterventionEvidence);
    };
    const hidden = { value: null, suppressed: true };
    assert.deepEqual(await evidence("analist"), {
      interventionId: entry.id,
      scope: "organisation",
      used: hidden,
      withBoth: { value: 7, suppressed: false },
      withoutAfter: hidden,
      domains: [
        { domain: "inkomen", n: 7, meanChange: 1.14, improved: 0.714, same: 0.143, declined: 0.143, suppressed: false, reason: null },
        { domain: "huisvesting", n: 7, meanChange: 0.57, improved: 0.429, same: 0.429, declined: 0.143, suppressed: false, reason: null },
      ],
      minFamilies: 5,
    });
    assert.deepEqual(await evidence("coach"), {
      interventionId: entry.id,
      scope: "teams",
      used: hidden,
      withBoth: { value: 6, suppressed: false },
      withoutAfter: hidden,
      domains: [
        { domain: "inkomen", n: 6, meanChange: 1.17, improved: 0.667, same: 0.167, declined: 0.167, suppressed: false, reason: null },
        { domain: "huisvesting", n: 6, meanChange: 0.5, improved: 0.333, same: 0.5, declined: 0.167, suppressed: false, reason: null },
      ],
      minFamilies: 5,
    });
    const zuid = await evidence("zuid");
    assert.deepEqual([zuid.used, zuid.withBoth, zuid.withoutAfter], [hidden, hidden, hidden]);
    assert.deepEqual(zuid.domains.map((d) => [d.domain, d.n, d.meanChange, d.reason]), [["inkomen", null, null, "fewer_than_5"], ["huisvesting", null, null, "fewer_than_5"]]);

    // The decoy, named by F1–F5 only (all with both metingen): five families, every count shown.
    const decoyEvidence = bodyOf(await (await loginAs(app, (await org.user("analist")).email)).get(`${URL}/${decoy.id}/evidence`), 200, InterventionEvidence);
    assert.deepEqual([decoyEvidence.used.value, decoyEvidence.withBoth.value, decoyEvidence.withoutAfter.value], [5, 5, 0]);
    assert.deepEqual(decoyEvidence.domains, [{ domain: "inkomen", n: 5, meanChange: 1, improved: 0.6, same: 0.2, declined: 0.2, suppressed: false, reason: null }]);

    // Chain partners and researchers read the catalogue but not the organisation's outcomes.
    for (const role of ["ketenpartner", "onderzoeker"] as const) {
      expectProblem(await (await loginAs(app, (await org.user(role)).email)).get(`${URL}/${entry.id}/evidence`), { status: 403, code: "forbidden" });
    }
  });
});
