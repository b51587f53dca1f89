/**
 * The catalogue's SQL. Search is Dutch full text on the generated `search` column (GIN index):
 * the query is parsed once with websearch_to_tsquery('dutch', q) — stemming "schulden" to "schuld",
 * with "woorden", OR and -niet — and every lexeme is then also taken as a prefix, because Dutch
 * glues words together: "schuld:*" finds "schuldhulpverlening" as well. Results are ranked with
 * ts_rank (the name weighs most, see db/schema/learning.ts), ties by name.
 */
import type { CostUnit, Intervention, InterventionSearch, InterventionSummary, Recognition, TargetGroup } from "@ploegwerk/domain";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/database.ts";
import { interventions, partnerOrganisations } from "../../db/schema.ts";

export type InterventionRow = typeof interventions.$inferSelect;
export type InterventionValues = Omit<typeof interventions.$inferInsert, "organisationId" | "id" | "key" | "search" | "version" | "createdAt" | "updatedAt">;

const Source = (s: unknown): Intervention["sources"][number] => {
  const o = (s ?? {}) as { title?: unknown; url?: unknown; year?: unknown };
  return { title: String(o.title ?? ""), url: typeof o.url === "string" ? o.url : null, year: typeof o.year === "number" ? o.year : null };
};

export function toIntervention(r: InterventionRow, providerPartnerName: string | null): Intervention {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    summary: r.summary,
    targetGroup: r.targetGroup,
    targetGroups: r.targetGroups as TargetGroup[],
    goal: r.goal,
    theory: r.theory,
    method: r.method,
    provider: r.provider,
    providerPartnerId: r.providerPartnerId,
    providerPartnerName,
    geographicReach: r.geographicReach,
    regions: r.regions,
    domains: r.domains,
    evidenceLevel: r.evidenceLevel,
    recognition: r.recognition as Recognition | null,
    costCents: r.costCents,
    costUnit: r.costUnit as CostUnit | null,
    costIncludes: r.costIncludes,
    contact: r.contact,
    sources: r.sources.map(Source),
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const withPartner = (db: Db) =>
  db
    .select({ row: interventions, partnerName: partnerOrganisations.name })
    .from(interventions)
    .leftJoin(partnerOrganisations, and(eq(partnerOrganisations.organisationId, interventions.organisationId), eq(partnerOrganisations.id, interventions.providerPartnerId)));

export async function findInterventionRow(db: Db, organisationId: string, id: string): Promise<Intervention | null> {
  const [r] = await withPartner(db).where(and(eq(interventions.organisationId, organisationId), eq(interventions.id, id))).limit(1);
  return r ? toIntervention(r.row, r.partnerName) : null;
}

/** Every entry of the organisation, by name (export). */
export async function allInterventions(db: Db, organisationId: string): Promise<Intervention[]> {
  const rows = await withPartner(db).where(eq(interventions.organisationId, organisationId)).orderBy(asc(interventions.key));
  return rows.map((r) => toIntervention(r.row, r.partnerName));
}

export async function interventionKeys(db: Db, organisationId: string): Promise<Map<string, Intervention>> {
  return new Map((await allInterventions(db, organisationId)).map((e) => [e.key, e]));
}

/**
 * The websearch query's text and its prefix form; null when the words are all stop words. For
 * ranking, the negated words are left out (querytree): ts_rank gives a query with "-woord" next to
 * no weight at all.
 */
export async function textQueries(db: Db, q: string): Promise<{ exact: string; prefix: string; rank: { exact: string; prefix: string } | null } | null> {
  const [row] = await queryRows<{ exact: string }>(db, sql`select websearch_to_tsquery('dutch', ${q})::text as exact`);
  const exact = row?.exact ?? "";
  if (exact.trim() === "") return null;
  // Every quoted lexeme ('schuld') becomes a prefix ('schuld':*); operators stay as they are.
  const prefix = exact.replace(/'((?:[^']|'')+)'/g, "'$1':*");
  const [tree] = await queryRows<{ exact: string; prefix: string }>(db, sql`select querytree(${exact}::tsquery) as exact, querytree(${prefix}::tsquery) as prefix`);
  const rank = tree && tree.exact !== "T" && tree.prefix !== "T" ? { exact: tree.exact, prefix: tree.prefix } : null;
  return { exact, prefix, rank };
}

