/**
 * "Kosten en resultaten" over the actor's scope: per wijk or team the cost per family and per
 * trajectory, per funding source, and the change in self-reliance and problem domains of the same
 * families. The database sums the bookings per family, cost line and trajectory (each booking of
 * hours valued and rounded on its own, as in the domain); the domain package builds the table and,
 * for whoever may not open the families behind it, hides small numbers.
 */
import {
  baselineAndLatest,
  costOutcomeCsv,
  costOutcomeTable,
  invalid,
  MIN_CELL_FAMILIES,
  ratio,
  type CostLine,
  type CostOutcomeQuery,
  type CostOutcomeReport,
  type FamilyCostFacts,
  type Language,
} from "@ploegwerk/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import { authorize, can, outcomeScope, type FamilyScope } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";
import { instrumentVersions } from "../instruments/instruments.queries.ts";
import { costSettings } from "./costs.queries.ts";

type Num = number | string | null;
const num = (v: Num): number => (v === null ? 0 : Number(v));

/** The families the table is over (alias f): the actor's scope and the filters. */
function familyWhere(organisationId: string, scope: FamilyScope, q: CostOutcomeQuery): SQL {
  const parts: SQL[] = [sql`f.organisation_id = ${organisationId}::uuid`];
  if (!scope.all) {
    if (scope.teamIds.length === 0) return sql`false`;
    parts.push(sql`f.team_id in (${sql.join(scope.teamIds.map((t) => sql`${t}::uuid`), sql`, `)})`);
  }
  if (q.teamId) parts.push(sql`f.team_id = ${q.teamId}::uuid`);
  if (q.district) parts.push(sql`(lower(f.district) = lower(${q.district}) or upper(f.district_code) = upper(${q.district}))`);
  return sql.join(parts, sql` and `);
}

function periodWhere(alias: string, q: CostOutcomeQuery): SQL {
  const col = sql.raw(`${alias}."on"`);
  return sql.join([q.from ? sql` and ${col} >= ${q.from}::date` : sql``, q.to ? sql` and ${col} <= ${q.to}::date` : sql``], sql``);
}

interface LineRow {
  family_id: string;
  line: string;
  counts_for: string | null;
  cents: Num;
}

/**
 * Per family, cost line and trajectory counted for: the sums of the bookings in the period. A
 * booking without a trajectory counts for the one running on its day (the latest started), as
 * domain countsFor decides for one family.
 */
async function selectLineSums(db: Db, organisationId: string, where: SQL, q: CostOutcomeQuery, rates: { coach: number; teamleider: number; ondersteuning: number }): Promise<LineRow[]> {
  return queryRows<LineRow>(db, sql`
    with fam as (select f.id from families f where ${where}),
    periods as (
      select t.id, t.family_id, t.received_on as starts_on, case when t.phase = 'closed' then t.phase_since end as ends_on
        from trajectories t
       where t.organisation_id = ${organisationId}::uuid and t.family_id in (select id from fam)),
    lines as (
      select te.family_id, te.trajectory_id, te."on", 'hours'::text as line,
             round(te.minutes::numeric * (case u.role when 'teamleider' then ${rates.teamleider}::int when 'ondersteuning' then ${rates.ondersteuning}::int else ${rates.coach}::int end) / 60)::bigint as cents
        from time_entries te
        join users u on u.organisation_id = te.organisation_id and u.id = te.user_id
       where te.organisation_id = ${organisationId}::uuid and te.family_id in (select id from fam)${periodWhere("te", q)}
      union all
      select ce.family_id, ce.trajectory_id, ce."on", ce.funding, ce.amount_cents
        from cost_entries ce
       where ce.organisation_id = ${organisationId}::uuid and ce.family_id in (select id from fam)${periodWhere("ce", q)}),
    attributed as (
      select l.family_id, l.line, l.cents,
             coalesce(l.trajectory_id, (select p.id from periods p
                                         where p.family_id = l.family_id and p.starts_on <= l."on" and (p.ends_on is null or l."on" <= p.ends_on)
                                         order by p.starts_on desc, p.id desc limit 1)) as counts_for
        from lines l)
    select family_id, line, counts_for, sum(cents)::bigint as cents
      from attributed
     group by family_id, line, counts_for`);
}

interface FamilyRow {
  id: string;
  team_id: string;
  team_name: string;
  district: string | null;
  district_code: string | null;
}

interface MeasurementRow {
  family_id: string;
  round: Num;
  sr_num: Num;
  sr_den: Num;
  problem_count: Num;
}

const NO_DISTRICT = "Onbekend";
export const TOTAL_LABEL = "Totaal";

