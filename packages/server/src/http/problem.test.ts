import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../db/database.ts";
import { appFor, expectProblem } from "../testing/api.ts";
import { createTestOrganisation, familyInput, makeFamily } from "../testing/factories.ts";
import { loginAs } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";

describe(`error format (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  test("errors are application/problem+json with type, title, status, detail and code; Dutch unless Accept-Language prefers English", async (t) => {
    const app = await appFor(t, database.db);
    // Logged in: an anonymous caller gets 401 for every non-public API path, known or not.
    const org = await createTestOrganisation(database.db);
    const { cookie } = await loginAs(app, (await org.user("coach")).email);
    expectProblem(await app.inject({ method: "GET", url: "/api/v1/bestaat-niet" }), { status: 401, code: "unauthenticated" });
    const nl = await app.inject({ method: "GET", url: "/api/v1/bestaat-niet", headers: { cookie } });
    const dutch = expectProblem(nl, { status: 404, code: "not_found", reason: null });
    assert.deepEqual(dutch, { type: "https://ploegwerk.nl/problems/not_found", title: "Niet gevonden", status: 404, detail: "Onbekend adres: GET /api/v1/bestaat-niet", code: "not_found" });

    for (const language of ["en", "en-GB,en;q=0.9,nl;q=0.8"]) {
      const en = await app.inject({ method: "GET", url: "/api/v1/bestaat-niet", headers: { cookie, "accept-language": language } });
      const english = expectProblem(en, { status: 404, code: "not_found" });
      assert.equal(english.title, "Not found", language);
      assert.equal(english.detail, "Unknown address: GET /api/v1/bestaat-niet");
    }
    const preferDutch = expectProblem(await app.inject({ method: "GET", url: "/api/v1/bestaat-niet", headers: { cookie, "accept-language": "nl-NL,en;q=0.5" } }), { status: 404, code: "not_found" });
    assert.equal(preferDutch.title, "Niet gevonden");

    const anonymous = expectProblem(await app.inject({ method: "GET", url: "/api/v1/families", headers: { "accept-language": "en" } }), { status: 401, code: "unauthenticated" });
    assert.deepEqual([anonymous.title, anonymous.detail], ["Not logged in", "You are not logged in (any more). Please log in again."]);
  });

  test("domain errors carry a reason and English detail; field errors an invalidParams list", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const existing = await makeFamily(database.db, coach.actor);
    const app = await appFor(t, database.db);
    const client = await loginAs(app, coach.email);
    const post = (body: unknown, language: string) =>
      app.inject({ method: "POST", url: "/api/v1/families", headers: { cookie: client.cookie, "content-type": "application/json", "accept-language": language }, payload: JSON.stringify(body) });

    const taken = expectProblem(await post(familyInput({ caseNumber: existing.caseNumber }), "en"), { status: 409, code: "conflict", reason: "case_number_taken" });
    assert.deepEqual(taken, {
      type: "https://ploegwerk.nl/problems/case_number_taken",
      title: "Conflict",
      status: 409,
      detail: `Case number ${existing.caseNumber} is already in use. Choose another number or look up the existing family.`,
      code: "conflict",
      reason: "case_number_taken",
    });
    const takenNl = expectProblem(await post(familyInput({ caseNumber: existing.caseNumber }), "nl"), { status: 409, code: "conflict", reason: "case_number_taken" });
    assert.match(takenNl.detail, /is al in gebruik/);

    const invalid = expectProblem(await post({ caseNumber: "ZK 1" }, "en"), { status: 400, code: "invalid", reason: null });
    assert.equal(invalid.title, "Invalid input");
    assert.equal(invalid.detail, "The input is not valid; see invalidParams.");
    assert.deepEqual(invalid.invalidParams, [{ name: "caseNumber", reason: "use letters, digits, '.', '_', '/' or '-' only" }]);

    const forbidden = expectProblem(await app.inject({ method: "GET", url: "/api/v1/users", headers: { cookie: client.cookie, "accept-language": "en" } }), { status: 403, code: "forbidden" });
    assert.deepEqual([forbidden.title, forbidden.detail], ["Forbidden", "You are not allowed to do this"]);
  });

  test("malformed JSON and a body that is not JSON are 400 problems, not 500", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await appFor(t, database.db);
    const client = await loginAs(app, coach.email);
    const send = (contentType: string, payload: string) =>
      app.inject({ method: "POST", url: "/api/v1/families", headers: { cookie: client.cookie, "content-type": contentType, "accept-language": "en" }, payload });

    const broken = expectProblem(await send("application/json", '{"caseNumber": "X-1",'), { status: 400, code: "invalid" });
    assert.match(broken.detail, /^The request is malformed/);
    // A cross-site HTML form can only send these content types; none of them reaches the handler as a family.
    expectProblem(await send("application/x-www-form-urlencoded", "caseNumber=X-1"), { status: 415, code: "unsupported_media_type" });
    // text/plain is not read at all (http/hardening.ts), even when it holds valid JSON.
    expectProblem(await send("text/plain", JSON.stringify(familyInput())), { status: 415, code: "unsupported_media_type" });
    expectProblem(await send("multipart/form-data; boundary=x", "--x--"), { status: 415, code: "unsupported_media_type" });
    const list = await client.get("/api/v1/families");
    assert.equal((list.json() as { total: number }).total, 0);
  });
});
