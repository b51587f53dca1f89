import { ratio, roundHalfUp, type Ratio } from "../outcomes/ratio.ts";
import { displaySelfReliance } from "../outcomes/selfReliance.ts";
import type { OutcomeChange } from "./costContract.ts";

/*
 * What changed for a family between the nulmeting (round 0) and its latest later meting on one
 * instrument: weighted self-reliance (exact, from the stored fractions) and the number of problem
 * domains. Costs are shown beside this change, never divided by it: a family is not a unit price.
 */

export interface MeasurementFact {
  round: number;
  measuredOn: string | null;
  /** The stored SR fraction; null when the instrument has no weighted SR or nothing was scored. */
  srNum: number | null;
  srDen: number | null;
  problemCount: number;
}

const srOf = (m: MeasurementFact): Ratio | null => (m.srNum !== null && m.srDen !== null && m.srDen > 0 ? ratio(m.srNum, m.srDen) : null);

/** The nulmeting and the latest later meting, or null when either is missing. */
export function baselineAndLatest<M extends MeasurementFact>(facts: readonly M[]): { from: M; to: M } | null {
  const from = facts.find((m) => m.round === 0);
  let to: M | null = null;
  for (const m of facts) if (m.round > 0 && (!to || m.round > to.round)) to = m;
  return from && to ? { from, to } : null;
}

/** to − from, exactly. */
export function ratioDifference(to: Ratio, from: Ratio): Ratio {
  return ratio(to.num * from.den - from.num * to.den, to.den * from.den);
}

export function outcomeChange(instrumentKey: string, facts: readonly MeasurementFact[]): OutcomeChange | null {
  const pair = baselineAndLatest(facts);
  if (!pair) return null;
  const { from, to } = pair;
  const a = srOf(from);
  const b = srOf(to);
  return {
    instrumentKey,
    fromRound: from.round,
    toRound: to.round,
    fromOn: from.measuredOn,
    toOn: to.measuredOn,
    selfReliance: a && b ? { from: displaySelfReliance(a), to: displaySelfReliance(b), change: roundHalfUp(ratioDifference(b, a), 2) } : null,
    problemDomains: { from: from.problemCount, to: to.problemCount, change: to.problemCount - from.problemCount },
  };
}

/** The SR fractions of the pair, for averaging over families (null when either has none). */
export function selfReliancePair(facts: readonly MeasurementFact[]): { from: Ratio; to: Ratio } | null {
  const pair = baselineAndLatest(facts);
  if (!pair) return null;
  const a = srOf(pair.from);
  const b = srOf(pair.to);
  return a && b ? { from: a, to: b } : null;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/**
 * An exact sum of fractions. SR denominators are small (Σ(6−s) over the domains), so the sum is
 * kept per denominator and combined over their least common multiple only at the end.
 */
export class FractionSum {
  private readonly byDen = new Map<number, bigint>();
  count = 0;

  add(r: Ratio, sign: 1 | -1 = 1): void {
    this.byDen.set(r.den, (this.byDen.get(r.den) ?? 0n) + BigInt(sign * r.num));
  }

  /** Σ as numerator over denominator (BigInt). */
  total(): { num: bigint; den: bigint } {
    let den = 1n;
    for (const d of this.byDen.keys()) den = (den / gcd(den, BigInt(d))) * BigInt(d);
    let num = 0n;
    for (const [d, n] of this.byDen) num += n * (den / BigInt(d));
    return { num, den };
  }
}

/** num / (den × n), half away from zero to `decimals` places; null for n = 0. */
export function bigMean(sum: { num: bigint; den: bigint }, n: number, decimals: number): number | null {
  if (n === 0) return null;
  const scale = 10n ** BigInt(decimals);
  const den = sum.den * BigInt(n);
  const abs = sum.num < 0n ? -sum.num : sum.num;
  const rounded = (2n * abs * scale + den) / (2n * den);
  const value = Number(rounded) / Number(scale);
  return sum.num < 0n && value !== 0 ? -value : value;
}
