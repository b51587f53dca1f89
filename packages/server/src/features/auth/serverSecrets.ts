import type { Config } from "../../config.ts";
import type { OidcSettings } from "./oidcClient.ts";
import { embeddedSecretKey, processSecretKey } from "./secretKey.ts";

/**
 * The key that seals two-factor secrets: PLOEGWERK_SECRET_KEY, or for the embedded database a key
 * made once in its data directory. A PostgreSQL installation must set it: its data may live on
 * another machine than this process, and the key must not live with the data.
 */
export function serverSecretKey(config: Pick<Config, "PLOEGWERK_SECRET_KEY" | "DATABASE_URL" | "PLOEGWERK_DATA_DIR">): Buffer {
  if (config.PLOEGWERK_SECRET_KEY) return config.PLOEGWERK_SECRET_KEY;
  if (config.DATABASE_URL) {
    throw new Error("PLOEGWERK_SECRET_KEY is required with DATABASE_URL: set it to 32 random bytes (make one with: openssl rand -hex 32) and keep it in your secret store");
  }
  // A throw-away in-memory database needs no key that outlives the process.
  if (config.PLOEGWERK_DATA_DIR.startsWith("memory://")) return processSecretKey();
  return embeddedSecretKey(config.PLOEGWERK_DATA_DIR);
}

/** The organisation's identity provider from the environment, or null (the default: no OpenID Connect). */
export function oidcSettings(config: Config): OidcSettings | null {
  const { PLOEGWERK_OIDC_ISSUER: issuer, PLOEGWERK_OIDC_CLIENT_ID: clientId, PLOEGWERK_OIDC_CLIENT_SECRET: clientSecret } = config;
  const { PLOEGWERK_OIDC_ORGANISATION: organisationSlug, PLOEGWERK_OIDC_REDIRECT_URI: redirectUri } = config;
  if (!issuer || !clientId || !clientSecret || !organisationSlug || !redirectUri) return null;
  return { issuer: new URL(issuer), clientId, clientSecret, organisationSlug, redirectUri, label: config.PLOEGWERK_OIDC_LABEL ?? "uw organisatie" };
}
