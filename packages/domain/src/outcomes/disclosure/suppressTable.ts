import { determinedUnknowns } from "./linearAudit.ts";
import { coordinates, indexOf, indexTable, keyOf, type CellKey, type CountTable, type IndexedTable, type TableDimension } from "./table.ts";

/**
 * Statistical disclosure control for the aggregate tables municipal analists see.
 *
 * What it protects. A cell (margins included) counting 1 … threshold−1 families is sensitive and
 * suppressed (primary suppression). Then, along every line of the table (the cells that differ in
 * one dimension only, with that line's "all" margin), a suppressed cell must not be recoverable by
 * subtraction: the line either has no suppressed cell, or at least two suppressed inner cells
 * whose sum is at least the threshold when the margin is shown (secondary suppression picks the
 * smallest released non-zero inner cell; when none is left the margin is suppressed too). Lines
 * of all dimensions are revisited until nothing changes (the hypercube heuristic). The per-line
 * rule is not enough on its own (in a 2-D table a suppressed cell can still be pinned through a
 * chain of rows and columns), so an exact audit follows: all lines of the whole table become
 * linear equations in the suppressed cells, and a sensitive cell that they determine gets another
 * cell suppressed beside it, until none is determined. Zero cells are never suppressed, so every
 * suppressed cell is ≥ 1 and a cell that the equations do not determine can move both ways:
 * its feasible range under non-negativity is a real interval, not a point. Results are
 * deterministic: ties go to the cell that comes first (dimension values in the order given).
 *
 * What it does not protect:
 * - Bounds. An attacker still learns intervals (e.g. that a suppressed cell is at most 7) and
 *   that a line's suppressed cells add up to a known number.
 * - Zero cells are shown: "no family in wijk W had this outcome" is released as such, and in a
 *   released margin that equals one released cell, all its families share that cell's value
 *   (group disclosure); choose dimensions with that in mind.
 * - Other tables. The guarantee covers one table and its margins. Two tables over overlapping
 *   populations (periods January–June and January–July, two different filters on other
 *   attributes, last month's and this month's release) can be subtracted from each other; the
 *   server must release counts through fixed table designs (whole periods, fixed dimensions) so
 *   that every figure an analist can see is a cell of one protected table.
 * - Integer reasoning: the audit works over the reals; knowing the cells are whole numbers can
 *   in rare cases narrow an interval further. The threshold-sum rule per line makes such cases
 *   unlikely but is not a proof.
 * - Optimality: the heuristic hides more than strictly necessary; it does not minimise the
 *   information lost.
 */

export interface SuppressionOptions {
  /** Cells with 0 < count < threshold are sensitive; 5 for the outcome dashboards. */
  threshold: number;
}

export interface ReleasedCell {
  key: string[];
  /** The count, or null when the cell is suppressed. */
  count: number | null;
}

/**
 * Every cell of the table, margins included, in stable order. Which suppression was primary is
 * deliberately not reported: "primary" would say the cell is under the threshold.
 */
export interface SuppressionResult {
  dimensions: readonly TableDimension[];
  threshold: number;
  cells: ReleasedCell[];
}

export function suppressTable(table: CountTable, options: SuppressionOptions): SuppressionResult {
  return suppress(table, options, true);
}

/**
 * The per-line heuristic without the exact audit. NOT safe on its own (see above); exported so
 * the tests can show tables where the audit is needed.
 */
export function suppressByLinesOnly(table: CountTable, options: SuppressionOptions): SuppressionResult {
  return suppress(table, options, false);
}

function suppress(table: CountTable, options: SuppressionOptions, audit: boolean): SuppressionResult {
  const { threshold } = options;
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw new RangeError(`threshold must be a whole number ≥ 1, got ${threshold}`);
  const t = indexTable(table);
  const suppressed = t.counts.map((c) => c > 0 && c < threshold);
  const sensitive = suppressed.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
  for (;;) {
    protectLines(t, suppressed, threshold);
    if (!audit) break;
    const pinned = firstDetermined(t, suppressed, sensitive);
    if (pinned === null) break;
    suppressed[nextComplement(t, suppressed, pinned)] = true;
  }
  return {
    dimensions: t.dimensions,
    threshold,
    cells: t.counts.map((count, index) => ({ key: keyOf(t, index), count: suppressed[index] ? null : count })),
  };
}

/**
 * What a line still needs: null when it is safe, else the cell to suppress next. Safe: nothing
 * suppressed; or at least two suppressed inner cells summing to the threshold or more (the sum
 * only matters while the margin is shown); or the margin is suppressed and no non-zero inner
 * cell is left to add.
 */
