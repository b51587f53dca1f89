/**
 * Research exports (the onderzoeker role, and the CLI): one row per family per meting,
 * pseudonymised with a key made for this export only. The plan is made first (which families,
 * how many rows, every pseudonym worked out and checked for collisions), so a bad request or a
 * collision fails before a byte is written; then the CSV is produced in batches of families, so
 * memory grows with the number of families, never with the number of rows.
 */
import { createHmac, randomBytes } from "node:crypto";
import {
  createPseudonymiser,
  EXPORT_KEY_BYTES,
  invalid,
  ratio,
  researchCodebook,
  researchHeader,
  researchLayout,
  researchLine,
  scoresByKey,
  todayInNetherlands,
  type HmacSha256,
  type InstrumentDefinition,
  type Pseudonymiser,
  type ResearchCodebook,
  type ResearchExportFilter,
  type ResearchLayout,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { instrumentVersions, listLatestInstruments, versionOf } from "../instruments/instruments.queries.ts";
import { familiesInPeriod, metingenOf, type PeriodFilter, type ResearchRow } from "./research.queries.ts";

/** Families per database round trip while writing. */
const BATCH_FAMILIES = 500;

export const hmacSha256: HmacSha256 = (key, message) => createHmac("sha256", key).update(message, "utf8").digest();

/** A fresh export key: 32 random bytes, held in memory for one export and never stored. */
export function newExportKey(): Uint8Array {
  return randomBytes(EXPORT_KEY_BYTES);
}

export interface ResearchPlan {
  filter: ResearchExportFilter;
  layout: ResearchLayout;
  versions: ReadonlyMap<number, InstrumentDefinition>;
  period: PeriodFilter;
  /** Family ids in the order they are written: by pseudonym, so the order links nothing across exports. */
  familyIds: string[];
  rows: number;
  pseudonyms: Pseudonymiser;
}

async function requireVersions(db: Db, organisationId: string, key: string): Promise<Map<number, InstrumentDefinition>> {
  const versions = await instrumentVersions(db, organisationId, key);
  if (versions.size > 0) return versions;
  const known = (await listLatestInstruments(db, organisationId)).map((d) => d.key);
  throw invalid(
    { nl: `Instrument '${key}' bestaat niet in deze organisatie. Kies een van: ${known.join(", ") || "(geen)"}.`, en: `Instrument '${key}' does not exist in this organisation. Choose one of: ${known.join(", ") || "(none)"}.` },
    [{ name: "instrument", reason: `unknown instrument; known: ${known.join(", ") || "(none)"}` }],
    "unknown_instrument",
  );
}

/** Checks the request and works out which families go in, under a fresh pseudonymiser for this export. */
export async function planResearchExport(db: Db, opts: { actor: Actor; filter: ResearchExportFilter; key: Uint8Array }): Promise<ResearchPlan> {
  const { actor, filter } = opts;
  authorize(actor, "research.export");
  const versions = await requireVersions(db, actor.organisationId, filter.instrument);
  const layout = researchLayout([...versions.values()], filter.dates);
  const period: PeriodFilter = { organisationId: actor.organisationId, instrumentKey: filter.instrument, from: filter.from, to: filter.to };
  const families = await familiesInPeriod(db, period);
  const pseudonyms = createPseudonymiser(opts.key, hmacSha256);
  // Every pseudonym now: a collision stops the export before anything is written.
  const ordered = families.map((f) => ({ id: f.familyId, p: pseudonyms.pseudonym(f.familyId) })).sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  return { filter, layout, versions, period, familyIds: ordered.map((f) => f.id), rows: families.reduce((n, f) => n + f.rows, 0), pseudonyms };
}

function sourceOf(plan: ResearchPlan, r: ResearchRow) {
  const def = versionOf(plan.versions, Number(r.instrument_version));
  return {
    familyId: r.family_id,
    round: Number(r.round),
    measuredOn: r.measured_on,
    nulmetingOn: r.nulmeting_on,
    instrumentVersion: Number(r.instrument_version),
    scores: scoresByKey(def, r.scores),
    problemCount: Number(r.problem_count),
    selfReliance: r.sr_num !== null && r.sr_den !== null && Number(r.sr_den) > 0 ? ratio(Number(r.sr_num), Number(r.sr_den)) : null,
    selfRelianceLevel: r.sr_level === null ? null : Number(r.sr_level),
    memberCount: Number(r.member_count),
    childCount: Number(r.child_count),
  };
}

/** The CSV in chunks: the header, then one chunk per batch of families (LF line ends). */
export async function* researchCsvChunks(db: Db, plan: ResearchPlan, batchFamilies = BATCH_FAMILIES): AsyncGenerator<string> {
  yield `${researchHeader(plan.layout)}\n`;
  for (let i = 0; i < plan.familyIds.length; i += batchFamilies) {
    const batch = plan.familyIds.slice(i, i + batchFamilies);
    const byFamily = new Map<string, ResearchRow[]>();
    for (const r of await metingenOf(db, plan.period, batch)) {
      const list = byFamily.get(r.family_id);
      if (list) list.push(r);
      else byFamily.set(r.family_id, [r]);
    }
    const lines: string[] = [];
    for (const id of batch) for (const r of byFamily.get(id) ?? []) lines.push(researchLine(plan.layout, plan.pseudonyms, sourceOf(plan, r)));
    if (lines.length > 0) yield `${lines.join("\n")}\n`;
  }
}

export function planCodebook(plan: ResearchPlan, createdOn: string = todayInNetherlands()): ResearchCodebook {
  return researchCodebook(plan.layout, { createdOn, filter: plan.filter, rows: plan.rows, families: plan.familyIds.length });
}

/**
 * One audit row per export, with the purpose and counts only: the file names no family, so the
 * log does not either (a row per family would list exactly who is in a pseudonymised data set).
 */
export async function auditResearchExport(db: Db, actor: Actor, plan: ResearchPlan, opts: { purpose: string | null; channel: "http" | "cli" }): Promise<void> {
  const f = plan.filter;
  await audit(db, actor, {
    kind: "read",
    action: "research.exported",
    entityType: "instrument",
    entityId: f.instrument,
    purpose: opts.purpose,
    details: { from: f.from, to: f.to, dates: f.dates, rows: plan.rows, families: plan.familyIds.length, channel: opts.channel },
  });
}
