import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import { InstrumentDefinition } from "../instruments/definition.ts";
import { orderedScores, problemDomains, summarizeMeasurement, type DomainScores } from "./measurementSummary.ts";

function builtin(key: string): InstrumentDefinition {
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === key);
  assert.ok(def, `builtin ${key}`);
  return def;
}
const ploeg9 = builtin("ploeg-9");

/** Scores for a random subset of an instrument's domains, each on its scale. */
function domainScores(def: InstrumentDefinition) {
  const values = def.scale.values.map((v) => v.value);
  return fc
    .array(fc.option(fc.constantFrom(...values), { nil: undefined }), { minLength: def.domains.length, maxLength: def.domains.length })
    .map((opt) => {
      const out: Record<string, number> = {};
      def.domains.forEach((d, i) => {
        const s = opt[i];
        if (s !== undefined) out[d.key] = s;
      });
      return out as DomainScores;
    });
}

describe("summarizeMeasurement on ploeg-9", () => {
  test("hand-computed family: SR 69/29 → 2.4, level 2, seven problem domains in form order", () => {
    const s = summarizeMeasurement(ploeg9, {
      // deliberately not in form order: the summary must follow the instrument's order
      justitiele_veiligheid: 5, vrije_tijd: 2, sociaal_netwerk: 3, lichamelijke_gezondheid: 4,
      geestelijke_gezondheid: 3, opvoeding: 3, inkomen: 2, huisvesting: 1, onderwijs_werk: 2,
    });
    assert.equal(s.selfReliance, 2.4);
    assert.deepEqual(s.selfRelianceExact, { num: 69, den: 29 });
    assert.equal(s.level, 2);
    assert.deepEqual(s.problemDomains, ["onderwijs_werk", "huisvesting", "inkomen", "opvoeding", "geestelijke_gezondheid", "sociaal_netwerk", "vrije_tijd"]);
    assert.equal(s.problemDomainCount, 7);
    assert.equal(s.scoredDomainCount, 9);
  });

  test("a partly filled in form: only scored domains count, unknown keys are ignored", () => {
    // huisvesting 1 (w 5, 5), inkomen 4 (w 2, 8): SR = 13/7 = 1.857… → 1.9, level 2
    const s = summarizeMeasurement(ploeg9, { huisvesting: 1, inkomen: 4, hobby: 1 });
    assert.equal(s.scoredDomainCount, 2);
    assert.deepEqual(s.problemDomains, ["huisvesting"]);
    assert.equal(s.selfReliance, 1.9);
    assert.equal(s.level, 2);
    assert.deepEqual(orderedScores(ploeg9, { inkomen: 4, hobby: 1, huisvesting: 1 }), [1, 4]);
  });

  test("nothing scored: no SR, no level, no problem domains", () => {
    const s = summarizeMeasurement(ploeg9, {});
    assert.deepEqual(s, { selfReliance: null, selfRelianceExact: null, level: null, problemDomains: [], problemDomainCount: 0, scoredDomainCount: 0 });
  });

  test("problem domain count equals the number of scores ≤ threshold 3 (property)", () => {
    fc.assert(
      fc.property(domainScores(ploeg9), (scores) => {
        const s = summarizeMeasurement(ploeg9, scores);
        const values = Object.values(scores);
        assert.equal(s.problemDomainCount, values.filter((v) => v <= 3).length);
        assert.equal(s.problemDomains.length, s.problemDomainCount);
        assert.equal(s.scoredDomainCount, values.length);
        for (const key of s.problemDomains) assert.ok((scores[key] ?? 99) <= 3, key);
        assert.equal(s.level === null, values.length === 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe("summarizeMeasurement on the other builtins", () => {
  test("growcare-8 and zrm-13 count problem domains (≤ 3) but have no weighted SR", () => {
    for (const key of ["growcare-8", "zrm-13"]) {
      const def = builtin(key);
      fc.assert(
        fc.property(domainScores(def), (scores) => {
          const s = summarizeMeasurement(def, scores);
          assert.equal(s.selfReliance, null);
          assert.equal(s.level, null);
          assert.equal(s.problemDomainCount, Object.values(scores).filter((v) => v <= 3).length);
        }),
        { numRuns: 200 },
      );
    }
  });

  test("positieve-gezondheid-6 uses threshold 5 on its 0..10 scale", () => {
    const def = builtin("positieve-gezondheid-6");
    const s = summarizeMeasurement(def, { lichaamsfuncties: 0, mentaal_welbevinden: 5, zingeving: 6, meedoen: 10 });
    assert.deepEqual(s.problemDomains, ["lichaamsfuncties", "mentaal_welbevinden"]);
    assert.equal(s.selfReliance, null);
  });

  test("participatieladder has no threshold: never a problem domain", () => {
    const def = builtin("participatieladder");
    for (let step = 1; step <= 6; step++) {
      assert.deepEqual(problemDomains(def, { participatie: step }), []);
    }
  });
});

describe("domain keys that are also Object.prototype properties", () => {
  // An organisation may define its own instrument; "constructor" matches the key pattern.
  const custom = InstrumentDefinition.parse({
    key: "eigen-2",
    version: 1,
    name: { nl: "Eigen", en: "Own" },
    domains: [
      { key: "constructor", label: { nl: "Opbouw", en: "Construction" } },
      { key: "huisvesting", label: { nl: "Huisvesting", en: "Housing" } },
    ],
    scale: { values: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: { nl: String(v), en: String(v) } })) },
    problemThreshold: 3,
    weightedSelfReliance: true,
    selfRelianceLevels: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: { nl: String(v), en: String(v) } })),
  });

  test("an unscored domain named 'constructor' counts as unscored (fails until own-property lookup is used)", () => {
    // Only huisvesting is scored (4): SR = 4·2/2 = 4, level 4, no problem domains, one scored domain.
    const s = summarizeMeasurement(custom, { huisvesting: 4 });
    assert.equal(s.scoredDomainCount, 1);
    assert.equal(s.selfReliance, 4);
    assert.equal(s.level, 4);
    assert.deepEqual(s.problemDomains, []);
  });
});
