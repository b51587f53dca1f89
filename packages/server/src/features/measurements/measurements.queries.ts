import { and, asc, eq, inArray } from "drizzle-orm";
import { bulkInsert } from "../../db/arrays.ts";
import type { Db } from "../../db/database.ts";
import { measurementScores, measurements } from "../../db/schema.ts";

export type MeasurementRow = typeof measurements.$inferSelect;
export type ScoreRow = typeof measurementScores.$inferSelect;

export async function listFamilyMeasurementRows(db: Db, organisationId: string, familyId: string, instrumentKey?: string) {
  const rows = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), instrumentKey ? eq(measurements.instrumentKey, instrumentKey) : undefined))
    .orderBy(asc(measurements.instrumentKey), asc(measurements.memberId), asc(measurements.round));
  return withScores(db, organisationId, rows);
}

export async function findMeasurementRow(db: Db, organisationId: string, familyId: string, measurementId: string) {
  const rows = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), eq(measurements.id, measurementId)))
    .limit(1);
  return (await withScores(db, organisationId, rows))[0] ?? null;
}

async function withScores(db: Db, organisationId: string, rows: MeasurementRow[]) {
  if (rows.length === 0) return [];
  const scores = await db
    .select()
    .from(measurementScores)
    .where(and(eq(measurementScores.organisationId, organisationId), inArray(measurementScores.measurementId, rows.map((r) => r.id))));
  const byMeasurement = new Map<string, ScoreRow[]>();
  for (const s of scores) {
    const list = byMeasurement.get(s.measurementId) ?? [];
    list.push(s);
    byMeasurement.set(s.measurementId, list);
  }
  return rows.map((row) => ({ row, scores: byMeasurement.get(row.id) ?? [] }));
}

export async function insertScores(db: Db, organisationId: string, measurementId: string, scores: Readonly<Record<string, { score: number; justification: string | null }>>) {
  await insertScoreRows(
    db,
    organisationId,
    Object.entries(scores).map(([domainKey, s]) => ({ measurementId, domainKey, score: s.score, justification: s.justification })),
  );
}

export interface ScoreInsert {
  measurementId: string;
  domainKey: string;
  score: number;
  justification: string | null;
}

/** Inserts any number of scores as one array parameter per column (see db/arrays.ts). */
export async function insertScoreRows(db: Db, organisationId: string, rows: readonly ScoreInsert[]): Promise<void> {
  await bulkInsert(db, "measurement_scores", {
    organisation_id: { type: "uuid", values: new Array<string>(rows.length).fill(organisationId) },
    measurement_id: { type: "uuid", values: rows.map((r) => r.measurementId) },
    domain_key: { type: "text", values: rows.map((r) => r.domainKey) },
    score: { type: "smallint", values: rows.map((r) => r.score) },
    justification: { type: "text", values: rows.map((r) => r.justification) },
  });
}

export async function deleteScores(db: Db, organisationId: string, measurementId: string) {
  await db.delete(measurementScores).where(and(eq(measurementScores.organisationId, organisationId), eq(measurementScores.measurementId, measurementId)));
}
