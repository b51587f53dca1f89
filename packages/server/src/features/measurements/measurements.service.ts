import {
  conflict,
  fromScoreColumns,
  invalid,
  notFound,
  staleVersion,
  summarizeMeasurement,
  validateScores,
  type InstrumentDefinition,
  type Measurement,
  type MeasurementPatch,
  type NewMeasurement,
} from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { measurements } from "../../db/schema.ts";
import { bumpFamily, listMembers } from "../families/families.queries.ts";
import { loadVisibleFamily } from "../families/families.service.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { findMeasurementRow, listFamilyMeasurementRows, scoreColumnValues, type MeasurementRow } from "./measurements.queries.ts";

const MEASUREMENT = { nl: "Meting", en: "Measurement" };

export const duplicateRound = (round: number) =>
  conflict(
    {
      nl: `Meting ${round} bestaat al voor dit gezin en dit instrument. Open die meting om haar te wijzigen, of kies een ander metingnummer.`,
      en: `Measurement ${round} already exists for this family and instrument. Open it to change it, or choose another round.`,
    },
    "duplicate_round",
  );

function present(def: InstrumentDefinition, row: MeasurementRow): Measurement {
  const scores = fromScoreColumns(def, { scores: row.scores, justifications: row.justifications });
  const summary = summarizeMeasurement(def, Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, s.score])));
  return {
    id: row.id,
    familyId: row.familyId,
    memberId: row.memberId,
    instrument: { key: row.instrumentKey, version: row.instrumentVersion },
    round: row.round,
    measuredOn: row.measuredOn,
    measuredById: row.measuredById,
    measuredByName: row.measuredByName,
    source: row.source as Measurement["source"],
    note: row.note,
    scores,
    selfReliance: summary.selfReliance,
    level: summary.level,
    problemDomains: summary.problemDomains,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function assertScores(def: InstrumentDefinition, scores: NewMeasurement["scores"]): void {
  const errors = validateScores(def, scores);
  if (errors.length > 0) {
    throw invalid({ nl: "Niet alle scores kloppen; zie de fouten per leefgebied.", en: "Not all scores are valid; see the errors per domain." }, errors);
  }
}

/** Caches instrument versions within one call (a family has few); a stored version always exists (FK). */
function instrumentLoader(db: Db, organisationId: string) {
  const cache = new Map<string, Promise<InstrumentDefinition>>();
  return (key: string, version: number) => {
    const k = `${key}@${version}`;
    let p = cache.get(k);
    if (!p) cache.set(k, (p = requireVersion(db, organisationId, key, version)));
    return p;
  };
}

async function requireVersion(db: Db, organisationId: string, key: string, version: number): Promise<InstrumentDefinition> {
  const def = await findInstrument(db, organisationId, key, version);
  if (!def) throw new Error(`instrument ${key}@${version} missing`);
  return def;
}

export async function listMeasurements(db: Db, opts: { actor: Actor; familyId: string; instrumentKey?: string | undefined }): Promise<Measurement[]> {
  await loadVisibleFamily(db, opts.actor, opts.familyId);
  const rows = await listFamilyMeasurementRows(db, opts.actor.organisationId, opts.familyId, opts.instrumentKey);
  const load = instrumentLoader(db, opts.actor.organisationId);
  return Promise.all(rows.map(async (row) => present(await load(row.instrumentKey, row.instrumentVersion), row)));
}

export async function getMeasurement(db: Db, opts: { actor: Actor; familyId: string; measurementId: string }): Promise<Measurement> {
  await loadVisibleFamily(db, opts.actor, opts.familyId);
  const found = await findMeasurementRow(db, opts.actor.organisationId, opts.familyId, opts.measurementId);
  if (!found) throw notFound(MEASUREMENT);
  return present(await requireVersion(db, opts.actor.organisationId, found.instrumentKey, found.instrumentVersion), found);
}

export async function recordMeasurement(db: Db, opts: { actor: Actor; familyId: string; input: NewMeasurement }): Promise<Measurement> {
  const { actor, familyId, input } = opts;
  return db.transaction(async (tx) => {
    const { family } = await loadVisibleFamily(tx, actor, familyId);
    authorize(actor, "measurement.write", { teamId: family.teamId });
    const def = await findInstrument(tx, actor.organisationId, input.instrument.key, input.instrument.version);
    if (!def) {
      throw invalid({ nl: "Dit instrument (of deze versie) bestaat niet.", en: "This instrument (or version) does not exist." }, [{ name: "instrument", reason: `unknown instrument ${input.instrument.key}${input.instrument.version ? `@${input.instrument.version}` : ""}` }]);
    }
    assertScores(def, input.scores);
    if (input.memberId && !(await listMembers(tx, actor.organisationId, familyId)).some((m) => m.id === input.memberId)) {
      throw invalid({ nl: "Dit gezinslid hoort niet bij dit gezin.", en: "This member does not belong to this family." }, [{ name: "memberId", reason: "not a member of this family" }]);
    }
    let row: MeasurementRow | undefined;
    try {
      [row] = await tx
        .insert(measurements)
        .values({
          organisationId: actor.organisationId,
          familyId,
          memberId: input.memberId,
          instrumentKey: def.key,
          instrumentVersion: def.version,
          round: input.round,
          measuredOn: input.measuredOn,
          measuredById: actor.kind === "user" ? actor.userId : null,
          measuredByName: input.measuredByName ?? (actor.kind === "user" ? actor.name : null),
          source: input.source,
          note: input.note,
          ...scoreColumnValues(def, input.scores),
        })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "measurements_round_key")) throw duplicateRound(input.round);
      throw err;
    }
    if (!row) throw new Error("measurement insert returned nothing");
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "measurement.created", entityType: "measurement", entityId: row.id, familyId, details: { instrument: `${def.key}@${def.version}`, round: input.round } });
    return present(def, row);
  });
}

