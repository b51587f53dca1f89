/**
 * Read logging (NEN 7513) over HTTP: every GET of a dossier, derived from the live OpenAPI
 * document so a new endpoint is covered the day it is added, leaves a read row for that family;
 * failed reads leave none; the purpose header is stored; writes are not logged twice.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { forbidden, Id, Measurement } from "@ploegwerk/domain";
import { and, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditEvents } from "../../db/schema.ts";
import { noteRead } from "../../audit/requestContext.ts";
import { requireActor } from "../../http/context.ts";
import { appFor, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, measurementInput, ploeg9 } from "../../testing/factories.ts";
import { loginAs, type Client } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory } from "../../testing/trajectories.ts";
import { loadVisibleFamily } from "../families/families.service.ts";

const OpenApi = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.object({ parameters: z.array(z.object({ name: z.string(), in: z.string(), required: z.boolean().optional() })).optional() }))),
});
const Created = z.object({ id: Id });

/** The access history is about the file, not in it: viewing it is deliberately not logged (see audit.service.ts). */
const NOT_A_READ_OF_THE_FILE = new Set(["/api/v1/families/{familyId}/access-history"]);
/** A chain partner's view of a family (ketenpartner only); the team's coach is refused there by design. */
const NOT_THE_TEAMS = (path: string) => path.startsWith("/api/v1/shared/");

