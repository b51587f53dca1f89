import { randomBytes } from "node:crypto";
import type { Db } from "../../db/database.ts";
import { insertSession } from "./sessions.queries.ts";
import type { SessionCookie } from "./auth.service.ts";
import { hashToken } from "./sessionToken.ts";

/**
 * How long sessions live, and the clock they are measured with (injectable, so tests move time
 * instead of sleeping). A session slides `sessionHours` past its last use, but never beyond
 * `maxSessionHours` after the log-in.
 */
export interface SessionPolicy {
  sessionHours: number;
  maxSessionHours: number;
  now: () => Date;
}

/** Between the password and the second factor: time to find the phone, or to set up an app. */
export const PENDING_SESSION_MINUTES = 10;

export function sessionPolicy(opts: { sessionHours: number; maxSessionHours?: number | undefined; now?: (() => Date) | undefined }): SessionPolicy {
  return {
    sessionHours: opts.sessionHours,
    // By default a day, or the sliding time when that is configured longer.
    maxSessionHours: opts.maxSessionHours ?? Math.max(24, opts.sessionHours),
    now: opts.now ?? (() => new Date()),
  };
}

/** When a session used at `now` expires: the sliding time, capped by the absolute maximum. */
export function slidingExpiry(policy: SessionPolicy, createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + policy.sessionHours * 3_600_000, createdAt.getTime() + policy.maxSessionHours * 3_600_000));
}

/** Opens a session (full, or waiting for the second factor) and answers its cookie; call it inside the log-in's transaction. */
export async function openSession(
  tx: Db,
  policy: SessionPolicy,
  opts: { organisationId: string; userId: string; pending: boolean; userAgent?: string | undefined },
): Promise<{ cookie: SessionCookie; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const now = policy.now();
  const expiresAt = opts.pending ? new Date(now.getTime() + PENDING_SESSION_MINUTES * 60_000) : slidingExpiry(policy, now, now);
  await insertSession(tx, {
    organisationId: opts.organisationId,
    tokenHash: hashToken(token),
    userId: opts.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    mfaPending: opts.pending,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  return { cookie: { organisationId: opts.organisationId, token }, expiresAt };
}
