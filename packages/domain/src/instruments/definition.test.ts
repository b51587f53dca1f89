import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { BUILTIN_INSTRUMENTS, DEFAULT_INSTRUMENT_KEY } from "./builtin/index.ts";
import { InstrumentDefinition, instrumentRef, isOnScale, isProblemScore, scaleBounds } from "./definition.ts";
import ploeg9Raw from "./builtin/ploeg-9.json" with { type: "json" };
import growcare8Raw from "./builtin/growcare-8.json" with { type: "json" };
import zrm13Raw from "./builtin/zrm-13.json" with { type: "json" };
import positieveGezondheid6Raw from "./builtin/positieve-gezondheid-6.json" with { type: "json" };
import participatieladderRaw from "./builtin/participatieladder.json" with { type: "json" };

const text = (s: string) => ({ nl: s, en: s });
const scale = (values: readonly number[]) => ({ values: values.map((v) => ({ value: v, label: text(`score ${v}`) })) });
const levels = (values: readonly number[]) => values.map((v) => ({ value: v, label: text(`niveau ${v}`) }));

type Text = { nl: string; en: string };
type RawDomain = { key: string; label: Text; anchors?: Record<string, Text> };

/** A minimal valid definition; every rejection case below changes one thing. */
function base() {
  return {
    key: "test-3",
    version: 1,
    name: text("Test"),
    domains: <RawDomain[]>[
      { key: "wonen", label: text("Wonen"), anchors: { "1": text("dakloos"), "5": text("eigen woning") } },
      { key: "geld", label: text("Geld") },
      { key: "werk", label: text("Werk") },
    ],
    scale: scale([1, 2, 3, 4, 5]),
    problemThreshold: 3 as number | null,
    weightedSelfReliance: true,
    selfRelianceLevels: levels([1, 2, 3, 4, 5]) as ReturnType<typeof levels> | undefined,
  };
}

/** Asserts that parsing fails with an issue at `path` whose message matches `message`. */
function assertRejected(input: unknown, path: readonly (string | number)[], message: RegExp): void {
  const result = InstrumentDefinition.safeParse(input);
  assert.equal(result.success, false, "expected the definition to be rejected");
  const issues = result.error?.issues ?? [];
  const hit = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  assert.ok(hit, `no issue at ${JSON.stringify(path)}; got ${JSON.stringify(issues.map((i) => [i.path, i.message]))}`);
  assert.match(hit.message, message);
}

describe("builtin instruments", () => {
  const expected: [key: string, raw: unknown, domains: number, min: number, max: number, threshold: number | null, weighted: boolean][] = [
    ["ploeg-9", ploeg9Raw, 9, 1, 5, 3, true],
    ["growcare-8", growcare8Raw, 8, 1, 5, 3, false],
    ["zrm-13", zrm13Raw, 13, 1, 5, 3, false],
    ["positieve-gezondheid-6", positieveGezondheid6Raw, 6, 0, 10, 5, false],
    ["participatieladder", participatieladderRaw, 1, 1, 6, null, false],
  ];
  for (const [key, raw, domains, min, max, threshold, weighted] of expected) {
    test(`${key} parses, with ${domains} domains on a ${min}..${max} scale`, () => {
      const result = InstrumentDefinition.safeParse(raw);
      assert.ok(result.success, JSON.stringify(result.error?.issues));
      const def = result.data;
      assert.equal(def.key, key);
      assert.equal(def.domains.length, domains);
      assert.deepEqual(scaleBounds(def), { min, max });
      assert.equal(def.problemThreshold, threshold);
      assert.equal(def.weightedSelfReliance, weighted);
      assert.deepEqual(BUILTIN_INSTRUMENTS.find((d) => d.key === key), def);
    });
  }

  test("exactly these five are built in, and the default is ploeg-9", () => {
    assert.deepEqual(BUILTIN_INSTRUMENTS.map((d) => d.key), expected.map((e) => e[0]));
    assert.equal(DEFAULT_INSTRUMENT_KEY, "ploeg-9");
    assert.ok(BUILTIN_INSTRUMENTS.some((d) => d.key === DEFAULT_INSTRUMENT_KEY));
  });
});

describe("ploeg-9 follows BRIEF §4", () => {
  const def = InstrumentDefinition.parse(ploeg9Raw);

  test("the nine leefgebieden, in form order", () => {
    assert.deepEqual(def.domains.map((d) => d.key), [
      "onderwijs_werk", "huisvesting", "inkomen", "opvoeding", "geestelijke_gezondheid",
      "lichamelijke_gezondheid", "sociaal_netwerk", "vrije_tijd", "justitiele_veiligheid",
    ]);
  });

  test("problem threshold 3 and the weighted self-reliance score", () => {
    assert.equal(def.problemThreshold, 3);
    assert.equal(def.weightedSelfReliance, true);
    assert.equal(instrumentRef(def), "ploeg-9@1");
  });

  test("problem scale 1..5 with the labels of the form", () => {
    assert.deepEqual(def.scale.values.map((v) => [v.value, v.label.nl]), [
      [1, "Aanzienlijk probleem"],
      [2, "Probleem"],
      [3, "Geeft wel wat problemen"],
      [4, "Gaat redelijk goed"],
      [5, "Geen enkel probleem"],
    ]);
  });

  test("self-reliance levels 1..5 with the labels of the report", () => {
    // BRIEF §4 writes them in lower case: niet / onvoldoende / beperkt / voldoende / volledig zelfredzaam
    assert.deepEqual((def.selfRelianceLevels ?? []).map((v) => [v.value, v.label.nl.toLowerCase()]), [
      [1, "niet zelfredzaam"],
      [2, "onvoldoende zelfredzaam"],
      [3, "beperkt zelfredzaam"],
      [4, "voldoende zelfredzaam"],
      [5, "volledig zelfredzaam"],
    ]);
  });
});

