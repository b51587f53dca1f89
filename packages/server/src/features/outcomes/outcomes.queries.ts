import type { DomainScores } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import type { FamilyScope } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";

export interface OutcomeRow {
  family: string;
  round: number;
  scores: DomainScores;
}

/**
 * Every family-level measurement on one instrument with its scores, one row per measurement.
 * Scores travel as two parallel int/text arrays: far cheaper to produce and to parse than JSON
 * or one row per score (180,000 rows at 10,000 families × 2 metingen).
 */
export async function selectOutcomeRows(
  db: Db,
  opts: { organisationId: string; instrumentKey: string; scope: FamilyScope; teamId?: string | undefined },
): Promise<OutcomeRow[]> {
  const scopeSql = opts.scope.all
    ? sql``
    : opts.scope.teamIds.length === 0
      ? sql` and false`
      : sql` and f.team_id in (${sql.join(opts.scope.teamIds.map((t) => sql`${t}::uuid`), sql`, `)})`;
  const teamSql = opts.teamId ? sql` and f.team_id = ${opts.teamId}::uuid` : sql``;
  const rows = await queryRows<{ family: string; round: number; keys: string[]; scores: number[] }>(db, sql`
    select f.case_number as family, m.round as round,
           array_agg(s.domain_key) as keys, array_agg(s.score::int) as scores
      from measurements m
      join families f on f.organisation_id = m.organisation_id and f.id = m.family_id
      join measurement_scores s on s.organisation_id = m.organisation_id and s.measurement_id = m.id
     where m.organisation_id = ${opts.organisationId}::uuid
       and m.instrument_key = ${opts.instrumentKey}
       and m.member_id is null${scopeSql}${teamSql}
     group by m.id, f.case_number, m.round`);
  return rows.map((r) => {
    const scores: Record<string, number> = {};
    r.keys.forEach((k, i) => {
      scores[k] = r.scores[i] ?? 0;
    });
    return { family: r.family, round: Number(r.round), scores };
  });
}
