/**
 * Browser-facing hardening in one place: security headers (CSP with frame-ancestors 'none', HSTS
 * once a request came over HTTPS), refusal of cross-site writes, and a rate limit on the API.
 *
 * CSRF: the session cookie is SameSite=Lax; on top of that a write is refused when the browser says
 * it comes from elsewhere (Origin of another host, or Sec-Fetch-Site: cross-site), and request
 * bodies are JSON only (a plain HTML form cannot send that content type; it gets a 415).
 */
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import { DomainError } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../features/auth/auth.service.ts";

export interface HardeningOptions {
  /** Requests per minute per session (or per address without one) on /api; 0 switches the limit off. */
  apiRequestsPerMinute: number;
}

export const HSTS = "max-age=31536000; includeSubDomains";

function sameOrigin(origin: string | undefined, host: string): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    // "null" (sandboxed frames, some redirects) or garbage: not this site.
    return false;
  }
}

const crossSite = () => new DomainError("forbidden", { nl: "Verzoek van een andere website geweigerd.", en: "Cross-site request refused." }, { reason: "cross_site" });

/** Writes from another site are refused before the session is even looked at. */
export function assertSameSiteWrite(req: FastifyRequest): void {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return;
  if (!sameOrigin(req.headers.origin, req.host)) throw crossSite();
  if (req.headers["sec-fetch-site"] === "cross-site") throw crossSite();
}

export async function registerHardening(app: FastifyInstance, options: HardeningOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    frameguard: { action: "deny" },
    // Sent by the hook below only over HTTPS: plain HTTP on localhost must keep working.
    hsts: false,
  });
  // JSON bodies only: text/plain is what a cross-site form or beacon can send without asking.
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (req, reply) => {
    if (req.protocol === "https") reply.header("strict-transport-security", HSTS);
  });
  if (options.apiRequestsPerMinute > 0) {
    // One bucket per session, else per address; log-in and set-up keep their own, stricter limits.
    // Added before the plugin so that its own onRoute hook sees the limit.
    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api/")) return;
      const config = (route.config ?? {}) as { rateLimit?: unknown };
      if (config.rateLimit !== undefined) return;
      route.config = { ...config, rateLimit: { max: options.apiRequestsPerMinute, timeWindow: "1 minute", keyGenerator: (req: FastifyRequest) => req.cookies?.[SESSION_COOKIE] ?? req.ip } };
    });
  }
  await app.register(fastifyRateLimit, { global: false });
}
