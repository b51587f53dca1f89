import type { InstrumentDefinition } from "../instruments/definition.ts";
import { scoreOf, summarizeMeasurement, type DomainScores } from "./measurementSummary.ts";
import { ratio, roundHalfUp } from "./ratio.ts";

/** One family-level measurement as the report needs it. */
export interface OutcomeInput {
  family: string;
  round: number;
  scores: DomainScores;
}

export interface FamilyOutcome {
  family: string;
  measurements: {
    meting: number;
    selfReliance: number | null;
    level: number | null;
    problemDomains: number;
    scores: Record<string, number>;
  }[];
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

export interface Transition {
  from: number;
  to: number;
  families: number;
  improved: number;
  same: number;
  declined: number;
}

export interface OutcomeReport {
  instrument: { key: string; version: number };
  families: FamilyOutcome[];
  metingen: RoundOutcome[];
  transitions: Transition[];
}

interface Accumulator {
  families: number;
  /** Per domain, in the instrument's order. */
  domainSum: number[];
  domainCount: number[];
  problemSum: number;
  distribution: Map<number, number>;
  /**
   * Σ of exact SR fractions, kept per denominator (Σ(6−s) ≤ 5 per domain, so few distinct ones):
   * integer additions per row, one exact BigInt sum at the end.
   */
  srNumByDen: Map<number, number>;
  srCount: number;
}

function newAccumulator(domains: number): Accumulator {
  return {
    families: 0,
    domainSum: new Array<number>(domains).fill(0),
    domainCount: new Array<number>(domains).fill(0),
    problemSum: 0,
    distribution: new Map(),
    srNumByDen: new Map(),
    srCount: 0,
  };
}

/** The exact mean of the SR fractions, rounded half-up to one decimal. */
function meanSelfReliance(acc: Accumulator): number | null {
  if (acc.srCount === 0) return null;
  let num = 0n;
  let den = 1n;
  for (const [d, n] of acc.srNumByDen) {
    const bd = BigInt(d);
    num = num * bd + BigInt(n) * den;
    den *= bd;
  }
  den *= BigInt(acc.srCount);
  return Number((20n * num + den) / (2n * den)) / 10;
}

const NATURAL = new Intl.Collator("nl", { numeric: true });

/**
 * The outcome report over family-level measurements (BRIEF §4): per family the SR, level and
 * problem-domain count per meting; per meting the domain means, mean number of problem domains
 * and their distribution; and for every pair of metingen the level transitions of the families
 * measured at both. Input order does not matter; output is sorted by family and meting.
 */
export function buildOutcomeReport(def: InstrumentDefinition, rows: readonly OutcomeInput[]): OutcomeReport {
  const byFamily = new Map<string, Map<number, { level: number | null; out: FamilyOutcome["measurements"][number] }>>();
  const byRound = new Map<number, Accumulator>();
  const keys = def.domains.map((d) => d.key);

  for (const row of rows) {
    const summary = summarizeMeasurement(def, row.scores);
    let acc = byRound.get(row.round);
    if (!acc) byRound.set(row.round, (acc = newAccumulator(keys.length)));
    const scores: Record<string, number> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const s = scoreOf(row.scores, key);
      if (s === undefined) continue;
      scores[key] = s;
      acc.domainSum[k] = (acc.domainSum[k] ?? 0) + s;
      acc.domainCount[k] = (acc.domainCount[k] ?? 0) + 1;
    }
    let fam = byFamily.get(row.family);
    if (!fam) byFamily.set(row.family, (fam = new Map()));
    if (fam.has(row.round)) throw new Error(`family ${row.family} has two measurements for meting ${row.round}`);
    fam.set(row.round, {
      level: summary.level,
      out: { meting: row.round, selfReliance: summary.selfReliance, level: summary.level, problemDomains: summary.problemDomainCount, scores },
    });

    acc.families += 1;
    acc.problemSum += summary.problemDomainCount;
    acc.distribution.set(summary.problemDomainCount, (acc.distribution.get(summary.problemDomainCount) ?? 0) + 1);
    if (summary.selfRelianceExact) {
      const { num, den } = summary.selfRelianceExact;
      acc.srNumByDen.set(den, (acc.srNumByDen.get(den) ?? 0) + num);
      acc.srCount += 1;
    }
  }

  const rounds = [...byRound.keys()].sort((a, b) => a - b);
  const metingen: RoundOutcome[] = rounds.map((round) => {
    const acc = byRound.get(round) ?? newAccumulator(keys.length);
    const domainMeans: Record<string, number | null> = {};
    keys.forEach((key, k) => {
      const n = acc.domainCount[k] ?? 0;
      domainMeans[key] = n === 0 ? null : roundHalfUp(ratio(acc.domainSum[k] ?? 0, n), 1);
    });
    const distribution: Record<string, number> = {};
    for (const [count, families] of [...acc.distribution.entries()].sort((a, b) => a[0] - b[0])) {
      distribution[String(count)] = families;
    }
    return {
      meting: round,
      families: acc.families,
      domainMeans,
      problemDomainsMean: acc.families === 0 ? null : roundHalfUp(ratio(acc.problemSum, acc.families), 2),
      problemDomainDistribution: distribution,
      selfRelianceMean: meanSelfReliance(acc),
    };
  });

  const transitions: Transition[] = [];
  if (def.weightedSelfReliance) {
    for (let i = 0; i < rounds.length; i++) {
      for (let j = i + 1; j < rounds.length; j++) {
        const from = rounds[i] as number;
        const to = rounds[j] as number;
        const t: Transition = { from, to, families: 0, improved: 0, same: 0, declined: 0 };
        for (const fam of byFamily.values()) {
          const a = fam.get(from)?.level;
          const b = fam.get(to)?.level;
          if (a === undefined || b === undefined || a === null || b === null) continue;
          t.families += 1;
          if (b > a) t.improved += 1;
          else if (b < a) t.declined += 1;
          else t.same += 1;
        }
        transitions.push(t);
      }
    }
  }

  const families: FamilyOutcome[] = [...byFamily.entries()]
    // Natural order (DEMO-2 before DEMO-10), with a plain comparison for ties such as "01"/"1".
    .sort((a, b) => NATURAL.compare(a[0], b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([family, ms]) => ({
      family,
      measurements: [...ms.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m.out),
    }));

  return { instrument: { key: def.key, version: def.version }, families, metingen, transitions };
}
