import type { InstrumentDefinition } from "../instruments/definition.ts";
import { isProblemScore } from "../instruments/definition.ts";
import type { Ratio } from "./ratio.ts";
import { displaySelfReliance, selfRelianceLevel, weightedSelfReliance } from "./selfReliance.ts";

/** Scores per domain key; a domain that was not scored is absent. */
export type DomainScores = Readonly<Record<string, number>>;

export interface MeasurementSummary {
  /** Weighted SR rounded half-up to one decimal; null if the instrument has none or nothing was scored. */
  selfReliance: number | null;
  selfRelianceExact: Ratio | null;
  /** SR rounded half-up to an integer. */
  level: number | null;
  problemDomains: string[];
  problemDomainCount: number;
  scoredDomainCount: number;
}

/**
 * The score of one domain. Only numbers count, so a domain named "constructor" does not pick up
 * Object.prototype's function (and this stays cheap: the report calls it 180,000 times).
 */
export function scoreOf(scores: DomainScores, key: string): number | undefined {
  const s = scores[key];
  return typeof s === "number" ? s : undefined;
}

/** Scores in the instrument's domain order, skipping unscored domains and unknown keys. */
export function orderedScores(def: InstrumentDefinition, scores: DomainScores): number[] {
  const out: number[] = [];
  for (const d of def.domains) {
    const s = scoreOf(scores, d.key);
    if (s !== undefined) out.push(s);
  }
  return out;
}

export function problemDomains(def: InstrumentDefinition, scores: DomainScores): string[] {
  return def.domains.filter((d) => {
    const s = scoreOf(scores, d.key);
    return s !== undefined && isProblemScore(def, s);
  }).map((d) => d.key);
}

export function summarizeMeasurement(def: InstrumentDefinition, scores: DomainScores): MeasurementSummary {
  const values = orderedScores(def, scores);
  const exact = def.weightedSelfReliance ? weightedSelfReliance(values) : null;
  const problems = problemDomains(def, scores);
  return {
    selfReliance: exact ? displaySelfReliance(exact) : null,
    selfRelianceExact: exact,
    level: exact ? selfRelianceLevel(exact) : null,
    problemDomains: problems,
    problemDomainCount: problems.length,
    scoredDomainCount: values.length,
  };
}
