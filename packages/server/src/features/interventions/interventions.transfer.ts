/**
 * Import and export of the catalogue (JSON and CSV, domain catalogue/catalogueExchange.ts), over
 * HTTP and in the CLI. An import is all-or-nothing: the whole file is checked first — its own
 * shape, then what only the organisation knows (its leefgebieden) — and every error is listed with
 * where it is and how to fix it; only a clean file is written, in one transaction, matched on `key`
 * (new keys are added, known keys updated, entries not in the file are left as they are).
 */
import {
  invalid,
  organisationKey,
  readExchange,
  toExchangeEntry,
  writeExchangeCsv,
  writeExchangeJson,
  type ExchangeEntry,
  type ExchangeFormat,
  type InterventionImportSummary,
  type InvalidParam,
} from "@ploegwerk/domain";
import { audit, auditMany, type AuditEntry } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { listPartnerRows } from "../partners/partners.queries.ts";
import { allInterventions, insertIntervention, updateInterventionRow, type InterventionValues } from "./interventions.queries.ts";
import { changedFields, domainErrors, organisationDomainKeys, valuesOf } from "./interventions.service.ts";

const rejected = (errors: InvalidParam[]) =>
  invalid(
    { nl: `Het bestand is niet ingelezen: ${errors.length} fout(en). Verbeter ze en lees het bestand opnieuw in.`, en: `The file was not imported: ${errors.length} error(s). Fix them and import the file again.` },
    errors,
    "import_rejected",
  );

/** The entry's columns, with its chain partner looked up by name (unknown names stay unlinked). */
function entryValues(e: ExchangeEntry, partnerId: string | null): InterventionValues {
  const { key: _key, providerPartner: _partner, ...rest } = e;
  return valuesOf({ ...rest, providerPartnerId: partnerId });
}

export async function importInterventions(db: Db, opts: { actor: Actor; format: ExchangeFormat; content: string }): Promise<InterventionImportSummary> {
  authorize(opts.actor, "catalogue.manage");
  const { actor } = opts;
  const organisationId = actor.organisationId;
  const read = readExchange(opts.format, opts.content);
  if (read.errors.length > 0) throw rejected(read.errors);
  return db.transaction(async (tx) => {
    const known = await organisationDomainKeys(tx, organisationId);
    const errors = read.entries.flatMap((e, i) => domainErrors(e.domains, known, (item) => read.fieldAt(i, "domains", item)));
    if (errors.length > 0) throw rejected(errors);

    const partners = new Map((await listPartnerRows(tx, organisationId)).map((p) => [organisationKey(p.name), p.id]));
    const existing = new Map((await allInterventions(tx, organisationId)).map((e) => [e.key, e]));
    const warnings: InvalidParam[] = [];
    const entries: AuditEntry[] = [];
    const summary = { created: 0, updated: 0, unchanged: 0 };
    for (const [i, e] of read.entries.entries()) {
      const partnerId = e.providerPartner === null ? null : (partners.get(organisationKey(e.providerPartner)) ?? null);
      if (e.providerPartner !== null && partnerId === null) {
        warnings.push({ name: read.fieldAt(i, "providerPartner"), reason: `'${e.providerPartner}' is not a registered chain partner; the entry was imported without the link (its aanbieder text stays). Register the partner and choose it on the entry to link it.` });
      }
      const values = entryValues(e, partnerId);
      const before = existing.get(e.key);
      if (!before) {
        const row = await insertIntervention(tx, organisationId, e.key, values);
        entries.push({ action: "intervention.created", entityType: "intervention", entityId: row.id, details: { key: e.key, name: row.name, via: `import ${opts.format}` } });
        summary.created++;
        continue;
      }
      const changed = changedFields(before, values);
      if (changed.length === 0) {
        summary.unchanged++;
        continue;
      }
      // The file is the newer description: it is written whatever the entry's version was.
      const row = await updateInterventionRow(tx, organisationId, before.id, before.version, values);
      if (!row) throw new Error(`entry ${e.key} changed during the import`);
      entries.push({ action: "intervention.updated", entityType: "intervention", entityId: row.id, details: { key: e.key, changed, via: `import ${opts.format}` } });
      summary.updated++;
    }
    await auditMany(tx, actor, entries);
    await audit(tx, actor, { action: "interventions.imported", entityType: "catalogue", entityId: organisationId, details: { format: opts.format, ...summary, warnings: warnings.length } });
    return { ...summary, warnings };
  });
}

/** The whole catalogue (archived entries too, with active=false) in the exchange format. */
export async function exportInterventions(db: Db, opts: { actor: Actor; format: ExchangeFormat; now?: Date }): Promise<string> {
  authorize(opts.actor, "catalogue.read");
  const entries = (await allInterventions(db, opts.actor.organisationId)).map(toExchangeEntry);
  return opts.format === "csv" ? writeExchangeCsv(entries) : writeExchangeJson(entries, (opts.now ?? new Date()).toISOString());
}
