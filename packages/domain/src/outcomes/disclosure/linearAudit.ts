/**
 * Which unknowns a system of linear equations pins to a single value, exactly over the rationals.
 *
 * The disclosure audit writes every line of a table (margin = Σ inner cells) as an equation in
 * the suppressed cells, the released cells moving to the constant side. An unknown is determined
 * when its unit vector lies in the row space of the coefficients, i.e. in the reduced row echelon
 * form its column is a pivot column whose row has no other non-zero entry; otherwise some
 * direction in the null space moves it while every equation still holds. Only the coefficients
 * matter, so the constants are not even passed in.
 *
 * Rows are sparse maps of whole-number coefficients (BigInt, divided by their gcd after every
 * step so they stay small); no floating point, so "determined" is never a rounding artefact.
 */

type Row = Map<number, bigint>;

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Divides by the gcd of the entries and makes the pivot (smallest column) positive. */
function normalize(row: Row): void {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g === 0n) return;
  let lead = -1;
  for (const c of row.keys()) if (lead < 0 || c < lead) lead = c;
  const sign = (row.get(lead) as bigint) < 0n ? -1n : 1n;
  for (const [c, v] of row) row.set(c, (v / g) * sign);
}

/** target := target·pivotValue − row·target[col], which clears target's entry in col. */
function eliminate(target: Row, row: Row, col: number): void {
  const t = target.get(col);
  if (t === undefined) return;
  const p = row.get(col) as bigint;
  for (const [c, v] of target) target.set(c, v * p);
  for (const [c, v] of row) {
    const next = (target.get(c) ?? 0n) - v * t;
    if (next === 0n) target.delete(c);
    else target.set(c, next);
  }
  normalize(target);
}

/**
 * equations: each a list of [unknown, whole-number coefficient]; unknowns numbered 0 … count−1.
 * Returns, per unknown, whether the equations determine its value.
 */
export function determinedUnknowns(equations: Iterable<readonly (readonly [number, number])[]>, count: number): boolean[] {
  // Basis rows in reduced echelon form, keyed by pivot column.
  const basis = new Map<number, Row>();
  for (const equation of equations) {
    const row: Row = new Map();
    for (const [unknown, coefficient] of equation) {
      if (!Number.isInteger(unknown) || unknown < 0 || unknown >= count) throw new RangeError(`unknown ${unknown} is outside 0 … ${count - 1}`);
      if (!Number.isSafeInteger(coefficient)) throw new RangeError(`coefficients must be whole numbers, got ${coefficient}`);
      const next = (row.get(unknown) ?? 0n) + BigInt(coefficient);
      if (next === 0n) row.delete(unknown);
      else row.set(unknown, next);
    }
    for (const [pivot, b] of basis) if (row.has(pivot)) eliminate(row, b, pivot);
    if (row.size === 0) continue;
    normalize(row);
    let pivot = -1;
    for (const c of row.keys()) if (pivot < 0 || c < pivot) pivot = c;
    for (const b of basis.values()) if (b.has(pivot)) eliminate(b, row, pivot);
    basis.set(pivot, row);
  }
  const determined = new Array<boolean>(count).fill(false);
  for (const [pivot, row] of basis) if (row.size === 1) determined[pivot] = true;
  return determined;
}
