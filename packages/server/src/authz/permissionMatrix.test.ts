import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { CONSENT_CATEGORIES, type ConsentCategory } from "@ploegwerk/domain";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { App } from "../app.ts";
import type { Database, Db } from "../db/database.ts";
import { changeConsent } from "../features/consents/consents.service.ts";
import { appFor, expectProblem } from "../testing/api.ts";
import { clientWithCookie, loginAs, testApp, type Client } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { buildFixtures, fingerprint, versionOf, type Fixtures } from "./matrix/fixtures.ts";
import { leaksIn } from "./matrix/leaks.ts";
import { documentedOperations, routeTable, UNDOCUMENTED_ROUTES } from "./matrix/operations.ts";
import { MATRIX_ROLES, UNAUTHENTICATED, visibleTargets, type Expected, type MatrixRole } from "./matrix/policies.ts";
import { PUBLIC, RECIPES, type Cell, type MatrixRequest, type Recipe } from "./matrix/recipes.ts";
import { MARKER_PARTS, TARGET_LABELS, TARGETS, type MarkerPart, type Target, type World } from "./matrix/world.ts";

/**
 * The permission matrix of the issue "Privacy, access and security": every operation of the API's
 * OpenAPI document × every role (and no session) × where the record lives — own team, other team,
 * other organisation, a family that gave the ketenpartner's organisation consent, one that did
 * not — asserts the exact status and problem code, that no answer shows a world the role may not
 * see, and that a refused write changed nothing. The operations come from the live document, so a
 * new endpoint without a line in matrix/recipes.ts fails here; the expectations come from the
 * policy classes in matrix/policies.ts, written apart from authz/rules.ts.
 */

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
function methodOf(operation: string): Method {
  const m = METHODS.find((x) => operation.startsWith(`${x} `));
  if (!m) throw new Error(`not an operation: ${operation}`);
  return m;
}

/** Log-ins go through their own apps: POST /session is rate limited per app, the matrix logs in often. */
function loginPool(t: TestContext, db: Db) {
  let app: App | null = null;
  let used = 0;
  /** The session cookie, and the app it was made on (its other rate-limited routes are free for preparing a cell). */
  return async (email: string): Promise<{ cookie: string; side: App }> => {
    if (!app || used >= 15) {
      const next = await testApp(db);
      t.after(() => next.close());
      app = next;
      used = 0;
    }
    used += 1;
    return { cookie: (await loginAs(app, email)).cookie, side: app };
  };
}

function anonymousClient(app: App): Client {
  const request = (method: InjectOptions["method"], url: string, body?: unknown) =>
    app.inject({ method, url, ...(body !== undefined ? { headers: { "content-type": "application/json" }, payload: JSON.stringify(body) } : {}) });
  return {
    cookie: "",
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body ?? {}),
    put: (url, body) => request("PUT", url, body ?? {}),
    delete: (url) => request("DELETE", url),
  };
}

function send(client: Client, method: Method, req: MatrixRequest): Promise<LightMyRequestResponse> {
  const body = req.body ?? (method === "POST" || method === "PUT" || method === "PATCH" ? {} : undefined);
  return client.request(method, req.url, body);
}

function assertExpected(res: LightMyRequestResponse, expected: Expected, name: string): void {
  assert.equal(res.statusCode, expected.status, `${name}: expected HTTP ${expected.status}, got ${res.statusCode}: ${res.body.slice(0, 600)}`);
  if (expected.code) expectProblem(res, { status: expected.status, code: expected.code, ...(expected.reason ? { reason: expected.reason } : {}) });
}

/** What a ketenpartner may see of a family, per consent category (in words: CONSENT_CATEGORY_LABELS). */
type Shown = "names" | MarkerPart | "justifications";
const SHOWABLE: readonly Shown[] = ["names", ...MARKER_PARTS, "justifications"];
const OPENS: Readonly<Record<ConsentCategory, readonly Shown[]>> = {
  basis: ["names"],
  // The actions the organisation carries out, with their goal.
  plan_actions: ["partnerAction", "goal"],
  plan: ["overallGoal", "goal", "memberAction", "partnerAction"],
  // The MDO's the organisation is invited to, with the agenda (the plan goals it discusses); the
  // family's and network's names among the participants only with "basis" as well.
  meetings: ["meeting", "goal"],
  trajectory: [],
  measurements: [],
  measurement_justifications: [],
  weekly_reports: ["weeklyReport"],
};