describe(`read logging (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext, extend?: (app: App) => void) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const { trajectory, familyId } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const app = await appFor(t, database.db);
    extend?.(app);
    const http = await loginAs(app, coach.email);
    return { org, coach, trajectory, familyId, app, http };
  }

  /** Rows written after `since` (an audit id) for the organisation. */
  async function rowsSince(organisationId: string, since: number) {
    return database.db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, organisationId), gt(auditEvents.id, since))).orderBy(auditEvents.id);
  }
  async function lastId(organisationId: string): Promise<number> {
    const rows = await database.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.organisationId, organisationId));
    return Math.max(0, ...rows.map((r) => r.id));
  }

  async function familyGetPaths(app: App): Promise<{ path: string; query: string[] }[]> {
    const doc = bodyOf(await app.inject({ method: "GET", url: "/api/openapi.json" }), 200, OpenApi);
    return Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && (path.includes("{familyId}") || path.includes("{trajectoryId}")))
      .map(([path, ops]) => ({ path, query: (ops.get?.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => p.name) }));
  }

  test("every GET of a dossier in the OpenAPI document leaves a read row for that family, with what was read", async (t) => {
    const { org, coach, trajectory, familyId, app, http } = await setup(t);
    const base = `/api/v1/trajectories/${trajectory.id}`;
    // One record of each kind that has its own GET, made over HTTP.
    const measurementId = bodyOf(await http.get(`/api/v1/families/${familyId}/measurements`), 200, z.object({ items: z.array(Measurement) })).items[0]?.id;
    const meetingId = bodyOf(await http.post(`${base}/meetings`, { scheduledAt: new Date().toISOString() }), 201, Created).id;
    const conferenceId = bodyOf(await http.post(`${base}/family-group-conferences`, { status: "discussed" }), 201, Created).id;
    assert.ok(measurementId);
    const values: Record<string, string> = { familyId, trajectoryId: trajectory.id, measurementId, meetingId, conferenceId, number: "1", from: "1", to: "1" };
    const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{missing value for ${name}}`);

    const paths = (await familyGetPaths(app)).filter((p) => !NOT_A_READ_OF_THE_FILE.has(p.path) && !NOT_THE_TEAMS(p.path));
    assert.ok(paths.length >= 15, `only ${paths.length} dossier GETs found`);
    const seen: Record<string, string[]> = {};
    for (const { path, query } of paths) {
      const url = fill(path) + (query.length ? `?${query.map((q) => `${q}=${values[q] ?? `missing-${q}`}`).join("&")}` : "");
      const since = await lastId(org.organisationId);
      const res = await http.get(url);
      assert.ok(res.statusCode < 300, `GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const rows = await rowsSince(org.organisationId, since);
      assert.ok(rows.length >= 1, `GET ${path} left no read row`);
      for (const r of rows) {
        assert.deepEqual([r.kind, r.familyId, r.actorUserId, r.actorRole], ["read", familyId, coach.id, "coach"], `GET ${path}: ${JSON.stringify(r)}`);
        assert.equal(r.details.route, `GET ${path.replace(/\{(\w+)\}/g, ":$1")}`);
      }
      assert.equal(rows.length, 1, `GET ${path}: one row per family per request, got ${rows.map((r) => r.action).join(", ")}`);
      seen[path] = rows.map((r) => `${r.action} ${r.entityType}:${r.entityId}`);
    }
    // What was read is named by the route.
    assert.deepEqual(seen["/api/v1/families/{familyId}"], [`family.viewed family:${familyId}`]);
    assert.deepEqual(seen["/api/v1/families/{familyId}/measurements/{measurementId}"], [`measurement.viewed measurement:${measurementId}`]);
    assert.deepEqual(seen["/api/v1/families/{familyId}/trajectories"], [`trajectory.viewed family:${familyId}`]);
    assert.deepEqual(seen["/api/v1/trajectories/{trajectoryId}"], [`trajectory.viewed trajectory:${trajectory.id}`]);
    assert.deepEqual(seen["/api/v1/trajectories/{trajectoryId}/plan/versions/{number}"], [`plan.viewed trajectory:${trajectory.id}`]);
    assert.deepEqual(seen["/api/v1/trajectories/{trajectoryId}/meetings/{meetingId}"], [`meeting.viewed meeting:${meetingId}`]);
    assert.deepEqual(seen["/api/v1/trajectories/{trajectoryId}/plan/versions/{number}.pdf"], ["document.generated document:plan/versions/1.pdf"]);
    assert.deepEqual(seen["/api/v1/trajectories/{trajectoryId}/handover-letter.pdf"], ["document.generated document:handover-letter.pdf"]);
  });

  test("failed reads are not logged as views: 404 outside the scope, 404 of a missing record, 400, and a 403 after the lookup", async (t) => {
    // A route that opens the file and then refuses, as a stricter rule would (added before the app is ready).
    const { org, trajectory, familyId, app, http } = await setup(t, (a) =>
      a.get("/api/v1/families/:familyId/refused-after-lookup", async (req) => {
        await loadVisibleFamily(database.db, requireActor(req), (req.params as { familyId: string }).familyId);
        throw forbidden();
      }),
    );
    const otherTeam = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    const since = await lastId(org.organisationId);
    expectProblem(await http.get(`/api/v1/families/${randomUUID()}`), { status: 404, code: "not_found" });
    expectProblem(await otherTeam.get(`/api/v1/families/${familyId}`), { status: 404, code: "not_found" });
    expectProblem(await otherTeam.get(`/api/v1/trajectories/${trajectory.id}/plan`), { status: 404, code: "not_found" });
    expectProblem(await http.get(`/api/v1/trajectories/${trajectory.id}/plan/versions/99`), { status: 404, code: "not_found" });
    expectProblem(await http.get(`/api/v1/families/${familyId}/measurements/${randomUUID()}`), { status: 404, code: "not_found" });
    expectProblem(await http.get(`/api/v1/trajectories/${trajectory.id}/plan/diff?from=1`), { status: 400, code: "invalid" });
    expectProblem(await http.get(`/api/v1/families/${familyId}/refused-after-lookup`), { status: 403, code: "forbidden" });
    assert.deepEqual(await rowsSince(org.organisationId, since), []);
    // The same file read successfully is logged: the test above is not vacuous.
    expectStatus(await http.get(`/api/v1/families/${familyId}`), 200);
    assert.deepEqual((await rowsSince(org.organisationId, since)).map((r) => r.action), ["family.viewed"]);
  });

  test("a GET under a family that skips the dossier lookups is still logged (safety net); a route may opt out", async (t) => {
    const { org, familyId, http } = await setup(t, (a) => {
      a.get("/api/v1/families/:familyId/without-lookup", async () => ({ ok: true }));
      a.get("/api/v1/families/:familyId/opted-out", { config: { readLog: false } }, async () => ({ ok: true }));
    });
    const since = await lastId(org.organisationId);
    expectStatus(await http.get(`/api/v1/families/${familyId}/without-lookup`), 200);
    expectStatus(await http.get(`/api/v1/families/${familyId}/opted-out`), 200);
    assert.deepEqual(
      (await rowsSince(org.organisationId, since)).map((r) => [r.kind, r.action, r.familyId, r.details.route]),
      [["read", "family.viewed", familyId, "GET /api/v1/families/:familyId/without-lookup"]],
    );
  });

  test("when the read row cannot be written, the client gets a 500 instead of the data", async (t) => {
    const { familyId, http } = await setup(t, (a) =>
      a.get("/api/v1/families/:familyId/unloggable", async () => {
        // PostgreSQL refuses a NUL character in text: the read row's insert fails.
        noteRead({ familyId: null, entityType: "family", entityId: "bad\u0000id", action: "family.listed" });
        return { secret: "Sanne de Voorbeeld" };
      }),
    );
    const res = await http.get(`/api/v1/families/${familyId}/unloggable`);
    expectProblem(res, { status: 500, code: "internal" });
    assert.ok(!res.body.includes("Sanne"), res.body);
  });

  test("a write is logged as the write only; a family search is one list row with what was searched", async (t) => {
    const { org, familyId, http } = await setup(t);
    const since = await lastId(org.organisationId);
    expectStatus(await http.post(`/api/v1/families/${familyId}/measurements`, measurementInput(1, ploeg9(3, 3, 3, 3, 3, 3, 3, 3, 3))), 201);
    expectStatus(await http.patch(`/api/v1/families/${familyId}`, { version: (await lastVersion(http, familyId)), district: "Oost" }), 200);
    expectStatus(await http.get("/api/v1/families?q=Voorbeeld"), 200);
    const rows = await rowsSince(org.organisationId, since);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.action, r.familyId]),
      [
        ["write", "measurement.created", familyId],
        // (lastVersion read the file between the two writes)
        ["read", "family.viewed", familyId],
        ["write", "family.updated", familyId],
        ["read", "family.listed", null],
      ],
    );
    assert.deepEqual(rows[3]?.details, { q: "Voorbeeld", page: 1, results: 1, route: "GET /api/v1/families" });
  });

  test("the purpose header is stored with the read (and a write); too long or with control characters is 400", async (t) => {
    const { org, familyId, app, http } = await setup(t);
    const withPurpose = (purpose: string, method: "GET" | "PATCH" = "GET", body?: unknown) =>
      app.inject({ method, url: `/api/v1/families/${familyId}`, headers: { cookie: http.cookie, "x-ploegwerk-purpose": purpose, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    const version = await lastVersion(http, familyId);
    const since = await lastId(org.organisationId);
    expectStatus(await withPurpose("Voorbereiding MDO"), 200);
    expectStatus(await withPurpose(encodeURIComponent("Overleg met de GGD over één kind")), 200);
    expectStatus(await withPurpose("Adres bijwerken", "PATCH", { version, district: "West" }), 200);
    expectProblem(await withPurpose("x".repeat(201)), { status: 400, code: "invalid", invalidParams: ["X-Ploegwerk-Purpose"] });
    expectProblem(await withPurpose("%ZZ%E0%A4%A"), { status: 400, code: "invalid", invalidParams: ["X-Ploegwerk-Purpose"] });
    expectStatus(await withPurpose("x".repeat(200)), 200);
    const rows = await rowsSince(org.organisationId, since);
    assert.deepEqual(
      rows.map((r) => [r.action, r.purpose]),
      [
        ["family.viewed", "Voorbereiding MDO"],
        ["family.viewed", "Overleg met de GGD over één kind"],
        ["family.updated", "Adres bijwerken"],
        ["family.viewed", "x".repeat(200)],
      ],
    );
  });

  test("the read row's cost, measured: 50 reads of a family with the read log and 50 with its write skipped", async (t) => {
    const { org, coach, familyId, http } = await setup(t);
    // The same app once more, with the read log's write skipped: the reads are noted, onSend finds nothing.
    const unlogged = await appFor(t, database.db);
    unlogged.addHook("preHandler", async (req) => {
      req.auditContext = null;
    });
    const plain = await loginAs(unlogged, coach.email);
    const perRead = async (client: Client) => {
      const started = performance.now();
      for (let i = 0; i < 50; i++) expectStatus(await client.get(`/api/v1/families/${familyId}`), 200);
      return (performance.now() - started) / 50;
    };
    await perRead(plain);
    const since = await lastId(org.organisationId);
    const without = await perRead(plain);
    const withLog = await perRead(http);
    assert.equal((await rowsSince(org.organisationId, since)).length, 50, "50 read rows, all from the logged app");
    t.diagnostic(`GET /families/:id on ${testTarget()}: ${without.toFixed(2)} ms without the read row, ${withLog.toFixed(2)} ms with it`);
  });
});

async function lastVersion(http: Client, familyId: string): Promise<number> {
  return z.object({ version: z.number() }).parse((await http.get(`/api/v1/families/${familyId}`)).json()).version;
}

