import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { domainFigure, familyUses, metingenAround, practiceEvidence, suppressCounts, type EvidenceMeting, type PlanUse, type ProgressEntry } from "./practiceEvidence.ts";

const use = (familyId: string, o: Partial<PlanUse> = {}): PlanUse => ({
  familyId,
  trajectoryId: `t-${familyId}`,
  versionNumber: 1,
  startDate: "2024-03-01",
  instrumentKey: "ploeg-9",
  actionId: `a-${familyId}`,
  dueDate: "2024-06-01",
  status: "open",
  ...o,
});
const meting = (familyId: string, round: number, measuredOn: string | null, scores: Record<string, number>, instrumentKey = "ploeg-9"): EvidenceMeting => ({ familyId, instrumentKey, round, measuredOn, scores });
const progress = (familyId: string, status: ProgressEntry["status"], on: string, recordedAt: string): ProgressEntry => ({ trajectoryId: `t-${familyId}`, actionId: `a-${familyId}`, status, on, recordedAt });

describe("practice-based evidence: the period of use", () => {
  test("starts at the first signed version holding the action, ends when it was marked done or else at its latest due date", () => {
    const uses = [
      // Family A: in versions 1 and 2; version 2 moved the due date. Marked done on 2024-05-10.
      use("A", { versionNumber: 1, startDate: "2024-03-01", dueDate: "2024-06-01" }),
      use("A", { versionNumber: 2, startDate: "2024-04-01", dueDate: "2024-07-01" }),
      // Family B: done, then reopened: the latest status is not done, so its due date counts.
      use("B", { dueDate: "2024-08-01" }),
      // Family C: lapsed (vervallen): no use.
      use("C"),
    ];
    const log = [
      progress("A", "in_progress", "2024-04-01", "2024-04-01T10:00:00Z"),
      progress("A", "done", "2024-05-10", "2024-05-10T10:00:00Z"),
      progress("B", "done", "2024-05-01", "2024-05-01T10:00:00Z"),
      progress("B", "in_progress", "2024-05-02", "2024-05-02T10:00:00Z"),
      progress("C", "cancelled", "2024-04-01", "2024-04-01T10:00:00Z"),
    ];
    assert.deepEqual(familyUses(uses, log), [
      { familyId: "A", start: "2024-03-01", end: "2024-05-10", instrumentKey: "ploeg-9" },
      { familyId: "B", start: "2024-03-01", end: "2024-08-01", instrumentKey: "ploeg-9" },
    ]);
  });

  test("a family with several actions naming the entry uses it from the earliest start to the latest end", () => {
    const uses = [
      use("A", { actionId: "a1", startDate: "2024-05-01", dueDate: "2024-06-01", instrumentKey: "zrm-13" }),
      use("A", { actionId: "a2", trajectoryId: "t-A2", startDate: "2024-02-01", dueDate: "2024-03-01" }),
    ];
    assert.deepEqual(familyUses(uses, []), [{ familyId: "A", start: "2024-02-01", end: "2024-06-01", instrumentKey: "ploeg-9" }]);
  });

  test("before: the latest meting on or before the start, else the nulmeting; after: the earliest on or after the end, of a later round", () => {
    const period = { familyId: "A", start: "2024-03-01", end: "2024-06-01", instrumentKey: "ploeg-9" };
    const m0 = meting("A", 0, "2024-01-10", {});
    const m1 = meting("A", 1, "2024-03-01", {});
    const m2 = meting("A", 2, "2024-06-01", {});
    const m3 = meting("A", 3, "2024-09-01", {});
    assert.deepEqual(metingenAround(period, [m3, m2, m1, m0]), { before: m1, after: m2 });
    // Another instrument and another family do not count.
    assert.deepEqual(metingenAround(period, [meting("A", 1, "2024-02-01", {}, "zrm-13"), meting("B", 2, "2024-07-01", {})]), { before: null, after: null });
    // No meting before the start: the nulmeting, even dated later (or undated).
    const late0 = meting("A", 0, "2024-03-15", {});
    assert.deepEqual(metingenAround(period, [late0, m3]), { before: late0, after: m3 });
    const undated0 = meting("A", 0, null, {});
    assert.deepEqual(metingenAround(period, [undated0, m2]), { before: undated0, after: m2 });
    // The only meting after the end is the nulmeting itself: no after.
    const only0 = meting("A", 0, "2024-07-01", {});
    assert.deepEqual(metingenAround(period, [only0]), { before: only0, after: null });
  });
});

