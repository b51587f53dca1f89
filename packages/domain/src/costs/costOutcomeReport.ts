import type { Ratio } from "../outcomes/ratio.ts";
import { meanCents, medianCents } from "./costArithmetic.ts";
import { COST_LINES, type CostLine } from "./costKinds.ts";
import type { CostOutcomeRow } from "./costOutcomeContract.ts";
import { MIN_CELL_FAMILIES, suppressLinked, suppressOverlapping } from "./disclosure.ts";
import { bigMean, FractionSum } from "./outcomeChange.ts";

/*
 * The "kosten en resultaten" table from per-family facts: one row per wijk or team and a total.
 * Money stays in whole cents, SR changes exact (FractionSum) until rounded for display. With
 * suppression on (an analist), disclosure.ts decides what is hidden, repeated until nothing more
 * changes, since hiding in one direction (rows) can expose another (funding sources).
 */

export interface FamilyCostFacts {
  familyId: string;
  /** The row the family falls in (wijk or team key); null: none known. */
  group: string | null;
  /** Cents per cost line in the period (hours and each funding source). */
  lines: Partial<Record<CostLine, number>>;
  /** Per trajectory the family's costs in the period count for. */
  trajectoryCents: readonly number[];
  /** Costs in the period that count for no trajectory. */
  outsideCents: number;
  /** Nulmeting and latest later meting, when both exist. */
  outcome: { sr: { from: Ratio; to: Ratio } | null; problemFrom: number; problemTo: number } | null;
}

const familyTotal = (f: FamilyCostFacts) => COST_LINES.reduce((sum, l) => sum + (f.lines[l] ?? 0), 0);

interface RawRow {
  key: string | null;
  label: string;
  facts: readonly FamilyCostFacts[];
}

interface Hidden {
  row: boolean;
  trajectories: boolean;
  outcome: boolean;
  lines: Set<CostLine>;
}

const linesUsed = (facts: readonly FamilyCostFacts[]) => COST_LINES.filter((l) => facts.some((f) => (f.lines[l] ?? 0) > 0));
const lineFamilies = (facts: readonly FamilyCostFacts[], l: CostLine) => new Set(facts.filter((f) => (f.lines[l] ?? 0) > 0).map((f) => f.familyId));
const withTrajectory = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.trajectoryCents.length > 0).length;
/** Families some of whose costs count for no trajectory: the difference between the row total and the trajectory sum. */
const outsideFamilies = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.outsideCents > 0).length;
const outcomeFamilies = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.outcome !== null).length;

function present(raw: RawRow, hidden: Hidden | null): CostOutcomeRow {
  const { facts } = raw;
  const totals = facts.map(familyTotal);
  const trajectoryValues = facts.flatMap((f) => f.trajectoryCents);
  const withOutcome = facts.filter((f) => f.outcome !== null);
  const sr = new FractionSum();
  let srCount = 0;
  let problemChange = 0;
  for (const f of withOutcome) {
    const o = f.outcome;
    if (!o) continue;
    problemChange += o.problemTo - o.problemFrom;
    if (o.sr) {
      sr.add(o.sr.to);
      sr.add(o.sr.from, -1);
      srCount += 1;
    }
  }
  const rowHidden = hidden?.row ?? false;
  const show = <T>(value: T, hide = false): T | null => (rowHidden || hide ? null : value);
  const trajectories = trajectoryValues.length === 0 ? null : { count: trajectoryValues.length, meanCents: meanCents(trajectoryValues) ?? 0, medianCents: medianCents(trajectoryValues) ?? 0 };
  const problemMean = bigMean({ num: BigInt(problemChange), den: 1n }, withOutcome.length, 2);
  return {
    key: raw.key,
    label: raw.label,
    hidden: rowHidden,
    families: show(facts.length),
    totalCents: show(totals.reduce((a, b) => a + b, 0)),
    meanCents: show(meanCents(totals)),
    medianCents: show(medianCents(totals)),
    trajectories: show(trajectories, hidden?.trajectories),
    lines: linesUsed(facts).map((line) => {
      const values = facts.map((f) => f.lines[line] ?? 0).filter((v) => v > 0);
      const hide = rowHidden || (hidden?.lines.has(line) ?? false);
      return {
        line,
        families: hide ? null : values.length,
        totalCents: hide ? null : values.reduce((a, b) => a + b, 0),
        meanCents: hide ? null : meanCents(values),
      };
    }),
    outcome:
      withOutcome.length === 0 || problemMean === null
        ? null
        : show(
            {
              families: withOutcome.length,
              selfRelianceChange: srCount === withOutcome.length ? bigMean(sr.total(), srCount, 2) : null,
              problemDomainChange: problemMean,
            },
            hidden?.outcome,
          ),
  };
}

/**
 * Decides what to hide: rows under the minimum, then — per column across the rows (families,
 * trajectories, outcome, each funding line) and per row across its funding lines — whatever a
 * subtraction from a shown total would expose, until a pass changes nothing.
 */
