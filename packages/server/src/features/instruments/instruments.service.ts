import { conflict, invalid, notFound, InstrumentDefinition, type InstrumentDefinition as Def } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { findInstrument, insertInstrument } from "./instruments.queries.ts";

const INSTRUMENT = { nl: "Instrument", en: "Instrument" };

export async function getInstrument(db: Db, opts: { actor: Actor; key: string; version?: number | undefined }): Promise<Def> {
  const def = await findInstrument(db, opts.actor.organisationId, opts.key, opts.version);
  if (!def) throw notFound(INSTRUMENT);
  return def;
}

/** Validates and stores a new instrument (or a new version of one); existing versions never change. */
export async function importInstrument(db: Db, opts: { actor: Actor; definition: unknown }): Promise<Def> {
  authorize(opts.actor, "instruments.import");
  const parsed = InstrumentDefinition.safeParse(opts.definition);
  if (!parsed.success) {
    throw invalid(
      { nl: "Deze instrumentdefinitie klopt niet; zie de fouten per veld.", en: "This instrument definition is not valid; see the field errors." },
      parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => ({ name: i.path.map(String).join(".") || "(root)", reason: i.message })),
    );
  }
  const def = parsed.data;
  return db.transaction(async (tx) => {
    try {
      await insertInstrument(tx, opts.actor.organisationId, def, false);
    } catch (err) {
      if (isUniqueViolation(err, "instruments_organisation_id_key_version_pk")) {
        throw conflict(
          {
            nl: `${def.key} versie ${def.version} bestaat al. Een versie verandert nooit: geef de nieuwe definitie een hoger versienummer.`,
            en: `${def.key} version ${def.version} already exists. Versions never change: give the new definition a higher version number.`,
          },
          "instrument_version_exists",
        );
      }
      throw err;
    }
    await audit(tx, opts.actor, { action: "instrument.imported", entityType: "instrument", entityId: `${def.key}@${def.version}` });
    return def;
  });
}
