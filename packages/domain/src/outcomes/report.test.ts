import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import type { InstrumentDefinition } from "../instruments/definition.ts";
import { buildOutcomeReport, type OutcomeInput } from "./report.ts";

function builtin(key: string): InstrumentDefinition {
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === key);
  assert.ok(def, `builtin ${key}`);
  return def;
}
const ploeg9 = builtin("ploeg-9");
const KEYS = ploeg9.domains.map((d) => d.key);

/** Scores in form order: onderwijs_werk, huisvesting, inkomen, opvoeding, geestelijke_gezondheid,
 *  lichamelijke_gezondheid, sociaal_netwerk, vrije_tijd, justitiele_veiligheid. */
function form(values: readonly number[]): Record<string, number> {
  assert.equal(values.length, 9);
  const out: Record<string, number> = {};
  KEYS.forEach((k, i) => {
    const v = values[i];
    if (v !== undefined) out[k] = v;
  });
  return out;
}
const row = (family: string, round: number, values: readonly number[]): OutcomeInput => ({ family, round, scores: form(values) });

/*
 * Five ploeg-9 families; D-105 dropped out after the 0-meting.   weights w = 6 − s.
 *
 *             ow hv ink opv gg lg sn vt jv   Σw  Σs·w   SR exact      shown level  problems (≤3)
 * D-101 m0     2  1  2   3  3  4  3  2  5   29   69    69/29 = 2.379  2.4   2      7
 * D-101 m1     3  4  4   3  3  4  3  5  5   20   70    70/20 = 3.5    3.5   4      4 (ow opv gg sn)
 * D-102 m0     3  2  2   4  3  4  4  3  5   24   72    72/24 = 3      3.0   3      5 (ow hv ink gg vt)
 * D-102 m1     4  3  3   4  3  4  4  3  5   21   73    73/21 = 3.476  3.5   3      4 (hv ink gg vt)
 * D-103 m0     1  1  1   2  1  3  2  2  1   40   58    58/40 = 1.45   1.5   1      9   ← (1.45).toFixed(1) = "1.4"
 * D-103 m1     3  4  4   3  1  3  3  1  4   28   70    70/28 = 2.5    2.5   3      6 (ow opv gg lg sn vt)
 * D-104 m0     4  4  3   4  4  5  4  3  5   18   68    68/18 = 3.778  3.8   4      2 (ink vt)
 * D-104 m1     3  3  3   4  3  5  4  3  5   21   71    71/21 = 3.381  3.4   3      5 (ow hv ink gg vt)
 * D-105 m0     1  2  2   2  3  3  2  3  4   32   72    72/32 = 2.25   2.3   2      8 (all but jv)  ← half-even would say 2.2
 *
 * Σs·w checks: D-101 m0 8+5+8+9+9+8+9+8+5; D-101 m1 9+8+8+9+9+8+9+5+5; D-102 m0 9+8+8+8+9+8+8+9+5;
 * D-102 m1 8+9+9+8+9+8+8+9+5; D-103 m0 5+5+5+8+5+9+8+8+5; D-103 m1 9+8+8+9+5+9+9+5+8;
 * D-104 m0 8+8+9+8+8+5+8+9+5; D-104 m1 9+9+9+8+9+5+8+9+5; D-105 m0 5+8+8+8+9+9+8+9+8.
 *
 * Meting 0 (5 families), domain sums / 5:  ow 2+3+1+4+1 = 11 → 2.2   hv 1+2+1+4+2 = 10 → 2.0
 *   ink 2+2+1+3+2 = 10 → 2.0   opv 3+4+2+4+2 = 15 → 3.0   gg 3+3+1+4+3 = 14 → 2.8   lg 4+4+3+5+3 = 19 → 3.8
 *   sn 3+4+2+4+2 = 15 → 3.0    vt 2+3+2+3+3 = 13 → 2.6    jv 5+5+1+5+4 = 20 → 4.0
 *   problem domains 7+5+9+2+8 = 31 / 5 = 6.20; distribution {2:1, 5:1, 7:1, 8:1, 9:1}
 *   SR mean (exact) (69/29 + 3 + 1.45 + 68/18 + 2.25) / 5 = 12.8571 / 5 = 2.571 → 2.6
 * Meting 1 (4 families), domain sums / 4:  ow 3+4+3+3 = 13 → 3.25 → 3.3 (half-up)   hv 4+3+4+3 = 14 → 3.5
 *   ink 14 → 3.5   opv 3+4+3+4 = 14 → 3.5   gg 3+3+1+3 = 10 → 2.5   lg 4+4+3+5 = 16 → 4.0
 *   sn 3+4+3+4 = 14 → 3.5   vt 5+3+1+3 = 12 → 3.0   jv 5+5+4+5 = 19 → 4.75 → 4.8
 *   problem domains 4+4+6+5 = 19 / 4 = 4.75; distribution {4:2, 5:1, 6:1}
 *   SR mean (3.5 + 73/21 + 2.5 + 71/21) / 4 = (6 + 144/21) / 4 = 3.214 → 3.2
 * Transition 0 → 1 over the 4 families with both: D-101 2→4 up, D-102 3→3 same, D-103 1→3 up, D-104 4→3 down.
 */
