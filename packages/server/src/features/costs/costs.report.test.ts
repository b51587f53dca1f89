import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, CostOutcomeReport, FamilyCosts, NewCostEntry, NewTimeEntry, parseCsv, todayInNetherlands, type CostOutcomeRow } from "@ploegwerk/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { families } from "../../db/schema.ts";
import { appFor, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily, makeMeasurement, ploeg9, type TestOrganisation, type TestUser } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { bookCost, bookTime } from "./costs.service.ts";

const today = () => todayInNetherlands();
const URL = "/api/v1/costs/report";

/**
 * The organisation of these tests. Team Noord (the own team): six families in wijk Noord (CBS code
 * WK001401), each 1 hour of the coach (€ 75) and € 200 jeugdwet, two of them also € 10 Wmo, all
 * with a nulmeting and a meting 1; three in wijk Zuid with 2 hours each. Team Zuid: two families in
 * wijk Oost with half an hour each. One Zuid family also has € 40 booked 40 days ago, before its
 * aanmelding: a cost outside every trajectory.
 */
async function buildOrganisation(db: Database["db"]) {
  const org = await createTestOrganisation(db);
  const coach = await org.user("coach");
  const otherCoach = await org.user("coach", { team: "other" });
  const hours = (familyId: string, userId: string, minutes: number) => bookTime(db, { actor: org.system, familyId, input: NewTimeEntry.parse({ on: today(), minutes, activity: "huisbezoek", userId }) });
  const cost = (familyId: string, amountCents: number, funding: string, on = today()) => bookCost(db, { actor: org.system, familyId, input: NewCostEntry.parse({ on, amountCents, description: "Hulp", funding }) });
  const familyIn = async (teamId: string, district: string) => {
    const f = await makeFamily(db, org.system, { teamId, district });
    await makeTrajectory(db, org.system, { phase: "intake", familyId: f.id });
    return f.id;
  };
  const noord: string[] = [];
  for (let i = 0; i < 6; i++) {
    const id = await familyIn(org.teamId, "Noord");
    noord.push(id);
    await hours(id, coach.id, 60);
    await cost(id, 20000, "jeugdwet");
    if (i < 2) await cost(id, 1000, "wmo");
    await makeMeasurement(db, org.system, id, 0, ploeg9(2, 1, 2, 3, 3, 4, 3, 2, 5));
    await makeMeasurement(db, org.system, id, 1, ploeg9(3, 3, 3, 3, 4, 4, 3, 3, 5));
  }
  await db.update(families).set({ districtCode: "WK001401" }).where(and(eq(families.organisationId, org.organisationId), inArray(families.id, noord)));
  const zuid: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = await familyIn(org.teamId, "Zuid");
    zuid.push(id);
    await hours(id, coach.id, 120);
  }
  await cost(zuid[0] as string, 4000, "gezinsbudget", addDays(today(), -40));
  const oost: string[] = [];
  for (let i = 0; i < 2; i++) {
    const id = await familyIn(org.otherTeamId, "Oost");
    oost.push(id);
    await hours(id, otherCoach.id, 30);
  }
  return { org, coach, noord, zuid, oost };
}

const row = (r: CostOutcomeReport, label: string): CostOutcomeRow => {
  const found = r.groups.find((g) => g.label === label);
  assert.ok(found, `no row ${label} in ${r.groups.map((g) => g.label).join(", ")}`);
  return found;
};
const line = (r: CostOutcomeRow, l: string) => r.lines.find((x) => x.line === l);

