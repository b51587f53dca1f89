import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { BUILTIN_INSTRUMENTS, FamilyList, type Role } from "@ploegwerk/domain";
import type { LightMyRequestResponse } from "fastify";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { getFamily } from "../features/families/families.service.ts";
import { appFor, expectProblem, expectStatus } from "../testing/api.ts";
import { createTestOrganisation, familyInput, makeFamily, makeMeasurement, measurementInput, ploeg9, type TestOrganisation } from "../testing/factories.ts";
import { loginAs, type Client } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";

/**
 * The permission matrix over HTTP: every role × action × where the record lives. A record the actor
 * may not see is a 404 (never a 403, which would confirm it exists); an action the actor may not
 * take on a record they can see is a 403. Expected answers:
 *   a status code        — that status (4xx with the matching problem code)
 *   SEES / HIDDEN        — 200, and the target family is / is not in the answer
 *   EMPTY                — 200 with no families at all
 */
const SEES = "sees";
const HIDDEN = "hidden";
const EMPTY = "empty";
type Expect = number | typeof SEES | typeof HIDDEN | typeof EMPTY;

type Where = "own team" | "other team" | "other org";
type Action =
  | "list families"
  | "read family"
  | "create family"
  | "update family"
  | "record measurement"
  | "outcomes"
  | "manage users"
  | "create team"
  | "import instrument"
  | "read audit";

const ROLES = ["coach", "teamleider", "ondersteuning", "beheerder"] as const satisfies readonly Role[];

interface Row {
  action: Action;
  where: Where;
  expect: Record<(typeof ROLES)[number], Expect>;
}
const row = (action: Action, where: Where, coach: Expect, teamleider: Expect, ondersteuning: Expect, beheerder: Expect): Row => ({ action, where, expect: { coach, teamleider, ondersteuning, beheerder } });

// For organisation-wide actions (users, teams, instruments, audit) "own team" means the own organisation.
const MATRIX: readonly Row[] = [
  //  action                where          coach    teamleider ondersteuning beheerder
  // A beheerder has no caseload: listing families is refused outright.
  row("list families", "own team", SEES, SEES, SEES, 403),
  row("list families", "other team", HIDDEN, HIDDEN, HIDDEN, 403),
  row("list families", "other org", HIDDEN, HIDDEN, HIDDEN, 403),
  row("read family", "own team", 200, 200, 200, 404),
  row("read family", "other team", 404, 404, 404, 404),
  row("read family", "other org", 404, 404, 404, 404),
  row("create family", "own team", 201, 201, 403, 403),
  row("create family", "other team", 403, 403, 403, 403),
  row("create family", "other org", 403, 403, 403, 403),
  row("update family", "own team", 200, 200, 403, 404),
  row("update family", "other team", 404, 404, 404, 404),
  row("update family", "other org", 404, 404, 404, 404),
  row("record measurement", "own team", 201, 201, 403, 404),
  row("record measurement", "other team", 404, 404, 404, 404),
  row("record measurement", "other org", 404, 404, 404, 404),
  row("outcomes", "own team", SEES, SEES, SEES, SEES),
  row("outcomes", "other team", HIDDEN, HIDDEN, HIDDEN, SEES),
  row("outcomes", "other org", HIDDEN, HIDDEN, HIDDEN, HIDDEN),
  row("manage users", "own team", 403, 403, 403, 201),
  row("manage users", "other org", 403, 403, 403, 404),
  row("create team", "own team", 403, 403, 403, 201),
  row("import instrument", "own team", 403, 403, 403, 201),
  row("read audit", "own team", 403, 403, 403, SEES),
  row("read audit", "other org", 403, 403, 403, HIDDEN),
];

const Report = z.object({ families: z.array(z.object({ family: z.string() })) });
const AuditList = z.object({ items: z.array(z.object({ entityId: z.string(), familyId: z.string().nullable() })) });