export async function costOutcomeReport(db: Db, opts: { actor: Actor; query: CostOutcomeQuery }): Promise<CostOutcomeReport> {
  const { actor, query: q } = opts;
  authorize(actor, "costs.report");
  const organisationId = actor.organisationId;
  if ((await instrumentVersions(db, organisationId, q.instrument)).size === 0) {
    throw invalid({ nl: `Instrument '${q.instrument}' bestaat niet.`, en: `Instrument '${q.instrument}' does not exist.` }, [{ name: "instrument", reason: "unknown instrument" }]);
  }
  const suppress = !can(actor, "costs.reportUnsuppressed");
  const rates = (await costSettings(db, organisationId)).hourlyRateCents;
  const where = familyWhere(organisationId, outcomeScope(actor), q);
  const lineRows = await selectLineSums(db, organisationId, where, q, rates);
  const familyRows = await queryRows<FamilyRow>(db, sql`
    select f.id, f.team_id, t.name as team_name, f.district, f.district_code
      from families f
      join teams t on t.organisation_id = f.organisation_id and t.id = f.team_id
     where ${where}`);
  const measurementRows = await queryRows<MeasurementRow>(db, sql`
    select m.family_id, m.round, m.sr_num, m.sr_den, m.problem_count
      from measurements m
     where m.organisation_id = ${organisationId}::uuid and m.instrument_key = ${q.instrument} and m.member_id is null
       and m.family_id in (select f.id from families f where ${where})`);

  const info = new Map(familyRows.map((f) => [f.id, f]));
  // Those who see aggregates only know a wijk by its CBS code where there is one.
  const groupOf = (f: FamilyRow): { key: string | null; label: string } => {
    if (q.groupBy === "team") return { key: f.team_id, label: f.team_name };
    const key = suppress ? (f.district_code ?? f.district) : (f.district ?? f.district_code);
    return { key, label: key ?? NO_DISTRICT };
  };
  const metingen = new Map<string, { round: number; measuredOn: null; srNum: number | null; srDen: number | null; problemCount: number }[]>();
  for (const m of measurementRows) {
    const list = metingen.get(m.family_id) ?? [];
    list.push({ round: num(m.round), measuredOn: null, srNum: m.sr_num === null ? null : num(m.sr_num), srDen: m.sr_den === null ? null : num(m.sr_den), problemCount: num(m.problem_count) });
    metingen.set(m.family_id, list);
  }

  const facts = new Map<string, FamilyCostFacts & { trajectories: Map<string, number> }>();
  for (const r of lineRows) {
    const f = info.get(r.family_id);
    if (!f) continue;
    let fact = facts.get(r.family_id);
    if (!fact) {
      const pair = baselineAndLatest(metingen.get(r.family_id) ?? []);
      const sr = pair && pair.from.srNum !== null && pair.from.srDen && pair.to.srNum !== null && pair.to.srDen ? { from: ratio(pair.from.srNum, pair.from.srDen), to: ratio(pair.to.srNum, pair.to.srDen) } : null;
      fact = {
        familyId: r.family_id,
        group: groupOf(f).key,
        lines: {},
        trajectoryCents: [],
        outsideCents: 0,
        outcome: pair ? { sr, problemFrom: pair.from.problemCount, problemTo: pair.to.problemCount } : null,
        trajectories: new Map(),
      };
      facts.set(r.family_id, fact);
    }
    const cents = num(r.cents);
    const line = r.line as CostLine;
    fact.lines[line] = (fact.lines[line] ?? 0) + cents;
    if (r.counts_for === null) fact.outsideCents += cents;
    else fact.trajectories.set(r.counts_for, (fact.trajectories.get(r.counts_for) ?? 0) + cents);
  }
  const all = [...facts.values()].map(({ trajectories, ...f }) => ({ ...f, trajectoryCents: [...trajectories.values()] }));
  const groups = new Map<string | null, string>();
  for (const f of familyRows) {
    if (!facts.has(f.id)) continue;
    const g = groupOf(f);
    groups.set(g.key, g.label);
  }
  const ordered = [...groups.entries()]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, "nl")));
  const table = costOutcomeTable(all, { groups: ordered, totalLabel: TOTAL_LABEL, suppress });
  return {
    instrument: q.instrument,
    from: q.from ?? null,
    to: q.to ?? null,
    groupBy: q.groupBy,
    suppression: { applied: suppress, minimumFamilies: MIN_CELL_FAMILIES },
    rates,
    total: table.total,
    groups: table.groups,
  };
}

export async function costOutcomeReportCsv(db: Db, opts: { actor: Actor; query: CostOutcomeQuery; lang: Language }): Promise<string> {
  return costOutcomeCsv(await costOutcomeReport(db, opts), opts.lang);
}
