import { userActor } from "../../authz/actor.ts";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PHASES, historyProblems } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, runMigrations, type Database } from "../../db/database.ts";
import { caseloadOverview } from "../caseload/caseload.service.ts";
import { stateOf } from "../trajectories/trajectories.state.ts";
import { listTransitions } from "../trajectories/trajectories.queries.ts";
import { testTarget } from "../../testing/testDatabase.ts";
import { getSharedFamily, listSharedFamilies } from "../shared/shared.service.ts";
import { seedDemo } from "./demo.seed.ts";
import { interventionEvidence } from "../interventions/interventions.evidence.ts";
import { listInterventions } from "../interventions/interventions.service.ts";
import { InterventionSearch } from "@ploegwerk/domain";

// The demo organisation's slug is fixed, so this runs on its own throw-away embedded database
// (once, in the PGlite pass): it is about the demo data, not about the engine.
describe("demo organisation", { skip: testTarget() === "postgres" ? "checked in the PGlite pass" : false }, () => {
  let database: Database;
  before(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    await runMigrations(database);
    await seedDemo(database.db);
  });
  after(async () => database.close());

  test("24 families, 20 with a nulmeting and a 1-meting; trajectories in every phase with consistent tijdpaden", async () => {
    const db = database.db;
    const [counts] = await queryRows<{ families: number; measured: number }>(
      db,
      sql`select (select count(*)::int from families) as families,
                 (select count(distinct family_id)::int from measurements where round = 1) as measured`,
    );
    assert.deepEqual(counts, { families: 24, measured: 20 });
    const trajectories = await queryRows<{ id: string; organisation_id: string; phase: string }>(db, sql`select id, organisation_id, phase from trajectories`);
    assert.deepEqual(new Set(trajectories.map((t) => t.phase)), new Set(PHASES), "every phase has a family");
    for (const t of trajectories) {
      const state = stateOf(await listTransitions(db, t.organisation_id, t.id));
      assert.deepEqual(historyProblems(state.history), [], `trajectory ${t.id}`);
      assert.equal(state.history.at(-1)?.to, t.phase);
    }
  });

  test("the team lead's caseload shows the load per coach and at least one overdue go/no-go", async () => {
    const [lead] = await queryRows<{ id: string; organisation_id: string; team_id: string; name: string }>(database.db, sql`select id, organisation_id, team_id, name from users where role = 'teamleider'`);
    assert.ok(lead);
    const overview = await caseloadOverview(database.db, { actor: userActor(lead.organisation_id, { id: lead.id, name: lead.name, role: "teamleider", teamId: lead.team_id }) });
    assert.equal(overview.coaches.length, 3);
    assert.ok(overview.families.length >= 15);
    assert.ok(overview.caseReview.some((i) => i.signals.some((s) => s.code === "go_no_go_overdue")));
  });

  test("the debt counsellor's ketenpartner sees families that consented, with its own open actions, and nothing of the others", async () => {
    const db = database.db;
    const [u] = await queryRows<{ id: string; organisation_id: string; name: string; partner_organisation_id: string }>(
      db,
      sql`select id, organisation_id, name, partner_organisation_id from users where email = 'schuldhulp@demo.ploegwerk.nl'`,
    );
    assert.ok(u);
    const actor = userActor(u.organisation_id, { id: u.id, name: u.name, role: "ketenpartner", teamId: null, partnerOrganisationId: u.partner_organisation_id });
    const shared = await listSharedFamilies(db, { actor });
    assert.ok(shared.length >= 2, `shared with the debt counsellor: ${shared.length}`);
    const [families] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from families`);
    assert.ok(shared.length < (families?.n ?? 0));
    for (const f of shared) {
      assert.deepEqual(f.categories, ["basis", "meetings", "plan_actions", "trajectory"]);
      const view = await getSharedFamily(db, { actor, familyId: f.familyId });
      assert.equal(view.weeklyReports, null);
      assert.equal(view.measurements, null);
      assert.equal(view.plan?.scope, "own");
      for (const a of view.plan?.goals.flatMap((g) => g.actions) ?? []) assert.equal(a.owner.kind === "partnerContact" && a.owner.partnerOrganisationId, u.partner_organisation_id);
    }
  });

  test("the wat-werkt catalogue: ten entries, 'schulden' finds schuldhulpverlening first, whose page shows practice-based evidence", async () => {
    const db = database.db;
    const [u] = await queryRows<{ id: string; organisation_id: string; name: string }>(db, sql`select id, organisation_id, name from users where email = 'analist@demo.ploegwerk.nl'`);
    assert.ok(u);
    const actor = userActor(u.organisation_id, { id: u.id, name: u.name, role: "analist", teamId: null });
    assert.equal((await listInterventions(db, { actor, query: InterventionSearch.parse({}) })).total, 10);
    const found = await listInterventions(db, { actor, query: InterventionSearch.parse({ q: "schulden" }) });
    assert.equal(found.items[0]?.key, "schuldhulpverlening");
    const evidence = await interventionEvidence(db, { actor, id: found.items[0]?.id ?? "" });
    assert.ok((evidence.withBoth.value ?? 0) >= 5, JSON.stringify(evidence));
    assert.ok((evidence.domains[0]?.n ?? 0) >= 5, JSON.stringify(evidence.domains));
  });
});
