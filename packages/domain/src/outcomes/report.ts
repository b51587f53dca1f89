import type { InstrumentDefinition } from "../instruments/definition.ts";
import { scoreOf, summarizeMeasurement, type DomainScores } from "./measurementSummary.ts";
import { assembleMetingen, assembleTransitions, emptyRoundTotals, type RoundOutcome, type RoundTotals, type Transition } from "./totals.ts";

/** One family-level measurement as the report needs it. */
export interface OutcomeInput {
  family: string;
  round: number;
  scores: DomainScores;
}

export interface FamilyMeasurementOutcome {
  meting: number;
  selfReliance: number | null;
  level: number | null;
  problemDomains: number;
  scores: Record<string, number>;
}

export interface FamilyOutcome {
  family: string;
  measurements: FamilyMeasurementOutcome[];
}

export interface OutcomeReport {
  instrument: { key: string; version: number };
  /** Families with at least one meting in the report. */
  familyCount: number;
  /** Per family; left out of the dashboard (aggregates only), present in research exports. */
  families?: FamilyOutcome[];
  metingen: RoundOutcome[];
  transitions: Transition[];
}

/** The report with its per-family part, as research exports and the CLI give it. */
export type FullOutcomeReport = OutcomeReport & { families: FamilyOutcome[] };

const NATURAL = new Intl.Collator("nl", { numeric: true });

/** Natural order of dossiernummers (DEMO-2 before DEMO-10), plain comparison for ties such as "01"/"1". */
export function compareCaseNumbers(a: string, b: string): number {
  return NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Groups measurement outcomes per family, families in natural order, metingen ascending. */
export function groupFamilyOutcomes(rows: Iterable<{ family: string; measurement: FamilyMeasurementOutcome }>): FamilyOutcome[] {
  const byFamily = new Map<string, FamilyMeasurementOutcome[]>();
  for (const { family, measurement } of rows) {
    const list = byFamily.get(family) ?? [];
    if (list.some((m) => m.meting === measurement.meting)) throw new Error(`family ${family} has two measurements for meting ${measurement.meting}`);
    list.push(measurement);
    byFamily.set(family, list);
  }
  return [...byFamily.entries()]
    .sort((a, b) => compareCaseNumbers(a[0], b[0]))
    .map(([family, ms]) => ({ family, measurements: ms.sort((a, b) => a.meting - b.meting) }));
}

/** Level transitions between every pair of metingen over the families measured at both. */
export function transitionsFromFamilies(families: readonly FamilyOutcome[]): Transition[] {
  const found = new Map<string, Transition>();
  for (const f of families) {
    const levels = f.measurements.filter((m) => m.level !== null);
    for (let i = 0; i < levels.length; i++) {
      for (let j = i + 1; j < levels.length; j++) {
        const a = levels[i] as FamilyMeasurementOutcome;
        const b = levels[j] as FamilyMeasurementOutcome;
        const key = `${a.meting}→${b.meting}`;
        let t = found.get(key);
        if (!t) found.set(key, (t = { from: a.meting, to: b.meting, families: 0, improved: 0, same: 0, declined: 0 }));
        t.families += 1;
        const la = a.level as number;
        const lb = b.level as number;
        if (lb > la) t.improved += 1;
        else if (lb < la) t.declined += 1;
        else t.same += 1;
      }
    }
  }
  return [...found.values()];
}

/**
 * The outcome report over family-level measurements (BRIEF §4): per family the SR, level and
 * problem-domain count per meting; per meting the domain means, mean number of problem domains
 * and their distribution; and for every pair of metingen the level transitions of the families
 * measured at both. Input order does not matter; output is sorted by family and meting.
 * The server computes the same totals in SQL and assembles them with the same functions.
 */
export function buildOutcomeReport(def: InstrumentDefinition, rows: readonly OutcomeInput[]): FullOutcomeReport {
  const byRound = new Map<number, RoundTotals>();
  const measured: { family: string; measurement: FamilyMeasurementOutcome }[] = [];
  for (const row of rows) {
    const summary = summarizeMeasurement(def, row.scores);
    let t = byRound.get(row.round);
    if (!t) byRound.set(row.round, (t = emptyRoundTotals(row.round)));
    const scores: Record<string, number> = {};
    for (const d of def.domains) {
      const s = scoreOf(row.scores, d.key);
      if (s === undefined) continue;
      scores[d.key] = s;
      const acc = (t.domains[d.key] ??= { sum: 0, count: 0 });
      acc.sum += s;
      acc.count += 1;
    }
    t.families += 1;
    t.problemSum += summary.problemDomainCount;
    const bucket = String(summary.problemDomainCount);
    t.distribution[bucket] = (t.distribution[bucket] ?? 0) + 1;
    if (summary.selfRelianceExact) {
      const { num, den } = summary.selfRelianceExact;
      const sr = t.selfReliance.find((x) => x.den === den);
      if (sr) {
        sr.num += num;
        sr.count += 1;
      } else t.selfReliance.push({ den, num, count: 1 });
    }
    measured.push({
      family: row.family,
      measurement: { meting: row.round, selfReliance: summary.selfReliance, level: summary.level, problemDomains: summary.problemDomainCount, scores },
    });
  }
  const families = groupFamilyOutcomes(measured);
  const rounds = [...byRound.keys()];
  return {
    instrument: { key: def.key, version: def.version },
    familyCount: families.length,
    families,
    metingen: assembleMetingen(def, [...byRound.values()]),
    transitions: assembleTransitions(def, rounds, transitionsFromFamilies(families)),
  };
}
