/**
 * "Aanmelding maken": a team referral that turns out to need family coaching becomes a real
 * aanmelding, through the aanmeldformulier and the trajectories' own use case, in one transaction
 * with the link from the quick referral to the family. The quick referral is then completed: what
 * follows is the aanmelding's own go/no-go and feedback to the referrer.
 */
import { conflict, staleVersion, type QuickReferralToReferral, type Trajectory } from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { createReferral } from "../trajectories/trajectories.service.ts";
import { loadForReceiver } from "./quickReferrals.service.ts";
import { updateQuickReferralRow } from "./quickReferrals.queries.ts";

export async function makeReferralFromQuickReferral(db: Db, opts: { actor: Actor; id: string; input: QuickReferralToReferral }): Promise<Trajectory> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const row = await loadForReceiver(tx, actor, opts.id);
    // Only the team works with aanmeldingen: a referral a chain partner receives has no team here (403).
    authorize(actor, "trajectory.write", { teamId: row.providerPartnerId ? null : row.teamId });
    if (row.status !== "picked_up") {
      throw row.status === "sent"
        ? conflict({ nl: "Pak de verwijzing eerst op; daarna kunt u er een aanmelding van maken.", en: "Pick the referral up first; then you can turn it into an aanmelding." }, "not_picked_up")
        : conflict({ nl: "Deze verwijzing is al afgesloten.", en: "This referral has already been closed." }, "already_closed");
    }
    if (row.version !== input.version) throw staleVersion();
    const trajectory = await createReferral(tx, { actor, input: { family: input.family, referral: input.referral } });
    const linked = await updateQuickReferralRow(tx, actor.organisationId, row.id, input.version, {
      familyId: trajectory.familyId,
      status: "completed",
      closedAt: new Date(),
      outcomeNote: input.outcomeNote,
    });
    if (!linked) throw staleVersion();
    await audit(tx, actor, {
      action: "quick_referral.family_linked",
      entityType: "quick_referral",
      entityId: row.id,
      familyId: trajectory.familyId,
      details: { trajectoryId: trajectory.id, from: row.status, to: "completed" },
    });
    return trajectory;
  });
}