const rows: OutcomeInput[] = [
  row("D-101", 0, [2, 1, 2, 3, 3, 4, 3, 2, 5]),
  row("D-101", 1, [3, 4, 4, 3, 3, 4, 3, 5, 5]),
  row("D-102", 0, [3, 2, 2, 4, 3, 4, 4, 3, 5]),
  row("D-102", 1, [4, 3, 3, 4, 3, 4, 4, 3, 5]),
  row("D-103", 0, [1, 1, 1, 2, 1, 3, 2, 2, 1]),
  row("D-103", 1, [3, 4, 4, 3, 1, 3, 3, 1, 4]),
  row("D-104", 0, [4, 4, 3, 4, 4, 5, 4, 3, 5]),
  row("D-104", 1, [3, 3, 3, 4, 3, 5, 4, 3, 5]),
  row("D-105", 0, [1, 2, 2, 2, 3, 3, 2, 3, 4]),
];

describe("buildOutcomeReport: hand-computed ploeg-9 example", () => {
  const report = buildOutcomeReport(ploeg9, [...rows].reverse());

  test("names the instrument", () => {
    assert.deepEqual(report.instrument, { key: "ploeg-9", version: 1 });
  });

  test("per family and meting: SR (one decimal), level and problem-domain count", () => {
    const brief = report.families.map((f) => [f.family, f.measurements.map((m) => [m.meting, m.selfReliance, m.level, m.problemDomains])]);
    assert.deepEqual(brief, [
      ["D-101", [[0, 2.4, 2, 7], [1, 3.5, 4, 4]]],
      ["D-102", [[0, 3, 3, 5], [1, 3.5, 3, 4]]],
      ["D-103", [[0, 1.5, 1, 9], [1, 2.5, 3, 6]]],
      ["D-104", [[0, 3.8, 4, 2], [1, 3.4, 3, 5]]],
      ["D-105", [[0, 2.3, 2, 8]]],
    ]);
    assert.deepEqual(report.families[0]?.measurements[0]?.scores, form([2, 1, 2, 3, 3, 4, 3, 2, 5]));
  });

  test("meting 0", () => {
    assert.deepEqual(report.metingen[0], {
      meting: 0,
      families: 5,
      domainMeans: {
        onderwijs_werk: 2.2, huisvesting: 2, inkomen: 2, opvoeding: 3, geestelijke_gezondheid: 2.8,
        lichamelijke_gezondheid: 3.8, sociaal_netwerk: 3, vrije_tijd: 2.6, justitiele_veiligheid: 4,
      },
      problemDomainsMean: 6.2,
      problemDomainDistribution: { "2": 1, "5": 1, "7": 1, "8": 1, "9": 1 },
      selfRelianceMean: 2.6,
    });
  });

  test("meting 1", () => {
    assert.deepEqual(report.metingen[1], {
      meting: 1,
      families: 4,
      domainMeans: {
        onderwijs_werk: 3.3, huisvesting: 3.5, inkomen: 3.5, opvoeding: 3.5, geestelijke_gezondheid: 2.5,
        lichamelijke_gezondheid: 4, sociaal_netwerk: 3.5, vrije_tijd: 3, justitiele_veiligheid: 4.8,
      },
      problemDomainsMean: 4.75,
      problemDomainDistribution: { "4": 2, "5": 1, "6": 1 },
      selfRelianceMean: 3.2,
    });
    assert.equal(report.metingen.length, 2);
  });

  test("transition 0 → 1 counts only the four families measured at both", () => {
    assert.deepEqual(report.transitions, [{ from: 0, to: 1, families: 4, improved: 2, same: 1, declined: 1 }]);
  });
});

