/**
 * A table of family counts over a few dimensions (e.g. team × wijk × cohort year), with an "all"
 * margin per dimension. Cells are numbered in mixed radix: in every dimension the values take
 * positions 0 … m−1 in the order given and "all" takes position m, so cell order is stable and
 * the margins come after the values they add up.
 */

/** The margin value in a cell key: "all teams", "all wijken", … */
export const TABLE_ALL = "all";

export interface TableDimension {
  key: string;
  values: readonly string[];
}

export interface CountTable {
  dimensions: readonly TableDimension[];
  /** Inner cells: one value per dimension, in dimension order; combinations left out count 0. */
  cells: readonly { key: readonly string[]; count: number }[];
}

/** A cell key: per dimension one of its values or TABLE_ALL. */
export type CellKey = readonly string[];

export interface IndexedTable {
  dimensions: readonly TableDimension[];
  /** Per dimension: number of values m (position m is the margin). */
  sizes: number[];
  strides: number[];
  /** Count of every cell, margins included, by cell index. */
  counts: number[];
  /** Every line: the inner cells along one dimension with the other coordinates fixed, and its margin. */
  lines: { dimension: number; inner: number[]; margin: number }[];
}

export function cellCount(sizes: readonly number[]): number {
  return sizes.reduce((n, m) => n * (m + 1), 1);
}

export function coordinates(index: number, sizes: readonly number[]): number[] {
  const out: number[] = [];
  let rest = index;
  for (const m of sizes) {
    out.push(rest % (m + 1));
    rest = Math.floor(rest / (m + 1));
  }
  return out;
}

export function keyOf(table: Pick<IndexedTable, "dimensions" | "sizes">, index: number): string[] {
  return coordinates(index, table.sizes).map((c, i) => {
    const d = table.dimensions[i] as TableDimension;
    return c === d.values.length ? TABLE_ALL : (d.values[c] as string);
  });
}

export function indexOf(table: Pick<IndexedTable, "dimensions" | "strides">, key: CellKey): number | null {
  if (key.length !== table.dimensions.length) return null;
  let index = 0;
  for (let i = 0; i < key.length; i++) {
    const d = table.dimensions[i] as TableDimension;
    const v = key[i] as string;
    const position = v === TABLE_ALL ? d.values.length : d.values.indexOf(v);
    if (position < 0) return null;
    index += position * (table.strides[i] as number);
  }
  return index;
}

/** Checks the table, adds up the margins and lists the lines. */
export function indexTable(table: CountTable): IndexedTable {
  const { dimensions } = table;
  if (dimensions.length === 0) throw new RangeError("a table needs at least one dimension");
  const names = new Set<string>();
  for (const d of dimensions) {
    if (names.has(d.key)) throw new RangeError(`dimension '${d.key}' occurs twice`);
    names.add(d.key);
    if (d.values.length === 0) throw new RangeError(`dimension '${d.key}' has no values`);
    if (new Set(d.values).size !== d.values.length) throw new RangeError(`dimension '${d.key}' repeats a value`);
    if (d.values.includes(TABLE_ALL)) throw new RangeError(`dimension '${d.key}' uses the reserved value '${TABLE_ALL}'`);
  }
  const sizes = dimensions.map((d) => d.values.length);
  const strides: number[] = [];
  let stride = 1;
  for (const m of sizes) {
    strides.push(stride);
    stride *= m + 1;
  }
  const total = stride;
  if (total > 1_000_000) throw new RangeError(`a table of ${total} cells is too large to protect`);
  const counts = new Array<number>(total).fill(0);
  const seen = new Set<number>();
  const indexed = { dimensions, sizes, strides };
  for (const cell of table.cells) {
    if (!Number.isSafeInteger(cell.count) || cell.count < 0) throw new RangeError(`cell counts must be whole numbers ≥ 0, got ${cell.count}`);
    if (cell.key.includes(TABLE_ALL)) throw new RangeError("give inner cells only; the margins are added up");
    const index = indexOf(indexed, cell.key);
    if (index === null) throw new RangeError(`unknown cell ${JSON.stringify(cell.key)}`);
    if (seen.has(index)) throw new RangeError(`cell ${JSON.stringify(cell.key)} occurs twice`);
    seen.add(index);
    // Add the count to the cell and to every margin above it (any subset of coordinates → all).
    const coords = coordinates(index, sizes);
    for (let mask = 0; mask < 1 << sizes.length; mask++) {
      let target = 0;
      coords.forEach((c, i) => {
        target += (mask & (1 << i) ? (sizes[i] as number) : c) * (strides[i] as number);
      });
      counts[target] = (counts[target] as number) + cell.count;
    }
  }
  const lines: IndexedTable["lines"] = [];
  sizes.forEach((m, dimension) => {
    const s = strides[dimension] as number;
    for (let margin = 0; margin < total; margin++) {
      if (coordinates(margin, sizes)[dimension] !== m) continue;
      const base = margin - m * s;
      lines.push({ dimension, inner: Array.from({ length: m }, (_, v) => base + v * s), margin });
    }
  });
  return { dimensions, sizes, strides, counts, lines };
}
