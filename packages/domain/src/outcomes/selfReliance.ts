import { ratio, roundHalfUp, sum, type Ratio } from "./ratio.ts";

/** The weighted self-reliance scale runs 1..5: a domain scored s counts (6 − s) times. */
export const SELF_RELIANCE_MIN = 1;
export const SELF_RELIANCE_MAX = 5;

function assertOneToFive(score: number): void {
  if (!Number.isInteger(score) || score < SELF_RELIANCE_MIN || score > SELF_RELIANCE_MAX) {
    throw new RangeError(`weighted self-reliance needs integer scores 1..5, got ${score}`);
  }
}

/**
 * Weighted self-reliance SR = Σ s·(6−s) / Σ (6−s) over the scored domains (BRIEF §4).
 * Problem domains weigh more, so SR sits at or below the plain mean. Null when nothing is scored.
 */
export function weightedSelfReliance(scores: readonly number[]): Ratio | null {
  if (scores.length === 0) return null;
  scores.forEach(assertOneToFive);
  const weights = scores.map((s) => 6 - s);
  return ratio(sum(scores.map((s, i) => s * (weights[i] ?? 0))), sum(weights));
}

/** SR as shown: rounded half-up to one decimal. */
export function displaySelfReliance(sr: Ratio): number {
  return roundHalfUp(sr, 1);
}

/** The SR level is SR rounded half-up to an integer (1..5). */
export function selfRelianceLevel(sr: Ratio): number {
  return roundHalfUp(sr, 0);
}

/** Unweighted mean of the scores, exact. */
export function unweightedMean(scores: readonly number[]): Ratio | null {
  if (scores.length === 0) return null;
  return ratio(sum(scores), scores.length);
}
