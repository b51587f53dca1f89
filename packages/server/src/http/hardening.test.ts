import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { buildApp, type App } from "../app.ts";
import type { Database } from "../db/database.ts";
import { expectProblem, expectStatus } from "../testing/api.ts";
import { createTestOrganisation } from "../testing/factories.ts";
import { loginAs } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { HSTS } from "./hardening.ts";

describe(`hardening: headers, cross-site writes, rate limit (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function appWith(extra: { PLOEGWERK_TRUST_PROXY?: "true" | "false"; PLOEGWERK_API_RATE_LIMIT?: number }): Promise<App> {
    const app = await buildApp({
      db: database.db,
      config: { PLOEGWERK_SECURE_COOKIES: "auto", PLOEGWERK_TRUST_PROXY: extra.PLOEGWERK_TRUST_PROXY ?? "false", PLOEGWERK_SESSION_HOURS: 12, LOG_LEVEL: "silent", PLOEGWERK_API_RATE_LIMIT: extra.PLOEGWERK_API_RATE_LIMIT ?? 0 },
      logger: false,
    });
    return app;
  }

  test("security headers: a CSP that forbids framing and foreign scripts, no sniffing; HSTS only over HTTPS", async (t) => {
    const app = await appWith({ PLOEGWERK_TRUST_PROXY: "true" });
    t.after(() => app.close());
    for (const url of ["/api/v1/setup", "/"]) {
      const res = await app.inject({ method: "GET", url });
      const csp = String(res.headers["content-security-policy"]);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.match(csp, /object-src 'none'/, url);
      assert.equal(res.headers["x-frame-options"], "DENY", url);
      assert.equal(res.headers["x-content-type-options"], "nosniff", url);
      assert.equal(res.headers["strict-transport-security"], undefined, `${url} over plain HTTP`);
    }
    const https = await app.inject({ method: "GET", url: "/api/v1/setup", headers: { "x-forwarded-proto": "https" } });
    assert.equal(https.headers["strict-transport-security"], HSTS);
  });

  test("cookie-authenticated writes from another site are refused and change nothing; form posts are not accepted", async (t) => {
    const app = await appWith({});
    t.after(() => app.close());
    const org = await createTestOrganisation(database.db);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const post = (headers: Record<string, string>, payload: string, contentType = "application/json") =>
      app.inject({ method: "POST", url: "/api/v1/teams", headers: { cookie: admin.cookie, "content-type": contentType, ...headers }, payload });
    const body = JSON.stringify({ name: "Team Aanval" });
    expectProblem(await post({ origin: "https://evil.example" }, body), { status: 403, code: "forbidden", reason: "cross_site" });
    expectProblem(await post({ origin: "null" }, body), { status: 403, code: "forbidden", reason: "cross_site" });
    expectProblem(await post({ "sec-fetch-site": "cross-site" }, body), { status: 403, code: "forbidden", reason: "cross_site" });
    expectProblem(await post({}, "name=Team+Aanval", "application/x-www-form-urlencoded"), { status: 415, code: "unsupported_media_type" });
    expectProblem(await post({}, body, "text/plain"), { status: 415, code: "unsupported_media_type" });
    const teams = (await admin.get("/api/v1/teams")).json() as { items: { name: string }[] };
    assert.ok(!teams.items.some((t) => t.name === "Team Aanval"), "nothing was created");
    // The same request from the app itself goes through.
    expectStatus(await post({ origin: "http://ploegwerk.example", host: "ploegwerk.example", "sec-fetch-site": "same-origin" }, body), 201);
  });

  test("the API is rate limited per session; the answer is a problem document", async (t) => {
    const app = await appWith({ PLOEGWERK_API_RATE_LIMIT: 5 });
    t.after(() => app.close());
    const org = await createTestOrganisation(database.db);
    const coach = await loginAs(app, (await org.user("coach")).email);
    for (let i = 0; i < 5; i++) expectStatus(await coach.get("/api/v1/session"), 200);
    const limited = await coach.get("/api/v1/session");
    expectProblem(limited, { status: 429, code: "rate_limited" });
    // Another session has its own budget.
    const other = await loginAs(app, (await org.user("coach")).email);
    expectStatus(await other.get("/api/v1/session"), 200);
  });
});
