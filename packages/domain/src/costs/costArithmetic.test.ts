import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { countsFor, familyCostSummary, hoursCostCents, meanCents, medianCents, rateFor, timeCostCents, type CostFact, type TimeFact, type TrajectoryPeriod } from "./costArithmetic.ts";
import { DEFAULT_HOURLY_RATES, type HourlyRates } from "./costContract.ts";
import { FUNDING_SOURCES, TIME_ACTIVITIES } from "./costKinds.ts";
import { prefillCost } from "./costPrefill.ts";

const RATES: HourlyRates = { coach: 7500, teamleider: 8500, ondersteuning: 9000 };

describe("hours × rate", () => {
  test("minutes × rate / 60 in whole cents, rounded half-up", () => {
    assert.equal(hoursCostCents(60, 7500), 7500);
    assert.equal(hoursCostCents(90, 7500), 11250);
    assert.equal(hoursCostCents(5, 7500), 625);
    assert.equal(hoursCostCents(0, 7500), 0);
    // 5 × 7001 / 60 = 583.416… → 583; 5 × 7006 / 60 = 583.83… → 584; 10 × 7503 / 60 = 1250.5 → 1251 (half-up).
    assert.equal(hoursCostCents(5, 7001), 583);
    assert.equal(hoursCostCents(5, 7006), 584);
    assert.equal(hoursCostCents(10, 7503), 1251);
    assert.equal(hoursCostCents(1440, 100_000), 2_400_000, "a whole day at the highest rate");
    assert.throws(() => hoursCostCents(-5, 7500), RangeError);
    assert.throws(() => hoursCostCents(5, 75.5), RangeError);
  });

  test("the rate follows the role; someone no longer in a booking role counts as a coach", () => {
    assert.equal(rateFor(RATES, "coach"), 7500);
    assert.equal(rateFor(RATES, "teamleider"), 8500);
    assert.equal(rateFor(RATES, "ondersteuning"), 9000);
    assert.equal(rateFor(RATES, "beheerder"), 7500);
    assert.equal(timeCostCents({ minutes: 30, role: "ondersteuning" }, RATES), 4500);
  });

  test("property: the value of a booking lies within half a cent of the exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 288 }), fc.integer({ min: 0, max: 100_000 }), (steps, rate) => {
        const minutes = steps * 5;
        const cents = hoursCostCents(minutes, rate);
        assert.ok(Math.abs(cents * 60 - minutes * rate) <= 30, `${minutes} min at ${rate}: ${cents}`);
      }),
    );
  });
});

describe("which trajectory an entry counts for", () => {
  const periods: TrajectoryPeriod[] = [
    { id: "t-old", startsOn: "2024-01-10", endsOn: "2024-09-30" },
    { id: "t-new", startsOn: "2024-09-15", endsOn: null },
  ];
  test("the one it was booked on, even outside that period", () => {
    assert.equal(countsFor({ on: "2025-01-01", trajectoryId: "t-old" }, periods), "t-old");
  });
  test("else the one running that day; both ends of a period count", () => {
    assert.equal(countsFor({ on: "2024-01-10", trajectoryId: null }, periods), "t-old");
    assert.equal(countsFor({ on: "2024-05-01", trajectoryId: null }, periods), "t-old");
    assert.equal(countsFor({ on: "2025-06-01", trajectoryId: null }, periods), "t-new");
  });
  test("when two overlap, the latest started, so nothing counts twice", () => {
    assert.equal(countsFor({ on: "2024-09-20", trajectoryId: null }, periods), "t-new");
    assert.equal(countsFor({ on: "2024-09-30", trajectoryId: null }, periods), "t-new");
    const sameDay = [{ id: "b", startsOn: "2024-01-01", endsOn: null }, { id: "a", startsOn: "2024-01-01", endsOn: null }];
    assert.equal(countsFor({ on: "2024-02-01", trajectoryId: null }, sameDay), "b", "same start: a fixed choice (the larger id)");
    assert.equal(countsFor({ on: "2024-02-01", trajectoryId: null }, [...sameDay].reverse()), "b", "whatever the order");
  });
  test("before the first aanmelding: none", () => {
    assert.equal(countsFor({ on: "2023-12-31", trajectoryId: null }, periods), null);
    assert.equal(countsFor({ on: "2024-05-01", trajectoryId: null }, []), null);
  });
});

const time = (on: string, minutes: number, extra: Partial<TimeFact & { userName: string }> = {}): TimeFact & { userName: string } => ({
  on,
  minutes,
  activity: "huisbezoek",
  userId: "u-coach",
  userName: "Fatma Yilmaz",
  role: "coach",
  trajectoryId: null,
  ...extra,
});
const cost = (on: string, amountCents: number, funding: CostFact["funding"], trajectoryId: string | null = null): CostFact => ({ on, amountCents, funding, trajectoryId });

