import {
  conflict,
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
import { deleteScores, findMeasurementRow, insertScores, listFamilyMeasurementRows, type MeasurementRow, type ScoreRow } from "./measurements.queries.ts";

const MEASUREMENT = { nl: "Meting", en: "Measurement" };

export const duplicateRound = (round: number) =>
  conflict(
    {
      nl: `Meting ${round} bestaat al voor dit gezin en dit instrument. Open die meting om haar te wijzigen, of kies een ander metingnummer.`,
      en: `Measurement ${round} already exists for this family and instrument. Open it to change it, or choose another round.`,
    },
    "duplicate_round",
  );

function present(def: InstrumentDefinition | null, row: MeasurementRow, scores: readonly ScoreRow[]): Measurement {
  const scoreMap: Record<string, number> = {};
  const out: Measurement["scores"] = {};
  for (const s of scores) {
    scoreMap[s.domainKey] = s.score;
    out[s.domainKey] = { score: s.score, justification: s.justification };
  }
  const summary = def ? summarizeMeasurement(def, scoreMap) : null;
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
    scores: out,
    selfReliance: summary?.selfReliance ?? null,
    level: summary?.level ?? null,
    problemDomains: summary?.problemDomains ?? [],
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

/** Caches instrument versions within one call; a family has few. */
function instrumentLoader(db: Db, organisationId: string) {
  const cache = new Map<string, Promise<InstrumentDefinition | null>>();
  return (key: string, version: number) => {
    const k = `${key}@${version}`;
    let p = cache.get(k);
    if (!p) cache.set(k, (p = findInstrument(db, organisationId, key, version)));
    return p;
  };
}

export async function listMeasurements(db: Db, opts: { actor: Actor; familyId: string; instrumentKey?: string | undefined }): Promise<Measurement[]> {
  await loadVisibleFamily(db, opts.actor, opts.familyId);
  const rows = await listFamilyMeasurementRows(db, opts.actor.organisationId, opts.familyId, opts.instrumentKey);
  const load = instrumentLoader(db, opts.actor.organisationId);
  return Promise.all(rows.map(async ({ row, scores }) => present(await load(row.instrumentKey, row.instrumentVersion), row, scores)));
}

export async function getMeasurement(db: Db, opts: { actor: Actor; familyId: string; measurementId: string }): Promise<Measurement> {
  await loadVisibleFamily(db, opts.actor, opts.familyId);
  const found = await findMeasurementRow(db, opts.actor.organisationId, opts.familyId, opts.measurementId);
  if (!found) throw notFound(MEASUREMENT);
  return present(await findInstrument(db, opts.actor.organisationId, found.row.instrumentKey, found.row.instrumentVersion), found.row, found.scores);
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
        })
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "measurements_round_key")) throw duplicateRound(input.round);
      throw err;
    }
    if (!row) throw new Error("measurement insert returned nothing");
    await insertScores(tx, actor.organisationId, row.id, input.scores);
    await bumpFamily(tx, actor.organisationId, familyId);
    await audit(tx, actor, { action: "measurement.created", entityType: "measurement", entityId: row.id, familyId, details: { instrument: `${def.key}@${def.version}`, round: input.round } });
    const saved = await findMeasurementRow(tx, actor.organisationId, familyId, row.id);
    if (!saved) throw new Error("measurement vanished after insert");
    return present(def, saved.row, saved.scores);
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
    const def = await findInstrument(tx, actor.organisationId, current.row.instrumentKey, current.row.instrumentVersion);
    if (!def) throw new Error(`instrument ${current.row.instrumentKey}@${current.row.instrumentVersion} missing`);
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
          version: sql`${measurements.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(measurements.organisationId, actor.organisationId), eq(measurements.id, measurementId), eq(measurements.version, patch.version)))
        .returning();
    } catch (err) {
      if (isUniqueViolation(err, "measurements_round_key")) throw duplicateRound(patch.round ?? current.row.round);
      throw err;
    }
    if (rows.length === 0) throw staleVersion();
    if (patch.scores) {
      await deleteScores(tx, actor.organisationId, measurementId);
      await insertScores(tx, actor.organisationId, measurementId, patch.scores);
    }
    await bumpFamily(tx, actor.organisationId, familyId);
    const changed = Object.keys(patch).filter((k) => k !== "version");
    await audit(tx, actor, { action: "measurement.updated", entityType: "measurement", entityId: measurementId, familyId, details: { changed, fromVersion: patch.version } });
    const saved = await findMeasurementRow(tx, actor.organisationId, familyId, measurementId);
    if (!saved) throw new Error("measurement vanished after update");
    return present(def, saved.row, saved.scores);
  });
}