function lineNeeds(line: IndexedTable["lines"][number], counts: readonly number[], suppressed: readonly boolean[], threshold: number): number | null {
  let hidden = 0;
  let hiddenSum = 0;
  let smallest = -1;
  for (const cell of line.inner) {
    const c = counts[cell] as number;
    if (suppressed[cell]) {
      hidden += 1;
      hiddenSum += c;
    } else if (c > 0 && (smallest < 0 || c < (counts[smallest] as number))) smallest = cell;
  }
  const marginHidden = suppressed[line.margin] as boolean;
  if (hidden === 0 && !marginHidden) return null;
  if (hidden >= 2 && (marginHidden || hiddenSum >= threshold)) return null;
  if (smallest >= 0) return smallest;
  return marginHidden ? null : line.margin;
}

/** The hypercube heuristic: every line of every dimension, again and again until none changes. */
function protectLines(t: IndexedTable, suppressed: boolean[], threshold: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of t.lines) {
      for (let next = lineNeeds(line, t.counts, suppressed, threshold); next !== null; next = lineNeeds(line, t.counts, suppressed, threshold)) {
        suppressed[next] = true;
        changed = true;
      }
    }
  }
}

/** The first sensitive cell that the released cells determine exactly, or null. */
function firstDetermined(t: IndexedTable, suppressed: readonly boolean[], sensitive: readonly number[]): number | null {
  const unknown = new Map<number, number>();
  suppressed.forEach((s, cell) => {
    if (s) unknown.set(cell, unknown.size);
  });
  const equations: [number, number][][] = [];
  for (const line of t.lines) {
    const equation: [number, number][] = [];
    const m = unknown.get(line.margin);
    if (m !== undefined) equation.push([m, 1]);
    for (const cell of line.inner) {
      const u = unknown.get(cell);
      if (u !== undefined) equation.push([u, -1]);
    }
    if (equation.length > 0) equations.push(equation);
  }
  const determined = determinedUnknowns(equations, unknown.size);
  for (const cell of sensitive) if (determined[unknown.get(cell) as number]) return cell;
  return null;
}

/**
 * The cell to suppress beside a determined sensitive cell: a released non-zero cell on one of
 * its lines, detailed cells before margins, then the smallest count, then table order; if its
 * lines have none, any released non-zero cell by the same order. (When every non-zero cell is
 * suppressed the equations are homogeneous and scale freely, so nothing is determined and the
 * loop in suppressTable ends.)
 */
function nextComplement(t: IndexedTable, suppressed: readonly boolean[], cell: number): number {
  const coords = coordinates(cell, t.sizes);
  const nearby = new Set<number>();
  coords.forEach((c, i) => {
    const s = t.strides[i] as number;
    for (let v = 0; v <= (t.sizes[i] as number); v++) nearby.add(cell + (v - c) * s);
  });
  const margins = (index: number): number => coordinates(index, t.sizes).filter((c, i) => c === t.sizes[i]).length;
  const order = (a: number, b: number): number => margins(a) - margins(b) || (t.counts[a] as number) - (t.counts[b] as number) || a - b;
  const open = (index: number): boolean => !suppressed[index] && (t.counts[index] as number) > 0;
  const local = [...nearby].filter(open).sort(order);
  if (local.length > 0) return local[0] as number;
  const anywhere = t.counts.map((_, i) => i).filter(open).sort(order);
  if (anywhere.length === 0) throw new Error("a sensitive cell is determined although every non-zero cell is suppressed");
  return anywhere[0] as number;
}

const lookups = new WeakMap<SuppressionResult, { dimensions: readonly TableDimension[]; strides: number[] }>();

function lookup(result: SuppressionResult): { dimensions: readonly TableDimension[]; strides: number[] } {
  let l = lookups.get(result);
  if (!l) {
    const strides: number[] = [];
    let stride = 1;
    for (const d of result.dimensions) {
      strides.push(stride);
      stride *= d.values.length + 1;
    }
    l = { dimensions: result.dimensions, strides };
    lookups.set(result, l);
  }
  return l;
}

/** The released count of a cell (values or TABLE_ALL per dimension), or null when suppressed. */
export function releasedCount(result: SuppressionResult, key: CellKey): number | null {
  const index = indexOf(lookup(result), key);
  if (index === null) throw new RangeError(`no cell ${JSON.stringify(key)} in this table`);
  return (result.cells[index] as ReleasedCell).count;
}

export function isReleased(result: SuppressionResult, key: CellKey): boolean {
  return releasedCount(result, key) !== null;
}
