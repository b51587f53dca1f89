/**
 * The catalogue entries ("wat werkt") a cost can be booked on, with what they cost, so the cost
 * form can suggest the family's share (domain prefillCost). Inactive entries are left out: a new
 * cost is not booked on help that is no longer offered.
 */
import type { CostCatalogueItem } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { listCatalogueCosts } from "./costs.queries.ts";

export async function listCostCatalogue(db: Db, opts: { actor: Actor }): Promise<CostCatalogueItem[]> {
  authorize(opts.actor, "costs.catalogue");
  const rows = await listCatalogueCosts(db, opts.actor.organisationId);
  return rows.filter((r) => r.active).map(({ active: _active, ...item }) => item);
}
