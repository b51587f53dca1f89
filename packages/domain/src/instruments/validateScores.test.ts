import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { BUILTIN_INSTRUMENTS } from "./builtin/index.ts";
import type { InstrumentDefinition } from "./definition.ts";
import { validateScores, type ScoreEntry } from "./validateScores.ts";

function builtin(key: string): InstrumentDefinition {
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === key);
  assert.ok(def, `builtin ${key}`);
  return def;
}
const ploeg9 = builtin("ploeg-9");
const ladder = builtin("participatieladder");
const entry = (score: number, justification: string | null = null): ScoreEntry => ({ score, justification });
const names = (errors: { name: string }[]) => errors.map((e) => e.name);

describe("validateScores", () => {
  test("a complete ploeg-9 form with justifications for every problem score is valid", () => {
    const scores: Record<string, ScoreEntry> = {};
    ploeg9.domains.forEach((d, i) => {
      const score = (i % 5) + 1;
      scores[d.key] = entry(score, score <= 3 ? "huurachterstand van drie maanden" : null);
    });
    assert.deepEqual(validateScores(ploeg9, scores), []);
  });

  test("refuses a domain that is not on the instrument", () => {
    const errors = validateScores(ploeg9, { huisvesting: entry(4), wonen: entry(4) });
    assert.deepEqual(names(errors), ["scores.wonen"]);
    assert.match(errors[0]?.reason ?? "", /'wonen' is not a domain of ploeg-9/);
    assert.match(errors[0]?.reason ?? "", /onderwijs_werk, huisvesting, inkomen/);
  });

  test("refuses scores off the scale", () => {
    for (const bad of [0, 6, -1, 100]) {
      const errors = validateScores(ploeg9, { huisvesting: entry(bad, "toelichting") });
      assert.deepEqual(names(errors), ["scores.huisvesting.score"], `score ${bad}`);
      assert.match(errors[0]?.reason ?? "", /whole number from 1 to 5/);
    }
  });

  test("refuses scores that are not whole numbers", () => {
    for (const bad of [2.5, 4.0000001, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(names(validateScores(ploeg9, { inkomen: entry(bad, "toelichting") })), ["scores.inkomen.score"], `score ${bad}`);
    }
  });

  test("requires a justification for every score at or under the threshold (3)", () => {
    for (const score of [1, 2, 3]) {
      for (const justification of [null, "", "   \n"]) {
        const errors = validateScores(ploeg9, { opvoeding: entry(score, justification) });
        assert.deepEqual(names(errors), ["scores.opvoeding.justification"], `score ${score}, ${JSON.stringify(justification)}`);
        assert.match(errors[0]?.reason ?? "", /beschrijving problematiek/);
      }
      assert.deepEqual(validateScores(ploeg9, { opvoeding: entry(score, "zorgen over schoolverzuim") }), []);
    }
  });

  test("does not require a justification above the threshold", () => {
    assert.deepEqual(validateScores(ploeg9, { opvoeding: entry(4), vrije_tijd: entry(5, "") }), []);
  });

  test("participatieladder has no threshold, so no step needs a justification", () => {
    for (let step = 1; step <= 6; step++) {
      assert.deepEqual(validateScores(ladder, { participatie: entry(step) }), [], `step ${step}`);
    }
    assert.deepEqual(names(validateScores(ladder, { participatie: entry(7) })), ["scores.participatie.score"]);
  });

  test("an empty form is refused", () => {
    assert.deepEqual(validateScores(ploeg9, {}), [{ name: "scores", reason: "score at least one domain" }]);
  });

  test("reports every wrong field at once", () => {
    const errors = validateScores(ploeg9, { huisvesting: entry(1), inkomen: entry(7), wonen: entry(3), vrije_tijd: entry(4) });
    assert.deepEqual(names(errors).sort(), ["scores.huisvesting.justification", "scores.inkomen.score", "scores.wonen"]);
  });

  test("property: a ploeg-9 score is valid exactly when it is a whole 1..5 and, if ≤ 3, justified", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ploeg9.domains.map((d) => d.key)),
        fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double({ min: -2, max: 8, noNaN: true })),
        fc.option(fc.string({ maxLength: 5 }), { nil: null }),
        (key, score, justification) => {
          const onScale = Number.isInteger(score) && score >= 1 && score <= 5;
          const justified = (justification ?? "").trim().length > 0;
          const valid = onScale && (score > 3 || justified);
          assert.equal(validateScores(ploeg9, { [key]: entry(score, justification) }).length === 0, valid);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
