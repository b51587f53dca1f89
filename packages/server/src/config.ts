import { z } from "zod";

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
  /** "false" skips the demo organisation on a new embedded database. */
  PLOEGWERK_DEMO: z.enum(["true", "false"]).default("true"),
  PLOEGWERK_WEB_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