describe("buildOutcomeReport: exact rounding where floating point goes wrong", () => {
  const fives = [5, 5, 5, 5, 5, 5, 5, 5, 5];
  const withHuisvesting = (hv: number) => fives.map((v, i) => (i === 1 ? hv : v));

  test("domain mean 63/20 = 3.15 shows as 3.2 (float toFixed gives 3.1); 49/20 = 2.45 as 2.5", () => {
    // 20 families. huisvesting: 17 × 3 + 3 × 4 = 63 → 3.15 → 3.2.   Problem domains: 17 × 1 + 3 × 0 = 17 → 0.85
    const a = Array.from({ length: 20 }, (_, i) => row(`G-${i + 1}`, 0, withHuisvesting(i < 17 ? 3 : 4)));
    const m = buildOutcomeReport(ploeg9, a).metingen[0];
    assert.equal(m?.domainMeans.huisvesting, 3.2);
    assert.equal(m?.domainMeans.inkomen, 5);
    assert.equal(m?.problemDomainsMean, 0.85);
    // huisvesting: 11 × 2 + 9 × 3 = 49 → 2.45 → 2.5; all 20 have 1 problem domain → 1.00
    const b = Array.from({ length: 20 }, (_, i) => row(`G-${i + 1}`, 0, withHuisvesting(i < 11 ? 2 : 3)));
    assert.equal(buildOutcomeReport(ploeg9, b).metingen[0]?.domainMeans.huisvesting, 2.5);
  });

  test("problem-domain mean 17/8 = 2.125 → 2.13 and 201/200 = 1.005 → 1.01 (Math.round(1.005·100)/100 = 1)", () => {
    // 8 families with 3,3,2,2,2,2,2,1 problem domains (scores 1 in the first k domains, 5 elsewhere): Σ 17
    const counts = [3, 3, 2, 2, 2, 2, 2, 1];
    const eight = counts.map((k, i) => row(`H-${i + 1}`, 0, fives.map((v, j) => (j < k ? 1 : v))));
    assert.equal(buildOutcomeReport(ploeg9, eight).metingen[0]?.problemDomainsMean, 2.13);
    // 200 families: 199 with 1 problem domain, 1 with 2: Σ 201
    const many = Array.from({ length: 200 }, (_, i) => row(`K-${i + 1}`, 0, fives.map((v, j) => (j < (i === 0 ? 2 : 1) ? 2 : v))));
    const m = buildOutcomeReport(ploeg9, many).metingen[0];
    assert.equal(m?.problemDomainsMean, 1.01);
    assert.deepEqual(m?.problemDomainDistribution, { "1": 199, "2": 1 });
  });

  test("SR mean is the mean of the exact values, not of the shown ones", () => {
    // SR 72/24 = 3 (shown 3.0) and 73/21 = 3.476 (shown 3.5): exact mean 136/42 = 3.238 → 3.2;
    // the mean of the shown values would be 3.25 → 3.3.
    const r = buildOutcomeReport(ploeg9, [
      row("A", 0, [3, 2, 2, 4, 3, 4, 4, 3, 5]),
      row("B", 0, [4, 3, 3, 4, 3, 4, 4, 3, 5]),
    ]);
    assert.equal(r.metingen[0]?.selfRelianceMean, 3.2);
  });
});

