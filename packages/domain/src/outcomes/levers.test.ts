import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { leversFromFamilies, leversFromFirstImprovements, type FirstImprovementRow, type ScoresByMeting } from "./levers.ts";

const DOMAINS = ["wonen", "financien", "gezondheid"];

/** The hand-made families; each comment says what counts and why. */
const FAMILIES: Record<string, ScoresByMeting> = {
  // Lasting: wonen 2→4, financien 2→3 (gezondheid stays 3). First improvements: wonen at 1,
  // financien at 2 → lever: wonen.
  a: { 0: { wonen: 2, financien: 2, gezondheid: 3 }, 1: { wonen: 3, financien: 2, gezondheid: 3 }, 2: { wonen: 4, financien: 3, gezondheid: 3 } },
  // Lasting: all three. First: wonen at 3, financien and gezondheid both at 1 → levers: financien, gezondheid.
  b: new Map([
    [0, { wonen: 1, financien: 1, gezondheid: 1 }],
    [1, { wonen: 1, financien: 2, gezondheid: 2 }],
    [3, { wonen: 2, financien: 2, gezondheid: 2 }],
  ]),
  // Only wonen improved for good → not considered.
  c: { 0: { wonen: 1, financien: 3, gezondheid: 3 }, 1: { wonen: 2, financien: 3, gezondheid: 2 } },
  // No nulmeting → not considered.
  d: { 1: { wonen: 1, financien: 1, gezondheid: 1 }, 2: { wonen: 5, financien: 5, gezondheid: 5 } },
  // Wonen improved at 1 but fell back; financien and gezondheid improved at 2 and kept it →
  // levers: financien, gezondheid (not the transient wonen).
  e: { 0: { wonen: 2, financien: 2, gezondheid: 2 }, 1: { wonen: 3, financien: 2, gezondheid: 2 }, 2: { wonen: 2, financien: 3, gezondheid: 3 } },
  // Only a nulmeting → not considered.
  f: { 0: { wonen: 1, financien: 1, gezondheid: 1 } },
  // Gezondheid not scored at the last meting, so not a lasting improvement; wonen and financien
  // both first improved at 1 → levers: wonen, financien.
  g: { 0: { wonen: 1, financien: 1, gezondheid: 1 }, 1: { wonen: 2, financien: 2, gezondheid: 2 }, 2: { wonen: 3, financien: 2 } },
};

describe("levers (hefbomen)", () => {
  test("hand-made families: considered a, b, e, g; wonen 2 (a, g), financien 3 (b, e, g), gezondheid 2 (b, e)", () => {
    assert.deepEqual(leversFromFamilies(Object.values(FAMILIES), DOMAINS), { considered: 4, levers: { wonen: 2, financien: 3, gezondheid: 2 } });
  });

  test("the same from first-improvement rows", () => {
    const rows: FirstImprovementRow[] = [
      { firstImproved: { wonen: 1, financien: 2, gezondheid: null }, lastImproved: { wonen: true, financien: true, gezondheid: false } },
      { firstImproved: { wonen: 3, financien: 1, gezondheid: 1 }, lastImproved: { wonen: true, financien: true, gezondheid: true } },
      { firstImproved: { wonen: 1, financien: null, gezondheid: null }, lastImproved: { wonen: true, financien: false, gezondheid: false } },
      { firstImproved: { wonen: 1, financien: 2, gezondheid: 2 }, lastImproved: { wonen: false, financien: true, gezondheid: true } },
      { firstImproved: { wonen: 1, financien: 1, gezondheid: 1 }, lastImproved: { wonen: true, financien: true, gezondheid: false } },
    ];
    assert.deepEqual(leversFromFirstImprovements(rows, DOMAINS), { considered: 4, levers: { wonen: 2, financien: 3, gezondheid: 2 } });
    // Without a domain list: the keys the rows mention, in order of appearance.
    assert.deepEqual(Object.keys(leversFromFirstImprovements(rows).levers), DOMAINS);
  });

  test("no families, or none improved on two domains: nothing considered, every domain 0", () => {
    assert.deepEqual(leversFromFamilies([], DOMAINS), { considered: 0, levers: { wonen: 0, financien: 0, gezondheid: 0 } });
    assert.deepEqual(leversFromFamilies([FAMILIES.c as ScoresByMeting], DOMAINS).considered, 0);
  });

  test("a domain key such as 'constructor' does not pick up Object.prototype", () => {
    const family = { 0: { constructor: 1, toString: 1 }, 1: { constructor: 2, toString: 2 } };
    assert.deepEqual(leversFromFamilies([family], ["constructor", "toString"]), { considered: 1, levers: { constructor: 1, toString: 1 } });
    assert.deepEqual(leversFromFamilies([{ 0: {}, 1: {} }], ["constructor", "toString"]).considered, 0);
  });

  test("refuses inconsistent rows and impossible metingen", () => {
    assert.throws(() => leversFromFirstImprovements([{ firstImproved: { a: null, b: 1 }, lastImproved: { a: true, b: true } }]), RangeError);
    assert.throws(() => leversFromFirstImprovements([{ firstImproved: { a: 0 }, lastImproved: { a: false } }]), RangeError);
    assert.throws(() => leversFromFamilies([{ [-1]: { a: 1 } }], ["a"]), RangeError);
  });
});

/**
 * What the SQL in levers.ts computes, written the SQL way (per domain: min over metingen, last
 * meting over the family's metingen), independently of leversFromFamilies' walk over metingen.
 */
function sqlRow(family: ReadonlyMap<number, Readonly<Record<string, number | undefined>>>, domains: readonly string[]): FirstImprovementRow | null {
  const rounds = [...family.keys()];
  const base = family.get(0);
  if (!base) return null;
  const lastRound = Math.max(...rounds);
  const firstImproved: Record<string, number | null> = {};
  const lastImproved: Record<string, boolean> = {};
  for (const d of domains) {
    const b = base[d];
    const improvedAt = rounds.filter((r) => {
      const s = family.get(r)?.[d];
      return r > 0 && b !== undefined && s !== undefined && s > b;
    });
    firstImproved[d] = improvedAt.length === 0 ? null : Math.min(...improvedAt);
    lastImproved[d] = improvedAt.includes(lastRound);
  }
  return { firstImproved, lastImproved };
}

describe("levers: both entry points agree (fast-check, fixed seed)", () => {
  const keys = ["a", "b", "c", "d"];
  const scoresArb = fc
    .tuple(...keys.map(() => fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 6 })))
    .map((values) => {
      const out: Record<string, number | undefined> = {};
      keys.forEach((k, i) => {
        if (values[i] !== undefined) out[k] = values[i];
      });
      return out;
    });
  const familyArb = fc
    .subarray([0, 1, 2, 3, 5], { minLength: 1 })
    .chain((rounds) => fc.tuple(...rounds.map((r) => scoresArb.map((s): [number, Record<string, number | undefined>] => [r, s]))))
    .map((entries) => new Map(entries));

  test("random families: full input and SQL-shaped rows give the same counts", () => {
    fc.assert(
      fc.property(fc.array(familyArb, { maxLength: 30 }), (families) => {
        const rows = families.map((f) => sqlRow(f, keys)).filter((r): r is FirstImprovementRow => r !== null);
        const full = leversFromFamilies(families, keys);
        assert.deepEqual(leversFromFirstImprovements(rows, keys), full);
        // Every considered family has at least one lever and at most one per domain.
        const total = Object.values(full.levers).reduce((x, y) => x + y, 0);
        assert.ok(total >= full.considered && total <= full.considered * keys.length);
      }),
      { seed: 5150, numRuns: 400 },
    );
  });
});
