import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import type { InstrumentDefinition } from "../instruments/definition.ts";
import { buildOutcomeReport, type OutcomeInput } from "./report.ts";

const found = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9");
assert.ok(found);
const ploeg9: InstrumentDefinition = found;
const KEYS = ploeg9.domains.map((d) => d.key);

/** A ploeg-9 form with any subset of domains scored 1..5 (sometimes none at all). */
const filledArb = fc
  .array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 4 }), { minLength: 9, maxLength: 9 })
  .map((values) => {
    const out: Record<string, number> = {};
    KEYS.forEach((k, i) => {
      const v = values[i];
      if (v !== undefined) out[k] = v;
    });
    return out;
  });
const scoresArb = fc.oneof({ weight: 1, arbitrary: fc.constant<Record<string, number>>({}) }, { weight: 9, arbitrary: filledArb });

/** Up to 8 families ("gezin-1" …, never two that collate equal), each measured at a subset of metingen 0, 1, 2, 5. */
const rowsArb = fc
  .array(fc.subarray([0, 1, 2, 5]), { minLength: 0, maxLength: 8 })
  .chain((families) =>
    fc.tuple(
      ...families.flatMap((rounds, f) => rounds.map((round) => scoresArb.map((scores): OutcomeInput => ({ family: `gezin-${f + 1}`, round, scores })))),
    ),
  )
  .map((rows): OutcomeInput[] => rows);

const shuffledRowsArb = rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })));

/** SR level computed independently: the k with (2k − 1)·Σw ≤ 2·Σs·w < (2k + 1)·Σw; null when nothing is scored. */
function referenceLevel(scores: Readonly<Record<string, number>>): number | null {
  let num = 0;
  let den = 0;
  for (const k of KEYS) {
    const s = scores[k];
    if (s === undefined) continue;
    num += s * (6 - s);
    den += 6 - s;
  }
  if (den === 0) return null;
  for (let k = 1; k <= 5; k++) if ((2 * k - 1) * den <= 2 * num && 2 * num < (2 * k + 1) * den) return k;
  throw new Error(`no level for ${num}/${den}`);
}

describe("buildOutcomeReport properties (ploeg-9)", () => {
  test("is invariant under input order", () => {
    fc.assert(
      fc.property(shuffledRowsArb, ([rows, shuffled]) => {
        assert.deepEqual(buildOutcomeReport(ploeg9, shuffled), buildOutcomeReport(ploeg9, rows));
      }),
      { numRuns: 300 },
    );
  });

  test("per meting, families = the number of rows at that meting, and the distribution adds up to it", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const report = buildOutcomeReport(ploeg9, rows);
        const rounds = [...new Set(rows.map((r) => r.round))].sort((a, b) => a - b);
        assert.deepEqual(report.metingen.map((m) => m.meting), rounds);
        for (const m of report.metingen) {
          const here = rows.filter((r) => r.round === m.meting);
          assert.equal(m.families, here.length);
          assert.equal(Object.values(m.problemDomainDistribution).reduce((a, b) => a + b, 0), here.length);
          const problems = here.reduce((a, r) => a + Object.values(r.scores).filter((s) => s <= 3).length, 0);
          // problemDomainsMean is Σ/families half-up at two decimals: within 0.005 of the exact mean
          const shown = m.problemDomainsMean;
          assert.ok(shown !== null);
          assert.ok(Math.abs(shown * here.length - problems) <= 0.005 * here.length + 1e-9, `${shown} vs ${problems}/${here.length}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("domain means are over the families that scored the domain, half-up at one decimal", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const report = buildOutcomeReport(ploeg9, rows);
        for (const m of report.metingen) {
          for (const key of KEYS) {
            const values = rows.filter((r) => r.round === m.meting).flatMap((r) => (r.scores[key] === undefined ? [] : [r.scores[key] ?? 0]));
            const mean = m.domainMeans[key];
            if (values.length === 0) {
              assert.equal(mean, null, key);
              continue;
            }
            assert.ok(mean !== null && mean !== undefined, key);
            const total = values.reduce((a, b) => a + b, 0);
            const tenths = Math.round(mean * 10);
            // tenths/10 − 0.05 ≤ total/n < tenths/10 + 0.05, in integers
            assert.ok((2 * tenths - 1) * values.length <= 20 * total && 20 * total < (2 * tenths + 1) * values.length, `${key}: ${total}/${values.length} → ${mean}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test("transitions: improved + same + declined = families, and only families with a level at both metingen count", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const report = buildOutcomeReport(ploeg9, rows);
        const rounds = report.metingen.map((m) => m.meting);
        const pairs = rounds.flatMap((a, i) => rounds.slice(i + 1).map((b) => [a, b]));
        assert.deepEqual(report.transitions.map((t) => [t.from, t.to]), pairs);
        for (const t of report.transitions) {
          assert.ok(t.from < t.to);
          assert.equal(t.improved + t.same + t.declined, t.families);
          let improved = 0;
          let same = 0;
          let declined = 0;
          for (const family of new Set(rows.map((r) => r.family))) {
            const a = rows.find((r) => r.family === family && r.round === t.from);
            const b = rows.find((r) => r.family === family && r.round === t.to);
            const la = a ? referenceLevel(a.scores) : null;
            const lb = b ? referenceLevel(b.scores) : null;
            if (la === null || lb === null) continue;
            if (lb > la) improved++;
            else if (lb < la) declined++;
            else same++;
          }
          assert.deepEqual(t, { from: t.from, to: t.to, families: improved + same + declined, improved, same, declined });
        }
      }),
      { numRuns: 300 },
    );
  });

  test("every family row reports the level and problem count of its own scores", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const report = buildOutcomeReport(ploeg9, rows);
        assert.equal(report.families.reduce((a, f) => a + f.measurements.length, 0), rows.length);
        for (const f of report.families) {
          for (const m of f.measurements) {
            const input = rows.find((r) => r.family === f.family && r.round === m.meting);
            assert.ok(input);
            assert.equal(m.level, referenceLevel(input.scores));
            assert.equal(m.problemDomains, Object.values(input.scores).filter((s) => s <= 3).length);
            assert.ok(m.level === null || (m.level >= 1 && m.level <= 5));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
