import type { RoundTotals, Transition } from "@ploegwerk/domain";
import { sql, type SQL } from "drizzle-orm";
import type { FamilyScope } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";

export interface OutcomeFilter {
  organisationId: string;
  instrumentKey: string;
  scope: FamilyScope;
  teamId?: string | undefined;
}

/** Family-level metingen on one instrument inside the actor's scope (alias m). */
function measurementWhere(f: OutcomeFilter): SQL {
  const teams: SQL[] = [];
  if (!f.scope.all) {
    if (f.scope.teamIds.length === 0) return sql`false`;
    teams.push(sql`fs.team_id in (${sql.join(f.scope.teamIds.map((t) => sql`${t}::uuid`), sql`, `)})`);
  }
  if (f.teamId) teams.push(sql`fs.team_id = ${f.teamId}::uuid`);
  const inTeams =
    teams.length === 0
      ? sql``
      : sql` and m.family_id in (select fs.id from families fs where fs.organisation_id = ${f.organisationId}::uuid and ${sql.join(teams, sql` and `)})`;
  return sql`m.organisation_id = ${f.organisationId}::uuid and m.instrument_key = ${f.instrumentKey} and m.member_id is null${inTeams}`;
}

/** Round totals per instrument version: score positions still need that version's domain keys. */
export interface VersionRoundTotals {
  version: number;
  totals: Omit<RoundTotals, "domains">;
  /** Σ score and count per position in the version's domain order. */
  positions: { sum: number; count: number }[];
}

type Num = number | string | null;
interface TotalsRow {
  round: number;
  version: Num;
  problem_count: Num;
  sr_den: Num;
  n: Num;
  sr_num: Num;
  sums: Num[] | null;
  counts: Num[] | null;
}

const num = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * Every sum the per-meting figures need, in ONE pass: grouped by round, instrument version,
 * problem-domain count and SR denominator (a few hundred groups at most), with the per-position
 * score sums. All sums are additive, so the distribution, the SR fractions per denominator and
 * the per-version totals are folded together here from those groups.
 */
export async function selectRoundTotals(db: Db, f: OutcomeFilter, positions: number): Promise<VersionRoundTotals[]> {
  const idx = Array.from({ length: positions }, (_, i) => i + 1);
  const sums = idx.length === 0 ? sql`null::bigint[]` : sql.raw(`array[${idx.map((i) => `sum(m.scores[${i}])`).join(", ")}]`);
  const counts = idx.length === 0 ? sql`null::bigint[]` : sql.raw(`array[${idx.map((i) => `count(m.scores[${i}])`).join(", ")}]`);
  const rows = await queryRows<TotalsRow>(db, sql`
    select m.round::int as round, m.instrument_version as version, m.problem_count, m.sr_den,
           count(*) as n, sum(m.sr_num) as sr_num, ${sums} as sums, ${counts} as counts
      from measurements m
     where ${measurementWhere(f)}
     group by m.round, m.instrument_version, m.problem_count, m.sr_den`);

  const byKey = new Map<string, VersionRoundTotals>();
  for (const r of rows) {
    const version = num(r.version);
    const round = Number(r.round);
    const key = `${version}|${round}`;
    let e = byKey.get(key);
    if (!e) {
      e = { version, totals: { round, families: 0, problemSum: 0, distribution: {}, selfReliance: [] }, positions: idx.map(() => ({ sum: 0, count: 0 })) };
      byKey.set(key, e);
    }
    const n = num(r.n);
    const problems = num(r.problem_count);
    e.totals.families += n;
    e.totals.problemSum += n * problems;
    e.totals.distribution[String(problems)] = (e.totals.distribution[String(problems)] ?? 0) + n;
    if (r.sr_den !== null) e.totals.selfReliance.push({ den: num(r.sr_den), num: num(r.sr_num), count: n });
    e.positions.forEach((p, i) => {
      p.sum += num(r.sums?.[i]);
      p.count += num(r.counts?.[i]);
    });
  }
  return [...byKey.values()];
}

/**
 * How many families were measured, and the SR-level transitions between every pair of the given
 * metingen over the families with a level at both: one GROUP BY family with a level per meting
 * (FILTER), then counts per pair. No self-join and no set-returning functions, so the plan is the
 * same cheap hash aggregate whatever the statistics say.
 */
export async function selectFamilyLevels(db: Db, f: OutcomeFilter, rounds: readonly number[], withLevels: boolean): Promise<{ familyCount: number; transitions: Transition[] }> {
  const sorted = [...new Set(rounds)].sort((a, b) => a - b);
  const pairs: [number, number][] = [];
  if (withLevels) for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.push([i, j]);
  const levels = withLevels ? sorted.map((r, i) => sql`, max(m.sr_level) filter (where m.round = ${r}) as ${sql.raw(`l${i}`)}`) : [];
  const counts = pairs.flatMap(([a, b]) => {
    const [la, lb] = [sql.raw(`l${a}`), sql.raw(`l${b}`)];
    return [
      sql`count(*) filter (where ${la} is not null and ${lb} is not null)`,
      sql`count(*) filter (where ${lb} > ${la})`,
      sql`count(*) filter (where ${lb} = ${la})`,
      sql`count(*) filter (where ${lb} < ${la})`,
    ];
  });
  const pairSql = counts.length === 0 ? sql`null::bigint[]` : sql`array[${sql.join(counts, sql`, `)}]`;
  const rows = await queryRows<{ families: Num; pairs: Num[] | null }>(db, sql`
    select count(*) as families, ${pairSql} as pairs
      from (select m.family_id${sql.join(levels, sql``)}
              from measurements m
             where ${measurementWhere(f)}
             group by m.family_id) as per_family`);
  const row = rows[0];
  const values = row?.pairs ?? [];
  const transitions = pairs.map(([a, b], k): Transition => ({
    from: sorted[a] as number,
    to: sorted[b] as number,
    families: num(values[4 * k]),
    improved: num(values[4 * k + 1]),
    same: num(values[4 * k + 2]),
    declined: num(values[4 * k + 3]),
  }));
  return { familyCount: num(row?.families), transitions };
}

export interface FamilyMeasurementRow {
  family: string;
  round: number;
  version: number;
  scores: (number | null)[];
  problemCount: number;
  srNum: number | null;
  srDen: number | null;
  srLevel: number | null;
}

/** One row per family-level meting with its stored figures, for the per-family part of the report. */
export async function selectFamilyMeasurements(db: Db, f: OutcomeFilter): Promise<FamilyMeasurementRow[]> {
  const rows = await queryRows<{ family: string; round: number; version: number; scores: (number | null)[]; problem_count: number; sr_num: Num; sr_den: Num; sr_level: Num }>(db, sql`
    select fa.case_number as family, m.round::int as round, m.instrument_version as version, m.scores,
           m.problem_count::int as problem_count, m.sr_num, m.sr_den, m.sr_level::int as sr_level
      from measurements m
      join families fa on fa.organisation_id = m.organisation_id and fa.id = m.family_id
     where ${measurementWhere(f)}`);
  const orNull = (v: Num) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    family: r.family,
    round: Number(r.round),
    version: Number(r.version),
    scores: r.scores,
    problemCount: Number(r.problem_count),
    srNum: orNull(r.sr_num),
    srDen: orNull(r.sr_den),
    srLevel: orNull(r.sr_level),
  }));
}
