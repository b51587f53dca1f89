import { determinedUnknowns } from "../outcomes/disclosure/linearAudit.ts";
import { COST_LINES, type CostLine } from "./costKinds.ts";
import type { FamilyCostFacts } from "./costOutcomeReport.ts";
import { suppressLinked, suppressOverlapping } from "./disclosure.ts";

/*
 * What to hide of the "kosten en resultaten" table for whoever sees aggregates only. The table
 * has rows (wijken or teams, and their total) and per row: its families with their costs, the
 * trajectories, the outcome, and one cell per cost line. Money adds up both ways — a row's total
 * is the sum of its lines and of its trajectories plus the costs outside any trajectory; a
 * total-row figure is the sum of the wijk figures — so a hidden figure could be worked out by
 * subtraction, also through a chain of rows and columns.
 *
 * Two steps, repeated until nothing changes:
 * 1. per relation (disclosure.ts): figures over 1–4 families are hidden, and the hidden figures of
 *    one relation together cover none or at least five families;
 * 2. an exact audit (the stats helper's determinedUnknowns, outcomes/disclosure/linearAudit.ts):
 *    every relation becomes a linear equation in the hidden figures (and in the costs outside any
 *    trajectory, which are never shown); a figure over 1–4 families that the equations pin down
 *    gets another shown figure of one of its relations hidden beside it.
 * Like the stats helper's suppressTable, this protects one table: tables over overlapping
 * populations (another period or filter) can still be subtracted from each other.
 */

export interface Hidden {
  row: boolean;
  trajectories: boolean;
  outcome: boolean;
  lines: Set<CostLine>;
}

export const linesUsed = (facts: readonly FamilyCostFacts[]) => COST_LINES.filter((l) => facts.some((f) => (f.lines[l] ?? 0) > 0));
export const lineFamilies = (facts: readonly FamilyCostFacts[], l: CostLine) => new Set(facts.filter((f) => (f.lines[l] ?? 0) > 0).map((f) => f.familyId));
export const withTrajectory = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.trajectoryCents.length > 0).length;
/** Families some of whose costs count for no trajectory: the difference between a row's total and its trajectories. */
export const outsideFamilies = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.outsideCents > 0).length;
export const outcomeFamilies = (facts: readonly FamilyCostFacts[]) => facts.filter((f) => f.outcome !== null).length;

const risky = (n: number, min: number) => n > 0 && n < min;