describe("buildOutcomeReport: edge cases", () => {
  test("no rows: an empty report", () => {
    assert.deepEqual(buildOutcomeReport(ploeg9, []), { instrument: { key: "ploeg-9", version: 1 }, familyCount: 0, families: [], metingen: [], transitions: [] });
  });

  test("two measurements of one family at the same meting are refused", () => {
    assert.throws(() => buildOutcomeReport(ploeg9, [row("A", 0, [3, 3, 3, 3, 3, 3, 3, 3, 3]), row("A", 0, [4, 4, 4, 4, 4, 4, 4, 4, 4])]), /two measurements/);
  });

  test("a domain nobody scored has mean null; unknown keys do not appear", () => {
    const r = buildOutcomeReport(ploeg9, [{ family: "A", round: 0, scores: { huisvesting: 2, hobby: 1 } }]);
    const m = r.metingen[0];
    assert.equal(m?.domainMeans.huisvesting, 2);
    assert.equal(m?.domainMeans.inkomen, null);
    assert.equal("hobby" in (m?.domainMeans ?? {}), false);
    assert.deepEqual(r.families[0]?.measurements[0]?.scores, { huisvesting: 2 });
  });

  test("families sort naturally (D-9 before D-10) and metingen ascend", () => {
    const r = buildOutcomeReport(ploeg9, [
      row("D-10", 2, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
      row("D-9", 0, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
      row("D-10", 0, [2, 2, 2, 2, 2, 2, 2, 2, 2]),
    ]);
    assert.deepEqual(r.families.map((f) => f.family), ["D-9", "D-10"]);
    assert.deepEqual(r.families[1]?.measurements.map((m) => m.meting), [0, 2]);
    assert.deepEqual(r.metingen.map((m) => m.meting), [0, 2]);
  });

  test("a row with nothing scored counts as a family at its meting but has no SR and no transition", () => {
    // A: all 3 → SR 3, level 3, 9 problems. B at meting 0: nothing scored. Both measured at meting 1 (all 4 → level 4).
    const r = buildOutcomeReport(ploeg9, [
      row("A", 0, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
      { family: "B", round: 0, scores: {} },
      row("A", 1, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
      row("B", 1, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
    ]);
    const m0 = r.metingen[0];
    assert.equal(m0?.families, 2);
    assert.equal(m0?.selfRelianceMean, 3); // the mean over the one family with an SR, not 3/2
    assert.equal(m0?.problemDomainsMean, 4.5); // (9 + 0) / 2
    assert.deepEqual(r.families[1]?.measurements[0], { meting: 0, selfReliance: null, level: null, problemDomains: 0, scores: {} });
    assert.deepEqual(r.transitions, [{ from: 0, to: 1, families: 1, improved: 1, same: 0, declined: 0 }]);
  });

  test("an instrument without weighted SR has no SR, no levels and no transitions", () => {
    const growcare = builtin("growcare-8");
    const r = buildOutcomeReport(growcare, [
      { family: "A", round: 0, scores: { geld: 1, wonen: 2 } },
      { family: "A", round: 1, scores: { geld: 4, wonen: 4 } },
    ]);
    assert.deepEqual(r.transitions, []);
    assert.equal(r.metingen[0]?.selfRelianceMean, null);
    assert.equal(r.families[0]?.measurements[0]?.level, null);
    assert.equal(r.metingen[0]?.problemDomainsMean, 2);
    assert.equal(r.metingen[1]?.problemDomainsMean, 0);
  });

  test("family ids that collate equal ('01' and '1') still give the same report whatever the input order (fails until ties are broken)", () => {
    // localeCompare(…, { numeric: true }) treats "01" and "1" (or case numbers "2012-01" and "2012-1") as equal,
    // and the stable sort then keeps input order, so the output depends on the input order.
    const a = row("2012-01", 0, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const b = row("2012-1", 0, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    assert.deepEqual(buildOutcomeReport(ploeg9, [a, b]), buildOutcomeReport(ploeg9, [b, a]));
  });
});
