import { storedFigures, toScoreColumns, type InstrumentDefinition } from "@ploegwerk/domain";
import { and, asc, eq } from "drizzle-orm";
import { pgArrayLiteral, type BulkColumn } from "../../db/arrays.ts";
import type { Db } from "../../db/database.ts";
import { measurements } from "../../db/schema.ts";

export type MeasurementRow = typeof measurements.$inferSelect;

export type ScoreInput = Readonly<Record<string, { score: number; justification: string | null }>>;

export async function listFamilyMeasurementRows(db: Db, organisationId: string, familyId: string, instrumentKey?: string): Promise<MeasurementRow[]> {
  return db
    .select()
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), instrumentKey ? eq(measurements.instrumentKey, instrumentKey) : undefined))
    .orderBy(asc(measurements.instrumentKey), asc(measurements.memberId), asc(measurements.round));
}

export async function findMeasurementRow(db: Db, organisationId: string, familyId: string, measurementId: string): Promise<MeasurementRow | null> {
  const rows = await db
    .select()
    .from(measurements)
    .where(and(eq(measurements.organisationId, organisationId), eq(measurements.familyId, familyId), eq(measurements.id, measurementId)))
    .limit(1);
  return rows[0] ?? null;
}

/** The score arrays and the figures derived from them, as one set of column values. */
export function scoreColumnValues(def: InstrumentDefinition, input: ScoreInput) {
  const cols = toScoreColumns(def, input);
  const figures = storedFigures(def, Object.fromEntries(Object.entries(input).map(([k, s]) => [k, s.score])));
  return { scores: cols.scores, justifications: cols.justifications, ...figures };
}

/** The score and figure columns of many measurements, for bulkInsert into measurements. */
export function scoreBulkColumns(def: InstrumentDefinition, inputs: readonly ScoreInput[]): Record<string, BulkColumn> {
  const values = inputs.map((input) => scoreColumnValues(def, input));
  return {
    scores: { type: "smallint[]", values: values.map((v) => pgArrayLiteral(v.scores)) },
    justifications: { type: "text[]", values: values.map((v) => pgArrayLiteral(v.justifications)) },
    problem_count: { type: "smallint", values: values.map((v) => v.problemCount) },
    sr_num: { type: "int", values: values.map((v) => v.srNum) },
    sr_den: { type: "int", values: values.map((v) => v.srDen) },
    sr_level: { type: "smallint", values: values.map((v) => v.srLevel) },
  };
}
