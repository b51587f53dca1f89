import { csvLine } from "../csv/csv.ts";
import type { Language } from "../i18n.ts";
import { COST_LINE_LABELS, FUNDING_LABELS, TIME_ACTIVITY_LABELS } from "./costKinds.ts";
import type { CostEntry, TimeEntry } from "./costContract.ts";
import type { CostOutcomeReport, CostOutcomeRow } from "./costOutcomeContract.ts";
import { centsToDecimal } from "./money.ts";

/*
 * CSV exports of the costs. Amounts are euros with a decimal point (centsToDecimal), so a
 * spreadsheet reads them as numbers in any locale setting; csvLine defuses cells a spreadsheet
 * would run as a formula (a description starting with "=" or "+").
 */

const euros = (cents: number | null) => (cents === null ? null : centsToDecimal(cents));

export const FAMILY_COSTS_CSV_COLUMNS = ["date", "kind", "person", "activity", "minutes", "amount_eur", "funding", "description", "intervention", "trajectory_id", "counts_for_trajectory_id", "booked_at"] as const;

/** One line per booking of the family (hours and costs), oldest first. */
export function familyCostsCsv(time: readonly TimeEntry[], costs: readonly CostEntry[], lang: Language = "nl"): string {
  const rows: { on: string; at: string; cells: (string | number | null)[] }[] = [
    ...time.map((t) => ({
      on: t.on,
      at: t.createdAt,
      cells: [t.on, lang === "nl" ? "uren" : "hours", t.userName, TIME_ACTIVITY_LABELS[t.activity][lang], t.minutes, euros(t.costCents), null, t.note, null, t.trajectoryId, t.countsFor, t.createdAt],
    })),
    ...costs.map((c) => ({
      on: c.on,
      at: c.createdAt,
      cells: [c.on, lang === "nl" ? "kosten" : "cost", c.createdByName, null, null, euros(c.amountCents), FUNDING_LABELS[c.funding][lang], c.description, c.interventionName, c.trajectoryId, c.countsFor, c.createdAt],
    })),
  ].sort((a, b) => (a.on === b.on ? (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) : a.on < b.on ? -1 : 1));
  return [csvLine(FAMILY_COSTS_CSV_COLUMNS), ...rows.map((r) => csvLine(r.cells))].join("\n") + "\n";
}

export const COST_OUTCOME_CSV_COLUMNS = [
  "group",
  "families",
  "total_eur",
  "mean_per_family_eur",
  "median_per_family_eur",
  "trajectories",
  "mean_per_trajectory_eur",
  "median_per_trajectory_eur",
  "families_measured",
  "self_reliance_change",
  "problem_domain_change",
  "line",
  "line_families",
  "line_total_eur",
  "line_mean_eur",
] as const;

/**
 * The table as CSV: per row one line with its figures, then one line per cost line. A hidden figure
 * is an empty cell, exactly as on screen: the file never holds more than the answer did.
 */
export function costOutcomeCsv(report: CostOutcomeReport, lang: Language = "nl"): string {
  const out = [csvLine(COST_OUTCOME_CSV_COLUMNS)];
  const rowLines = (r: CostOutcomeRow) => {
    const t = r.trajectories;
    const o = r.outcome;
    out.push(csvLine([r.label, r.families, euros(r.totalCents), euros(r.meanCents), euros(r.medianCents), t?.count ?? null, euros(t?.meanCents ?? null), euros(t?.medianCents ?? null), o?.families ?? null, o?.selfRelianceChange ?? null, o?.problemDomainChange ?? null, null, null, null, null]));
    for (const l of r.lines) out.push(csvLine([r.label, null, null, null, null, null, null, null, null, null, null, COST_LINE_LABELS[l.line][lang], l.families, euros(l.totalCents), euros(l.meanCents)]));
  };
  for (const g of report.groups) rowLines(g);
  rowLines(report.total);
  return out.join("\n") + "\n";
}