describe("familyCostSummary (a hand-made family)", () => {
  // Trajectory 1 from 10 January to 31 March, trajectory 2 from 1 May, still running.
  const trajectories: TrajectoryPeriod[] = [
    { id: "t-2", startsOn: "2025-05-01", endsOn: null },
    { id: "t-1", startsOn: "2025-01-10", endsOn: "2025-03-31" },
  ];
  const summary = familyCostSummary({
    rates: RATES,
    trajectories,
    time: [
      time("2025-01-10", 120), // t-1: 2 h coach = 150.00
      time("2025-01-17", 45, { activity: "telefonisch_contact" }), // t-1: 56.25
      time("2025-02-03", 90, { activity: "mdo", userId: "u-gw", userName: "Dr. Bos", role: "ondersteuning" }), // t-1: 135.00
      time("2025-04-15", 30, { activity: "administratie" }), // between trajectories: 37.50
      time("2025-05-02", 60, { activity: "reistijd", userId: "u-lead", userName: "Anja de Vries", role: "teamleider", trajectoryId: "t-2" }), // t-2: 85.00
    ],
    costs: [
      cost("2025-02-10", 650000, "jeugdwet"), // t-1
      cost("2025-03-01", 12550, "bijzondere_bijstand"), // t-1
      cost("2025-05-20", 5000, "gezinsbudget"), // t-2
      cost("2025-03-15", 2500, "gezinsbudget", "t-2"), // booked on t-2 although dated in t-1's period
    ],
  });

  test("totals: hours at each person's rate, plus the cost lines", () => {
    assert.equal(summary.minutes, 345);
    assert.equal(summary.hoursCents, 15000 + 5625 + 13500 + 3750 + 8500);
    assert.equal(summary.costsCents, 650000 + 12550 + 5000 + 2500);
    assert.equal(summary.totalCents, summary.hoursCents + summary.costsCents);
  });

  test("per line, largest first: the hours are a line of their own", () => {
    assert.deepEqual(summary.byLine, [
      { line: "jeugdwet", cents: 650000 },
      { line: "hours", cents: 46375 },
      { line: "bijzondere_bijstand", cents: 12550 },
      { line: "gezinsbudget", cents: 7500 },
    ]);
  });

  test("per trajectory, in order of start, then what counts for none", () => {
    assert.deepEqual(summary.byTrajectory, [
      { trajectoryId: "t-1", startsOn: "2025-01-10", endsOn: "2025-03-31", minutes: 255, hoursCents: 15000 + 5625 + 13500, costsCents: 650000 + 12550, totalCents: 34125 + 662550 },
      { trajectoryId: "t-2", startsOn: "2025-05-01", endsOn: null, minutes: 60, hoursCents: 8500, costsCents: 7500, totalCents: 16000 },
      { trajectoryId: null, startsOn: null, endsOn: null, minutes: 30, hoursCents: 3750, costsCents: 0, totalCents: 3750 },
    ]);
  });

  test("per person (most hours first) with their activities, and per activity in list order", () => {
    assert.deepEqual(
      summary.byPerson.map((p) => [p.name, p.role, p.minutes, p.hoursCents, p.byActivity.map((a) => `${a.activity}:${a.minutes}`).join(" ")]),
      [
        ["Fatma Yilmaz", "coach", 195, 15000 + 5625 + 3750, "huisbezoek:120 telefonisch_contact:45 administratie:30"],
        ["Dr. Bos", "ondersteuning", 90, 13500, "mdo:90"],
        ["Anja de Vries", "teamleider", 60, 8500, "reistijd:60"],
      ],
    );
    assert.deepEqual(summary.byActivity.map((a) => a.activity), ["huisbezoek", "mdo", "telefonisch_contact", "administratie", "reistijd"]);
  });

  test("per month, oldest first", () => {
    assert.deepEqual(
      summary.byMonth.map((m) => [m.month, m.minutes, m.hoursCents, m.costsCents, m.totalCents]),
      [
        ["2025-01", 165, 20625, 0, 20625],
        ["2025-02", 90, 13500, 650000, 663500],
        ["2025-03", 0, 0, 15050, 15050],
        ["2025-04", 30, 3750, 0, 3750],
        ["2025-05", 60, 8500, 5000, 13500],
      ],
    );
  });

  test("a family without bookings: zeros, its trajectories listed empty", () => {
    const empty = familyCostSummary({ rates: DEFAULT_HOURLY_RATES, trajectories: [trajectories[1] as TrajectoryPeriod], time: [], costs: [] });
    assert.deepEqual(empty, {
      minutes: 0,
      hoursCents: 0,
      costsCents: 0,
      totalCents: 0,
      byLine: [],
      byTrajectory: [{ trajectoryId: "t-1", startsOn: "2025-01-10", endsOn: "2025-03-31", minutes: 0, hoursCents: 0, costsCents: 0, totalCents: 0 }],
      byPerson: [],
      byActivity: [],
      byMonth: [],
    });
  });

  test("an entry booked on a trajectory missing from the list still counts, under its id", () => {
    const s = familyCostSummary({ rates: RATES, trajectories: [], time: [], costs: [cost("2025-01-01", 100, "wmo", "t-gone")] });
    assert.deepEqual(s.byTrajectory.map((t) => [t.trajectoryId, t.totalCents]), [["t-gone", 100]]);
  });
});

