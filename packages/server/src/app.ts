import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import { DomainError, invalid } from "@ploegwerk/domain";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config.ts";
import type { Db } from "./db/database.ts";
import { decodeCookie, resolveSession, SESSION_COOKIE } from "./features/auth/auth.service.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { accountSecurityRoutes } from "./features/auth/accounts.plugin.ts";
import { createAuthContext } from "./features/auth/authContext.ts";
import type { OidcSettings } from "./features/auth/oidcClient.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { registerReadLog } from "./features/audit/readLog.hooks.ts";
import { documentRoutes } from "./features/documents/documents.routes.ts";
import { familyRoutes } from "./features/families/families.routes.ts";
import { instrumentRoutes } from "./features/instruments/instruments.routes.ts";
import { measurementRoutes } from "./features/measurements/measurements.routes.ts";
import { outcomeRoutes } from "./features/outcomes/outcomes.routes.ts";
import { trajectoryRoutes } from "./features/trajectories/trajectories.routes.ts";
import { planRoutes } from "./features/plans/plans.routes.ts";
import { meetingRoutes } from "./features/meetings/meetings.routes.ts";
import { weeklyReportRoutes } from "./features/weeklyReports/weeklyReports.routes.ts";
import { familyGroupConferenceRoutes } from "./features/familyGroupConferences/familyGroupConferences.routes.ts";
import { escalationRoutes } from "./features/escalations/escalations.routes.ts";
import { leverageRoutes } from "./features/leverages/leverages.routes.ts";
import { closingRoutes } from "./features/closing/closing.routes.ts";
import { caseloadRoutes } from "./features/caseload/caseload.routes.ts";
import { partnerRoutes } from "./features/partners/partners.routes.ts";
import { consentRoutes } from "./features/consents/consents.routes.ts";
import { sharedRoutes } from "./features/shared/shared.routes.ts";
import { breakGlassRoutes } from "./features/breakGlass/breakGlass.routes.ts";
import { privacyRoutes } from "./features/privacy/privacy.routes.ts";
import { userRoutes } from "./features/users/users.routes.ts";
import { quickReferralRoutes } from "./features/quickReferrals/quickReferrals.routes.ts";
import { costRoutes } from "./features/costs/costs.routes.ts";
import { researchRoutes } from "./features/research/research.routes.ts";
import { interventionRoutes } from "./features/interventions/interventions.routes.ts";
import { requireActor } from "./http/context.ts";
import { assertSameSiteWrite, registerHardening } from "./http/hardening.ts";
import { errorHandler } from "./http/problem.ts";

export interface AppOptions {
  db: Db;
  config: Pick<Config, "PLOEGWERK_SECURE_COOKIES" | "PLOEGWERK_TRUST_PROXY" | "PLOEGWERK_SESSION_HOURS" | "LOG_LEVEL"> & { PLOEGWERK_API_RATE_LIMIT?: number; PLOEGWERK_WEB_DIR?: string | undefined; PLOEGWERK_SESSION_MAX_HOURS?: number | undefined };
  /** Seals two-factor secrets; serve() passes the configured or stored key (tests get one per process). */
  secretKey?: Buffer;
  /** The clock for sessions, lock-out and two-factor codes; tests move it instead of sleeping. */
  clock?: () => Date;
  /** An organisation's own identity provider (OpenID Connect); off when absent. */
  oidc?: OidcSettings | null;
  /** Production mode: an empty database offers the first-admin set-up. */
  allowSetup?: boolean;
  logger?: boolean;
}

export type App = FastifyInstance;

/** The path of the first string with a NUL character, which PostgreSQL text cannot store. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNul(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
  }
  return null;
}

const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Builds the HTTP app; tests call it in-process with `app.inject()`. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { db, config } = options;
  const auth = createAuthContext({ config, secretKey: options.secretKey, clock: options.clock, oidc: options.oidc });
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL, redact: ["req.headers.cookie", "req.body.password"] },
    trustProxy: config.PLOEGWERK_TRUST_PROXY === "true",
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await registerHardening(app, { apiRequestsPerMinute: config.PLOEGWERK_API_RATE_LIMIT ?? 0 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Ploegwerk API", version: "1.0.0", description: "Eén gezin, één plan, één regisseur — family files, metingen and outcomes." },
      servers: [{ url: "/" }],
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest("actor", null);
  app.decorateRequest("me", null);
  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    assertSameSiteWrite(req);
    const cookie = decodeCookie(req.cookies[SESSION_COOKIE]);
    if (cookie) {
      const session = await resolveSession(db, cookie, auth.policy);
      if (session) {
        req.actor = session.actor;
        req.me = session.me;
      }
    }
    // Authentication before validation: an anonymous caller learns nothing about the schema.
    const routeConfig = req.routeOptions.config as { public?: boolean } | undefined;
    if (!req.actor && !routeConfig?.public && req.url.startsWith("/api/v1/")) requireActor(req);
  });
  app.addHook("preValidation", async (req) => {
    const nul = findNul(req.body, "") ?? findNul(req.query, "query");
    if (nul !== null) {
      throw invalid({ nl: "De invoer bevat een ongeldig teken (NUL).", en: "The input contains an invalid character (NUL)." }, [{ name: nul || "(body)", reason: "remove the NUL character (U+0000)" }]);
    }
  });

  // Every read of personal data is logged, centrally (NEN 7513): features/audit/readLog.hooks.ts.
  registerReadLog(app, db);

  await app.register(
    async (api) => {
      await authRoutes(api, { db, auth, allowSetup: options.allowSetup ?? false });
      await accountSecurityRoutes(api, { db, auth });
      await userRoutes(api, { db });
      await familyRoutes(api, { db });
      await instrumentRoutes(api, { db });
      await measurementRoutes(api, { db });
      await outcomeRoutes(api, { db });
      await auditRoutes(api, { db });
      await trajectoryRoutes(api, { db });
      await documentRoutes(api, { db });
      await planRoutes(api, { db });
      await meetingRoutes(api, { db });
      await weeklyReportRoutes(api, { db });
      await familyGroupConferenceRoutes(api, { db });
      await escalationRoutes(api, { db });
      await leverageRoutes(api, { db });
      await closingRoutes(api, { db });
      await caseloadRoutes(api, { db });
      await partnerRoutes(api, { db });
      await consentRoutes(api, { db });
      await sharedRoutes(api, { db });
      await breakGlassRoutes(api, { db });
      await privacyRoutes(api, { db });
      await quickReferralRoutes(api, { db });
      await costRoutes(api, { db });
      await researchRoutes(api, { db });
      await interventionRoutes(api, { db });
    },
    { prefix: "/api/v1" },
  );

  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get("/api/v1/openapi.json", { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({ status: "ok" }));

  const webDir = config.PLOEGWERK_WEB_DIR ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === "GET" && !req.url.startsWith("/api/") && hasWeb) {
      // Client-side routes (/gezinnen/…) all load the single-page app.
      return reply.type("text/html").sendFile("index.html");
    }
    return errorHandler(new DomainError("not_found", { nl: `Onbekend adres: ${req.method} ${req.url}`, en: `Unknown address: ${req.method} ${req.url}` }), req, reply);
  });

  return app;
}