/** Step 1: the per-relation rules until they change nothing. Returns whether anything changed. */
function propagate(groups: readonly (readonly FamilyCostFacts[])[], all: readonly FamilyCostFacts[], rows: Hidden[], total: Hidden, min: number): boolean {
  let any = false;
  const allLines = linesUsed(all);
  for (let changed = true; changed; ) {
    changed = false;
    const set = (h: Hidden, key: "row" | "trajectories" | "outcome") => {
      if (!h[key]) {
        h[key] = true;
        changed = true;
      }
    };
    const setLine = (h: Hidden, line: CostLine) => {
      if (!h.lines.has(line)) {
        h.lines.add(line);
        changed = true;
      }
    };
    // A hidden row hides everything in it.
    [total, ...rows].forEach((h, i) => {
      if (!h.row) return;
      set(h, "trajectories");
      set(h, "outcome");
      for (const l of linesUsed(i === 0 ? all : (groups[i - 1] ?? []))) setLine(h, l);
    });

    const byRow = suppressLinked(
      groups.map((g) => ({ sensitive: [g.length] })),
      groups.map((g, i) => rows[i]?.row === true || g.length < min),
      min,
    );
    byRow.hidden.forEach((h, i) => h && rows[i] && set(rows[i], "row"));
    if (byRow.marginHidden) set(total, "row");

    // A row's trajectories and its costs outside them add up to its total: both counts matter.
    const byTrajectory = suppressLinked(
      groups.map((g) => ({ sensitive: [withTrajectory(g), outsideFamilies(g)] })),
      groups.map((g, i) => rows[i]?.trajectories === true || (withTrajectory(g) > 0 && (withTrajectory(g) < min || risky(outsideFamilies(g), min)))),
      min,
    );
    byTrajectory.hidden.forEach((h, i) => h && rows[i] && set(rows[i], "trajectories"));
    if (byTrajectory.marginHidden) set(total, "trajectories");

    const byOutcome = suppressLinked(
      groups.map((g) => ({ sensitive: [outcomeFamilies(g)] })),
      groups.map((g, i) => rows[i]?.outcome === true || risky(outcomeFamilies(g), min)),
      min,
    );
    byOutcome.hidden.forEach((h, i) => h && rows[i] && set(rows[i], "outcome"));
    if (byOutcome.marginHidden) set(total, "outcome");

    for (const line of allLines) {
      const counts = groups.map((g) => lineFamilies(g, line).size);
      const byLine = suppressLinked(
        counts.map((n) => ({ sensitive: [n] })),
        counts.map((n, i) => n > 0 && (rows[i]?.lines.has(line) === true || n < min)),
        min,
      );
      byLine.hidden.forEach((h, i) => h && (counts[i] ?? 0) > 0 && rows[i] && setLine(rows[i], line));
      if (byLine.marginHidden || lineFamilies(all, line).size < min) setLine(total, line);
    }

    // Within each row, its cost lines against the row's total.
    [total, ...rows].forEach((h, i) => {
      if (h.row) return;
      const facts = i === 0 ? all : (groups[i - 1] ?? []);
      const used = linesUsed(facts);
      suppressOverlapping(
        used.map((l) => lineFamilies(facts, l)),
        used.map((l) => h.lines.has(l)),
        min,
      ).forEach((hide, k) => hide && setLine(h, used[k] as CostLine));
    });
    any ||= changed;
  }
  return any;
}

type Kind = "line" | "trajectories" | "outcome" | "row" | "outside";
/** The order complements are taken in: a single cost line before a row's whole figures. */
const KIND_RANK: Readonly<Record<Kind, number>> = { line: 0, trajectories: 1, outcome: 2, row: 3, outside: 4 };

interface Cell {
  /** 0 is the total row, 1… the groups. */
  row: number;
  kind: Kind;
  line: CostLine | null;
  /** Families the figure covers. */
  count: number;
  hidden: boolean;
}

function cellsOf(groups: readonly (readonly FamilyCostFacts[])[], all: readonly FamilyCostFacts[], hidden: readonly Hidden[]): Cell[] {
  const cells: Cell[] = [];
  [all, ...groups].forEach((facts, row) => {
    const h = hidden[row] as Hidden;
    cells.push({ row, kind: "row", line: null, count: facts.length, hidden: h.row });
    if (withTrajectory(facts) > 0) cells.push({ row, kind: "trajectories", line: null, count: withTrajectory(facts), hidden: h.trajectories });
    // Costs outside any trajectory are never shown; where there are none, the attacker may count them as zero.
    if (outsideFamilies(facts) > 0) cells.push({ row, kind: "outside", line: null, count: outsideFamilies(facts), hidden: true });
    if (outcomeFamilies(facts) > 0) cells.push({ row, kind: "outcome", line: null, count: outcomeFamilies(facts), hidden: h.outcome });
    for (const l of linesUsed(facts)) cells.push({ row, kind: "line", line: l, count: lineFamilies(facts, l).size, hidden: h.lines.has(l) });
  });
  return cells;
}

