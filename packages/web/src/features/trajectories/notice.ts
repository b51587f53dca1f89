/** A message about the trajectory as it was at `version`; it goes away once anything changes. */
export interface TrajectoryNotice {
  notice: string;
  version: number;
}

/** The notice a previous page passed in the router state, if any. */
export function noticeFrom(state: unknown): TrajectoryNotice | null {
  if (typeof state !== "object" || state === null) return null;
  const { notice, version } = state as { notice?: unknown; version?: unknown };
  return typeof notice === "string" && typeof version === "number" ? { notice, version } : null;
}
