import type { FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.ts";
import { encodeCookie, SESSION_COOKIE, type SessionCookie } from "./auth.service.ts";
import { createOidcLogin, type OidcLogin, type OidcSettings } from "./oidcClient.ts";
import { createSecretBox, type SecretBox } from "./secretBox.ts";
import { processSecretKey } from "./secretKey.ts";
import { sessionPolicy, type SessionPolicy } from "./sessionPolicy.ts";

/** What the log-in and account routes share: session lifetimes and clock, the server's key, the optional identity provider. */
export interface AuthContext {
  policy: SessionPolicy;
  secrets: SecretBox;
  oidc: OidcLogin | null;
  /** Cookies are Secure when configured so, or when the request came over HTTPS (behind a trusted proxy: as it says). */
  secureCookies(req: FastifyRequest): boolean;
}

export interface AuthOptions {
  config: Pick<Config, "PLOEGWERK_SECURE_COOKIES" | "PLOEGWERK_SESSION_HOURS"> & { PLOEGWERK_SESSION_MAX_HOURS?: number | undefined };
  /** The key that seals two-factor secrets; serve() passes the configured or stored one. */
  secretKey?: Buffer | undefined;
  clock?: (() => Date) | undefined;
  oidc?: OidcSettings | null | undefined;
}

export function createAuthContext(opts: AuthOptions): AuthContext {
  const secrets = createSecretBox(opts.secretKey ?? processSecretKey());
  return {
    policy: sessionPolicy({ sessionHours: opts.config.PLOEGWERK_SESSION_HOURS, maxSessionHours: opts.config.PLOEGWERK_SESSION_MAX_HOURS, now: opts.clock }),
    secrets,
    oidc: opts.oidc ? createOidcLogin(opts.oidc, secrets) : null,
    secureCookies: (req) => opts.config.PLOEGWERK_SECURE_COOKIES === "true" || (opts.config.PLOEGWERK_SECURE_COOKIES === "auto" && req.protocol === "https"),
  };
}

export function setSessionCookie(auth: AuthContext, req: FastifyRequest, reply: FastifyReply, cookie: SessionCookie, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, encodeCookie(cookie), { httpOnly: true, sameSite: "lax", secure: auth.secureCookies(req), path: "/", expires: expiresAt });
}
