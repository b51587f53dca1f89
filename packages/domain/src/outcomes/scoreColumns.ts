import type { InstrumentDefinition } from "../instruments/definition.ts";
import { selfRelianceLevel, weightedSelfReliance } from "./selfReliance.ts";
import { orderedScores, problemDomains, type DomainScores } from "./measurementSummary.ts";

/**
 * How a measurement's scores are stored: one array per measurement, position i holding the score
 * (or null) of the i-th domain of the instrument version it was taken with. Versions never change,
 * so the positions stay valid; reports read 20,000 rows instead of 180,000.
 */
export interface ScoreColumns {
  scores: (number | null)[];
  justifications: (string | null)[];
}

export function toScoreColumns(def: InstrumentDefinition, input: Readonly<Record<string, { score: number; justification: string | null }>>): ScoreColumns {
  const known = new Set(def.domains.map((d) => d.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new RangeError(`${def.key}@${def.version} has no domain '${key}'`);
  }
  return {
    scores: def.domains.map((d) => input[d.key]?.score ?? null),
    justifications: def.domains.map((d) => input[d.key]?.justification ?? null),
  };
}

export function fromScoreColumns(def: InstrumentDefinition, cols: ScoreColumns): Record<string, { score: number; justification: string | null }> {
  const out: Record<string, { score: number; justification: string | null }> = {};
  def.domains.forEach((d, i) => {
    const s = cols.scores[i];
    if (typeof s === "number") out[d.key] = { score: s, justification: cols.justifications[i] ?? null };
  });
  return out;
}

/** Scores by domain key from a stored array. */
export function scoresByKey(def: InstrumentDefinition, scores: readonly (number | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  def.domains.forEach((d, i) => {
    const s = scores[i];
    if (typeof s === "number") out[d.key] = s;
  });
  return out;
}

/**
 * The figures stored next to the scores when a measurement is written, computed with the
 * measurement's own instrument version, so reports aggregate them in the database.
 */
export interface StoredFigures {
  problemCount: number;
  /** The exact weighted SR as Σ s·(6−s) / Σ (6−s); null when the instrument has none or nothing was scored. */
  srNum: number | null;
  srDen: number | null;
  srLevel: number | null;
}

export function storedFigures(def: InstrumentDefinition, scores: DomainScores): StoredFigures {
  const exact = def.weightedSelfReliance ? weightedSelfReliance(orderedScores(def, scores)) : null;
  return {
    problemCount: problemDomains(def, scores).length,
    srNum: exact?.num ?? null,
    srDen: exact?.den ?? null,
    srLevel: exact ? selfRelianceLevel(exact) : null,
  };
}
