import {
  assembleMetingen,
  assembleTransitions,
  displaySelfReliance,
  groupFamilyOutcomes,
  invalid,
  mergeRoundTotals,
  ratio,
  scoresByKey,
  type InstrumentDefinition,
  type OutcomeReport,
  type RoundTotals,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize, outcomeScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { instrumentVersions, versionOf } from "../instruments/instruments.queries.ts";
import { selectFamilyLevels, selectFamilyMeasurements, selectRoundTotals, type OutcomeFilter, type VersionRoundTotals } from "./outcomes.queries.ts";

/** Per-round totals keyed by domain: each version's score positions get that version's keys. */
function roundTotals(versions: ReadonlyMap<number, InstrumentDefinition>, parts: readonly VersionRoundTotals[]): RoundTotals[] {
  const byRound = new Map<number, RoundTotals>();
  for (const p of parts) {
    const domains: RoundTotals["domains"] = {};
    versionOf(versions, p.version).domains.forEach((d, i) => {
      const t = p.positions[i];
      if (t && t.count > 0) domains[d.key] = { sum: t.sum, count: t.count };
    });
    const part: RoundTotals = { ...p.totals, domains };
    const prev = byRound.get(part.round);
    byRound.set(part.round, prev ? mergeRoundTotals(prev, part) : part);
  }
  return [...byRound.values()];
}

/**
 * The outcome report over the family-level metingen the actor may see (BRIEF §4). The database
 * sums, the domain package divides and rounds; the per-family part only when asked for (research
 * exports and the CLI), since a dashboard never needs 10,000 families in the browser.
 */
export async function outcomeReport(
  db: Db,
  opts: { actor: Actor; instrumentKey: string; teamId?: string | undefined; includeFamilies?: boolean },
): Promise<OutcomeReport> {
  authorize(opts.actor, "outcomes.read");
  // The list per family names case numbers: an analist sees aggregates only.
  if (opts.includeFamilies) authorize(opts.actor, "outcomes.readFamilies");
  const versions = await instrumentVersions(db, opts.actor.organisationId, opts.instrumentKey);
  const def = [...versions.values()].sort((a, b) => b.version - a.version)[0];
  if (!def) {
    throw invalid({ nl: `Instrument '${opts.instrumentKey}' bestaat niet.`, en: `Instrument '${opts.instrumentKey}' does not exist.` }, [{ name: "instrument", reason: "unknown instrument" }]);
  }
  const filter: OutcomeFilter = { organisationId: opts.actor.organisationId, instrumentKey: def.key, scope: outcomeScope(opts.actor), teamId: opts.teamId };
  const positions = Math.max(...[...versions.values()].map((v) => v.domains.length));
  const totals = roundTotals(versions, await selectRoundTotals(db, filter, positions));
  const rounds = totals.map((t) => t.round);
  const { familyCount, transitions } = await selectFamilyLevels(db, filter, rounds, def.weightedSelfReliance);
  const familyRows = opts.includeFamilies ? await selectFamilyMeasurements(db, filter) : null;
  const families = familyRows
    ? groupFamilyOutcomes(
        familyRows.map((r) => ({
          family: r.family,
          measurement: {
            meting: r.round,
            selfReliance: r.srNum !== null && r.srDen ? displaySelfReliance(ratio(r.srNum, r.srDen)) : null,
            level: r.srLevel,
            problemDomains: r.problemCount,
            scores: scoresByKey(versionOf(versions, r.version), r.scores),
          },
        })),
      )
    : null;
  const report: OutcomeReport = {
    instrument: { key: def.key, version: def.version },
    familyCount,
    ...(families ? { families } : {}),
    metingen: assembleMetingen(def, totals),
    transitions: assembleTransitions(def, rounds, transitions),
  };
  return report;
}
