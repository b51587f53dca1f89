/** The organisation's hourly rates (organisations.settings.costs): read and changed by the beheerder. */
import type { CostSettings, CostSettingsInput } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { costSettings, writeCostSettings } from "./costs.queries.ts";

export async function getCostSettings(db: Db, opts: { actor: Actor }): Promise<CostSettings> {
  authorize(opts.actor, "costs.manageRates");
  return costSettings(db, opts.actor.organisationId);
}

/** New rates count from now on for every booking: hours are valued at the current rate when shown. */
export async function updateCostSettings(db: Db, opts: { actor: Actor; input: CostSettingsInput }): Promise<CostSettings> {
  authorize(opts.actor, "costs.manageRates");
  return db.transaction(async (tx) => {
    const before = await costSettings(tx, opts.actor.organisationId);
    const after: CostSettings = { ...before, hourlyRateCents: opts.input.hourlyRateCents };
    await writeCostSettings(tx, opts.actor.organisationId, after);
    await audit(tx, opts.actor, {
      action: "organisation.costs_updated",
      entityType: "organisation",
      entityId: opts.actor.organisationId,
      details: { hourlyRateCents: { from: before.hourlyRateCents, to: after.hourlyRateCents } },
    });
    return after;
  });
}
