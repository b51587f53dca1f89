/** Query keys in one place, so mutations invalidate exactly what they change. */
export const keys = {
  session: ["session"] as const,
  setup: ["setup"] as const,
  staff: ["staff"] as const,
  teams: ["teams"] as const,
  users: ["users"] as const,
  instruments: ["instruments"] as const,
  families: (q: string, page: number) => ["families", { q, page }] as const,
  familiesAll: ["families"] as const,
  family: (familyId: string) => ["family", familyId] as const,
  measurements: (familyId: string) => ["family", familyId, "measurements"] as const,
  measurement: (familyId: string, measurementId: string) => ["family", familyId, "measurements", measurementId] as const,
  outcomes: (instrument: string, teamId: string) => ["outcomes", instrument, teamId] as const,
};
