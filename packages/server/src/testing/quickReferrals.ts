/**
 * Test set-up for quick referrals: catalogue entries written straight into the table (the
 * catalogue feature has its own use cases; these tests need only an entry to point at), and a
 * quick referral as a referrer sends it.
 */
import { randomUUID } from "node:crypto";
import { NewQuickReferral, type NewQuickReferralInput, type QuickReferral } from "@ploegwerk/domain";
import type { Actor } from "../authz/actor.ts";
import type { Db } from "../db/database.ts";
import { interventions } from "../db/schema.ts";
import { createQuickReferral } from "../features/quickReferrals/quickReferrals.service.ts";

/** A catalogue entry of the organisation; `providerPartnerId` makes a registered chain partner its provider. */
export async function makeIntervention(db: Db, organisationId: string, o: { name?: string; providerPartnerId?: string | null; active?: boolean } = {}) {
  const name = o.name ?? `Wandelgroep ${randomUUID().slice(0, 6)}`;
  const [row] = await db
    .insert(interventions)
    .values({
      organisationId,
      key: `test-${randomUUID()}`,
      name,
      summary: "Wekelijks samen wandelen in de wijk, onder begeleiding.",
      provider: o.providerPartnerId ? "Ketenpartner" : "Welzijn Voorbeeldstad",
      providerPartnerId: o.providerPartnerId ?? null,
      domains: ["sociaal_netwerk"],
      active: o.active ?? true,
    })
    .returning({ id: interventions.id });
  if (!row) throw new Error("intervention insert returned nothing");
  return { id: row.id, name };
}

/** What a referrer fills in; `target` and the rest can be overridden. */
export function quickReferralInput(target: NewQuickReferralInput["target"], overrides: Partial<NewQuickReferralInput> = {}): NewQuickReferral {
  return NewQuickReferral.parse({
    channel: "welzijn_op_recept",
    target,
    residentName: "Mevrouw Verwijsbaar",
    residentContact: "06-12345678",
    reason: "Voelt zich eenzaam en somber sinds de verhuizing; wil graag onder de mensen komen.",
    residentConsent: true,
    ...overrides,
  });
}

export function makeQuickReferral(db: Db, actor: Actor, target: NewQuickReferralInput["target"], overrides: Partial<NewQuickReferralInput> = {}): Promise<QuickReferral> {
  return createQuickReferral(db, { actor, input: quickReferralInput(target, overrides) });
}
