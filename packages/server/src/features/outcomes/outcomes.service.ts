import { buildOutcomeReport, invalid, type OutcomeReport } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize, outcomeScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { selectOutcomeRows } from "./outcomes.queries.ts";

/** The outcome report over the family-level metingen the actor may see (BRIEF §4). */
export async function outcomeReport(db: Db, opts: { actor: Actor; instrumentKey: string; teamId?: string | undefined }): Promise<OutcomeReport> {
  authorize(opts.actor, "outcomes.read");
  const def = await findInstrument(db, opts.actor.organisationId, opts.instrumentKey);
  if (!def) {
    throw invalid({ nl: `Instrument '${opts.instrumentKey}' bestaat niet.`, en: `Instrument '${opts.instrumentKey}' does not exist.` }, [{ name: "instrument", reason: "unknown instrument" }]);
  }
  const rows = await selectOutcomeRows(db, { organisationId: opts.actor.organisationId, instrumentKey: def.key, scope: outcomeScope(opts.actor), teamId: opts.teamId });
  return buildOutcomeReport(def, rows);
}