describe("practice-based evidence: small numbers", () => {
  test("counts: a group of 1–4 is never shown, nor found by subtracting two shown counts", () => {
    const v = (r: ReturnType<typeof suppressCounts>) => [r.used.value, r.withBoth.value, r.withoutAfter.value];
    assert.deepEqual(v(suppressCounts(0, 0)), [0, 0, 0]);
    assert.deepEqual(v(suppressCounts(4, 4)), [null, null, null]);
    assert.deepEqual(v(suppressCounts(12, 7)), [12, 7, 5]);
    assert.deepEqual(v(suppressCounts(12, 12)), [12, 12, 0]);
    assert.deepEqual(v(suppressCounts(7, 0)), [7, 0, 7]);
    // 3 without a nameting: the total would reveal them beside the 9 with both.
    assert.deepEqual(v(suppressCounts(12, 9)), [null, 9, null]);
    // 2 with both: only the 10 without.
    assert.deepEqual(v(suppressCounts(12, 2)), [null, null, 10]);
    // Both parts small: only the total.
    assert.deepEqual(v(suppressCounts(7, 3)), [7, null, null]);
    // Whatever is shown, and whatever follows from it (used = withBoth + withoutAfter), is 0 or at least 5.
    const small = (x: number | null) => x !== null && x > 0 && x < 5;
    for (let used = 0; used <= 30; used++) {
      for (let both = 0; both <= used; both++) {
        const r = suppressCounts(used, both);
        const [u, a, w] = [r.used.value, r.withBoth.value, r.withoutAfter.value];
        const derived = [u, a, w, u !== null && a !== null ? u - a : null, u !== null && w !== null ? u - w : null];
        assert.deepEqual(derived.filter(small), [], `${used} used, ${both} with both: shows or reveals a group under 5`);
        assert.ok(r.used.suppressed === (u === null) && r.withBoth.suppressed === (a === null), "suppressed says whether the value is hidden");
      }
    }
  });

  test("a leefgebied: hidden under 5 families, and when beside the shown count of compared families it would reveal 1–4 without a score", () => {
    const five = [1, 0, -1, 2, 0];
    assert.deepEqual(domainFigure("inkomen", five, { value: 5, suppressed: false }, 5), { domain: "inkomen", n: 5, meanChange: 0.4, improved: 0.4, same: 0.4, declined: 0.2, suppressed: false, reason: null });
    assert.equal(domainFigure("inkomen", [1, 1, 1, 1], { value: null, suppressed: true }, 4).reason, "fewer_than_5");
    assert.equal(domainFigure("inkomen", five, { value: 7, suppressed: false }, 7).reason, "small_difference");
    assert.equal(domainFigure("inkomen", five, { value: null, suppressed: true }, 7).suppressed, false);
    assert.deepEqual(domainFigure("inkomen", [], { value: 0, suppressed: false }, 0), { domain: "inkomen", n: 0, meanChange: null, improved: null, same: null, declined: null, suppressed: false, reason: null });
  });
});