/** Every relation of the table as a list of cells with their sign (figure = Σ parts). */
function relations(cells: readonly Cell[], rowCount: number): { cell: number; sign: 1 | -1 }[][] {
  const find = (row: number, kind: Kind, line: CostLine | null = null) => cells.findIndex((c) => c.row === row && c.kind === kind && c.line === line);
  const out: { cell: number; sign: 1 | -1 }[][] = [];
  const relation = (whole: number, parts: number[]) => {
    const terms = [...(whole >= 0 ? [{ cell: whole, sign: 1 as const }] : []), ...parts.filter((p) => p >= 0).map((p) => ({ cell: p, sign: -1 as const }))];
    if (terms.length > 0) out.push(terms);
  };
  for (let row = 0; row < rowCount; row++) {
    const lines = cells.map((c, i) => (c.row === row && c.kind === "line" ? i : -1)).filter((i) => i >= 0);
    relation(find(row, "row"), lines);
    relation(find(row, "row"), [find(row, "trajectories"), find(row, "outside")]);
  }
  const groupRows = Array.from({ length: rowCount - 1 }, (_, g) => g + 1);
  for (const kind of ["row", "trajectories", "outside", "outcome"] as const) relation(find(0, kind), groupRows.map((g) => find(g, kind)));
  for (const line of COST_LINES) relation(find(0, "line", line), groupRows.map((g) => find(g, "line", line)));
  return out;
}

/** Step 2: a figure over 1–4 families that the shown figures determine, or null. */
function firstDetermined(cells: readonly Cell[], rels: ReturnType<typeof relations>, min: number): number | null {
  const unknown = new Map<number, number>();
  cells.forEach((c, i) => {
    if (c.hidden) unknown.set(i, unknown.size);
  });
  const equations = rels.map((terms) => terms.filter((t) => unknown.has(t.cell)).map((t): [number, number] => [unknown.get(t.cell) as number, t.sign])).filter((e) => e.length > 0);
  const determined = determinedUnknowns(equations, unknown.size);
  for (const [cell, u] of unknown) if (determined[u] && risky((cells[cell] as Cell).count, min)) return cell;
  return null;
}

/** The shown figure to hide beside a determined one: on one of its relations if possible; group rows before the total, lines first, fewest families. */
function complement(cells: readonly Cell[], rels: ReturnType<typeof relations>, pinned: number): number {
  const order = (a: number, b: number) => {
    const x = cells[a] as Cell;
    const y = cells[b] as Cell;
    return Number(x.row === 0) - Number(y.row === 0) || KIND_RANK[x.kind] - KIND_RANK[y.kind] || x.count - y.count || a - b;
  };
  const open = (i: number) => !(cells[i] as Cell).hidden;
  const near = [...new Set(rels.filter((r) => r.some((t) => t.cell === pinned)).flatMap((r) => r.map((t) => t.cell)))].filter(open).sort(order);
  const pick = near[0] ?? cells.map((_, i) => i).filter(open).sort(order)[0];
  if (pick === undefined) throw new Error("a hidden figure is determined although every figure is hidden");
  return pick;
}

export function suppressCostTable(groups: readonly (readonly FamilyCostFacts[])[], all: readonly FamilyCostFacts[], min: number): { total: Hidden; groups: Hidden[] } {
  const fresh = (): Hidden => ({ row: false, trajectories: false, outcome: false, lines: new Set() });
  const total = fresh();
  const rows = groups.map(fresh);
  if (all.length < min) {
    for (const h of [total, ...rows]) h.row = true;
    propagate(groups, all, rows, total, min);
    return { total, groups: rows };
  }
  total.trajectories = withTrajectory(all) > 0 && (withTrajectory(all) < min || risky(outsideFamilies(all), min));
  total.outcome = risky(outcomeFamilies(all), min);
  for (;;) {
    propagate(groups, all, rows, total, min);
    const hidden = [total, ...rows];
    const cells = cellsOf(groups, all, hidden);
    const rels = relations(cells, hidden.length);
    const pinned = firstDetermined(cells, rels, min);
    if (pinned === null) return { total, groups: rows };
    const c = cells[complement(cells, rels, pinned)] as Cell;
    const h = hidden[c.row] as Hidden;
    if (c.kind === "line" && c.line) h.lines.add(c.line);
    else if (c.kind === "row" || c.kind === "trajectories" || c.kind === "outcome") h[c.kind] = true;
  }
}