describe("property: every breakdown adds up to the total", () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => {
    const d = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const trajectoryId = fc.constantFrom(null, "t-a", "t-b");
  const timeArb = fc.record({
    on: day,
    minutes: fc.integer({ min: 1, max: 288 }).map((n) => n * 5),
    activity: fc.constantFrom(...TIME_ACTIVITIES),
    userId: fc.constantFrom("u1", "u2", "u3"),
    userName: fc.constant("X"),
    role: fc.constantFrom("coach", "teamleider", "ondersteuning", "beheerder"),
    trajectoryId,
  });
  const costArb = fc.record({ on: day, amountCents: fc.integer({ min: 1, max: 1_000_000 }), funding: fc.constantFrom(...FUNDING_SOURCES), trajectoryId });
  const rateArb = fc.record({ coach: fc.integer({ min: 0, max: 100_000 }), teamleider: fc.integer({ min: 0, max: 100_000 }), ondersteuning: fc.integer({ min: 0, max: 100_000 }) });

  test("lines, trajectories, months and people all sum to the family's totals", () => {
    fc.assert(
      fc.property(fc.array(timeArb, { maxLength: 30 }), fc.array(costArb, { maxLength: 30 }), rateArb, (t, c, rates) => {
        const periods: TrajectoryPeriod[] = [
          { id: "t-a", startsOn: "2024-02-01", endsOn: "2024-06-30" },
          { id: "t-b", startsOn: "2024-06-01", endsOn: null },
        ];
        const s = familyCostSummary({ rates, trajectories: periods, time: t, costs: c });
        const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
        assert.equal(s.totalCents, s.hoursCents + s.costsCents);
        assert.equal(sum(s.byLine.map((l) => l.cents)), s.totalCents);
        assert.equal(sum(s.byTrajectory.map((x) => x.totalCents)), s.totalCents);
        assert.equal(sum(s.byTrajectory.map((x) => x.minutes)), s.minutes);
        assert.equal(sum(s.byMonth.map((x) => x.totalCents)), s.totalCents);
        assert.equal(sum(s.byPerson.map((x) => x.hoursCents)), s.hoursCents);
        assert.equal(sum(s.byActivity.map((x) => x.minutes)), s.minutes);
        assert.equal(s.hoursCents, sum(t.map((x) => timeCostCents(x, rates))));
      }),
    );
  });
});

describe("mean and median in cents", () => {
  test("mean half-up to a cent; median of an even count is the mean of the middle two", () => {
    assert.equal(meanCents([]), null);
    assert.equal(meanCents([100, 200, 201]), 167);
    assert.equal(meanCents([1, 2]), 2, "1.5 rounds up");
    assert.equal(medianCents([]), null);
    assert.equal(medianCents([500, 100, 300]), 300);
    assert.equal(medianCents([400, 100, 300, 200]), 250);
    assert.equal(medianCents([100, 102, 101, 104]), 102, "101.5 rounds up");
  });
});

describe("prefillCost from a catalogue entry", () => {
  test("per family: the cost; per participant: times the participants (default one)", () => {
    assert.deepEqual(prefillCost({ costCents: 550000, costUnit: "per_family" }), { kind: "amount", amountCents: 550000 });
    assert.deepEqual(prefillCost({ costCents: 12500, costUnit: "per_participant" }), { kind: "amount", amountCents: 12500 });
    assert.deepEqual(prefillCost({ costCents: 12500, costUnit: "per_participant" }, { participants: 3 }), { kind: "amount", amountCents: 37500 });
    assert.deepEqual(prefillCost({ costCents: 12500, costUnit: "per_participant" }, { participants: 0 }), { kind: "none" });
  });

  test("per group per year: the family's share once the group size is known", () => {
    // Houd me vast, about € 6.500 per group (BRIEF §5); eight families in the group.
    assert.deepEqual(prefillCost({ costCents: 650000, costUnit: "per_group_per_year" }), { kind: "needsGroupSize", groupCostCents: 650000 });
    assert.deepEqual(prefillCost({ costCents: 650000, costUnit: "per_group_per_year" }, { groupSize: 8 }), { kind: "amount", amountCents: 81250 });
    assert.deepEqual(prefillCost({ costCents: 550000, costUnit: "per_group_per_year" }, { groupSize: 3 }), { kind: "amount", amountCents: 183333 });
    assert.deepEqual(prefillCost({ costCents: 550000, costUnit: "per_group_per_year" }, { groupSize: 2.5 }), { kind: "needsGroupSize", groupCostCents: 550000 }, "not a size: still asked for");
  });

  test("free, unknown unit or no cost: no suggestion", () => {
    assert.deepEqual(prefillCost({ costCents: 0, costUnit: "free" }), { kind: "none" });
    assert.deepEqual(prefillCost({ costCents: 1000, costUnit: "free" }), { kind: "none" });
    assert.deepEqual(prefillCost({ costCents: null, costUnit: "per_family" }), { kind: "none" });
    assert.deepEqual(prefillCost({ costCents: 1000, costUnit: null }), { kind: "none" });
    assert.deepEqual(prefillCost({ costCents: 1000, costUnit: "per_week" }), { kind: "none" });
  });
});