describe(`kosten en resultaten (${testTarget()})`, () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof buildOrganisation>>;
  let org: TestOrganisation;
  let coach: TestUser;
  before(async () => {
    database = await testDatabase();
    world = await buildOrganisation(database.db);
    org = world.org;
    coach = world.coach;
  });
  after(async () => database.close());

  const as = async (t: TestContext, role: Parameters<TestOrganisation["user"]>[0]) => loginAs(await appFor(t, database.db), (await org.user(role)).email);

  test("a team lead: every figure of the own team's families, per wijk, beside their change", async (t) => {
    const lead = await as(t, "teamleider");
    const r = bodyOf(await lead.get(URL), 200, CostOutcomeReport);
    assert.deepEqual(r.suppression, { applied: false, minimumFamilies: 5 });
    assert.equal(r.groupBy, "district");
    assert.deepEqual(r.groups.map((g) => [g.label, g.families]), [["Noord", 6], ["Zuid", 3]], "Team Zuid's families are outside the scope");
    const noord = row(r, "Noord");
    assert.deepEqual([noord.totalCents, noord.meanCents, noord.medianCents], [6 * 27500 + 2000, 27833, 27500]);
    assert.deepEqual(noord.lines.map((l) => [l.line, l.families, l.totalCents, l.meanCents]), [["hours", 6, 45000, 7500], ["wmo", 2, 2000, 1000], ["jeugdwet", 6, 120000, 20000]]);
    assert.deepEqual(noord.trajectories, { count: 6, meanCents: 27833, medianCents: 27500 });
    // 75/23 − 69/29 = 588/667 = 0.88…; problem domains 7 → 6.
    assert.deepEqual(noord.outcome, { families: 6, selfRelianceChange: 0.88, problemDomainChange: -1 });
    const zuid = row(r, "Zuid");
    assert.deepEqual([zuid.families, zuid.totalCents, zuid.outcome], [3, 3 * 15000 + 4000, null]);
    assert.deepEqual(zuid.trajectories, { count: 3, meanCents: 15000, medianCents: 15000 }, "the old cost counts for no trajectory");
    assert.deepEqual([r.total.families, r.total.totalCents], [9, 167000 + 49000]);
    assert.equal(r.total.key, null);
  });

  test("the report's sums agree with each family's own summary (the same valuation and trajectory rule)", async (t) => {
    const lead = await as(t, "teamleider");
    const r = bodyOf(await lead.get(URL), 200, CostOutcomeReport);
    let total = 0;
    let inTrajectories = 0;
    for (const id of [...world.noord, ...world.zuid]) {
      const s = bodyOf(await lead.get(`/api/v1/families/${id}/costs`), 200, FamilyCosts).summary;
      total += s.totalCents;
      inTrajectories += s.byTrajectory.filter((x) => x.trajectoryId !== null).reduce((a, x) => a + x.totalCents, 0);
    }
    assert.equal(r.total.totalCents, total);
    const trajectories = r.total.trajectories;
    assert.ok(trajectories);
    assert.equal(trajectories.count, 9);
    assert.ok(Math.abs(trajectories.meanCents * 9 - inTrajectories) <= 9, "the mean per trajectory is the sum over nine trajectories");
  });

  test("filters: team, wijk (name or CBS code), period; grouped by team", async (t) => {
    const lead = await as(t, "teamleider");
    const zuid = bodyOf(await lead.get(`${URL}?district=zuid`), 200, CostOutcomeReport);
    assert.deepEqual([zuid.total.families, zuid.groups.map((g) => g.label)], [3, ["Zuid"]]);
    const byCode = bodyOf(await lead.get(`${URL}?district=WK001401`), 200, CostOutcomeReport);
    assert.equal(byCode.total.families, 6);
    const recent = bodyOf(await lead.get(`${URL}?from=${addDays(today(), -7)}&to=${today()}`), 200, CostOutcomeReport);
    assert.equal(recent.total.totalCents, 167000 + 45000, "the cost of 40 days ago falls outside the period");
    const old = bodyOf(await lead.get(`${URL}?to=${addDays(today(), -30)}`), 200, CostOutcomeReport);
    assert.deepEqual([old.total.families, old.total.totalCents], [1, 4000]);
    const byTeam = bodyOf(await lead.get(`${URL}?groupBy=team`), 200, CostOutcomeReport);
    assert.deepEqual(byTeam.groups.map((g) => [g.key, g.label, g.families]), [[org.teamId, "Team Noord", 9]]);
    const otherTeam = bodyOf(await lead.get(`${URL}?teamId=${org.otherTeamId}`), 200, CostOutcomeReport);
    assert.deepEqual([otherTeam.total.families, otherTeam.groups], [0, []], "a team outside one's scope shows nothing");
    expectProblem(await lead.get(`${URL}?from=${today()}&to=${addDays(today(), -1)}`), { status: 400, code: "invalid", invalidParams: ["querystring.to"] });
    expectProblem(await lead.get(`${URL}?instrument=onbekend`), { status: 400, code: "invalid", invalidParams: ["instrument"] });
    expectProblem(await lead.get(`${URL}?groupBy=buurt`), { status: 400, code: "invalid", invalidParams: ["querystring.groupBy"] });
  });

  test("an analist: the whole organisation, wijken by CBS code, small numbers hidden and not to be worked out", async (t) => {
    const analist = await as(t, "analist");
    const r = bodyOf(await analist.get(`${URL}?from=${addDays(today(), -7)}`), 200, CostOutcomeReport);
    assert.deepEqual(r.suppression, { applied: true, minimumFamilies: 5 });
    assert.deepEqual(r.groups.map((g) => [g.label, g.hidden, g.families, g.totalCents]), [["Oost", true, null, null], ["WK001401", false, 6, 167000], ["Zuid", true, null, null]]);
    assert.deepEqual([r.total.families, r.total.totalCents], [11, 167000 + 45000 + 7500]);
    // Wmo (2 families) is hidden, and jeugdwet beside it in both rows; the total's jeugdwet equals Noord's, so the
    // total's hours go too, or total − hours − jeugdwet would still give Wmo away.
    assert.deepEqual(r.total.lines.map((l) => [l.line, l.families, l.totalCents]), [["hours", null, null], ["wmo", null, null], ["jeugdwet", null, null]]);
    const noord = row(r, "WK001401");
    assert.deepEqual(noord.lines.map((l) => [l.line, l.families, l.totalCents]), [["hours", null, null], ["wmo", null, null], ["jeugdwet", 6, 120000]]);
    assert.deepEqual(noord.outcome, { families: 6, selfRelianceChange: 0.88, problemDomainChange: -1 });
    assert.deepEqual(r.total.outcome, { families: 6, selfRelianceChange: 0.88, problemDomainChange: -1 });
    for (const g of [...r.groups, r.total]) {
      if (g.families !== null) assert.ok(g.families >= 5);
      for (const l of g.lines) if (l.families !== null) assert.ok(l.families >= 5);
    }
    assert.ok(!JSON.stringify(r).includes("Noord"), "the wijk name is replaced by its CBS code");

    // With the cost of 40 days ago: one family has costs outside a trajectory, so total − Σ trajectories would show it.
    const all = bodyOf(await analist.get(URL), 200, CostOutcomeReport);
    assert.equal(all.total.trajectories, null);
    assert.equal(all.total.totalCents, 167000 + 49000 + 7500);
  });

  test("the beheerder sees aggregates with small numbers hidden too; chain partners and researchers none", async (t) => {
    const admin = await as(t, "beheerder");
    const r = bodyOf(await admin.get(URL), 200, CostOutcomeReport);
    assert.equal(r.suppression.applied, true);
    assert.equal(r.total.families, 11);
    for (const role of ["ketenpartner", "onderzoeker"] as const) {
      const c = await as(t, role);
      expectProblem(await c.get(URL), { status: 403, code: "forbidden" });
      expectProblem(await c.get(`${URL}.csv`), { status: 403, code: "forbidden" });
    }
  });

  test("CSV of the table: what the answer shows, hidden cells empty, in Dutch or English", async (t) => {
    const analist = await as(t, "analist");
    const res = await analist.get(`${URL}.csv?from=${addDays(today(), -7)}`);
    expectStatus(res, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.match(String(res.headers["content-disposition"]), /kosten-en-resultaten-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parseCsv(res.body).map((r) => r.cells);
    const oost = rows.find((r) => r[0] === "Oost" && r[11] === "");
    assert.deepEqual(oost?.slice(1, 11), ["", "", "", "", "", "", "", "", "", ""]);
    const total = rows.find((r) => r[0] === "Totaal" && r[11] === "");
    assert.deepEqual(total?.slice(1, 3), ["11", "2195.00"]);
    assert.ok(rows.some((r) => r[0] === "WK001401" && r[11] === "Jeugdwet" && r[12] === "6" && r[13] === "1200.00"));
    assert.ok(rows.some((r) => r[0] === "Totaal" && r[11] === "Inzet in uren" && r[12] === "" && r[13] === ""));
    const english = parseCsv((await analist.get(`${URL}.csv?lang=en&from=${addDays(today(), -7)}`)).body).map((r) => r.cells);
    assert.ok(english.some((r) => r[11] === "Hours worked"));
    assert.ok(english.some((r) => r[11] === "Youth Act (Jeugdwet)" && r[13] === "1200.00"));
    // Coach of the own team: the same table unsuppressed.
    const c = await loginAs(await appFor(t, database.db), coach.email);
    const mine = parseCsv((await c.get(`${URL}.csv`)).body).map((r) => r.cells);
    assert.ok(mine.some((r) => r[0] === "Zuid" && r[1] === "3"));
  });
});
