/**
 * Quick referrals for the permission matrix: one standing referral per place (see
 * policies.quickReferralReceiver for who receives which), built with the other fixtures so the
 * "untouched" fingerprints include them, and fresh ones for the allowed cells of moves that cannot
 * be repeated. Each names its world's token as the resident, so an answer that shows a referral of
 * a world the role may not see is caught as a leak.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/database.ts";
import { moveQuickReferral } from "../../features/quickReferrals/quickReferrals.service.ts";
import type { TestOrganisation } from "../../testing/factories.ts";
import { makeIntervention, makeQuickReferral } from "../../testing/quickReferrals.ts";
import type { Partner, Target, World } from "./world.ts";

const HUISARTS = { name: "Dokter Matrix", organisation: "Huisartsenpraktijk Matrix", contact: null };

export interface QuickReferralFixtures {
  /** The standing referral of each place (status sent, never changed by the matrix). */
  standing: Readonly<Record<Target, string>>;
  /** A fresh referral in the target's place, as a huisarts phoned it in; picked up when asked. */
  fresh(w: World, opts?: { pickedUp?: boolean }): Promise<{ id: string; version: number }>;
}

export async function buildQuickReferralFixtures(
  db: Db,
  o: { org: TestOrganisation; otherOrg: TestOrganisation; worlds: Readonly<Record<Target, World>>; partner: Partner; otherPartner: Partner },
): Promise<QuickReferralFixtures> {
  const ownEntry = await makeIntervention(db, o.org.organisationId, { name: "Budgetcursus (matrix)", providerPartnerId: o.partner.id });
  const otherEntry = await makeIntervention(db, o.org.organisationId, { name: "Praatgroep (matrix)", providerPartnerId: o.otherPartner.id });
  const targetOf = (w: World) => {
    if (w.target === "consented") return { kind: "intervention" as const, interventionId: ownEntry.id };
    if (w.target === "nonConsented") return { kind: "intervention" as const, interventionId: otherEntry.id };
    return { kind: "team" as const, teamId: w.teamId };
  };
  const make = (w: World) => makeQuickReferral(db, w.system, targetOf(w), { residentName: `Inwoner ${w.token}`, onBehalfOf: HUISARTS });
  const standing = {} as Record<Target, string>;
  for (const [target, w] of Object.entries(o.worlds) as [Target, World][]) standing[target] = (await make(w)).id;
  return {
    standing,
    async fresh(w, opts = {}) {
      const made = await make(w);
      if (!opts.pickedUp) return { id: made.id, version: made.version };
      const picked = await moveQuickReferral(db, { actor: w.system, id: made.id, input: { to: "picked_up", note: null, version: made.version } });
      return { id: picked.id, version: picked.version };
    },
  };
}

/** The referral's version as it is now (what a client would have read). */
export async function quickReferralVersion(db: Db, id: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(db, sql`select version from quick_referrals where id = ${id}::uuid`);
  if (!row) throw new Error(`no quick referral ${id}`);
  return Number(row.version);
}
