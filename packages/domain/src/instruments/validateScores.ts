import type { InvalidParam } from "../errors.ts";
import { isOnScale, isProblemScore, scaleBounds, type InstrumentDefinition } from "./definition.ts";

export interface ScoreEntry {
  score: number;
  justification: string | null;
}

/**
 * Field errors for a set of domain scores on an instrument: unknown domains, scores off the scale,
 * and a missing justification (beschrijving problematiek) for every problem score. Empty = valid.
 */
export function validateScores(def: InstrumentDefinition, scores: Readonly<Record<string, ScoreEntry>>): InvalidParam[] {
  const errors: InvalidParam[] = [];
  const known = new Set(def.domains.map((d) => d.key));
  const { min, max } = scaleBounds(def);
  for (const [key, entry] of Object.entries(scores)) {
    const name = `scores.${key}`;
    if (!known.has(key)) {
      errors.push({ name, reason: `'${key}' is not a domain of ${def.key}; use one of: ${[...known].join(", ")}` });
      continue;
    }
    if (!Number.isInteger(entry.score) || !isOnScale(def, entry.score)) {
      errors.push({ name: `${name}.score`, reason: `score ${entry.score} is not on the scale; use a whole number from ${min} to ${max}` });
      continue;
    }
    if (isProblemScore(def, entry.score) && !(entry.justification ?? "").trim()) {
      errors.push({
        name: `${name}.justification`,
        reason: `a score of ${entry.score} (at or under ${def.problemThreshold}) needs a description of the problem (beschrijving problematiek)`,
      });
    }
  }
  if (Object.keys(scores).length === 0) {
    errors.push({ name: "scores", reason: "score at least one domain" });
  }
  return errors;
}
