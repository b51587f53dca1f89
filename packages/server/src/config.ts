import { z } from "zod";
import { parseSecretKey } from "./features/auth/secretKey.ts";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const Config = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), { message: "must start with postgres:// or postgresql://" }),
  PLOEGWERK_DATA_DIR: z.string().default("./data"),
  /** "true" forces Secure cookies; by default they are Secure when the request came over HTTPS. */
  PLOEGWERK_SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  /** Trust X-Forwarded-* from a reverse proxy (needed to see HTTPS behind one). */
  PLOEGWERK_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  PLOEGWERK_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Requests per minute per session on the API (log-in has its own, stricter limit); 0 = no limit. */
  PLOEGWERK_API_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(600),
  /** Absolute maximum of a session however active it is; by default 24 hours (or PLOEGWERK_SESSION_HOURS when that is longer). */
  PLOEGWERK_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 90).optional(),
  /**
   * 32 random bytes (64 hex characters or base64) that seal two-factor secrets (AES-256-GCM).
   * Required with DATABASE_URL; the embedded database makes one in its data directory.
   */
  PLOEGWERK_SECRET_KEY: optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const key = parseSecretKey(v);
    if (!key) {
      ctx.addIssue({ code: "custom", message: "must be 32 random bytes written as 64 hex characters or as base64 (make one with: openssl rand -hex 32)" });
      return z.NEVER;
    }
    return key;
  }),
  /** OpenID Connect log-in for one organisation with its own identity provider; off unless the issuer is set. */
  PLOEGWERK_OIDC_ISSUER: optionalText.refine((v) => v === undefined || /^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(v), {
    message: "must be an https:// URL (plain http only for a provider on this machine)",
  }),
  PLOEGWERK_OIDC_CLIENT_ID: optionalText,
  PLOEGWERK_OIDC_CLIENT_SECRET: optionalText,
  /** Slug of the organisation whose users log in through the provider. */
  PLOEGWERK_OIDC_ORGANISATION: optionalText,
  /** The callback registered at the provider: https://<your host>/api/v1/session/oidc/callback */
  PLOEGWERK_OIDC_REDIRECT_URI: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/]+\/api\/v1\/session\/oidc\/callback$/.test(v), {
    message: "must be the full URL of /api/v1/session/oidc/callback on this server",
  }),
  /** The name on the log-in button, e.g. "Gemeente Voorbeeldstad". */
  PLOEGWERK_OIDC_LABEL: optionalText,
  /** "false" skips the demo organisation on a new embedded database. */
  PLOEGWERK_DEMO: z.enum(["true", "false"]).default("true"),
  PLOEGWERK_WEB_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
})
  .superRefine((c, ctx) => {
    if (c.PLOEGWERK_SESSION_MAX_HOURS !== undefined && c.PLOEGWERK_SESSION_MAX_HOURS < c.PLOEGWERK_SESSION_HOURS) {
      ctx.addIssue({ code: "custom", path: ["PLOEGWERK_SESSION_MAX_HOURS"], message: "must be at least PLOEGWERK_SESSION_HOURS" });
    }
    if (c.PLOEGWERK_OIDC_ISSUER) {
      for (const key of ["PLOEGWERK_OIDC_CLIENT_ID", "PLOEGWERK_OIDC_CLIENT_SECRET", "PLOEGWERK_OIDC_ORGANISATION", "PLOEGWERK_OIDC_REDIRECT_URI"] as const) {
        if (!c[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when PLOEGWERK_OIDC_ISSUER is set" });
      }
    }
  });
export type Config = z.infer<typeof Config>;

/** Parses the environment once; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
