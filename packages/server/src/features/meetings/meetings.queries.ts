import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database.ts";
import { meetings, users } from "../../db/schema.ts";

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingWithChair = { meeting: MeetingRow; chairName: string | null };

const withChair = (db: Db) =>
  db
    .select({ meeting: meetings, chairName: users.name })
    .from(meetings)
    .leftJoin(users, and(eq(users.organisationId, meetings.organisationId), eq(users.id, meetings.chairId)));

export function listMeetingRows(db: Db, organisationId: string, trajectoryId: string): Promise<MeetingWithChair[]> {
  return withChair(db)
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.trajectoryId, trajectoryId)))
    .orderBy(asc(meetings.scheduledAt), asc(meetings.createdAt));
}

export async function findMeetingRow(db: Db, organisationId: string, trajectoryId: string, meetingId: string): Promise<MeetingWithChair | null> {
  const rows = await withChair(db)
    .where(and(eq(meetings.organisationId, organisationId), eq(meetings.trajectoryId, trajectoryId), eq(meetings.id, meetingId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertMeetingRow(db: Db, values: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(values).returning();
  if (!row) throw new Error("meeting insert returned nothing");
  return row;
}

/** Changes a meeting if nobody changed it since `version`; null when stale. */
export async function updateMeetingRow(
  db: Db,
  key: { organisationId: string; meetingId: string; version: number },
  set: Partial<Omit<typeof meetings.$inferInsert, "organisationId" | "id" | "trajectoryId" | "version">>,
): Promise<MeetingRow | null> {
  const rows = await db
    .update(meetings)
    .set({ ...set, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(meetings.organisationId, key.organisationId), eq(meetings.id, key.meetingId), eq(meetings.version, key.version)))
    .returning();
  return rows[0] ?? null;
}