describe(`permission matrix (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("roles × actions × own team / other team / other organisation", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const elsewhere = await createTestOrganisation(db, "Elders");
    const ownLead = await org.user("teamleider");
    const otherLead = await org.user("teamleider", { team: "other" });
    const foreignCoach = await elsewhere.user("coach");
    const foreignUser = await elsewhere.user("ondersteuning");

    // One family per place, each with a nulmeting so the outcome report can show it.
    const families = {
      "own team": await makeFamily(db, ownLead.actor, { caseNumber: "EIGEN-1" }),
      "other team": await makeFamily(db, otherLead.actor, { caseNumber: "ANDER-1", teamId: org.otherTeamId }),
      "other org": await makeFamily(db, foreignCoach.actor, { caseNumber: "VREEMD-1" }),
    };
    const nulmeting = ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3);
    await makeMeasurement(db, ownLead.actor, families["own team"].id, 0, nulmeting);
    await makeMeasurement(db, otherLead.actor, families["other team"].id, 0, nulmeting);
    await makeMeasurement(db, foreignCoach.actor, families["other org"].id, 0, nulmeting);
    const teams: Record<Where, string> = { "own team": org.teamId, "other team": org.otherTeamId, "other org": elsewhere.teamId };
    const orgOf = (where: Where): TestOrganisation => (where === "other org" ? elsewhere : org);

    const app = await appFor(t, db);
    const clients = {} as Record<(typeof ROLES)[number], Client>;
    for (const role of ROLES) clients[role] = await loginAs(app, (await org.user(role)).email);

    let counter = 0;
    const next = () => ++counter;
    const contains = (res: LightMyRequestResponse, check: (body: unknown) => boolean | null): boolean | null => (res.statusCode === 200 ? check(res.json()) : null);

    /** Performs the action; answers the response and, for list-like answers, whether the target is in it and whether the list is empty. */
    async function perform(client: Client, action: Action, where: Where): Promise<{ res: LightMyRequestResponse; sees: boolean | null; empty: boolean | null }> {
      const family = families[where];
      let res: LightMyRequestResponse;
      let sees: boolean | null = null;
      let empty: boolean | null = null;
      switch (action) {
        case "list families": {
          res = await client.get("/api/v1/families?pageSize=200");
          sees = contains(res, (b) => FamilyList.parse(b).items.some((i) => i.id === family.id));
          empty = contains(res, (b) => FamilyList.parse(b).total === 0);
          break;
        }
        case "read family":
          res = await client.get(`/api/v1/families/${family.id}`);
          break;
        case "create family":
          res = await client.post("/api/v1/families", familyInput({ teamId: teams[where] }));
          break;
        case "update family": {
          const current = await getFamily(db, { actor: orgOf(where).system, familyId: family.id });
          res = await client.patch(`/api/v1/families/${family.id}`, { version: current.version, caseNumber: current.caseNumber, district: `Wijk ${next()}`, neighbourhood: null });
          break;
        }
        case "record measurement":
          res = await client.post(`/api/v1/families/${family.id}/measurements`, measurementInput(next(), ploeg9(4, 4, 4, 4, 4, 4, 4, 4, 4)));
          break;
        case "outcomes":
          res = await client.get("/api/v1/outcomes?families=true");
          sees = contains(res, (b) => Report.parse(b).families.some((f) => f.family === family.caseNumber));
          break;
        case "manage users":
          res =
            where === "other org"
              ? await client.patch(`/api/v1/users/${foreignUser.id}`, { version: 1, name: "Overgenomen" })
              : await client.post("/api/v1/users", { name: "Nieuwe collega", email: `nieuw-${next()}-${Date.now()}@test.ploegwerk.nl`, role: "coach", teamId: org.teamId, password: "een lang genoeg wachtwoord" });
          break;
        case "create team":
          res = await client.post("/api/v1/teams", { name: `Team ${next()}` });
          break;
        case "import instrument": {
          const ladder = BUILTIN_INSTRUMENTS.find((d) => d.key === "participatieladder");
          assert.ok(ladder);
          res = await client.post("/api/v1/instruments", { ...ladder, key: `matrix-${next()}` });
          break;
        }
        case "read audit":
          res = await client.get("/api/v1/audit?pageSize=500");
          sees = contains(res, (b) => AuditList.parse(b).items.some((i) => i.familyId === family.id));
          break;
      }
      return { res, sees, empty };
    }

    for (const { action, where, expect } of MATRIX) {
      for (const role of ROLES) {
        const name = `${role} × ${action} × ${where}`;
        await t.test(name, async () => {
          const expected = expect[role];
          const { res, sees, empty } = await perform(clients[role], action, where);
          if (typeof expected === "number") {
            assert.equal(res.statusCode, expected, `${name}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
            if (expected === 403) expectProblem(res, { status: 403, code: "forbidden" });
            if (expected === 404) expectProblem(res, { status: 404, code: "not_found" });
          } else {
            expectStatus(res, 200);
            if (expected === EMPTY) assert.equal(empty, true, `${name}: expected an empty list`);
            else assert.equal(sees, expected === SEES, `${name}: the ${where} family should ${expected === SEES ? "" : "not "}be in the answer`);
          }
        });
      }
    }

    // Nothing a refused call tried reached the other team's or the other organisation's family.
    for (const where of ["other team", "other org"] as const) {
      const f = await getFamily(db, { actor: orgOf(where).system, familyId: families[where].id });
      assert.equal(f.version, 1, `${where} family unchanged`);
    }
  });
});
