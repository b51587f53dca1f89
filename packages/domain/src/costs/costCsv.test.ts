import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv } from "../csv/csv.ts";
import { DEFAULT_HOURLY_RATES, type CostEntry, type TimeEntry } from "./costContract.ts";
import { COST_OUTCOME_CSV_COLUMNS, costOutcomeCsv, FAMILY_COSTS_CSV_COLUMNS, familyCostsCsv } from "./costCsv.ts";
import type { CostOutcomeReport, CostOutcomeRow } from "./costOutcomeContract.ts";

const ID = "00000000-0000-4000-8000-000000000001";
const T = "00000000-0000-4000-8000-0000000000aa";

const timeEntry = (on: string, extra: Partial<TimeEntry> = {}): TimeEntry => ({
  id: ID,
  familyId: ID,
  trajectoryId: null,
  countsFor: T,
  userId: ID,
  userName: "Fatma Yilmaz",
  userRole: "coach",
  on,
  minutes: 90,
  activity: "huisbezoek",
  note: null,
  costCents: 11250,
  createdAt: `${on}T10:00:00.000Z`,
  ...extra,
});
const costEntry = (on: string, extra: Partial<CostEntry> = {}): CostEntry => ({
  id: ID,
  familyId: ID,
  trajectoryId: T,
  countsFor: T,
  interventionId: null,
  interventionName: null,
  on,
  amountCents: 650000,
  description: "Houd me vast",
  funding: "jeugdwet",
  createdById: ID,
  createdByName: "Anja de Vries",
  createdAt: `${on}T09:00:00.000Z`,
  ...extra,
});

describe("familyCostsCsv", () => {
  test("hours and costs in one list, by date; euros with a decimal point", () => {
    const csv = familyCostsCsv([timeEntry("2025-02-01"), timeEntry("2025-01-05", { activity: "mdo", note: "MDO met school", minutes: 60, costCents: 7500 })], [costEntry("2025-01-20", { interventionName: "Houd me vast (groep)" })]);
    const rows = parseCsv(csv).map((r) => r.cells);
    assert.deepEqual(rows[0], [...FAMILY_COSTS_CSV_COLUMNS]);
    assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8]]), [
      ["2025-01-05", "uren", "MDO", "60", "75.00", "", "MDO met school", ""],
      ["2025-01-20", "kosten", "", "", "6500.00", "Jeugdwet", "Houd me vast", "Houd me vast (groep)"],
      ["2025-02-01", "uren", "Huisbezoek", "90", "112.50", "", "", ""],
    ]);
    assert.equal(rows[2]?.[2], "Anja de Vries");
    assert.equal(rows[2]?.[9], T);
  });

  test("English labels on request", () => {
    const rows = parseCsv(familyCostsCsv([timeEntry("2025-02-01")], [costEntry("2025-02-01")], "en")).map((r) => r.cells);
    assert.deepEqual(rows.slice(1).map((r) => [r[1], r[3], r[6]]), [["cost", "", "Youth Act (Jeugdwet)"], ["hours", "Home visit", ""]]);
  });

  test("formula injection: a description or note a spreadsheet would run is defused", () => {
    const csv = familyCostsCsv([timeEntry("2025-02-01", { note: "=HYPERLINK(\"http://x\")" })], [costEntry("2025-02-01", { description: "+31 6 1234", interventionName: "@SUM(A1)" })]);
    for (const cell of parseCsv(csv).flatMap((r) => r.cells)) assert.ok(!/^[=+@]/.test(cell), `cell starts with a formula character: ${cell}`);
    assert.match(csv, /'=HYPERLINK/);
    assert.match(csv, /'\+31 6 1234/);
  });
});

describe("costOutcomeCsv", () => {
  const row = (label: string, extra: Partial<CostOutcomeRow> = {}): CostOutcomeRow => ({
    key: label,
    label,
    hidden: false,
    families: 6,
    totalCents: 600000,
    meanCents: 100000,
    medianCents: 90000,
    trajectories: { count: 7, meanCents: 85714, medianCents: 80000 },
    lines: [{ line: "hours", families: 6, totalCents: 500000, meanCents: 83333 }, { line: "wmo", families: null, totalCents: null, meanCents: null }],
    outcome: { families: 5, selfRelianceChange: 0.42, problemDomainChange: -1.2 },
    ...extra,
  });
  const report: CostOutcomeReport = {
    instrument: "ploeg-9",
    from: null,
    to: null,
    groupBy: "district",
    suppression: { applied: true, minimumFamilies: 5 },
    rates: DEFAULT_HOURLY_RATES,
    groups: [row("Noord"), row("=Zuid", { hidden: true, families: null, totalCents: null, meanCents: null, medianCents: null, trajectories: null, outcome: null, lines: [] })],
    total: row("Totaal", { families: 12 }),
  };

  test("a line per row and per cost line; hidden figures are empty cells; the label is defused", () => {
    const rows = parseCsv(costOutcomeCsv(report)).map((r) => r.cells);
    assert.deepEqual(rows[0], [...COST_OUTCOME_CSV_COLUMNS]);
    assert.deepEqual(rows[1], ["Noord", "6", "6000.00", "1000.00", "900.00", "7", "857.14", "800.00", "5", "0.42", "-1.2", "", "", "", ""]);
    assert.deepEqual(rows[2], ["Noord", "", "", "", "", "", "", "", "", "", "", "Inzet in uren", "6", "5000.00", "833.33"]);
    assert.deepEqual(rows[3], ["Noord", "", "", "", "", "", "", "", "", "", "", "Wmo (gemeente)", "", "", ""]);
    assert.deepEqual(rows[4], ["'=Zuid", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]);
    assert.equal(rows[5]?.[0], "Totaal");
    assert.equal(rows[5]?.[1], "12");
    assert.equal(rows.length, 8);
  });
});