describe("practice-based evidence on a hand-made fixture", () => {
  /*
   * Seven families used the entry (addressing inkomen and huisvesting); all plans start 2024-03-01,
   * actions are due 2024-06-01. Metingen: round 0 on 2024-02-01, round 1 on 2024-07-01.
   *
   *   family  inkomen 0→1   huisvesting 0→1   note
   *   F1      2 → 4 (+2)    3 → 3 ( 0)
   *   F2      1 → 2 (+1)    2 → 4 (+2)
   *   F3      3 → 3 ( 0)    3 → 2 (−1)
   *   F4      2 → 1 (−1)    1 → 3 (+2)
   *   F5      2 → 5 (+3)    4 → 4 ( 0)
   *   F6      2 → ?         —                 done 2024-05-01, but its only later meting is round 0's
   *                                           … no: F6 has no round 1 at all → "nog geen nameting"
   *   F7      3 → 4 (+1)    2 → 3 (+1)        marked done 2024-04-15, round 1 still after that
   *
   * With both: F1–F5 and F7 = 6; without: F6 = 1 → a group under 5: the total (7) is hidden, "6 met
   * voor- en nameting" is shown.
   * inkomen over 6: changes +2, +1, 0, −1, +3, +1 → sum 6, mean 1.00; improved 4/6 = 0.667,
   *   same 1/6 = 0.167, declined 1/6 = 0.167.
   * huisvesting over 6: 0, +2, −1, +2, 0, +1 → sum 4, mean 0.67 (4/6 = 0.666…); improved 3/6 = 0.5,
   *   same 2/6 = 0.333, declined 1/6 = 0.167.
   */
  const families = ["F1", "F2", "F3", "F4", "F5", "F6", "F7"];
  const scores: Record<string, [Record<string, number>, Record<string, number> | null]> = {
    F1: [{ inkomen: 2, huisvesting: 3 }, { inkomen: 4, huisvesting: 3 }],
    F2: [{ inkomen: 1, huisvesting: 2 }, { inkomen: 2, huisvesting: 4 }],
    F3: [{ inkomen: 3, huisvesting: 3 }, { inkomen: 3, huisvesting: 2 }],
    F4: [{ inkomen: 2, huisvesting: 1 }, { inkomen: 1, huisvesting: 3 }],
    F5: [{ inkomen: 2, huisvesting: 4 }, { inkomen: 5, huisvesting: 4 }],
    F6: [{ inkomen: 2, huisvesting: 2 }, null],
    F7: [{ inkomen: 3, huisvesting: 2 }, { inkomen: 4, huisvesting: 3 }],
  };
  const metingen = families.flatMap((f) => {
    const [before, after] = scores[f] ?? [{}, null];
    return [meting(f, 0, "2024-02-01", before), ...(after ? [meting(f, 1, "2024-07-01", after)] : [])];
  });

  test("counts and changes per leefgebied, as computed by hand", () => {
    const result = practiceEvidence({
      domains: ["inkomen", "huisvesting"],
      uses: families.map((f) => use(f)),
      progress: [progress("F6", "done", "2024-05-01", "2024-05-01T09:00:00Z"), progress("F7", "done", "2024-04-15", "2024-04-15T09:00:00Z")],
      metingen,
    });
    assert.deepEqual(result, {
      used: { value: null, suppressed: true },
      withBoth: { value: 6, suppressed: false },
      withoutAfter: { value: null, suppressed: true },
      domains: [
        { domain: "inkomen", n: 6, meanChange: 1, improved: 0.667, same: 0.167, declined: 0.167, suppressed: false, reason: null },
        { domain: "huisvesting", n: 6, meanChange: 0.67, improved: 0.5, same: 0.333, declined: 0.167, suppressed: false, reason: null },
      ],
      minFamilies: 5,
    });
  });

  test("with two of the families out of scope, every figure rests on under 5 families and is hidden", () => {
    const result = practiceEvidence({ domains: ["inkomen"], uses: ["F1", "F2", "F3", "F6"].map((f) => use(f)), progress: [], metingen });
    assert.deepEqual(result.used, { value: null, suppressed: true });
    assert.deepEqual(result.domains, [{ domain: "inkomen", n: null, meanChange: null, improved: null, same: null, declined: null, suppressed: true, reason: "fewer_than_5" }]);
  });
});
