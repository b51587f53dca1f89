import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import type { Database } from "../db/database.ts";
import { appFor, bodyOf } from "../testing/api.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";

const Operation = z.object({
  tags: z.array(z.string()).optional(),
  parameters: z.array(z.object({ name: z.string(), in: z.string(), required: z.boolean().optional(), schema: z.record(z.string(), z.unknown()).optional() })).optional(),
  requestBody: z.object({ content: z.record(z.string(), z.object({ schema: z.record(z.string(), z.unknown()) })) }).optional(),
  responses: z.record(z.string(), z.unknown()),
});
const OpenApi = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), Operation)),
  components: z.object({ securitySchemes: z.record(z.string(), z.object({ type: z.string(), in: z.string(), name: z.string() })) }),
});

describe(`OpenAPI document (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("GET /api/openapi.json is OpenAPI 3.1 and lists the families and measurements endpoints", async (t) => {
    const app = await appFor(t, database.db);
    // Public: an integrator reads it before having an account.
    const res = await app.inject({ method: "GET", url: "/api/openapi.json" });
    assert.match(String(res.headers["content-type"]), /^application\/json/);
    const doc = bodyOf(res, 200, OpenApi);
    assert.equal(doc.openapi, "3.1.0");
    assert.equal(doc.info.title, "Ploegwerk API");
    assert.deepEqual(doc.components.securitySchemes.session, { type: "apiKey", in: "cookie", name: "pw_session" });

    const families = doc.paths["/api/v1/families"];
    assert.ok(families?.get && families.post, `paths: ${Object.keys(doc.paths).join(", ")}`);
    assert.ok(families.get.parameters?.some((p) => p.name === "q" && p.in === "query"));
    const newFamily = families.post.requestBody?.content["application/json"]?.schema;
    assert.ok(newFamily, "POST /families documents its body");
    assert.ok(Array.isArray(newFamily.required) && newFamily.required.includes("caseNumber"), JSON.stringify(newFamily.required));
    assert.ok("201" in families.post.responses);

    const measurements = doc.paths["/api/v1/families/{familyId}/measurements"];
    assert.ok(measurements?.get && measurements.post);
    const familyId = measurements.post.parameters?.find((p) => p.name === "familyId");
    assert.equal(familyId?.in, "path");
    assert.equal(familyId?.required, true);
    assert.equal(familyId?.schema?.format, "uuid");
    assert.ok(doc.paths["/api/v1/families/{familyId}/measurements/{measurementId}"]?.patch);
    assert.ok(doc.paths["/api/v1/outcomes"]?.get);
    assert.ok(doc.paths["/api/v1/referrals"]?.post);
    assert.ok(doc.paths["/api/v1/trajectories/{trajectoryId}/transitions"]?.post);
    assert.ok(doc.paths["/api/v1/caseload"]?.get);
    // Internal routes stay out of the document.
    assert.ok(!Object.keys(doc.paths).some((p) => p.includes("openapi") || p.includes("healthz")));

    // The same document beside the versioned paths.
    const versioned = await app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    assert.deepEqual(bodyOf(versioned, 200, OpenApi), doc);
  });
});
