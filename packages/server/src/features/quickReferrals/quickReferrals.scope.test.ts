import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { QuickReferral, QuickReferralStatistics } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem } from "../../testing/api.ts";
import { createTestOrganisation } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { makeIntervention, makeQuickReferral, quickReferralInput } from "../../testing/quickReferrals.ts";
import { canonicalRows, snapshotTables } from "../../testing/tableSnapshot.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const BASE = "/api/v1/quick-referrals";
const RESIDENT = "Henk Zichtbaarmaar";

/**
 * Who sees a quick referral, and so the resident's name and contact: the referrer and the receiving
 * side only. Everyone else in the organisation gets a 404 and empty lists; analists see counts.
 * Refused, stale and malformed requests change nothing.
 */
describe(`quick referrals: scope, conflicts and bad input (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const db = database.db;
    const org = await createTestOrganisation(db, "Verwijsscope");
    const debt = await org.partner("Schuldhulp Scope", "schuldhulp");
    const school = await org.partner("School Scope", "school");
    const app = await appFor(t, db);
    const as = async (role: Parameters<typeof org.user>[0], options: Parameters<typeof org.user>[1] = {}) => {
      const user = await org.user(role, options);
      return { user, http: await loginAs(app, user.email) };
    };
    return { db, org, debt, school, app, as };
  }

  /** Every table row of the organisations but the log and sessions, to show nothing changed. */
  async function stored(organisationIds: string[]) {
    const tables = await snapshotTables(database.db, organisationIds);
    return Object.fromEntries([...tables].filter(([name]) => !["audit_events", "audit_chain_heads", "sessions"].includes(name)).map(([name, rows]) => [name, canonicalRows(rows)]));
  }

  test("the resident's name reaches the referrer and the receiving team only; the rest of the organisation, another organisation and analists never see it", async (t) => {
    const { db, org, school, app, as } = await setup(t);
    const teacher = await as("ketenpartner", { partnerOrganisationId: school.id });
    const made = bodyOf(await teacher.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { residentName: RESIDENT, residentContact: "06-99887766" })), 201, QuickReferral);

    const sees: Record<string, Client> = {
      referrer: teacher.http,
      "coach of the team": (await as("coach")).http,
      "team lead": (await as("teamleider")).http,
      "team lead of another team who also leads this one": (await as("teamleider", { team: "other", leadsTeamIds: [org.teamId] })).http,
    };
    for (const [who, http] of Object.entries(sees)) {
      const one = bodyOf(await http.get(`${BASE}/${made.id}`), 200, QuickReferral);
      assert.deepEqual(one.resident, { name: RESIDENT, contact: "06-99887766" }, who);
    }

    const other = await createTestOrganisation(db, "Elders");
    const blind: Record<string, Client> = {
      "ondersteuning of the same team": (await as("ondersteuning")).http,
      "coach of another team": (await as("coach", { team: "other" })).http,
      "another ketenpartner of the same chain partner": (await as("ketenpartner", { partnerOrganisationId: school.id })).http,
      beheerder: (await as("beheerder")).http,
      analist: (await as("analist")).http,
      onderzoeker: (await as("onderzoeker")).http,
      "coach of another organisation": await loginAs(app, (await other.user("coach")).email),
    };
    for (const [who, http] of Object.entries(blind)) {
      const one = await http.get(`${BASE}/${made.id}`);
      expectProblem(one, { status: 404, code: "not_found" });
      for (const box of ["inbox", "sent"]) {
        const list = await http.get(`${BASE}?box=${box}`);
        assert.ok(list.statusCode === 200 || list.statusCode === 403, `${who} ${box}: ${list.statusCode}`);
        assert.ok(!list.body.includes(RESIDENT) && !list.body.includes(made.id), `${who} sees the referral in ${box}`);
      }
      for (const path of ["counts", "statistics"]) assert.ok(!(await http.get(`${BASE}/${path}`)).body.includes(RESIDENT), `${who} ${path}`);
      expectProblem(await http.post(`${BASE}/${made.id}/transitions`, { to: "picked_up", note: null, version: made.version }), { status: 404, code: "not_found" });
    }
    for (const [, http] of Object.entries(blind).filter(([who]) => ["beheerder", "analist", "onderzoeker"].includes(who))) {
      expectProblem(await http.get(`${BASE}?box=inbox`), { status: 403, code: "forbidden" });
      expectProblem(await http.get(`${BASE}?box=sent`), { status: 403, code: "forbidden" });
    }
    const [row] = await queryRows<{ status: string; version: number }>(db, sql`select status, version from quick_referrals where id = ${made.id}::uuid`);
    assert.deepEqual(row, { status: "sent", version: 1 }, "none of the refused moves changed it");
  });

  test("the referrer may follow but not act; only a receiver moves it, and a stale version is a 409", async (t) => {
    const { db, org, as } = await setup(t);
    const referrer = await as("ondersteuning");
    const coach = await as("coach");
    const lead = await as("teamleider");
    const made = bodyOf(await referrer.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId })), 201, QuickReferral);

    expectProblem(await referrer.http.post(`${BASE}/${made.id}/transitions`, { to: "picked_up", note: null, version: made.version }), { status: 403, code: "forbidden" });

    const first = coach.http.post(`${BASE}/${made.id}/transitions`, { to: "picked_up", note: null, version: made.version });
    const second = lead.http.post(`${BASE}/${made.id}/transitions`, { to: "picked_up", note: null, version: made.version });
    const answers = await Promise.all([first, second]);
    assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], "two pick up at once: one wins, the other is told");
    const loser = answers.find((a) => a.statusCode === 409);
    assert.ok(loser);
    assert.ok(["already_picked_up", "stale_version"].includes(String((loser.json() as { reason?: string }).reason)));
    const picked = bodyOf(answers.find((a) => a.statusCode === 200) ?? answers[0]!, 200, QuickReferral);
    assert.equal(picked.version, 2);

    const before = await stored([org.organisationId]);
    expectProblem(await coach.http.post(`${BASE}/${made.id}/transitions`, { to: "completed", note: "Klaar", version: 1 }), { status: 409, code: "conflict", reason: "stale_version" });
    expectProblem(await coach.http.post(`${BASE}/${made.id}/transitions`, { to: "declined", note: "  ", version: picked.version }), { status: 400, code: "invalid", invalidParams: ["note"] });
    expectProblem(await coach.http.post(`${BASE}/${made.id}/transitions`, { to: "picked_up", note: null, version: picked.version }), { status: 409, code: "conflict", reason: "already_picked_up" });
    expectProblem(await coach.http.post(`${BASE}/${made.id}/feedback`, { note: null, version: picked.version }), { status: 409, code: "conflict", reason: "no_feedback_owed" });
    assert.deepEqual(await stored([org.organisationId]), before, "refused moves changed nothing");

    const done = bodyOf(await coach.http.post(`${BASE}/${made.id}/transitions`, { to: "completed", note: null, version: picked.version }), 200, QuickReferral);
    expectProblem(await lead.http.post(`${BASE}/${made.id}/transitions`, { to: "declined", note: "Toch niet", version: done.version }), { status: 409, code: "conflict", reason: "already_closed" });
    assert.equal((await auditRows(db, org.organisationId, { entityId: made.id })).length, 3, "created, picked up, completed: nothing for the refusals");
  });

  test("no consent, an unknown or foreign team, an inactive or foreign entry, a role that does not refer: 4xx and nothing stored", async (t) => {
    const { db, org, as } = await setup(t);
    const other = await createTestOrganisation(db, "Buren");
    const foreignEntry = await makeIntervention(db, other.organisationId);
    const retired = await makeIntervention(db, org.organisationId, { active: false });
    const coach = await as("coach");
    const nonReferrers = [await as("analist"), await as("beheerder"), await as("onderzoeker")];
    const before = await stored([org.organisationId, other.organisationId]);

    const refused = (await coach.http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId }, { residentConsent: false })));
    const problem = expectProblem(refused, { status: 400, code: "invalid", invalidParams: ["residentConsent"] });
    assert.match(problem.detail, /akkoord|agrees/);
    expectProblem(await coach.http.post(BASE, quickReferralInput({ kind: "team", teamId: other.teamId })), { status: 400, code: "invalid", invalidParams: ["target.teamId"] });
    expectProblem(await coach.http.post(BASE, quickReferralInput({ kind: "team", teamId: crypto.randomUUID() })), { status: 400, code: "invalid", invalidParams: ["target.teamId"] });
    expectProblem(await coach.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: foreignEntry.id })), { status: 400, code: "invalid", invalidParams: ["target.interventionId"] });
    expectProblem(await coach.http.post(BASE, quickReferralInput({ kind: "intervention", interventionId: retired.id })), { status: 400, code: "invalid", invalidParams: ["target.interventionId"] });
    expectProblem(await coach.http.post(BASE, { ...quickReferralInput({ kind: "team", teamId: org.teamId }), residentName: "" }), { status: 400, code: "invalid" });
    expectProblem(await coach.http.post(BASE, { ...quickReferralInput({ kind: "team", teamId: org.teamId }), channel: "poli" }), { status: 400, code: "invalid" });
    for (const { http } of nonReferrers) expectProblem(await http.post(BASE, quickReferralInput({ kind: "team", teamId: org.teamId })), { status: 403, code: "forbidden" });
    assert.deepEqual(await stored([org.organisationId, other.organisationId]), before);
    assert.deepEqual(await auditRows(db, org.organisationId, { action: "quick_referral.created" }), []);
  });

  test("analists, beheerder and team leads count per month, channel and status; cells under five are hidden; the team's coaches may not count", async (t) => {
    const { db, org, as } = await setup(t);
    const system = org.system;
    for (let i = 0; i < 6; i++) await makeQuickReferral(db, system, { kind: "team", teamId: org.teamId }, { channel: "klantwijzer" });
    for (let i = 0; i < 2; i++) await makeQuickReferral(db, system, { kind: "team", teamId: org.teamId }, { channel: "welzijn_op_recept" });
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit" }).format(new Date());
    for (const role of ["analist", "beheerder", "teamleider"] as const) {
      const res = await (await as(role)).http.get(`${BASE}/statistics?from=${month}&to=${month}`);
      assert.equal(res.statusCode, 200, `${role}: ${res.body}`);
      const stats = bodyOf(res, 200, QuickReferralStatistics);
      const cell = (channel: string, status: string) => stats.cells.find((c) => c.channel === channel && c.status === status)?.count;
      assert.equal(cell("klantwijzer", "sent"), 6, role);
      assert.equal(cell("welzijn_op_recept", "sent"), null, `${role}: two referrals are hidden`);
      assert.equal(cell("other", "sent"), 0);
      assert.ok(!res.body.includes("Verwijsbaar"));
    }
    const coach = await as("coach");
    expectProblem(await coach.http.get(`${BASE}/statistics`), { status: 403, code: "forbidden" });
    const analist = (await as("analist")).http;
    const year = bodyOf(await analist.get(`${BASE}/statistics`), 200, QuickReferralStatistics);
    assert.equal(year.to, month);
    assert.equal(year.cells.length, 12 * 3 * 4, "twelve months by default");
    expectProblem(await analist.get(`${BASE}/statistics?from=2020-01&to=2026-01`), { status: 400, code: "invalid", invalidParams: ["from"] });
    expectProblem(await analist.get(`${BASE}/statistics?from=2026-05&to=2026-01`), { status: 400, code: "invalid", invalidParams: ["from"] });
    expectProblem(await analist.get(`${BASE}/statistics?from=2026-13`), { status: 400, code: "invalid" });
  });
});
