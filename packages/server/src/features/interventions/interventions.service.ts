/**
 * The "wat werkt" catalogue: search, read, and — for team lead, ondersteuning and beheerder — add,
 * change and archive entries. Every write is audited in its own transaction. Entries are never
 * deleted: plan actions and costs refer to them, so an entry that is no longer offered is archived.
 */
import {
  conflict,
  interventionKeyFromName,
  invalid,
  notFound,
  staleVersion,
  type InvalidParam,
  type Intervention,
  type InterventionPage,
  type InterventionSearch,
  type InterventionUpdate,
  type NewIntervention,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { listLatestInstruments } from "../instruments/instruments.queries.ts";
import { existingPartnerIds } from "../partners/partners.queries.ts";
import {
  findInterventionRow,
  insertIntervention,
  interventionKeys,
  searchInterventions,
  toIntervention,
  updateInterventionRow,
  type InterventionValues,
} from "./interventions.queries.ts";

export const ENTRY = { nl: "Catalogusitem", en: "Catalogue entry" };
export const keyTaken = (key: string) =>
  conflict({ nl: `Er is al een item met de sleutel '${key}'.`, en: `An entry with the key '${key}' already exists.` }, "intervention_key_taken");

/** The leefgebieden (domain keys) of the organisation's instruments: what an entry may address. */
export async function organisationDomainKeys(db: Db, organisationId: string): Promise<Set<string>> {
  return new Set((await listLatestInstruments(db, organisationId)).flatMap((d) => d.domains.map((x) => x.key)));
}

export function domainErrors(domains: readonly string[], known: ReadonlySet<string>, path: (index: number) => string): InvalidParam[] {
  return domains.flatMap((d, i) =>
    known.has(d) ? [] : [{ name: path(i), reason: `'${d}' is not a leefgebied of this organisation's instruments; use one of: ${[...known].sort().join(", ")}` }],
  );
}

const entryInvalid = (params: InvalidParam[]) =>
  invalid({ nl: "Het catalogusitem klopt nog niet; zie de velden.", en: "The catalogue entry is not valid yet; see the fields." }, params);

/** What the schema cannot check: leefgebieden of the organisation, a registered chain partner. */
async function assertEntryValid(tx: Db, organisationId: string, entry: NewIntervention | InterventionUpdate): Promise<void> {
  const errors = domainErrors(entry.domains, await organisationDomainKeys(tx, organisationId), (i) => `domains.${i}`);
  if (entry.providerPartnerId !== null && (await existingPartnerIds(tx, organisationId, [entry.providerPartnerId])).length === 0) {
    errors.push({ name: "providerPartnerId", reason: "not a registered chain partner of this organisation" });
  }
  if (errors.length > 0) throw entryInvalid(errors);
}

/** The columns of an entry, from any of the write shapes. */
export function valuesOf(e: Omit<NewIntervention, "key"> | InterventionUpdate): InterventionValues {
  return {
    name: e.name,
    summary: e.summary,
    targetGroup: e.targetGroup,
    targetGroups: [...e.targetGroups],
    goal: e.goal,
    theory: e.theory,
    method: e.method,
    provider: e.provider,
    providerPartnerId: e.providerPartnerId,
    geographicReach: e.geographicReach,
    regions: [...e.regions],
    domains: [...e.domains],
    evidenceLevel: e.evidenceLevel,
    recognition: e.recognition,
    costCents: e.costCents,
    costUnit: e.costUnit,
    costIncludes: e.costIncludes,
    contact: e.contact,
    sources: e.sources.map((s) => ({ ...s })),
    active: e.active,
  };
}

/** Which fields differ (for the audit log: names, not contents). */
export function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const fields = ["name", "summary", "targetGroup", "targetGroups", "goal", "theory", "method", "provider", "providerPartnerId", "geographicReach", "regions", "domains", "evidenceLevel", "recognition", "costCents", "costUnit", "costIncludes", "contact", "sources", "active"] as const;
  return fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

export async function listInterventions(db: Db, opts: { actor: Actor; query: InterventionSearch }): Promise<InterventionPage> {
  authorize(opts.actor, "catalogue.read");
  const { items, total } = await searchInterventions(db, opts.actor.organisationId, opts.query);
  return { items, total, page: opts.query.page, pageSize: opts.query.pageSize };
}

export async function getIntervention(db: Db, opts: { actor: Actor; id: string }): Promise<Intervention> {
  authorize(opts.actor, "catalogue.read");
  const found = await findInterventionRow(db, opts.actor.organisationId, opts.id);
  if (!found) throw notFound(ENTRY);
  return found;
}

/** A key that is free: the given one (else 409), or one made from the name with -2, -3 … when needed. */
async function freeKey(tx: Db, organisationId: string, given: string | null, name: string): Promise<string> {
  const taken = await interventionKeys(tx, organisationId);
  if (given !== null) {
    if (taken.has(given)) throw keyTaken(given);
    return given;
  }
  const base = interventionKeyFromName(name);
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(key)) return key;
  }
}