function partsShown(body: string, w: World): Shown[] {
  const has = (s: string) => body.toLowerCase().includes(s.toLowerCase());
  return SHOWABLE.filter((p) => (p === "names" ? has(w.token) : p === "justifications" ? has("Toelichting bij") : has(w.markers[p])));
}

const placement = (fx: Fixtures, role: MatrixRole) => (role === "ketenpartner" ? { partnerOrganisationId: fx.partner.id } : {});

describe(`permission matrix over the OpenAPI document (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("every operation × role × own scope / other team / other organisation / consented / non-consented partner", async (t) => {
    const started = performance.now();
    const db = database.db;
    const fx = await buildFixtures(db);
    const app = await appFor(t, db);
    const login = loginPool(t, db);
    const clients = {} as Record<MatrixRole, Client>;
    for (const role of MATRIX_ROLES) clients[role] = clientWithCookie(app, (await login((await fx.org.user(role, placement(fx, role))).email)).cookie);
    const anonymous = anonymousClient(app);
    const freshUserOf = (role: MatrixRole) => async () => {
      const { cookie, side } = await login((await fx.org.user(role, placement(fx, role))).email);
      return { client: clientWithCookie(app, cookie), side: clientWithCookie(side, cookie) };
    };
    // Nobody in the matrix may change the other team's family or anything of the other organisation.
    const untouched = { otherTeam: await fingerprint(db, fx.worlds.otherTeam, "family"), otherOrg: await fingerprint(db, fx.worlds.otherOrg) };
    const setUp = performance.now();

    const operations = await documentedOperations(app);
    const listed = [...Object.keys(RECIPES), ...Object.keys(PUBLIC)];
    await t.test("every /api route of the app is in the OpenAPI document, so the matrix sees it", () => {
      const routes = routeTable(app);
      assert.ok(routes.length >= operations.length, `read ${routes.length} routes from the route table, the document has ${operations.length} operations`);
      const hidden = routes.filter((op) => !operations.includes(op) && !UNDOCUMENTED_ROUTES.includes(op));
      assert.deepEqual(hidden, [], `These routes are hidden from the OpenAPI document and so from the permission matrix: ${hidden.join(", ")}`);
    });
    await t.test("every documented operation has a policy in the matrix", () => {
      const missing = operations.filter((op) => !listed.includes(op));
      assert.deepEqual(
        missing,
        [],
        `These operations have no policy in the permission matrix. Add each to RECIPES in authz/matrix/recipes.ts (its policy class from matrix/policies.ts and a request per place), or to PUBLIC when it is meant to work without a session:\n  ${missing.join("\n  ")}`,
      );
    });
    await t.test("the matrix lists no operation the API no longer has, and none twice", () => {
      const stale = listed.filter((op) => !operations.includes(op));
      assert.deepEqual(stale, [], `These matrix entries name operations that are not in the OpenAPI document (renamed or removed?): ${stale.join(", ")}`);
      assert.deepEqual(Object.keys(RECIPES).filter((op) => op in PUBLIC), [], "an operation is either public or has a policy");
    });

    for (const op of operations.filter((o) => o in PUBLIC)) {
      const check = PUBLIC[op];
      if (!check) continue;
      await t.test(`no session × ${op} (public)`, async () => {
        const res = await send(anonymous, methodOf(op), check.request);
        assertExpected(res, { status: check.status, ...(check.code ? { code: check.code } : {}) }, op);
        assert.deepEqual(leaksIn(res.body, { role: "anonymous", worlds: fx.worlds, organisationIds: false, sent: "" }), []);
      });
    }

    let cells = 0;
    const spent = { building: 0, requests: 0, fingerprints: 0 };
    const timed = async <T>(key: keyof typeof spent, work: () => Promise<T>): Promise<T> => {
      const from = performance.now();
      try {
        return await work();
      } finally {
        spent[key] += performance.now() - from;
      }
    };
    async function runCell(op: string, recipe: Recipe, role: MatrixRole | "anonymous", target: Target): Promise<void> {
      const name = `${role} × ${op}${recipe.variant ? ` [${recipe.variant}]` : ""} × ${TARGET_LABELS[target]}`;
      await t.test(name, async () => {
        cells += 1;
        const expected = role === "anonymous" ? UNAUTHENTICATED : recipe.policy.expect(role, target);
        const allowed = expected.status < 300;
        const world = fx.worlds[target];
        const cell: Cell = {
          role,
          target,
          allowed,
          world,
          fx,
          freshUser: role === "anonymous" ? () => Promise.reject(new Error("no fresh user without a role")) : freshUserOf(role),
        };
        const req = await timed("building", async () => recipe.build(cell));
        const method = methodOf(op);
        const client = role === "anonymous" ? anonymous : (req.client ?? clients[role]);
        const refusedWrite = method !== "GET" && !allowed;
        const stored = refusedWrite ? await timed("fingerprints", () => fingerprint(db, world)) : null;

        const res = await timed("requests", () => send(client, method, req));

        assertExpected(res, expected, name);
        const leaks = leaksIn(res.body, {
          role,
          worlds: fx.worlds,
          organisationIds: role !== "anonymous" && (recipe.organisationIdsFor ?? []).includes(role),
          sent: `${req.url} ${JSON.stringify(req.body ?? null)}`,
        });
        assert.deepEqual(leaks, [], `${name}: the answer (${res.statusCode}) shows data of families outside the role's scope`);
        if (allowed && recipe.shows && role !== "anonymous") {
          const named = recipe.shows === "visible" ? [...visibleTargets(role)] : TARGETS.filter((x) => fx.worlds[x].organisationId === fx.org.organisationId);
          const absent = named.filter((x) => !res.body.includes(fx.worlds[x].familyId) && !res.body.includes(fx.worlds[x].caseNumber));
          assert.deepEqual(absent, [], `${name}: the list leaves out families the role may see`);
        }
        if (stored !== null) assert.equal(await timed("fingerprints", () => fingerprint(db, world)), stored, `${name}: the refused request changed stored data`);
      });
    }

    for (const op of operations) {
      const entry = RECIPES[op];
      if (!entry) continue;
      const recipes: readonly Recipe[] = "policy" in entry ? [entry] : entry;
      for (const recipe of recipes) {
        for (const role of MATRIX_ROLES) for (const target of recipe.policy.targets) await runCell(op, recipe, role, target);
        const first = recipe.policy.targets[0];
        if (first) await runCell(op, recipe, "anonymous", first);
      }
    }

    // Second pass: the consented family narrows its consent to one category at a time; the
    // ketenpartner's answers show exactly the parts that category opens.
    const consented = fx.worlds.consented;
    const consentId = consented.partnerConsentId;
    assert.ok(consentId, "the consented world has a consent to the ketenpartner's organisation");
    const narrow = async (categories: readonly ConsentCategory[]) =>
      changeConsent(db, {
        actor: consented.system,
        familyId: consented.familyId,
        consentId,
        change: { version: await versionOf(db, "consents", consentId), categories: [...categories], purpose: "Samenwerking rond schulden", expiresOn: null },
      });
    const passes: readonly (readonly ConsentCategory[])[] = [...CONSENT_CATEGORIES.map((c) => [c]), ["measurements", "measurement_justifications"]];
    for (const categories of passes) {
      await t.test(`ketenpartner × GET /api/v1/shared/families/{familyId} × consent narrowed to ${categories.join(" + ")}`, async () => {
        await narrow(categories);
        const detail = await clients.ketenpartner.get(`/api/v1/shared/families/${consented.familyId}`);
        assertExpected(detail, { status: 200 }, "shared family");
        const expected = new Set(categories.flatMap((c) => OPENS[c]));
        if (categories.includes("measurements") && categories.includes("measurement_justifications")) expected.add("justifications");
        assert.deepEqual(partsShown(detail.body, consented), [...SHOWABLE].filter((p) => expected.has(p)), `parts shown with consent for ${categories.join(", ")}`);
        assert.ok(!detail.body.includes(consented.bsn), "a BSN is never shared");
        const list = await clients.ketenpartner.get("/api/v1/shared/families");
        assertExpected(list, { status: 200 }, "shared families");
        assert.deepEqual(partsShown(list.body, consented), categories.includes("basis") ? ["names"] : [], "the list names the family only with basis");
      });
    }
    await narrow(CONSENT_CATEGORIES);

    await t.test("nothing changed the other team's family or the other organisation", async () => {
      assert.equal(await fingerprint(db, fx.worlds.otherTeam, "family"), untouched.otherTeam, "other team's family");
      assert.equal(await fingerprint(db, fx.worlds.otherOrg), untouched.otherOrg, "other organisation");
    });

    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const done = performance.now();
    t.diagnostic(
      `${testTarget()}: ${operations.length} operations, ${cells} cells; set-up ${seconds(setUp - started)} s, cells ${seconds(done - setUp)} s ` +
        `(requests ${seconds(spent.requests)} s, fresh records ${seconds(spent.building)} s, fingerprints ${seconds(spent.fingerprints)} s), total ${seconds(done - started)} s`,
    );
  });
});
