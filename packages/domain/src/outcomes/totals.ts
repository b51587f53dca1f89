import type { InstrumentDefinition } from "../instruments/definition.ts";
import { ratio, roundHalfUp } from "./ratio.ts";

/**
 * The integer sums every per-meting outcome figure is a quotient of. The database can produce
 * them in one pass (outcomes.queries.ts) and JavaScript can produce them from rows
 * (totalsFromRows); either way assembleMetingen turns them into the figures, so the rounding
 * lives in exactly one place.
 */
export interface RoundTotals {
  round: number;
  /** Family-level metingen in this round (one per family). */
  families: number;
  /** Σ problem-domain counts. */
  problemSum: number;
  /** Per domain key: Σ score and how many families scored it. */
  domains: Record<string, { sum: number; count: number }>;
  /** Problem-domain count → number of families. */
  distribution: Record<string, number>;
  /** Exact SR fractions summed per denominator (Σ(6−s) ≤ 5 per domain, so few distinct ones). */
  selfReliance: { den: number; num: number; count: number }[];
}

export interface Transition {
  from: number;
  to: number;
  families: number;
  improved: number;
  same: number;
  declined: number;
}

export interface RoundOutcome {
  meting: number;
  families: number;
  /** Mean score per domain over the families that scored it, half-up to one decimal. */
  domainMeans: Record<string, number | null>;
  /** Mean number of problem domains per family, half-up to two decimals. */
  problemDomainsMean: number | null;
  /** How many families had 0, 1, 2, … problem domains. */
  problemDomainDistribution: Record<string, number>;
  /** Mean weighted SR over families (exact mean of the unrounded values), one decimal. */
  selfRelianceMean: number | null;
}

export function emptyRoundTotals(round: number): RoundTotals {
  return { round, families: 0, problemSum: 0, domains: {}, distribution: {}, selfReliance: [] };
}

/** Adds b into a (same round); used to merge totals of several instrument versions. */
export function mergeRoundTotals(a: RoundTotals, b: RoundTotals): RoundTotals {
  const domains: RoundTotals["domains"] = {};
  for (const src of [a.domains, b.domains]) {
    for (const [key, t] of Object.entries(src)) {
      const d = (domains[key] ??= { sum: 0, count: 0 });
      d.sum += t.sum;
      d.count += t.count;
    }
  }
  const distribution: Record<string, number> = { ...a.distribution };
  for (const [k, n] of Object.entries(b.distribution)) distribution[k] = (distribution[k] ?? 0) + n;
  const byDen = new Map<number, { den: number; num: number; count: number }>();
  for (const s of [...a.selfReliance, ...b.selfReliance]) {
    const t = byDen.get(s.den) ?? { den: s.den, num: 0, count: 0 };
    t.num += s.num;
    t.count += s.count;
    byDen.set(s.den, t);
  }
  return {
    round: a.round,
    families: a.families + b.families,
    problemSum: a.problemSum + b.problemSum,
    domains,
    distribution,
    selfReliance: [...byDen.values()].sort((x, y) => x.den - y.den),
  };
}

/** The exact mean of SR fractions, half-up to one decimal (BigInt: the common denominator grows fast). */
export function meanOfFractions(parts: readonly { den: number; num: number; count: number }[]): number | null {
  let count = 0;
  let num = 0n;
  let den = 1n;
  for (const p of parts) {
    if (p.count === 0) continue;
    const bd = BigInt(p.den);
    num = num * bd + BigInt(p.num) * den;
    den *= bd;
    count += p.count;
  }
  if (count === 0) return null;
  den *= BigInt(count);
  return Number((20n * num + den) / (2n * den)) / 10;
}

function sortedDistribution(distribution: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(distribution).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    if (n > 0) out[k] = n;
  }
  return out;
}

/** Per-meting figures from totals, in meting order; only the instrument's own domains count. */
export function assembleMetingen(def: InstrumentDefinition, totals: readonly RoundTotals[]): RoundOutcome[] {
  const keys = def.domains.map((d) => d.key);
  return [...totals]
    .sort((a, b) => a.round - b.round)
    .map((t) => {
      const domainMeans: Record<string, number | null> = {};
      for (const key of keys) {
        const d = t.domains[key];
        domainMeans[key] = !d || d.count === 0 ? null : roundHalfUp(ratio(d.sum, d.count), 1);
      }
      return {
        meting: t.round,
        families: t.families,
        domainMeans,
        problemDomainsMean: t.families === 0 ? null : roundHalfUp(ratio(t.problemSum, t.families), 2),
        problemDomainDistribution: sortedDistribution(t.distribution),
        selfRelianceMean: meanOfFractions(t.selfReliance),
      };
    });
}

/**
 * A transition for every pair of metingen that occur (also with no family in common), when the
 * instrument has SR levels; counts come from `found` (pairs missing there had no family at both).
 */
export function assembleTransitions(def: InstrumentDefinition, rounds: readonly number[], found: readonly Transition[]): Transition[] {
  if (!def.weightedSelfReliance) return [];
  const sorted = [...new Set(rounds)].sort((a, b) => a - b);
  const out: Transition[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const from = sorted[i] as number;
      const to = sorted[j] as number;
      const t = found.find((x) => x.from === from && x.to === to);
      out.push(t ? { ...t } : { from, to, families: 0, improved: 0, same: 0, declined: 0 });
    }
  }
  return out;
}
