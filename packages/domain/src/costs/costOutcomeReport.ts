import type { Ratio } from "../outcomes/ratio.ts";
import { meanCents, medianCents } from "./costArithmetic.ts";
import { COST_LINES, type CostLine } from "./costKinds.ts";
import type { CostOutcomeRow } from "./costOutcomeContract.ts";
import { linesUsed, suppressCostTable, type Hidden } from "./costSuppression.ts";
import { MIN_CELL_FAMILIES } from "./disclosure.ts";
import { bigMean, FractionSum } from "./outcomeChange.ts";

/*
 * The "kosten en resultaten" table from per-family facts: one row per wijk or team and a total.
 * Money stays in whole cents, SR changes exact (FractionSum) until rounded for display. With
 * suppression on (an analist), disclosure.ts decides what is hidden, repeated until nothing more
 * changes, since hiding in one direction (rows) can expose another (funding sources).
 */

export interface FamilyCostFacts {
  familyId: string;
  /** The row the family falls in (wijk or team key); null: none known. */
  group: string | null;
  /** Cents per cost line in the period (hours and each funding source). */
  lines: Partial<Record<CostLine, number>>;
  /** Per trajectory the family's costs in the period count for. */
  trajectoryCents: readonly number[];
  /** Costs in the period that count for no trajectory. */
  outsideCents: number;
  /** Nulmeting and latest later meting, when both exist. */
  outcome: { sr: { from: Ratio; to: Ratio } | null; problemFrom: number; problemTo: number } | null;
}

const familyTotal = (f: FamilyCostFacts) => COST_LINES.reduce((sum, l) => sum + (f.lines[l] ?? 0), 0);

interface RawRow {
  key: string | null;
  label: string;
  facts: readonly FamilyCostFacts[];
}

function present(raw: RawRow, hidden: Hidden | null): CostOutcomeRow {
  const { facts } = raw;
  const totals = facts.map(familyTotal);
  const trajectoryValues = facts.flatMap((f) => f.trajectoryCents);
  const withOutcome = facts.filter((f) => f.outcome !== null);
  const sr = new FractionSum();
  let srCount = 0;
  let problemChange = 0;
  for (const f of withOutcome) {
    const o = f.outcome;
    if (!o) continue;
    problemChange += o.problemTo - o.problemFrom;
    if (o.sr) {
      sr.add(o.sr.to);
      sr.add(o.sr.from, -1);
      srCount += 1;
    }
  }
  const rowHidden = hidden?.row ?? false;
  const show = <T>(value: T, hide = false): T | null => (rowHidden || hide ? null : value);
  const trajectories = trajectoryValues.length === 0 ? null : { count: trajectoryValues.length, meanCents: meanCents(trajectoryValues) ?? 0, medianCents: medianCents(trajectoryValues) ?? 0 };
  const problemMean = bigMean({ num: BigInt(problemChange), den: 1n }, withOutcome.length, 2);
  return {
    key: raw.key,
    label: raw.label,
    hidden: rowHidden,
    families: show(facts.length),
    totalCents: show(totals.reduce((a, b) => a + b, 0)),
    meanCents: show(meanCents(totals)),
    medianCents: show(medianCents(totals)),
    trajectories: show(trajectories, hidden?.trajectories),
    lines: linesUsed(facts).map((line) => {
      const values = facts.map((f) => f.lines[line] ?? 0).filter((v) => v > 0);
      const hide = rowHidden || (hidden?.lines.has(line) ?? false);
      return {
        line,
        families: hide ? null : values.length,
        totalCents: hide ? null : values.reduce((a, b) => a + b, 0),
        meanCents: hide ? null : meanCents(values),
      };
    }),
    outcome:
      withOutcome.length === 0 || problemMean === null
        ? null
        : show(
            {
              families: withOutcome.length,
              selfRelianceChange: srCount === withOutcome.length ? bigMean(sr.total(), srCount, 2) : null,
              problemDomainChange: problemMean,
            },
            hidden?.outcome,
          ),
  };
}

export interface CostOutcomeTableOptions {
  /** Row labels by group key, in the order to show them; families of a key not listed get a row of their own. */
  groups: readonly { key: string | null; label: string }[];
  totalLabel: string;
  /** Hide small numbers (an analist's view). */
  suppress: boolean;
  min?: number;
}

export function costOutcomeTable(facts: readonly FamilyCostFacts[], opts: CostOutcomeTableOptions): { total: CostOutcomeRow; groups: CostOutcomeRow[] } {
  const min = opts.min ?? MIN_CELL_FAMILIES;
  const byKey = new Map<string | null, FamilyCostFacts[]>();
  for (const f of facts) {
    const list = byKey.get(f.group);
    if (list) list.push(f);
    else byKey.set(f.group, [f]);
  }
  const known = new Set(opts.groups.map((g) => g.key));
  const raw: RawRow[] = [
    ...opts.groups.filter((g) => byKey.has(g.key)).map((g) => ({ key: g.key, label: g.label, facts: byKey.get(g.key) ?? [] })),
    ...[...byKey.keys()].filter((k) => !known.has(k)).map((k) => ({ key: k, label: k ?? "–", facts: byKey.get(k) ?? [] })),
  ];
  const totalRaw: RawRow = { key: null, label: opts.totalLabel, facts };
  if (!opts.suppress) return { total: present(totalRaw, null), groups: raw.map((r) => present(r, null)) };
  const hidden = suppressCostTable(raw.map((r) => r.facts), facts, min);
  return { total: present(totalRaw, hidden.total), groups: raw.map((r, i) => present(r, hidden.groups[i] ?? null)) };
}
