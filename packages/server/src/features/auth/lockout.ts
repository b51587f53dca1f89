/**
 * Lock-out with back-off after failed log-ins: the fifth failure in a row locks the account for
 * one minute, every further failure doubles that, up to an hour. A successful log-in (password
 * and, where needed, the second factor) resets the count. Guesses made while the account is
 * locked are not checked at all, so they neither count nor tell the guesser anything.
 */
export const LOCK_AFTER_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 3_600_000;

/** How long the account is locked after this many failures in a row (0: not locked). */
export function lockDurationMs(failures: number): number {
  if (failures < LOCK_AFTER_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - LOCK_AFTER_FAILURES, 12));
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
