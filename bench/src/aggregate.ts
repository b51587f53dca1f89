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
 * One statement, two parts glued with UNION ALL, over the stored per-measurement columns
 * (packages/server/src/db/schema.ts: scores in the instrument version's domain order, problem_count,
 * sr_level):
 *  - per meting: families, the mean number of problem domains half-up to 2 decimals (as an
 *    integer ×100) and per domain position the mean score half-up to 1 decimal (integers ×10);
 *  - the 0→1 transition of the SR level over families with a level at both, by one GROUP BY
 *    family with FILTERs (no self-join, so the plan does not hinge on statistics).
 * Integer arithmetic throughout (bigint division truncates, which is floor for these non-negative
 * values), so rounding is exact and equal to the report's roundHalfUp. The bench data has one
 * instrument version, so positions map to the definition's domains directly.
 */
export function aggregateQuery(def: InstrumentDefinition, organisationId: string): SQL {
  const means = sql.raw(
    `array[${def.domains.map((_, i) => `((2 * sum(m.scores[${i + 1}]) * 10 + count(m.scores[${i + 1}])) / nullif(2 * count(m.scores[${i + 1}]), 0))::int`).join(", ")}]`,
  );
  const where = sql`m.organisation_id = ${organisationId}::uuid and m.instrument_key = ${def.key} and m.member_id is null`;
  const transitions = def.weightedSelfReliance
    ? sql`
      union all
      select 'transition', 0, 1, count(*)::int,
             (count(*) filter (where l1 > l0))::int, (count(*) filter (where l1 = l0))::int, (count(*) filter (where l1 < l0))::int, null
        from (select max(m.sr_level) filter (where m.round = 0) as l0, max(m.sr_level) filter (where m.round = 1) as l1
                from measurements m where ${where} group by m.family_id) f
       where l0 is not null and l1 is not null`
    : sql``;
  return sql`
    select 'meting' as kind, m.round::int as a, null::int as b, count(*)::int as v1,
           ((2 * sum(m.problem_count) * 100 + count(*)) / (2 * count(*)))::int as v2, null::int as v3, null::int as v4,
           ${means} as means
      from measurements m
     where ${where}
     group by m.round${transitions}`;
}

interface AggregateRow {
  kind: "meting" | "transition";
  a: number;
  b: number | null;
  v1: number;
  v2: number;
  v3: number | null;
  v4: number | null;
  means: (number | null)[] | null;
}

export async function sqlAggregate(db: Db, def: InstrumentDefinition, organisationId: string): Promise<AggregateFigures> {
  const rows = await queryRows<AggregateRow>(db, aggregateQuery(def, organisationId));
  const metingen: AggregateFigures["metingen"] = [];
  const transitions: AggregateFigures["transitions"] = [];
  for (const r of rows) {
    if (r.kind === "meting") {
      metingen.push({
        meting: Number(r.a),
        families: Number(r.v1),
        domainMeans: Object.fromEntries(def.domains.map((d, i) => {
          const v = r.means?.[i];
          return [d.key, v === null || v === undefined ? null : Number(v) / 10];
        })),
        problemDomainsMean: Number(r.v2) / 100,
      });
    } else {
      transitions.push({ from: Number(r.a), to: Number(r.b), families: Number(r.v1), improved: Number(r.v2), same: Number(r.v3), declined: Number(r.v4) });
    }
  }
  metingen.sort((x, y) => x.meting - y.meting);
  // The report lists a transition for a pair of metingen that both occur, even with no family in
  // common; the statement always answers one 0→1 row, so keep it on the same condition.
  const rounds = new Set(metingen.map((m) => m.meting));
  return { metingen, transitions: transitions.filter((t) => rounds.has(t.from) && rounds.has(t.to)) };
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