/** Saves an edit only if nobody saved in between (the version the editor read); never overwrites silently. */
export async function updateMeasurement(db: Db, opts: { actor: Actor; familyId: string; measurementId: string; patch: MeasurementPatch }): Promise<Measurement> {
  const { actor, familyId, measurementId, patch } = opts;
  return db.transaction(async (tx) => {
    const { family } = await loadVisibleFamily(tx, actor, familyId);
    authorize(actor, "measurement.write", { teamId: family.teamId });
    const current = await findMeasurementRow(tx, actor.organisationId, familyId, measurementId);
    if (!current) throw notFound(MEASUREMENT);
    const def = await requireVersion(tx, actor.organisationId, current.instrumentKey, current.instrumentVersion);
    if (patch.scores) assertScores(def, patch.scores);
    let rows: MeasurementRow[];
    try {
      rows = await tx
        .update(measurements)
        .set({
          ...(patch.round !== undefined ? { round: patch.round } : {}),
          ...(patch.measuredOn !== undefined ? { measuredOn: patch.measuredOn } : {}),
          ...(patch.measuredByName !== undefined ? { measuredByName: patch.measuredByName } : {}),
          ...(patch.source !== undefined ? { source: patch.source } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.scores !== undefined ? scoreColumnValues(def, patch.scores) : {}),
          version: sql`${measurements.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(measurements.organisationId, actor.organisationId), eq(measurements.id, measurementId), eq(measurements.version, patch.version)))
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "measurements_round_key")) throw duplicateRound(patch.round ?? current.round);
      throw err;
    }
    const [updated] = rows;
    if (!updated) throw staleVersion();
    await bumpFamily(tx, actor.organisationId, familyId);
    const changed = Object.keys(patch).filter((k) => k !== "version");
    await audit(tx, actor, { action: "measurement.updated", entityType: "measurement", entityId: measurementId, familyId, details: { changed, fromVersion: patch.version } });
    return present(def, updated);
  });
}
