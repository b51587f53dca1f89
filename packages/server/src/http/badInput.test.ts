import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows, type Database, type Db } from "../db/database.ts";
import { appFor } from "../testing/api.ts";
import { createTestOrganisation, makeFamily } from "../testing/factories.ts";
import { loginAs, type Client } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { makeTrajectory } from "../testing/trajectories.ts";

/**
 * The bad-input sweep: every operation of the live OpenAPI document gets malformed requests —
 * wrong types, missing required fields, unknown fields, huge strings, injection strings in bodies,
 * path and query parameters — from a logged-in coach and beheerder. Nothing may answer 5xx, every
 * refusal is a problem document, and no table gains or loses a row.
 */

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; enum?: unknown[]; format?: string };
const Operation = z.object({
  parameters: z.array(z.object({ name: z.string(), in: z.string() })).optional(),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: z.unknown() })) }).optional(),
});
const OpenApi = z.object({ paths: z.record(z.string(), z.record(z.string(), Operation)) });

const INJECTIONS = [
  "'; DROP TABLE families; --",
  "\" OR 1=1 --",
  "<script>alert('x')</script>",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "=HYPERLINK(\"http://evil.example\")",
  "\u202e\u0000",
  "%00%0d%0aSet-Cookie: x=1",
];
const HUGE = "x".repeat(3 * 1024 * 1024);

// Endpoints that act on the caller's own session: a sweep must not log the sweeper out or in.
const SKIP = new Set(["DELETE /api/v1/session", "DELETE /api/v1/sessions", "POST /api/v1/session", "POST /api/v1/setup"]);

function typeOf(s: JsonSchema): string {
  if (s.enum) return "enum";
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== "null") : s.type;
  if (t) return t;
  const alt = s.anyOf ?? s.oneOf;
  return alt?.[0] ? typeOf(alt[0]) : "unknown";
}

/** A value of the wrong type for a property of `schema`'s type. */
function wrongValue(s: JsonSchema): unknown {
  switch (typeOf(s)) {
    case "string":
    case "enum":
      return { not: "a string" };
    case "integer":
    case "number":
      return "not a number";
    case "boolean":
      return "yes";
    case "array":
      return "not a list";
    case "object":
      return ["not", "an", "object"];
    default:
      return [[]];
  }
}

interface BadRequest {
  label: string;
  url: string;
  body?: string;
  contentType?: string;
}

function bodiesFor(schema: JsonSchema): { label: string; body: unknown }[] {
  const out: { label: string; body: unknown }[] = [
    { label: "array instead of object", body: [] },
    { label: "string instead of object", body: "text" },
    { label: "null body", body: null },
  ];
  const required = schema.required ?? [];
  if (required.length > 0) out.push({ label: "empty object", body: {} }, { label: "only unknown fields", body: { unknownField: 1, __proto__x: { admin: true }, constructor: "x" } });
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    out.push({ label: `${name}: wrong type`, body: { [name]: wrongValue(prop) } });
    const others = required.filter((r) => r !== name);
    // Strings in a body that still lacks another required field can never be stored.
    if (typeOf(prop) === "string" && others.length > 0) {
      for (const s of INJECTIONS) out.push({ label: `${name}: ${JSON.stringify(s).slice(0, 30)}`, body: { [name]: s } });
    }
  }
  return out;
}

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const counts: Record<string, number> = {};
  // The audit log records failed log-ins and reads by design, and sessions are the sweepers' own.
  for (const { name } of tables.filter((t) => !["audit_events", "audit_chain_heads", "sessions"].includes(t.name))) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
    counts[name] = row?.n ?? 0;
  }
  return counts;
}

describe(`bad-input sweep over the API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("malformed requests to every operation: never a 5xx, always a problem document, nothing stored", async (t) => {
    const db = database.db;
    const org = await createTestOrganisation(db);
    const coach = await org.user("coach");
    const admin = await org.user("beheerder");
    // Real records so that ids in paths can also be valid ones.
    const { trajectory, familyId } = await makeTrajectory(db, coach.actor, { phase: "execution" });
    await makeFamily(db, coach.actor);
    const app = await appFor(t, db);
    const doc = OpenApi.parse((await app.inject({ method: "GET", url: "/api/openapi.json" })).json());
    const clients: Record<string, Client> = { coach: await loginAs(app, coach.email), beheerder: await loginAs(app, admin.email) };
    const realIds: Record<string, string> = { familyId, trajectoryId: trajectory.id };

    const before = await tableCounts(db);
    let sent = 0;
    const failures: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (SKIP.has(key)) continue;
        const requests: BadRequest[] = [];
        const validPath = path.replace(/\{([^}]+)\}/g, (_, name: string) => realIds[name] ?? "00000000-0000-4000-8000-000000000000");
        if (path.includes("{")) for (const s of INJECTIONS) requests.push({ label: `path ${JSON.stringify(s).slice(0, 20)}`, url: fillPath(path, s) });
        for (const p of (op.parameters ?? []).filter((x) => x.in === "query")) {
          for (const s of [...INJECTIONS, "-1", "1e309", "9".repeat(400)]) requests.push({ label: `query ${p.name}=${JSON.stringify(s).slice(0, 20)}`, url: `${validPath}?${p.name}=${encodeURIComponent(s)}` });
        }
        const schema = op.requestBody?.content["application/json"]?.schema as JsonSchema | undefined;
        if (schema && method !== "get") {
          for (const b of bodiesFor(schema)) requests.push({ label: b.label, url: validPath, body: JSON.stringify(b.body) });
          requests.push({ label: "malformed JSON", url: validPath, body: "{\"unterminated\": " });
          requests.push({ label: "huge string", url: validPath, body: JSON.stringify({ text: HUGE }) });
          requests.push({ label: "text/plain body", url: validPath, body: "plain text", contentType: "text/plain" });
        }
        for (const r of requests) {
          for (const [who, client] of Object.entries(clients)) {
            const res = await app.inject({
              method: method.toUpperCase() as "GET",
              url: r.url,
              headers: { cookie: client.cookie, ...(r.body !== undefined ? { "content-type": r.contentType ?? "application/json" } : {}) },
              ...(r.body !== undefined ? { payload: r.body } : {}),
            });
            sent++;
            const where = `${who} ${key} [${r.label}] → ${res.statusCode}`;
            if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400) {
              if (!String(res.headers["content-type"]).startsWith("application/problem+json")) failures.push(`${where}: not a problem document`);
              // Nothing of the internals leaks: no stack traces, no SQL.
              if (/\bat .+\.ts:\d+|SELECT |INSERT |syntax error|pg_|drizzle/i.test(res.body)) failures.push(`${where}: internals in the answer: ${res.body.slice(0, 200)}`);
            } else if (r.body !== undefined && method !== "get") failures.push(`${where}: a malformed write was accepted`);
          }
        }
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${sent} requests misbehaved`);
    assert.ok(sent > 1000, `the sweep sent ${sent} requests`);
    assert.deepEqual(await tableCounts(db), before, "no table gained or lost rows");
  });
});