function suppress(groups: readonly RawRow[], all: readonly FamilyCostFacts[], min: number): { total: Hidden; groups: Hidden[] } {
  const fresh = (): Hidden => ({ row: false, trajectories: false, outcome: false, lines: new Set() });
  const total = fresh();
  const rows = groups.map(fresh);
  if (all.length < min) {
    total.row = true;
    for (const r of rows) r.row = true;
    return { total, groups: rows };
  }
  const smallOrRisky = (facts: readonly FamilyCostFacts[]) => {
    const out = outsideFamilies(facts);
    return withTrajectory(facts) < min || (out > 0 && out < min);
  };
  total.trajectories = withTrajectory(all) > 0 && smallOrRisky(all);
  total.outcome = outcomeFamilies(all) > 0 && outcomeFamilies(all) < min;
  const allLines = linesUsed(all);

  for (let changed = true; changed; ) {
    changed = false;
    const mark = (h: Hidden, key: "row" | "trajectories" | "outcome") => {
      if (!h[key]) {
        h[key] = true;
        changed = true;
      }
    };
    const markLine = (h: Hidden, line: CostLine) => {
      if (!h.lines.has(line)) {
        h.lines.add(line);
        changed = true;
      }
    };

    // Rows: the families of each wijk/team against the total.
    const byRow = suppressLinked(
      groups.map((g) => ({ sensitive: [g.facts.length] })),
      groups.map((g, i) => rows[i]?.row === true || g.facts.length < min),
      min,
    );
    byRow.hidden.forEach((h, i) => h && rows[i] && mark(rows[i], "row"));
    if (byRow.marginHidden) mark(total, "row");

    // Trajectories: their sum is part of the row total, so the families outside any trajectory count as well.
    const byTrajectory = suppressLinked(
      groups.map((g) => ({ sensitive: [withTrajectory(g.facts), outsideFamilies(g.facts)] })),
      groups.map((g, i) => rows[i]?.row === true || rows[i]?.trajectories === true || (withTrajectory(g.facts) > 0 && smallOrRisky(g.facts))),
      min,
    );
    byTrajectory.hidden.forEach((h, i) => h && rows[i] && mark(rows[i], "trajectories"));
    if (byTrajectory.marginHidden) mark(total, "trajectories");

    const byOutcome = suppressLinked(
      groups.map((g) => ({ sensitive: [outcomeFamilies(g.facts)] })),
      groups.map((g, i) => rows[i]?.row === true || rows[i]?.outcome === true || (outcomeFamilies(g.facts) > 0 && outcomeFamilies(g.facts) < min)),
      min,
    );
    byOutcome.hidden.forEach((h, i) => h && rows[i] && mark(rows[i], "outcome"));
    if (byOutcome.marginHidden) mark(total, "outcome");

    for (const line of allLines) {
      const counts = groups.map((g) => lineFamilies(g.facts, line).size);
      const byLine = suppressLinked(
        counts.map((n) => ({ sensitive: [n] })),
        counts.map((n, i) => n > 0 && (rows[i]?.row === true || rows[i]?.lines.has(line) === true || n < min)),
        min,
      );
      byLine.hidden.forEach((h, i) => h && (counts[i] ?? 0) > 0 && rows[i] && markLine(rows[i], line));
      if (byLine.marginHidden || lineFamilies(all, line).size < min) markLine(total, line);
      // A total hidden to protect the total row's other lines must not be the sum of shown cells.
      if (total.lines.has(line)) {
        const present = counts.map((n, i) => ({ n, i })).filter(({ n }) => n > 0);
        const open = present.filter(({ i }) => !(rows[i]?.row === true || rows[i]?.lines.has(line) === true));
        const smallest = open.sort((a, b) => a.n - b.n)[0];
        if (present.length > 0 && open.length === present.length && smallest && rows[smallest.i]) markLine(rows[smallest.i] as Hidden, line);
      }
    }

    // Within each row, its funding lines against the row total.
    for (const [h, facts] of [[total, all] as const, ...groups.map((g, i) => [rows[i] as Hidden, g.facts] as const)]) {
      if (h.row) continue;
      const used = linesUsed(facts);
      const next = suppressOverlapping(
        used.map((l) => lineFamilies(facts, l)),
        used.map((l) => h.lines.has(l)),
        min,
      );
      next.forEach((hide, i) => hide && markLine(h, used[i] as CostLine));
    }
  }
  return { total, groups: rows };
}

export interface CostOutcomeTableOptions {
  /** Row labels by group key, in the order to show them; families of a key not listed get a row of their own. */
  groups: readonly { key: string | null; label: string }[];
  totalLabel: string;
  /** Hide small numbers (an analist's view). */
  suppress: boolean;
  min?: number;
}

export function costOutcomeTable(facts: readonly FamilyCostFacts[], opts: CostOutcomeTableOptions): { total: CostOutcomeRow; groups: CostOutcomeRow[] } {
  const min = opts.min ?? MIN_CELL_FAMILIES;
  const byKey = new Map<string | null, FamilyCostFacts[]>();
  for (const f of facts) {
    const list = byKey.get(f.group);
    if (list) list.push(f);
    else byKey.set(f.group, [f]);
  }
  const known = new Set(opts.groups.map((g) => g.key));
  const raw: RawRow[] = [
    ...opts.groups.filter((g) => byKey.has(g.key)).map((g) => ({ key: g.key, label: g.label, facts: byKey.get(g.key) ?? [] })),
    ...[...byKey.keys()].filter((k) => !known.has(k)).map((k) => ({ key: k, label: k ?? "–", facts: byKey.get(k) ?? [] })),
  ];
  const totalRaw: RawRow = { key: null, label: opts.totalLabel, facts };
  if (!opts.suppress) return { total: present(totalRaw, null), groups: raw.map((r) => present(r, null)) };
  const hidden = suppress(raw, facts, min);
  return { total: present(totalRaw, hidden.total), groups: raw.map((r, i) => present(r, hidden.groups[i] ?? null)) };
}
