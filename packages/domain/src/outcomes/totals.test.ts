import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import type { InstrumentDefinition } from "../instruments/definition.ts";
import { summarizeMeasurement } from "./measurementSummary.ts";
import { fromScoreColumns, scoresByKey, storedFigures, toScoreColumns } from "./scoreColumns.ts";
import { assembleMetingen, assembleTransitions, emptyRoundTotals, meanOfFractions, mergeRoundTotals, type RoundTotals } from "./totals.ts";

function builtin(key: string): InstrumentDefinition {
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === key);
  assert.ok(def, key);
  return def;
}
const ploeg9 = builtin("ploeg-9");
const growcare = builtin("growcare-8");

const formArb = (def: InstrumentDefinition) =>
  fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: def.domains.length, maxLength: def.domains.length }).map((values) => {
    const out: Record<string, number> = {};
    def.domains.forEach((d, i) => {
      const v = values[i];
      if (v !== undefined) out[d.key] = v;
    });
    return out;
  });

describe("score columns", () => {
  test("scores travel to the stored arrays and back unchanged, in the instrument's domain order", () => {
    fc.assert(
      fc.property(formArb(ploeg9), (scores) => {
        const input = Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, { score: s, justification: s <= 3 ? `toelichting ${k}` : null }]));
        const cols = toScoreColumns(ploeg9, input);
        assert.equal(cols.scores.length, 9);
        assert.deepEqual(fromScoreColumns(ploeg9, cols), input);
        assert.deepEqual(scoresByKey(ploeg9, cols.scores), scores);
      }),
    );
  });

  test("position i is the i-th domain: huisvesting is the second ploeg-9 domain", () => {
    const cols = toScoreColumns(ploeg9, { huisvesting: { score: 2, justification: "Dreigende uitzetting" } });
    assert.deepEqual(cols.scores, [null, 2, null, null, null, null, null, null, null]);
    assert.deepEqual(cols.justifications, [null, "Dreigende uitzetting", null, null, null, null, null, null, null]);
  });

  test("a key the instrument version does not have is refused, never silently dropped", () => {
    assert.throws(() => toScoreColumns(ploeg9, { hobby: { score: 2, justification: null } }), /ploeg-9@1 has no domain 'hobby'/);
  });

  test("stored figures agree with the measurement summary", () => {
    fc.assert(
      fc.property(formArb(ploeg9), (scores) => {
        const f = storedFigures(ploeg9, scores);
        const s = summarizeMeasurement(ploeg9, scores);
        assert.equal(f.problemCount, s.problemDomainCount);
        assert.equal(f.srLevel, s.level);
        assert.deepEqual(f.srNum === null ? null : { num: f.srNum, den: f.srDen }, s.selfRelianceExact);
      }),
    );
  });

  test("hand-computed: 2 1 2 3 3 4 3 2 5 → SR 69/29, level 2, 7 problem domains", () => {
    const scores = scoresByKey(ploeg9, [2, 1, 2, 3, 3, 4, 3, 2, 5]);
    assert.deepEqual(storedFigures(ploeg9, scores), { problemCount: 7, srNum: 69, srDen: 29, srLevel: 2 });
  });
});

describe("totals", () => {
  const a: RoundTotals = { round: 0, families: 2, problemSum: 9, domains: { huisvesting: { sum: 3, count: 2 } }, distribution: { "4": 1, "5": 1 }, selfReliance: [{ den: 29, num: 69, count: 1 }, { den: 24, num: 72, count: 1 }] };
  const b: RoundTotals = { round: 0, families: 1, problemSum: 2, domains: { huisvesting: { sum: 4, count: 1 }, inkomen: { sum: 3, count: 1 } }, distribution: { "2": 1, "4": 1 }, selfReliance: [{ den: 24, num: 60, count: 1 }] };

  test("merging adds every sum and keeps SR fractions per denominator", () => {
    assert.deepEqual(mergeRoundTotals(a, b), {
      round: 0,
      families: 3,
      problemSum: 11,
      domains: { huisvesting: { sum: 7, count: 3 }, inkomen: { sum: 3, count: 1 } },
      distribution: { "4": 2, "5": 1, "2": 1 },
      selfReliance: [{ den: 24, num: 132, count: 2 }, { den: 29, num: 69, count: 1 }],
    });
    assert.deepEqual(mergeRoundTotals(emptyRoundTotals(0), a), { ...a, selfReliance: [...a.selfReliance].sort((x, y) => x.den - y.den) });
  });

  test("assembled figures: half-up means, sorted distribution, exact SR mean", () => {
    const [m] = assembleMetingen(ploeg9, [mergeRoundTotals(a, b)]);
    assert.ok(m);
    assert.equal(m.families, 3);
    assert.equal(m.domainMeans.huisvesting, 2.3); // 7/3 = 2.333
    assert.equal(m.domainMeans.inkomen, 3);
    assert.equal(m.domainMeans.opvoeding, null);
    assert.equal(m.problemDomainsMean, 3.67); // 11/3 = 3.666…
    assert.deepEqual(Object.keys(m.problemDomainDistribution), ["2", "4", "5"]);
    // (69/29 + 72/24 + 60/24) / 3 = (2.37931 + 3 + 2.5) / 3 = 2.6264 → 2.6
    assert.equal(m.selfRelianceMean, 2.6);
  });

  test("the SR mean is exact at the half: (1.45 + 1.45) / 2 = 1.45 → 1.5", () => {
    assert.equal(meanOfFractions([{ den: 40, num: 116, count: 2 }]), 1.5);
    assert.equal(meanOfFractions([]), null);
  });

  test("transitions: every pair of occurring metingen, zeros where no family had both; none without SR", () => {
    const t = assembleTransitions(ploeg9, [2, 0, 1, 0], [{ from: 0, to: 1, families: 3, improved: 1, same: 1, declined: 1 }]);
    assert.deepEqual(t.map((x) => `${x.from}→${x.to}:${x.families}`), ["0→1:3", "0→2:0", "1→2:0"]);
    assert.deepEqual(assembleTransitions({ ...growcare, weightedSelfReliance: false }, [0, 1], []), []);
  });
});