describe("InstrumentDefinition validation", () => {
  test("the base definition used below is valid (so each rejection is due to its one change)", () => {
    const result = InstrumentDefinition.safeParse(base());
    assert.ok(result.success, JSON.stringify(result.error?.issues));
  });

  test("rejects a domain key that appears twice", () => {
    const def = base();
    def.domains.push({ key: "geld", label: text("Nog eens geld") });
    assertRejected(def, ["domains", 3, "key"], /'geld' appears twice/);
  });

  test("rejects a scale that is not consecutive", () => {
    assertRejected({ ...base(), scale: scale([1, 2, 4, 5]) }, ["scale", "values", 2, "value"], /consecutive/);
    assertRejected({ ...base(), weightedSelfReliance: false, scale: scale([5, 4, 3, 2, 1]) }, ["scale", "values", 1, "value"], /ascending/);
    assertRejected({ ...base(), scale: scale([1, 2, 2, 3, 4, 5]) }, ["scale", "values", 2, "value"], /consecutive/);
  });

  test("rejects a problem threshold outside the scale, and accepts the scale ends and null", () => {
    assertRejected({ ...base(), problemThreshold: 6 }, ["problemThreshold"], /outside the scale 1\.\.5/);
    assertRejected({ ...base(), problemThreshold: 0 }, ["problemThreshold"], /outside the scale 1\.\.5/);
    for (const ok of [1, 5, null]) {
      assert.equal(InstrumentDefinition.safeParse({ ...base(), problemThreshold: ok }).success, true, `threshold ${ok}`);
    }
  });

  test("rejects the weighted self-reliance score on a scale other than 1..5", () => {
    assertRejected({ ...base(), scale: scale([0, 1, 2, 3, 4, 5]) }, ["weightedSelfReliance"], /1\.\.5 scale/);
    assertRejected({ ...base(), scale: scale([1, 2, 3, 4, 5, 6]) }, ["weightedSelfReliance"], /1\.\.5 scale/);
    // the same scale without the weighted score is fine
    assert.equal(InstrumentDefinition.safeParse({ ...base(), weightedSelfReliance: false, scale: scale([1, 2, 3, 4, 5, 6]) }).success, true);
  });

  test("rejects the weighted score without labels for levels 1, 2, 3, 4 and 5", () => {
    assertRejected({ ...base(), selfRelianceLevels: undefined }, ["selfRelianceLevels"], /levels 1, 2, 3, 4 and 5/);
    assertRejected({ ...base(), selfRelianceLevels: levels([1, 2, 3, 4]) }, ["selfRelianceLevels"], /levels 1, 2, 3, 4 and 5/);
    assertRejected({ ...base(), selfRelianceLevels: levels([5, 4, 3, 2, 1]) }, ["selfRelianceLevels"], /in that order/);
    // not needed without the weighted score
    assert.equal(InstrumentDefinition.safeParse({ ...base(), weightedSelfReliance: false, selfRelianceLevels: undefined }).success, true);
  });

  test("rejects anchors for values that are not on the scale", () => {
    const def = base();
    def.domains[1] = { key: "geld", label: text("Geld"), anchors: { "3": text("schulden"), "6": text("rijk") } };
    assertRejected(def, ["domains", 1, "anchors", "6"], /anchor for 6, which is not on the scale/);
    const zero = base();
    zero.domains[0] = { key: "wonen", label: text("Wonen"), anchors: { "0": text("nul"), "1": text("dakloos") } };
    assertRejected(zero, ["domains", 0, "anchors", "0"], /not on the scale/);
  });

  test("rejects bad keys, an empty domain list, a one-value scale and missing translations", () => {
    assertRejected({ ...base(), key: "Ploeg 9" }, ["key"], /lowercase/);
    assertRejected({ ...base(), domains: [] }, ["domains"], /.+/);
    assertRejected({ ...base(), weightedSelfReliance: false, scale: scale([1]) }, ["scale", "values"], /.+/);
    assertRejected({ ...base(), name: { nl: "Test", en: " " } }, ["name", "en"], /English text is missing/);
    assertRejected({ ...base(), version: 0 }, ["version"], /.+/);
  });
});

describe("scale helpers", () => {
  const def = InstrumentDefinition.parse(base());
  const ladder = InstrumentDefinition.parse(participatieladderRaw);

  test("isOnScale accepts exactly the scale values", () => {
    assert.deepEqual([0, 1, 3, 5, 6, 2.5].map((s) => isOnScale(def, s)), [false, true, true, true, false, false]);
  });

  test("isProblemScore is score ≤ threshold, and never without a threshold", () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((s) => isProblemScore(def, s)), [true, true, true, false, false]);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((s) => isProblemScore(ladder, s)), [false, false, false, false, false, false]);
  });
});