export async function createIntervention(db: Db, opts: { actor: Actor; input: NewIntervention }): Promise<Intervention> {
  authorize(opts.actor, "catalogue.manage");
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    await assertEntryValid(tx, actor.organisationId, input);
    const key = await freeKey(tx, actor.organisationId, input.key, input.name);
    let row;
    try {
      row = await insertIntervention(tx, actor.organisationId, key, valuesOf(input));
    } catch (err) {
      if (isUniqueViolation(err, "interventions_key_key")) throw keyTaken(key);
      throw err;
    }
    await audit(tx, actor, { action: "intervention.created", entityType: "intervention", entityId: row.id, details: { key, name: row.name } });
    const created = await findInterventionRow(tx, actor.organisationId, row.id);
    return created ?? toIntervention(row, null);
  });
}

export async function updateIntervention(db: Db, opts: { actor: Actor; id: string; input: InterventionUpdate }): Promise<Intervention> {
  authorize(opts.actor, "catalogue.manage");
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const before = await findInterventionRow(tx, actor.organisationId, opts.id);
    if (!before) throw notFound(ENTRY);
    if (before.version !== input.version) throw staleVersion();
    await assertEntryValid(tx, actor.organisationId, input);
    const row = await updateInterventionRow(tx, actor.organisationId, opts.id, input.version, valuesOf(input));
    if (!row) throw staleVersion();
    const after = await findInterventionRow(tx, actor.organisationId, row.id);
    if (!after) throw notFound(ENTRY);
    await audit(tx, actor, { action: "intervention.updated", entityType: "intervention", entityId: row.id, details: { key: row.key, changed: changedFields(before, after) } });
    return after;
  });
}

/** No longer offered: out of the default search and no longer pickable for new plan actions; history keeps it. */
export async function archiveIntervention(db: Db, opts: { actor: Actor; id: string; version: number }): Promise<Intervention> {
  authorize(opts.actor, "catalogue.manage");
  const { actor } = opts;
  return db.transaction(async (tx) => {
    const before = await findInterventionRow(tx, actor.organisationId, opts.id);
    if (!before) throw notFound(ENTRY);
    if (before.version !== opts.version) throw staleVersion();
    if (!before.active) throw conflict({ nl: "Dit item is al gearchiveerd.", en: "This entry is archived already." }, "already_archived");
    const row = await updateInterventionRow(tx, actor.organisationId, opts.id, opts.version, { active: false });
    if (!row) throw staleVersion();
    await audit(tx, actor, { action: "intervention.archived", entityType: "intervention", entityId: row.id, details: { key: row.key } });
    const after = await findInterventionRow(tx, actor.organisationId, row.id);
    if (!after) throw notFound(ENTRY);
    return after;
  });
}
