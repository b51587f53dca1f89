/**
 * The database side of a research export: which families have family-level metingen of the
 * instrument in the period (one row per family, so memory grows with families, not with rows),
 * and the metingen of one batch of those families with the few facts a row needs.
 */
import { sql } from "drizzle-orm";
import { pgArrayLiteral } from "../../db/arrays.ts";
import { queryRows, type Db } from "../../db/database.ts";

export interface PeriodFilter {
  organisationId: string;
  instrumentKey: string;
  from: string;
  to: string;
}

const inPeriod = (f: PeriodFilter) => sql`m.organisation_id = ${f.organisationId}::uuid
  and m.instrument_key = ${f.instrumentKey}
  and m.member_id is null
  and m.measured_on between ${f.from}::date and ${f.to}::date`;

/** The families with at least one meting in the period, and how many metingen each has there. */
export async function familiesInPeriod(db: Db, f: PeriodFilter): Promise<{ familyId: string; rows: number }[]> {
  const rows = await queryRows<{ family_id: string; rows: number }>(
    db,
    sql`select m.family_id, count(*)::int as rows from measurements m where ${inPeriod(f)} group by m.family_id`,
  );
  return rows.map((r) => ({ familyId: r.family_id, rows: Number(r.rows) }));
}

export interface ResearchRow {
  family_id: string;
  round: number;
  measured_on: string;
  instrument_version: number;
  scores: (number | null)[];
  problem_count: number;
  sr_num: number | null;
  sr_den: number | null;
  sr_level: number | null;
  nulmeting_on: string | null;
  member_count: number;
  child_count: number;
}

/**
 * The metingen in the period of these families, with the date of each family's nulmeting (meting
 * 0 of the same instrument, wherever it lies) and its number of members and children now. Only
 * these columns are read: names, BSN, address, birth dates and free text never leave the database.
 */
export async function metingenOf(db: Db, f: PeriodFilter, familyIds: readonly string[]): Promise<ResearchRow[]> {
  if (familyIds.length === 0) return [];
  return queryRows<ResearchRow>(
    db,
    sql`select m.family_id, m.round, m.measured_on::text as measured_on, m.instrument_version, m.scores,
               m.problem_count, m.sr_num, m.sr_den, m.sr_level,
               (select n.measured_on::text from measurements n
                 where n.organisation_id = m.organisation_id and n.family_id = m.family_id
                   and n.instrument_key = m.instrument_key and n.member_id is null and n.round = 0) as nulmeting_on,
               coalesce(k.members, 0) as member_count, coalesce(k.children, 0) as child_count
          from measurements m
          left join lateral (
            select count(*)::int as members, (count(*) filter (where x.role = 'child'))::int as children
              from members x where x.organisation_id = m.organisation_id and x.family_id = m.family_id
          ) k on true
         where ${inPeriod(f)} and m.family_id = any(${pgArrayLiteral(familyIds)}::uuid[])
         order by m.family_id, m.round`,
  );
}
