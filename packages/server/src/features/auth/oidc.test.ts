import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { LoginMethods, Me } from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { App } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { users } from "../../db/schema.ts";
import { auditRows, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, type TestOrganisation } from "../../testing/factories.ts";
import { startFakeIdentityProvider, type FakeIdentityProvider } from "../../testing/fakeIdentityProvider.ts";
import { clientWithCookie, testApp } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const REDIRECT_URI = "http://ploegwerk.test/api/v1/session/oidc/callback";

function cookieNamed(res: LightMyRequestResponse, name: string): string | null {
  const raw = res.headers["set-cookie"];
  const all = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const hit = all.find((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));
  return hit?.split(";")[0] ?? null;
}

describe(`OpenID Connect log-in (${testTarget()})`, () => {
  let database: Database;
  let idp: FakeIdentityProvider;
  before(async () => {
    database = await testDatabase();
    idp = await startFakeIdentityProvider({ redirectUri: REDIRECT_URI });
  });
  after(async () => {
    await idp.close();
    await database.close();
  });

  async function oidcApp(t: TestContext, org: TestOrganisation): Promise<App> {
    const app = await testApp(database.db, {
      oidc: { issuer: new URL(idp.issuer), clientId: idp.clientId, clientSecret: idp.clientSecret, organisationSlug: org.slug, redirectUri: REDIRECT_URI, label: "Gemeente Test" },
    });
    t.after(() => app.close());
    return app;
  }

  /** Starts the flow; answers the provider's authorization URL and the flow cookie. */
  async function begin(app: App): Promise<{ authorize: URL; flowCookie: string }> {
    const res = await app.inject({ method: "GET", url: "/api/v1/session/oidc" });
    expectStatus(res, 302);
    const flowCookie = cookieNamed(res, "pw_oidc");
    assert.ok(flowCookie, "the flow cookie is set");
    assert.match(String(res.headers["set-cookie"]), /HttpOnly/i);
    return { authorize: new URL(String(res.headers.location)), flowCookie };
  }

  function callback(app: App, query: Record<string, string>, flowCookie: string | null): Promise<LightMyRequestResponse> {
    return app.inject({ method: "GET", url: `/api/v1/session/oidc/callback?${new URLSearchParams(query).toString()}`, headers: flowCookie ? { cookie: flowCookie } : {} });
  }

  /** The whole round trip as the browser and the provider would do it. */
  async function logInAtProvider(app: App, who: { subject: string; email?: string; emailVerified?: boolean; amr?: string[] }) {
    const { authorize, flowCookie } = await begin(app);
    const nonce = authorize.searchParams.get("nonce") ?? "";
    const code = idp.issueCode({ ...who, nonce, challenge: authorize.searchParams.get("code_challenge") ?? "" });
    return callback(app, { code, state: authorize.searchParams.get("state") ?? "" }, flowCookie);
  }

  test("is off by default: no button, and its routes are not found", async (t) => {
    const app = await testApp(database.db);
    t.after(() => app.close());
    assert.deepEqual(bodyOf(await app.inject({ method: "GET", url: "/api/v1/session/methods" }), 200, LoginMethods), { oidc: null });
    expectProblem(await app.inject({ method: "GET", url: "/api/v1/session/oidc" }), { status: 404, code: "not_found" });
    expectProblem(await app.inject({ method: "GET", url: "/api/v1/session/oidc/callback?code=x&state=y" }), { status: 404, code: "not_found" });
  });

  test("happy path: code flow with PKCE; the user is matched by verified e-mail once, then by subject", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await oidcApp(t, org);
    assert.deepEqual(bodyOf(await app.inject({ method: "GET", url: "/api/v1/session/methods" }), 200, LoginMethods), { oidc: { label: "Gemeente Test", url: "/api/v1/session/oidc" } });

    const { authorize } = await begin(app);
    assert.equal(`${authorize.origin}${authorize.pathname}`, `${idp.issuer}/authorize`);
    const p = authorize.searchParams;
    assert.deepEqual([p.get("response_type"), p.get("client_id"), p.get("redirect_uri"), p.get("code_challenge_method")], ["code", idp.clientId, REDIRECT_URI, "S256"]);
    assert.match(p.get("scope") ?? "", /\bopenid\b/);
    for (const k of ["state", "nonce", "code_challenge"]) assert.ok((p.get(k) ?? "").length >= 32, `${k} is long and random`);

    const res = await logInAtProvider(app, { subject: "idp-sub-123", email: coach.email.toUpperCase(), emailVerified: true });
    expectStatus(res, 302);
    assert.equal(res.headers.location, "/");
    const session = cookieNamed(res, "pw_session");
    assert.ok(session);
    assert.equal(bodyOf(await clientWithCookie(app, session).get("/api/v1/session"), 200, Me).id, coach.id);
    const last = idp.tokenRequests.at(-1);
    assert.ok(last?.get("code_verifier"), "the token request carries the PKCE verifier");
    const [row] = await database.db.select({ subject: users.oidcSubject }).from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.id, coach.id)));
    assert.equal(row?.subject, "idp-sub-123");
    assert.equal((await auditRows(database.db, org.organisationId, { action: "user.oidc_linked", entityId: coach.id })).length, 1);

    // Linked: the subject finds the account even when the provider's address changed.
    const again = await logInAtProvider(app, { subject: "idp-sub-123", email: "nieuw-adres@elders.nl", emailVerified: true });
    expectStatus(again, 302);
    assert.equal(again.headers.location, "/");
    const created = await auditRows(database.db, org.organisationId, { action: "session.created", entityId: coach.id });
    assert.deepEqual(created.map((r) => r.details.method), ["oidc", "oidc"]);
  });

  test("a bad state, a missing flow cookie or a wrong nonce: no session, back to the log-in page (audited)", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await oidcApp(t, org);
    const who = { subject: "sub-state", email: coach.email, emailVerified: true };

    const { authorize, flowCookie } = await begin(app);
    const code = idp.issueCode({ ...who, nonce: authorize.searchParams.get("nonce") ?? "", challenge: authorize.searchParams.get("code_challenge") ?? "" });
    const badState = await callback(app, { code, state: "somebody-elses-state" }, flowCookie);
    assert.deepEqual([badState.statusCode, badState.headers.location], [302, "/inloggen?oidc=mislukt"]);
    assert.equal(cookieNamed(badState, "pw_session"), null);
    const noCookie = await callback(app, { code, state: authorize.searchParams.get("state") ?? "" }, null);
    assert.deepEqual([noCookie.statusCode, noCookie.headers.location], [302, "/inloggen?oidc=mislukt"]);
    // A flow cookie from another flow (its state does not match) is refused the same way.
    const other = await begin(app);
    const mixed = await callback(app, { code, state: authorize.searchParams.get("state") ?? "" }, other.flowCookie);
    assert.equal(mixed.headers.location, "/inloggen?oidc=mislukt");

    // The provider's ID token carries another nonce (a replayed or injected token): refused.
    const flow = await begin(app);
    const wrongNonce = idp.issueCode({ ...who, nonce: "not-the-nonce-we-sent", challenge: flow.authorize.searchParams.get("code_challenge") ?? "" });
    const res = await callback(app, { code: wrongNonce, state: flow.authorize.searchParams.get("state") ?? "" }, flow.flowCookie);
    assert.deepEqual([res.statusCode, res.headers.location, cookieNamed(res, "pw_session")], [302, "/inloggen?oidc=mislukt", null]);

    const reasons = (await auditRows(database.db, org.organisationId, { action: "session.failed" })).map((r) => r.details.reason);
    assert.deepEqual(reasons, ["state", "state", "state", "token"]);
    const [row] = await database.db.select({ subject: users.oidcSubject }).from(users).where(and(eq(users.organisationId, org.organisationId), eq(users.id, coach.id)));
    assert.equal(row?.subject, null, "nothing was linked");
  });

  test("nobody is created: an unknown or unverified address gets no account and no session", async (t) => {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const app = await oidcApp(t, org);
    const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.organisationId, org.organisationId)))[0]?.n;
    const before = await count();
    for (const who of [{ subject: "stranger", email: "onbekend@test.ploegwerk.nl", emailVerified: true }, { subject: "unverified", email: coach.email, emailVerified: false }, { subject: "no-email" }]) {
      const res = await logInAtProvider(app, who);
      assert.deepEqual([res.statusCode, res.headers.location, cookieNamed(res, "pw_session")], [302, "/inloggen?oidc=mislukt", null], who.subject);
    }
    assert.equal(await count(), before);
    const reasons = (await auditRows(database.db, org.organisationId, { action: "session.failed" })).map((r) => r.details.reason);
    assert.deepEqual(reasons, ["no_matching_account", "no_matching_account", "no_matching_account"]);
  });

  test("two-factor still applies unless the provider says it used more than one factor (amr mfa)", async (t) => {
    const org = await createTestOrganisation(database.db, "Testgemeente", { mfaRequiredRoles: ["coach"] });
    const coach = await org.user("coach");
    const app = await oidcApp(t, org);
    const single = await logInAtProvider(app, { subject: "sub-mfa", email: coach.email, emailVerified: true, amr: ["pwd"] });
    assert.equal(single.headers.location, "/inloggen?stap=instellen");
    const pending = cookieNamed(single, "pw_session");
    assert.ok(pending);
    expectProblem(await clientWithCookie(app, pending).get("/api/v1/session"), { status: 401, code: "unauthenticated" });

    const multi = await logInAtProvider(app, { subject: "sub-mfa", amr: ["pwd", "mfa"] });
    assert.equal(multi.headers.location, "/");
    const full = cookieNamed(multi, "pw_session");
    assert.ok(full);
    assert.equal(bodyOf(await clientWithCookie(app, full).get("/api/v1/session"), 200, Me).id, coach.id);
  });
});
