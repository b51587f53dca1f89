import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { addDays, CorrectionList, CostCatalogue, CostEntry, CostSettings, DEFAULT_HOURLY_RATES, FamilyCosts, parseCsv, TimeEntry, todayInNetherlands } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { interventions } from "../../db/schema.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, makeMeasurement, ploeg9 } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { readPdf } from "../../testing/pdfText.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";

const today = () => todayInNetherlands();

describe(`hours and costs of a family (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory, familyId } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const app = await appFor(t, database.db);
    const http = await loginAs(app, coach.email);
    const base = `/api/v1/families/${familyId}`;
    return { org, coach, trajectory, familyId, app, http, base };
  }

  async function catalogueEntry(organisationId: string, name: string, costCents: number | null, costUnit: string | null, active = true) {
    const [row] = await database.db.insert(interventions).values({ organisationId, key: `k-${crypto.randomUUID().slice(0, 8)}`, name, costCents, costUnit, active }).returning({ id: interventions.id });
    if (!row) throw new Error("no intervention");
    return row.id;
  }

  test("a coach books own hours and a cost, sees them with the totals, per trajectory and funding; both audited", async (t) => {
    const { org, coach, trajectory, familyId, http, base } = await setup(t);
    const visit = bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 90, activity: "huisbezoek", note: "Eerste huisbezoek" }), 201, TimeEntry);
    assert.equal(visit.userId, coach.id);
    assert.equal(visit.userName, coach.name);
    assert.equal(visit.trajectoryId, null, "booked without a trajectory");
    assert.equal(visit.countsFor, trajectory.id, "… it counts for the one running that day");
    assert.equal(visit.costCents, 11250, "1.5 h at the default coach rate of € 75");
    const earlier = bodyOf(await http.post(`${base}/time-entries`, { on: addDays(today(), -40), minutes: 30, activity: "telefonisch_contact" }), 201, TimeEntry);
    assert.equal(earlier.countsFor, null, "before the aanmelding: no trajectory");

    const training = await catalogueEntry(org.organisationId, "Houd me vast", 650000, "per_group_per_year");
    const cost = bodyOf(await http.post(`${base}/cost-entries`, { on: today(), amountCents: 81250, description: "Houd me vast, deel van het gezin (1/8)", funding: "jeugdwet", interventionId: training, trajectoryId: trajectory.id }), 201, CostEntry);
    assert.equal(cost.interventionName, "Houd me vast");
    assert.equal(cost.createdById, coach.id);
    assert.equal(cost.countsFor, trajectory.id);
    bodyOf(await http.post(`${base}/cost-entries`, { on: today(), amountCents: 5000, description: "Boodschappen", funding: "gezinsbudget" }), 201, CostEntry);

    const costs = bodyOf(await http.get(`${base}/costs`), 200, FamilyCosts);
    assert.deepEqual(costs.timeEntries.map((e) => e.id), [visit.id, earlier.id], "newest first");
    assert.equal(costs.costEntries.length, 2);
    assert.deepEqual(costs.rates, DEFAULT_HOURLY_RATES);
    assert.equal(costs.summary.minutes, 120);
    assert.equal(costs.summary.hoursCents, 11250 + 3750);
    assert.equal(costs.summary.costsCents, 86250);
    assert.equal(costs.summary.totalCents, 101250);
    assert.deepEqual(costs.summary.byLine, [{ line: "jeugdwet", cents: 81250 }, { line: "hours", cents: 15000 }, { line: "gezinsbudget", cents: 5000 }]);
    assert.deepEqual(costs.summary.byTrajectory.map((x) => [x.trajectoryId, x.totalCents]), [[trajectory.id, 11250 + 81250 + 5000], [null, 3750]]);
    assert.deepEqual(costs.summary.byPerson.map((p) => [p.userId, p.minutes]), [[coach.id, 120]]);
    assert.equal(costs.outcome, null, "only a nulmeting so far");

    const created = await auditRows(database.db, org.organisationId, { action: "time_entry.created", familyId });
    assert.equal(created.length, 2);
    assert.deepEqual(created[0]?.details, { on: today(), minutes: 90, activity: "huisbezoek", userId: coach.id, trajectoryId: null });
    const [costRow] = await auditRows(database.db, org.organisationId, { action: "cost_entry.created", entityId: cost.id });
    assert.deepEqual(costRow?.details, { on: today(), amountCents: 81250, funding: "jeugdwet", interventionId: training, trajectoryId: trajectory.id });
    assert.equal(JSON.stringify(created).includes("Eerste huisbezoek"), false, "no free text in the audit log");
  });

  test("the change between nulmeting and latest meting is shown beside the costs", async (t) => {
    const { coach, familyId, http, base } = await setup(t);
    // Nulmeting (from makeTrajectory): 2,1,2,3,3,4,3,2,5 → SR 69/29 = 2.379… (2.4), 7 problem domains.
    await makeMeasurement(database.db, coach.actor, familyId, 1, ploeg9(3, 3, 3, 3, 4, 4, 3, 3, 5));
    await makeMeasurement(database.db, coach.actor, familyId, 2, ploeg9(3, 4, 4, 3, 4, 4, 4, 3, 5));
    const costs = bodyOf(await http.get(`${base}/costs`), 200, FamilyCosts);
    // Meting 2: weights 3,2,2,3,2,2,2,3,1 = 20; Σs·w = 9+8+8+9+8+8+8+9+5 = 72 → 3.6; change 72/20 − 93/39 = 1.2…
    assert.equal(costs.outcome?.instrumentKey, "ploeg-9");
    assert.equal(costs.outcome?.fromRound, 0);
    assert.equal(costs.outcome?.toRound, 2);
    assert.deepEqual(costs.outcome?.selfReliance, { from: 2.4, to: 3.6, change: 1.22 });
    assert.deepEqual(costs.outcome?.problemDomains, { from: 7, to: 3, change: -4 });
  });

  test("field errors: a day in the future or outside the trajectory, minutes not in steps, another family's trajectory, a person outside the team, a catalogue entry of another organisation", async (t) => {
    const { org, coach, trajectory, base, http } = await setup(t);
    const hours = (extra: Record<string, unknown>) => http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "mdo", ...extra });
    expectProblem(await hours({ on: addDays(today(), 1) }), { status: 400, code: "invalid", invalidParams: ["on"] });
    expectProblem(await hours({ on: addDays(today(), -3), trajectoryId: trajectory.id }), { status: 400, code: "invalid", invalidParams: ["on"] });
    for (const minutes of [0, 3, 61, 1445]) expectProblem(await hours({ minutes }), { status: 400, code: "invalid", invalidParams: ["minutes"] });
    expectProblem(await hours({ activity: "koffie" }), { status: 400, code: "invalid", invalidParams: ["activity"] });
    const other = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    expectProblem(await hours({ trajectoryId: other.trajectory.id }), { status: 400, code: "invalid", invalidParams: ["trajectoryId"] });

    const cost = (extra: Record<string, unknown>) => http.post(`${base}/cost-entries`, { on: today(), amountCents: 1000, description: "Fietsreparatie", funding: "bijzondere_bijstand", ...extra });
    expectProblem(await cost({ amountCents: 0 }), { status: 400, code: "invalid", invalidParams: ["amountCents"] });
    expectProblem(await cost({ amountCents: 12.5 }), { status: 400, code: "invalid", invalidParams: ["amountCents"] });
    expectProblem(await cost({ funding: "awbz" }), { status: 400, code: "invalid", invalidParams: ["funding"] });
    expectProblem(await cost({ description: " " }), { status: 400, code: "invalid", invalidParams: ["description"] });
    expectProblem(await cost({ on: addDays(today(), 2) }), { status: 400, code: "invalid", invalidParams: ["on"] });
    const foreign = await createTestOrganisation(database.db, "Elders");
    expectProblem(await cost({ interventionId: await catalogueEntry(foreign.organisationId, "Elders aanbod", 100, "per_family") }), { status: 400, code: "invalid", invalidParams: ["interventionId"] });
    expectProblem(await cost({ interventionId: crypto.randomUUID() }), { status: 400, code: "invalid", invalidParams: ["interventionId"] });

    const lead = await loginAs(await appFor(t, database.db), (await org.user("teamleider")).email);
    const otherTeamCoach = await org.user("coach", { team: "other" });
    expectProblem(await lead.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "mdo", userId: otherTeamCoach.id }), { status: 400, code: "invalid", invalidParams: ["userId"] });
    const inactive = await org.user("coach", { active: false });
    expectProblem(await lead.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "mdo", userId: inactive.id }), { status: 400, code: "invalid", invalidParams: ["userId"] });
    const analist = await org.user("analist");
    expectProblem(await lead.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "mdo", userId: analist.id }), { status: 400, code: "invalid", invalidParams: ["userId"] });
    assert.equal(bodyOf(await http.get(`${base}/costs`), 200, FamilyCosts).timeEntries.length, 0);
    assert.equal((await auditRows(database.db, org.organisationId, { action: "time_entry.created" })).length, 0, "refused bookings leave no audit row");
  });

  test("whose hours: a coach books only their own, a team lead also a colleague's (also one leading the team from elsewhere)", async (t) => {
    const { org, coach, base, http, app } = await setup(t);
    const colleague = await org.user("coach");
    expectProblem(await http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "overleg_ketenpartners", userId: colleague.id }), { status: 403, code: "forbidden" });
    bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "overleg_ketenpartners", userId: coach.id }), 201, TimeEntry);

    const leadUser = await org.user("teamleider");
    const lead = await loginAs(app, leadUser.email);
    const forColleague = bodyOf(await lead.post(`${base}/time-entries`, { on: today(), minutes: 45, activity: "reistijd", userId: colleague.id }), 201, TimeEntry);
    assert.equal(forColleague.userId, colleague.id);
    const own = bodyOf(await lead.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "mdo" }), 201, TimeEntry);
    assert.equal(own.costCents, 8500, "a team lead's hour at the team-lead rate");

    // A team lead whose own team is another, leading this one.
    const leading = await org.user("teamleider", { team: "other", leadsTeamIds: [org.teamId] });
    const viaLead = bodyOf(await lead.post(`${base}/time-entries`, { on: today(), minutes: 15, activity: "administratie", userId: leading.id }), 201, TimeEntry);
    assert.equal(viaLead.userRole, "teamleider");

    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    const advice = bodyOf(await support.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "overig", note: "Casuïstiekbespreking" }), 201, TimeEntry);
    assert.equal(advice.costCents, 9000);
    bodyOf(await support.post(`${base}/cost-entries`, { on: today(), amountCents: 2500, description: "Tolk", funding: "eigen_middelen" }), 201, CostEntry);
  });

  test("taking a booking back: with a reason, into the correction history and the audit log; someone else's only as team lead", async (t) => {
    const { org, coach, familyId, base, http, app } = await setup(t);
    const mine = bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 120, activity: "huisbezoek", note: "Dubbel" }), 201, TimeEntry);
    const myCost = bodyOf(await http.post(`${base}/cost-entries`, { on: today(), amountCents: 4500, description: "Bus naar GKB", funding: "gezinsbudget" }), 201, CostEntry);
    const leadUser = await org.user("teamleider");
    const lead = await loginAs(app, leadUser.email);
    const theirs = bodyOf(await lead.post(`${base}/time-entries`, { on: today(), minutes: 30, activity: "mdo" }), 201, TimeEntry);
    const theirCost = bodyOf(await lead.post(`${base}/cost-entries`, { on: today(), amountCents: 900, description: "Koffie MDO", funding: "eigen_middelen" }), 201, CostEntry);

    expectProblem(await http.request("DELETE", `${base}/time-entries/${mine.id}`, {}), { status: 400, code: "invalid", invalidParams: ["reason"] });
    expectProblem(await http.request("DELETE", `${base}/time-entries/${mine.id}`, { reason: "x" }), { status: 400, code: "invalid", invalidParams: ["reason"] });
    expectProblem(await http.request("DELETE", `${base}/time-entries/${theirs.id}`, { reason: "Niet van mij" }), { status: 403, code: "forbidden" });
    expectProblem(await http.request("DELETE", `${base}/cost-entries/${theirCost.id}`, { reason: "Niet van mij" }), { status: 403, code: "forbidden" });
    expectProblem(await http.request("DELETE", `${base}/time-entries/${crypto.randomUUID()}`, { reason: "Bestaat niet" }), { status: 404, code: "not_found" });
    expectProblem(await http.request("DELETE", `${base}/time-entries/${myCost.id}`, { reason: "Verkeerde soort" }), { status: 404, code: "not_found" });

    expectStatus(await http.request("DELETE", `${base}/time-entries/${mine.id}`, { reason: "Dubbel geboekt" }), 204);
    expectStatus(await lead.request("DELETE", `${base}/cost-entries/${myCost.id}`, { reason: "Betaald door de GKB" }), 204);
    expectProblem(await http.request("DELETE", `${base}/time-entries/${mine.id}`, { reason: "Nog eens" }), { status: 404, code: "not_found" });

    const left = bodyOf(await http.get(`${base}/costs`), 200, FamilyCosts);
    assert.deepEqual(left.timeEntries.map((e) => e.id), [theirs.id]);
    assert.deepEqual(left.costEntries.map((e) => e.id), [theirCost.id]);

    const history = bodyOf(await http.get(`${base}/corrections`), 200, CorrectionList).items;
    const timeFix = history.find((c) => c.entityId === mine.id);
    assert.equal(timeFix?.entityType, "time_entry");
    assert.equal(timeFix?.reason, "Dubbel geboekt");
    assert.deepEqual(timeFix?.before, { on: today(), minutes: 120, activity: "huisbezoek", userId: coach.id, trajectoryId: null, note: "Dubbel" });
    assert.equal(timeFix?.after, null);
    assert.equal(timeFix?.by?.id, coach.id);
    const costFix = history.find((c) => c.entityId === myCost.id);
    assert.deepEqual([costFix?.entityType, costFix?.reason, costFix?.by?.id], ["cost_entry", "Betaald door de GKB", leadUser.id]);

    const [deleted] = await auditRows(database.db, org.organisationId, { action: "time_entry.deleted", entityId: mine.id });
    assert.equal(deleted?.familyId, familyId);
    assert.deepEqual(deleted?.details, { on: today(), minutes: 120, activity: "huisbezoek", userId: coach.id });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "cost_entry.deleted" })).length, 1);
  });

  test("scope: another team's coach and the analist do not find the family (404); ondersteuning reads; the team lead's break-the-glass does not book", async (t) => {
    const { org, base, http, app } = await setup(t);
    bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "huisbezoek" }), 201, TimeEntry);
    for (const user of [await org.user("coach", { team: "other" }), await org.user("analist"), await org.user("beheerder")]) {
      const c = await loginAs(app, user.email);
      expectProblem(await c.get(`${base}/costs`), { status: 404, code: "not_found" });
      expectProblem(await c.get(`${base}/costs.csv`), { status: 404, code: "not_found" });
      expectProblem(await c.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "huisbezoek" }), { status: 404, code: "not_found" });
    }
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    assert.equal(bodyOf(await support.get(`${base}/costs`), 200, FamilyCosts).timeEntries.length, 1);
    const foreign = await createTestOrganisation(database.db, "Andere gemeente");
    const foreignCoach = await loginAs(app, (await foreign.user("coach")).email);
    expectProblem(await foreignCoach.get(`${base}/costs`), { status: 404, code: "not_found" });
  });

  test("CSV of the family's bookings: every line, formula characters defused, the export logged as a read", async (t) => {
    const { org, familyId, base, http } = await setup(t);
    bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "huisbezoek", note: "=cmd|' /C calc'!A0" }), 201, TimeEntry);
    bodyOf(await http.post(`${base}/cost-entries`, { on: today(), amountCents: 123456, description: "+Schuldhulp intake", funding: "wmo" }), 201, CostEntry);
    const res = await http.get(`${base}/costs.csv`);
    expectStatus(res, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.match(String(res.headers["content-disposition"]), /attachment; filename="kosten-T-[A-Za-z0-9_-]+-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(res.body).map((r) => r.cells);
    assert.equal(rows.length, 3);
    assert.ok(rows.flat().every((c) => !/^[=+@-]/.test(c)), "no cell starts a formula");
    assert.ok(rows.some((r) => r[5] === "1234.56" && r[6] === "Wmo (gemeente)"));
    const english = parseCsv((await http.get(`${base}/costs.csv?lang=en`)).body).map((r) => r.cells);
    assert.ok(english.some((r) => r[1] === "hours" && r[3] === "Home visit"));
    const reads = await auditRows(database.db, org.organisationId, { action: "costs.exported", includeReads: true });
    assert.equal(reads.length, 2);
    assert.equal(reads[0]?.familyId, familyId);
    assert.deepEqual(reads[0]?.details, { timeEntries: 1, costEntries: 1, route: "GET /api/v1/families/:familyId/costs.csv" });
    assert.equal((await auditRows(database.db, org.organisationId, { action: "costs.viewed", includeReads: true })).length, 0, "no list was opened in this test");
  });

  test("hourly rates: the beheerder sets them (audited); hours are valued at the current rate", async (t) => {
    const { org, base, http, app } = await setup(t);
    const entry = bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 60, activity: "huisbezoek" }), 201, TimeEntry);
    assert.equal(entry.costCents, 7500);
    expectProblem(await http.get("/api/v1/organisation/costs"), { status: 403, code: "forbidden" });
    expectProblem(await http.put("/api/v1/organisation/costs", { hourlyRateCents: { coach: 1, teamleider: 1, ondersteuning: 1 } }), { status: 403, code: "forbidden" });
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    assert.deepEqual(bodyOf(await admin.get("/api/v1/organisation/costs"), 200, CostSettings), { hourlyRateCents: DEFAULT_HOURLY_RATES });
    const rates = { coach: 8040, teamleider: 9000, ondersteuning: 9600 };
    assert.deepEqual(bodyOf(await admin.put("/api/v1/organisation/costs", { hourlyRateCents: rates }), 200, CostSettings), { hourlyRateCents: rates });
    expectProblem(await admin.put("/api/v1/organisation/costs", { hourlyRateCents: { ...rates, coach: -1 } }), { status: 400, code: "invalid", invalidParams: ["hourlyRateCents.coach"] });
    const costs = bodyOf(await http.get(`${base}/costs`), 200, FamilyCosts);
    assert.equal(costs.timeEntries[0]?.costCents, 8040);
    assert.deepEqual(costs.rates, rates);
    const [row] = await auditRows(database.db, org.organisationId, { action: "organisation.costs_updated" });
    assert.deepEqual(row?.details, { hourlyRateCents: { from: DEFAULT_HOURLY_RATES, to: rates } });
  });

  test("the catalogue for the cost form: active entries with their cost; the team roles only", async (t) => {
    const { org, http, app } = await setup(t);
    await catalogueEntry(org.organisationId, "Join us", 550000, "per_group_per_year");
    await catalogueEntry(org.organisationId, "Oud aanbod", 100, "per_family", false);
    const items = bodyOf(await http.get("/api/v1/costs/catalogue"), 200, CostCatalogue).items;
    assert.deepEqual(items.map((i) => [i.name, i.costCents, i.costUnit]), [["Join us", 550000, "per_group_per_year"]]);
    const analist = await loginAs(app, (await org.user("analist")).email);
    expectProblem(await analist.get("/api/v1/costs/catalogue"), { status: 403, code: "forbidden" });
    // The intervention stays named on a booking after it is switched off.
    const [old] = await database.db.select({ id: interventions.id }).from(interventions).where(and(eq(interventions.organisationId, org.organisationId), eq(interventions.name, "Oud aanbod")));
    assert.ok(old);
  });

  test("inzage (AVG art. 15): the hours and costs in the JSON file and the PDF, a taken-back booking among the corrections", async (t) => {
    const { org, coach, base, http } = await setup(t);
    const training = await catalogueEntry(org.organisationId, "Houd me vast", 650000, "per_group_per_year");
    bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 90, activity: "huisbezoek", note: "Samen de post doorgenomen" }), 201, TimeEntry);
    bodyOf(await http.post(`${base}/cost-entries`, { on: today(), amountCents: 81250, description: "Oudertraining", funding: "jeugdwet", interventionId: training }), 201, CostEntry);
    const gone = bodyOf(await http.post(`${base}/time-entries`, { on: today(), minutes: 30, activity: "reistijd" }), 201, TimeEntry);
    expectStatus(await http.request("DELETE", `${base}/time-entries/${gone.id}`, { reason: "Verkeerd gezin" }), 204);

    const file = JSON.parse((await http.get(`${base}/export.json`)).body) as { timeEntries: Record<string, unknown>[]; costEntries: Record<string, unknown>[]; staff: { id: string }[]; corrections: { entityType: string }[] };
    assert.deepEqual(file.timeEntries.map((e) => [e.minutes, e.activity, e.note, e.userId]), [[90, "huisbezoek", "Samen de post doorgenomen", coach.id]]);
    assert.deepEqual(file.costEntries.map((e) => [e.amountCents, e.funding, e.interventionName]), [[81250, "jeugdwet", "Houd me vast"]]);
    assert.ok(file.staff.some((s) => s.id === coach.id), "the coach who booked is named under staff");
    assert.ok(file.corrections.some((c) => c.entityType === "time_entry"));
    assert.equal("organisationId" in (file.timeEntries[0] ?? {}), false);

    const pdf = await readPdf((await http.get(`${base}/export.pdf`)).rawPayload);
    assert.match(pdf.text, /Uren en kosten/);
    assert.match(pdf.text, /In totaal 1 uur en 30 minuten en € 812,50 aan kosten/);
    assert.match(pdf.text, /1 uur en 30 minuten huisbezoek/);
    assert.match(pdf.text, /€ 812,50 voor Oudertraining/);
    assert.match(pdf.text, /Betaald uit: Jeugdwet · Aanbod: Houd me vast/);
    assert.match(pdf.text, /Geboekte uren teruggenomen: .*30 minuten reistijd/);
    assert.match(pdf.text, /Reden: Verkeerd gezin/);
  });
});
