/**
 * A small exact linear-programming solver, used by the disclosure tests to attack suppressed
 * tables: given the released cells as equations A·x = b in the suppressed cells x ≥ 0, how low
 * and how high can each suppressed cell go? Independent of the audit in suppressTable.ts
 * (which reasons about the null space); this one walks the polytope's vertices.
 *
 * Two-phase simplex with Bland's rule (no cycling) on an integer-preserving tableau: every entry
 * is D times the true value, D the determinant of the current basis, and a pivot on (r, s) with
 * p = T[r][s] sets T[i][j] ← (p·T[i][j] − T[i][s]·T[r][j]) / D, which divides exactly (Edmonds;
 * Bareiss). BigInt throughout, so no rounding: "the range is a single value" is exact.
 */

export interface Fraction {
  num: bigint;
  den: bigint;
}

export interface FeasibleRange {
  min: Fraction;
  /** null when the variable can grow without bound. */
  max: Fraction | null;
}

interface Tableau {
  /** Constraint rows: n + m columns (variables, then artificials) and the right-hand side last. */
  rows: bigint[][];
  basis: number[];
  d: bigint;
}

function pivot(t: Tableau, objective: bigint[] | null, r: number, s: number): void {
  const pr = t.rows[r] as bigint[];
  const p = pr[s] as bigint;
  const update = (row: bigint[]): void => {
    const f = row[s] as bigint;
    for (let j = 0; j < row.length; j++) row[j] = (p * (row[j] as bigint) - f * (pr[j] as bigint)) / t.d;
  };
  t.rows.forEach((row, i) => {
    if (i !== r) update(row);
  });
  if (objective) update(objective);
  t.d = p;
  t.basis[r] = s;
  if (t.d < 0n) {
    // Keep D positive: negate the whole tableau, true values (entry / D) unchanged.
    t.d = -t.d;
    for (const row of t.rows) for (let j = 0; j < row.length; j++) row[j] = -(row[j] as bigint);
    if (objective) for (let j = 0; j < objective.length; j++) objective[j] = -(objective[j] as bigint);
  }
}

/** Minimises the objective row in place; columns ≥ allowed never enter. Returns false when unbounded. */
function simplex(t: Tableau, objective: bigint[], allowed: number): boolean {
  const rhs = objective.length - 1;
  for (;;) {
    let s = -1;
    for (let j = 0; j < allowed; j++) {
      if ((objective[j] as bigint) < 0n) {
        s = j;
        break;
      }
    }
    if (s < 0) return true;
    let r = -1;
    for (let i = 0; i < t.rows.length; i++) {
      const row = t.rows[i] as bigint[];
      const a = row[s] as bigint;
      if (a <= 0n) continue;
      if (r < 0) {
        r = i;
        continue;
      }
      const best = t.rows[r] as bigint[];
      // row[rhs]/a versus best[rhs]/best[s]; ties go to the smaller basic variable (Bland).
      const left = (row[rhs] as bigint) * (best[s] as bigint);
      const right = (best[rhs] as bigint) * a;
      if (left < right || (left === right && (t.basis[i] as number) < (t.basis[r] as number))) r = i;
    }
    if (r < 0) return false;
    pivot(t, objective, r, s);
  }
}

function reduce(f: Fraction): Fraction {
  let a = f.num < 0n ? -f.num : f.num;
  let b = f.den;
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? { num: 0n, den: 1n } : { num: f.num / a, den: f.den / a };
}

/**
 * For each target variable, its least and greatest value over { x ≥ 0 : A·x = b }; null when
 * the system has no non-negative solution. A: m rows of n whole numbers, b: m whole numbers.
 */
export function feasibleRanges(a: readonly (readonly number[])[], b: readonly number[], targets: readonly number[]): Map<number, FeasibleRange> | null {
  const m = a.length;
  const n = m === 0 ? 0 : (a[0] as readonly number[]).length;
  const rows = a.map((row, i) => {
    const sign = (b[i] as number) < 0 ? -1n : 1n;
    const out = row.map((v) => BigInt(v) * sign);
    for (let k = 0; k < m; k++) out.push(k === i ? 1n : 0n);
    out.push(BigInt(b[i] as number) * sign);
    return out;
  });
  const t: Tableau = { rows, basis: rows.map((_, i) => n + i), d: 1n };
  // Phase 1: minimise the sum of the artificials; reduced costs −Σ rows on the variables.
  const width = n + m + 1;
  const phase1 = new Array<bigint>(width).fill(0n);
  for (const row of rows) for (let j = 0; j < width; j++) if (j < n || j === width - 1) phase1[j] = (phase1[j] as bigint) - (row[j] as bigint);
  simplex(t, phase1, n + m);
  if ((phase1[width - 1] as bigint) !== 0n) return null;
  // Drive artificials (now 0) out of the basis; a row where that is impossible is redundant.
  for (let i = t.rows.length - 1; i >= 0; i--) {
    if ((t.basis[i] as number) < n) continue;
    const row = t.rows[i] as bigint[];
    const j = row.findIndex((v, k) => k < n && v !== 0n);
    if (j >= 0) pivot(t, null, i, j);
    else {
      t.rows.splice(i, 1);
      t.basis.splice(i, 1);
    }
  }
  const out = new Map<number, FeasibleRange>();
  for (const target of targets) {
    const bound = (sign: bigint): Fraction | null => {
      const copy: Tableau = { rows: t.rows.map((r) => [...r]), basis: [...t.basis], d: t.d };
      // Minimise sign·x_target: scaled reduced costs D·c_j − Σ_i c_B(i)·T[i][j].
      const objective = new Array<bigint>(width).fill(0n);
      objective[target] = sign * copy.d;
      copy.rows.forEach((row, i) => {
        if (copy.basis[i] !== target) return;
        for (let j = 0; j < width; j++) objective[j] = (objective[j] as bigint) - sign * (row[j] as bigint);
      });
      if (!simplex(copy, objective, n)) return null;
      const i = copy.basis.indexOf(target);
      return reduce({ num: i < 0 ? 0n : ((copy.rows[i] as bigint[])[width - 1] as bigint), den: copy.d });
    };
    const min = bound(1n);
    if (min === null) throw new Error("a minimum of a non-negative variable cannot be unbounded");
    out.set(target, { min, max: bound(-1n) });
  }
  return out;
}
