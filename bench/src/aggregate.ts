/**
 * The reference for the outcome report: the same aggregate as ONE hand-written SQL statement, so
 * the database does all the work and only ~21 small rows travel back. Its figures are compared
 * with the report's (rounded the same way) before any timing counts, so the comparison is honest.
 */
import type { InstrumentDefinition, OutcomeReport } from "@ploegwerk/domain";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../packages/server/src/db/database.ts";

/** The figures both sides must agree on. */
export interface AggregateFigures {
  metingen: {
    meting: number;
    families: number;
    /** Half-up to one decimal, null when no family scored the domain. */
    domainMeans: Record<string, number | null>;
    /** Half-up to two decimals. */
    problemDomainsMean: number | null;
  }[];
  transitions: { from: number; to: number; families: number; improved: number; same: number; declined: number }[];
}

export function figuresFromReport(report: OutcomeReport): AggregateFigures {
  return {
    metingen: report.metingen.map((m) => ({ meting: m.meting, families: m.families, domainMeans: { ...m.domainMeans }, problemDomainsMean: m.problemDomainsMean })),
    transitions: report.transitions.map((t) => ({ from: t.from, to: t.to, families: t.families, improved: t.improved, same: t.same, declined: t.declined })),
  };
}

/**
 * One statement, three parts glued with UNION ALL:
 *  - per meting and domain: count and mean score, half-up to 1 decimal as an integer ×10;
 *  - per meting: families (one family-level meting each) and the mean number of problem domains
 *    (score ≤ threshold), half-up to 2 decimals as an integer ×100;
 *  - the 0→1 transition of the SR level per family: level = round-half-up(Σ s(6−s) / Σ (6−s)),
 *    computed as floor((2·num + den) / (2·den)) in integers, like the report.
 * Integer arithmetic throughout (bigint division truncates, which is floor for these non-negative
 * values), so rounding is exact and equal to the report's roundHalfUp. Mind the casts: sum() of a
 * bigint is numeric, and numeric division followed by ::int would round a second time.
 * Only the instrument's own domains count (the report ignores other keys the same way).
 * No self-join for the transition (one GROUP BY family with FILTERs instead): a join of two CTE
 * scans gets a nested loop without table statistics, which PGlite never collects.
 */
export function aggregateQuery(def: InstrumentDefinition, organisationId: string): SQL {
  const domainKeys = def.domains.map((d) => d.key);
  const known = sql`s.domain_key in (${sql.join(domainKeys.map((k) => sql`${k}`), sql`, `)})`;
  const problem = def.problemThreshold === null ? sql`false` : sql`score <= ${def.problemThreshold}`;
  const level = def.weightedSelfReliance
    ? sql`(2 * sum(score * (6 - score)) filter (where known) + sum(6 - score) filter (where known)) / nullif(2 * sum(6 - score) filter (where known), 0)`
    : sql`null::bigint`;
  const transitions = def.weightedSelfReliance
    ? sql`
      union all
      select 'transition', 0, 1, null, count(*)::int,
             (count(*) filter (where l1 > l0))::int, (count(*) filter (where l1 = l0))::int, (count(*) filter (where l1 < l0))::int
        from per_family
       where l0 is not null and l1 is not null`
    : sql``;
  return sql`
    with scores as materialized (
      select m.id, m.family_id, m.round::int as round, s.domain_key, s.score::int as score, ${known} as known
        from measurements m
        join measurement_scores s on s.organisation_id = m.organisation_id and s.measurement_id = m.id
       where m.organisation_id = ${organisationId}::uuid
         and m.instrument_key = ${def.key}
         and m.member_id is null
    ),
    per_measurement as materialized (
      select family_id, round,
             (count(*) filter (where known and ${problem}))::int as problems,
             ${level} as level
        from scores
       group by id, family_id, round
    ),
    per_family as (
      select max(level) filter (where round = 0) as l0, max(level) filter (where round = 1) as l1
        from per_measurement
       group by family_id
    )
    select 'domain' as kind, round as a, null::int as b, domain_key as key,
           ((2 * sum(score) * 10 + count(*)) / (2 * count(*)))::int as v1, count(*)::int as v2, null::int as v3, null::int as v4
      from scores
     where known
     group by round, domain_key
    union all
    select 'meting', round, null, null, count(*)::int, ((2 * sum(problems)::bigint * 100 + count(*)) / (2 * count(*)))::int, null, null
      from per_measurement
     group by round${transitions}`;
}