function filters(organisationId: string, s: InterventionSearch, text: { prefix: string } | null): SQL {
  const where: SQL[] = [sql`i.organisation_id = ${organisationId}::uuid`];
  if (s.active !== "all") where.push(sql`i.active = ${s.active === "true"}`);
  if (text) where.push(sql`i.search @@ ${text.prefix}::tsquery`);
  if (s.domain) where.push(sql`${s.domain} = any(i.domains)`);
  if (s.targetGroup) where.push(sql`${s.targetGroup} = any(i.target_groups)`);
  if (s.region) where.push(sql`exists (select 1 from unnest(i.regions) r where lower(r) = lower(${s.region}))`);
  if (s.minEvidence !== undefined) where.push(sql`i.evidence_level >= ${s.minEvidence}`);
  if (s.recognition) where.push(sql`i.recognition = ${s.recognition}`);
  if (s.costUnit) where.push(sql`i.cost_unit = ${s.costUnit}`);
  if (s.maxCostCents !== undefined) where.push(sql`(i.cost_unit = 'free' or (i.cost_cents is not null and i.cost_cents <= ${s.maxCostCents}))`);
  return sql.join(where, sql` and `);
}

interface SearchRow {
  id: string;
  key: string;
  name: string;
  summary: string | null;
  target_groups: string[];
  provider: string | null;
  provider_partner_id: string | null;
  regions: string[];
  domains: string[];
  evidence_level: number | null;
  recognition: string | null;
  cost_cents: number | string | null;
  cost_unit: string | null;
  active: boolean;
}

export async function searchInterventions(db: Db, organisationId: string, s: InterventionSearch): Promise<{ items: InterventionSummary[]; total: number }> {
  const text = s.q ? await textQueries(db, s.q) : null;
  const where = filters(organisationId, s, text);
  const [count] = await queryRows<{ n: number | string }>(db, sql`select count(*) as n from interventions i where ${where}`);
  // Exact (stemmed) matches count twice: "schulden" ranks "schuld" above "schuldsanering".
  const rank = text?.rank ? sql`ts_rank(i.search, ${text.rank.prefix}::tsquery) + ts_rank(i.search, ${text.rank.exact}::tsquery) desc, ` : sql``;
  const rows = await queryRows<SearchRow>(
    db,
    sql`select i.id, i.key, i.name, i.summary, i.target_groups, i.provider, i.provider_partner_id, i.regions, i.domains,
               i.evidence_level, i.recognition, i.cost_cents, i.cost_unit, i.active
          from interventions i
         where ${where}
         order by ${rank}lower(i.name), i.name, i.id
         limit ${s.pageSize} offset ${(s.page - 1) * s.pageSize}`,
  );
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      key: r.key,
      name: r.name,
      summary: r.summary,
      targetGroups: r.target_groups as TargetGroup[],
      provider: r.provider,
      providerPartnerId: r.provider_partner_id,
      regions: r.regions,
      domains: r.domains,
      evidenceLevel: r.evidence_level === null ? null : Number(r.evidence_level),
      recognition: r.recognition as Recognition | null,
      costCents: r.cost_cents === null ? null : Number(r.cost_cents),
      costUnit: r.cost_unit as CostUnit | null,
      active: r.active,
    })),
  };
}

export async function insertIntervention(db: Db, organisationId: string, key: string, values: InterventionValues): Promise<InterventionRow> {
  const [row] = await db.insert(interventions).values({ ...values, organisationId, key }).returning();
  if (!row) throw new Error("intervention insert returned nothing");
  return row;
}

/** Writes the new values at the version that was read; null when someone else saved in between. */
export async function updateInterventionRow(db: Db, organisationId: string, id: string, version: number, values: Partial<InterventionValues>): Promise<InterventionRow | null> {
  const [row] = await db
    .update(interventions)
    .set({ ...values, version: sql`${interventions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(interventions.organisationId, organisationId), eq(interventions.id, id), eq(interventions.version, version)))
    .returning();
  return row ?? null;
}

/** The ids among `ids` that are active entries of the organisation (for plan actions). */
export async function activeInterventionIds(db: Db, organisationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(eq(interventions.organisationId, organisationId), inArray(interventions.id, [...ids]), eq(interventions.active, true)));
  return new Set(rows.map((r) => r.id));
}
