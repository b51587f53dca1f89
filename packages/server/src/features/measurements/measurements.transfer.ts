import {
  invalid,
  scoresByKey,
  validateMeasurementCsv,
  writeMeasurementCsv,
  type InstrumentDefinition,
  type MeasurementCsvRecord,
} from "@ploegwerk/domain";
import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { bulkInsert } from "../../db/arrays.ts";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";
import { families, measurements, teams } from "../../db/schema.ts";
import { findInstrument, instrumentVersions, versionOf } from "../instruments/instruments.queries.ts";
import { scoreBulkColumns } from "./measurements.queries.ts";

async function requireInstrument(db: Db, organisationId: string, key: string): Promise<InstrumentDefinition> {
  const def = await findInstrument(db, organisationId, key);
  if (!def) throw invalid({ nl: `Instrument '${key}' bestaat niet.`, en: `Instrument '${key}' does not exist.` }, [{ name: "instrument", reason: "unknown instrument" }]);
  return def;
}

export interface ImportSummary {
  measurements: number;
  families: number;
  createdFamilies: number;
}

/**
 * Imports a measurement CSV all-or-nothing: the whole file is checked first, every error listed
 * by line and column, and only a clean file is written, in one transaction.
 */
export async function importMeasurementsCsv(
  db: Db,
  opts: { actor: Actor; instrumentKey: string; csv: string; createFamilies: boolean; teamId?: string | undefined },
): Promise<ImportSummary> {
  const { actor } = opts;
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const def = await requireInstrument(tx, organisationId, opts.instrumentKey);
    const familyRows = await tx.select({ id: families.id, caseNumber: families.caseNumber, teamId: families.teamId }).from(families).where(eq(families.organisationId, organisationId));
    const familyByCase = new Map(familyRows.map((f) => [f.caseNumber, f]));
    const existing = await queryRows<{ k: string }>(
      tx,
      sql`select f.case_number || '|' || m.round as k from measurements m join families f on f.organisation_id = m.organisation_id and f.id = m.family_id
           where m.organisation_id = ${organisationId}::uuid and m.instrument_key = ${def.key} and m.member_id is null`,
    );
    const result = validateMeasurementCsv(def, opts.csv, { knownFamilies: new Set(familyByCase.keys()), existingRounds: new Set(existing.map((e) => e.k)), createFamilies: opts.createFamilies });
    if (result.errors.length > 0) {
      throw invalid(
        { nl: `Het bestand is niet ingelezen: ${result.errors.length} fout(en). Verbeter ze en lees het bestand opnieuw in.`, en: `The file was not imported: ${result.errors.length} error(s). Fix them and import the file again.` },
        result.errors,
        "import_rejected",
      );
    }
    for (const f of familyByCase.values()) authorize(actor, "measurement.write", { teamId: f.teamId });
    if (result.newFamilies.length > 0) {
      const teamId = opts.teamId ?? (await tx.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, organisationId)).orderBy(asc(teams.createdAt)).limit(1))[0]?.id;
      if (!teamId) throw invalid({ nl: "Er is nog geen team om nieuwe gezinnen onder te brengen.", en: "There is no team yet to place new families in." }, [{ name: "team", reason: "create a team first or pass --team" }]);
      authorize(actor, "family.create", { teamId });
      const created = result.newFamilies.map((caseNumber) => ({ id: randomUUID(), caseNumber, teamId }));
      await bulkInsert(tx, "families", {
        organisation_id: { type: "uuid", values: created.map(() => organisationId) },
        id: { type: "uuid", values: created.map((f) => f.id) },
        case_number: { type: "text", values: created.map((f) => f.caseNumber) },
        team_id: { type: "uuid", values: created.map((f) => f.teamId) },
      });
      for (const f of created) familyByCase.set(f.caseNumber, f);
    }
    await insertRecords(tx, organisationId, def, result.records, (caseNumber) => familyByCase.get(caseNumber)?.id as string, actor);
    const familyCount = new Set(result.records.map((r) => r.family)).size;
    await audit(tx, actor, {
      action: "measurements.imported",
      entityType: "instrument",
      entityId: `${def.key}@${def.version}`,
      details: { measurements: result.records.length, families: familyCount, createdFamilies: result.newFamilies.length },
    });
    return { measurements: result.records.length, families: familyCount, createdFamilies: result.newFamilies.length };
  });
}

async function insertRecords(tx: Db, organisationId: string, def: InstrumentDefinition, records: readonly MeasurementCsvRecord[], familyId: (c: string) => string, actor: Actor) {
  const ids = records.map(() => randomUUID());
  const measuredBy = actor.kind === "user" ? actor.userId : null;
  await bulkInsert(tx, "measurements", {
    organisation_id: { type: "uuid", values: records.map(() => organisationId) },
    id: { type: "uuid", values: ids },
    family_id: { type: "uuid", values: records.map((r) => familyId(r.family)) },
    instrument_key: { type: "text", values: records.map(() => def.key) },
    instrument_version: { type: "int", values: records.map(() => def.version) },
    round: { type: "smallint", values: records.map((r) => r.round) },
    measured_on: { type: "date", values: records.map((r) => r.measuredOn) },
    measured_by_id: { type: "uuid", values: records.map(() => measuredBy) },
    source: { type: "text", values: records.map(() => "import") },
    ...scoreBulkColumns(
      def,
      records.map((r) => Object.fromEntries(Object.entries(r.scores).map(([k, score]) => [k, { score, justification: null }]))),
    ),
  });
}

/** The organisation's family-level metingen on one instrument, in the import format. */
export async function exportMeasurementsCsv(db: Db, opts: { actor: Actor; instrumentKey: string }): Promise<string> {
  authorize(opts.actor, "outcomes.readOrganisation");
  const organisationId = opts.actor.organisationId;
  const def = await requireInstrument(db, organisationId, opts.instrumentKey);
  const versions = await instrumentVersions(db, organisationId, def.key);
  const rows = await queryRows<{ family: string; round: number; measured_on: string | null; version: number; scores: (number | null)[] }>(
    db,
    sql`select f.case_number as family, m.round, m.measured_on::text as measured_on, m.instrument_version as version, m.scores
          from ${measurements} m
          join ${families} f on f.organisation_id = m.organisation_id and f.id = m.family_id
         where m.organisation_id = ${organisationId}::uuid and m.instrument_key = ${def.key} and m.member_id is null`,
  );
  return writeMeasurementCsv(
    def,
    rows.map((r) => ({ family: r.family, round: Number(r.round), measuredOn: r.measured_on, scores: scoresByKey(versionOf(versions, Number(r.version)), r.scores) })),
  );
}