interface AggregateRow {
  kind: "domain" | "meting" | "transition";
  a: number;
  b: number | null;
  key: string | null;
  v1: number;
  v2: number;
  v3: number | null;
  v4: number | null;
}

export async function sqlAggregate(db: Db, def: InstrumentDefinition, organisationId: string): Promise<AggregateFigures> {
  const rows = await queryRows<AggregateRow>(db, aggregateQuery(def, organisationId));
  const metingen = new Map<number, AggregateFigures["metingen"][number]>();
  const meting = (round: number) => {
    let m = metingen.get(round);
    if (!m) metingen.set(round, (m = { meting: round, families: 0, domainMeans: Object.fromEntries(def.domains.map((d) => [d.key, null])), problemDomainsMean: null }));
    return m;
  };
  const transitions: AggregateFigures["transitions"] = [];
  for (const r of rows) {
    const a = Number(r.a);
    if (r.kind === "domain") meting(a).domainMeans[r.key ?? ""] = Number(r.v1) / 10;
    else if (r.kind === "meting") {
      const m = meting(a);
      m.families = Number(r.v1);
      m.problemDomainsMean = Number(r.v2) / 100;
    } else {
      transitions.push({ from: a, to: Number(r.b), families: Number(r.v1), improved: Number(r.v2), same: Number(r.v3), declined: Number(r.v4) });
    }
  }
  // The report lists a transition for a pair of metingen that both occur, even with no family in
  // common; the statement always answers one 0→1 row, so keep it on the same condition.
  const kept = transitions.filter((t) => metingen.has(t.from) && metingen.has(t.to));
  return { metingen: [...metingen.values()].sort((x, y) => x.meting - y.meting), transitions: kept };
}

/** Every difference between two sets of figures, as readable lines; empty when they agree. */
export function compareFigures(expected: AggregateFigures, actual: AggregateFigures, labels: [string, string] = ["report", "sql"]): string[] {
  const diffs: string[] = [];
  const [e, a] = labels;
  const rounds = new Set([...expected.metingen.map((m) => m.meting), ...actual.metingen.map((m) => m.meting)]);
  for (const round of [...rounds].sort((x, y) => x - y)) {
    const x = expected.metingen.find((m) => m.meting === round);
    const y = actual.metingen.find((m) => m.meting === round);
    if (!x || !y) {
      diffs.push(`meting ${round}: only in ${x ? e : a}`);
      continue;
    }
    if (x.families !== y.families) diffs.push(`meting ${round} families: ${e} ${x.families}, ${a} ${y.families}`);
    if (x.problemDomainsMean !== y.problemDomainsMean) diffs.push(`meting ${round} problem domains mean: ${e} ${x.problemDomainsMean}, ${a} ${y.problemDomainsMean}`);
    for (const key of new Set([...Object.keys(x.domainMeans), ...Object.keys(y.domainMeans)])) {
      if ((x.domainMeans[key] ?? null) !== (y.domainMeans[key] ?? null)) diffs.push(`meting ${round} mean ${key}: ${e} ${x.domainMeans[key]}, ${a} ${y.domainMeans[key]}`);
    }
  }
  const tkey = (t: AggregateFigures["transitions"][number]) => `${t.from}→${t.to}: families ${t.families}, improved ${t.improved}, same ${t.same}, declined ${t.declined}`;
  const te = expected.transitions.map(tkey).sort();
  const ta = actual.transitions.map(tkey).sort();
  if (te.join("\n") !== ta.join("\n")) diffs.push(`transitions: ${e} [${te.join("; ")}], ${a} [${ta.join("; ")}]`);
  return diffs;
}
