/** Catalogue entries for the permission matrix: one per organisation at set-up, fresh ones for allowed archive cells. */
import { randomUUID } from "node:crypto";
import { NewIntervention } from "@ploegwerk/domain";
import type { Db } from "../../db/database.ts";
import { createIntervention } from "../../features/interventions/interventions.service.ts";
import type { TestOrganisation } from "../../testing/factories.ts";

export async function catalogueEntry(db: Db, org: TestOrganisation): Promise<{ id: string; version: number }> {
  const e = await createIntervention(db, {
    actor: org.system,
    input: NewIntervention.parse({ name: `Budgetcursus ${randomUUID().slice(0, 8)}`, domains: ["inkomen"], costCents: 5000, costUnit: "per_participant" }),
  });
  return { id: e.id, version: e.version };
}
