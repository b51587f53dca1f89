import { LoginMethods } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { audit } from "../../audit/audit.ts";
import { systemActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { findOrganisationBySlug } from "../organisations/organisations.service.ts";
import { setSessionCookie, type AuthContext } from "./authContext.ts";
import { OidcFailure } from "./oidcClient.ts";
import { oidcLogIn } from "./oidcLogin.service.ts";

const FLOW_COOKIE = "pw_oidc";
const FLOW_PATH = "/api/v1/session/oidc";
const START = `${FLOW_PATH}`;

/** Where the browser lands after the provider: the app, the second step, or the log-in page with a notice. */
const LANDING = { done: "/", totp: "/inloggen?stap=code", enrolment: "/inloggen?stap=instellen", failed: "/inloggen?oidc=mislukt" } as const;

/** Log-in methods, and the OpenID Connect flow when an organisation's provider is configured. */
export async function oidcRoutes(app: FastifyInstance, { db, auth }: { db: Db; auth: AuthContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["auth"];
  const oidc = auth.oidc;

  api.get("/session/methods", { config: { public: true }, schema: { tags, response: { 200: LoginMethods } } }, async () => ({
    oidc: oidc ? { label: oidc.settings.label, url: START } : null,
  }));

  api.get("/session/oidc", { config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } }, schema: { tags, response: { 302: z.null() } } }, async (req, reply) => {
    if (!oidc) return reply.callNotFound();
    try {
      const { url, flowCookie } = await oidc.begin(auth.policy.now());
      // SameSite=Lax: the provider's redirect back is a top-level GET, which still carries it.
      reply.setCookie(FLOW_COOKIE, flowCookie, { httpOnly: true, sameSite: "lax", secure: auth.secureCookies(req), path: FLOW_PATH, maxAge: 600 });
      return reply.redirect(url, 302);
    } catch (err) {
      if (err instanceof OidcFailure) return reply.redirect(LANDING.failed, 302);
      throw err;
    }
  });

  api.get(
    "/session/oidc/callback",
    { config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } }, schema: { tags, response: { 302: z.null() } } },
    async (req, reply) => {
      if (!oidc) return reply.callNotFound();
      const query = new URLSearchParams(req.url.split("?")[1] ?? "");
      const flowCookie = req.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      try {
        const claims = await oidc.finish(query, flowCookie, auth.policy.now());
        const outcome = await oidcLogIn(db, { policy: auth.policy, organisationSlug: oidc.settings.organisationSlug, claims, userAgent: req.headers["user-agent"] });
        if (!outcome) return reply.redirect(LANDING.failed, 302);
        setSessionCookie(auth, req, reply, outcome.cookie, outcome.expiresAt);
        return reply.redirect(outcome.kind === "session" ? LANDING.done : LANDING[outcome.step], 302);
      } catch (err) {
        if (!(err instanceof OidcFailure)) throw err;
        const org = await findOrganisationBySlug(db, oidc.settings.organisationSlug);
        if (org) {
          await audit(db, systemActor(org.organisationId, "oidc"), { action: "session.failed", entityType: "organisation", entityId: org.organisationId, details: { method: "oidc", reason: err.reason } });
        }
        return reply.redirect(LANDING.failed, 302);
      }
    },
  );
}
