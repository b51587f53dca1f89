/*
 * Small-number suppression for the cost figures an analist sees (issue order 4: "cells under 5
 * families are hidden"). Two rules: no figure is shown over fewer than MIN_CELL_FAMILIES families
 * (primary suppression), and no figure can be worked out by subtracting shown cells from a shown
 * total (complementary suppression): the cells hidden from one total must together cover none, or
 * at least MIN_CELL_FAMILIES, families. These functions only decide what to hide; the report
 * (costOutcomeReport.ts) applies them until nothing changes.
 */

export const MIN_CELL_FAMILIES = 5;

/** A figure over `n` families may be shown on its own. */
export function largeEnough(n: number, min = MIN_CELL_FAMILIES): boolean {
  return n >= min;
}

const risky = (n: number, min: number) => n > 0 && n < min;

export interface LinkedCell {
  /**
   * The family counts a subtraction from the total would expose if this cell were hidden: e.g.
   * the families the cell's figure covers, and for a figure that is part of a row's total the
   * families of the rest.
   */
  sensitive: readonly number[];
}

/**
 * Cells over disjoint groups of families that add up to a total shown beside them (the rows of one
 * column). `hidden` holds the cells already hidden; while the hidden cells together expose 1 to
 * min−1 families on any sensitive count, the shown cell with the smallest first count is hidden
 * as well; when no cell is left to hide, the total is (marginHidden).
 */
export function suppressLinked(cells: readonly LinkedCell[], hidden: readonly boolean[], min = MIN_CELL_FAMILIES): { hidden: boolean[]; marginHidden: boolean } {
  const out = cells.map((_, i) => hidden[i] === true);
  const width = Math.max(0, ...cells.map((c) => c.sensitive.length));
  for (;;) {
    const exposed = Array.from({ length: width }, (_, k) => cells.reduce((sum, c, i) => sum + (out[i] ? (c.sensitive[k] ?? 0) : 0), 0));
    if (!exposed.some((n) => risky(n, min))) return { hidden: out, marginHidden: false };
    let pick = -1;
    cells.forEach((c, i) => {
      if (out[i]) return;
      if (pick < 0 || (c.sensitive[0] ?? 0) < (cells[pick]?.sensitive[0] ?? 0)) pick = i;
    });
    if (pick < 0) return { hidden: out, marginHidden: true };
    out[pick] = true;
  }
}

/** Primary suppression of a column, then complementary: the usual call of suppressLinked. */
export function suppressPartition(counts: readonly number[], min = MIN_CELL_FAMILIES): { hidden: boolean[]; marginHidden: boolean } {
  return suppressLinked(
    counts.map((n) => ({ sensitive: [n] })),
    counts.map((n) => risky(n, min)),
    min,
  );
}

/**
 * Cells over overlapping sets of families that add up to a shown total (a row's cost per funding
 * source: a family can have several). A cell under `min` is hidden; while the families of all
 * hidden cells together number 1 to min−1, the shown cell with the fewest families is hidden too.
 */
export function suppressOverlapping(sets: readonly ReadonlySet<string>[], hidden: readonly boolean[] = [], min = MIN_CELL_FAMILIES): boolean[] {
  const out = sets.map((s, i) => hidden[i] === true || s.size < min);
  for (;;) {
    const union = new Set<string>();
    sets.forEach((s, i) => {
      if (out[i]) for (const f of s) union.add(f);
    });
    if (!risky(union.size, min)) return out;
    let pick = -1;
    sets.forEach((s, i) => {
      if (!out[i] && (pick < 0 || s.size < (sets[pick]?.size ?? 0))) pick = i;
    });
    // Every cell hidden: they cover the row's families, which the row itself shows only when there are enough.
    if (pick < 0) return out;
    out[pick] = true;
  }
}
