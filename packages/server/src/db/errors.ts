/** The PostgreSQL error behind a driver or ORM error, if any (drizzle wraps it in `cause`). */
export function pgError(err: unknown): { code: string; constraint: string | undefined } | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (typeof current === "object" && current !== null && "code" in current && typeof (current as { code: unknown }).code === "string") {
      const c = current as { code: string; constraint?: string };
      if (/^[0-9A-Z]{5}$/.test(c.code)) return { code: c.code, constraint: c.constraint };
    }
    current = typeof current === "object" && current !== null && "cause" in current ? (current as { cause: unknown }).cause : null;
  }
  return null;
}

export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = pgError(err);
  return e?.code === "23505" && (e.constraint === constraint || e.constraint === undefined);
}
