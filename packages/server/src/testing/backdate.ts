import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";

/**
 * Moves a trajectory's dates `days` back in time (tijdpad, aanmelding, decision, consent), so a test
 * can see weeks and deadlines that take time to pass. Test set-up only: the tijdpad is never rewritten in the product.
 */
export async function backdateTrajectory(db: Db, organisationId: string, trajectoryId: string, days: number): Promise<void> {
  await db.execute(sql`update phase_transitions set "on" = "on" - ${days}::int where organisation_id = ${organisationId}::uuid and trajectory_id = ${trajectoryId}::uuid`);
  await db.execute(sql`update trajectories set received_on = received_on - ${days}::int, phase_since = phase_since - ${days}::int,
                         decision_on = decision_on - ${days}::int, consent_signed_on = consent_signed_on - ${days}::int
                       where organisation_id = ${organisationId}::uuid and id = ${trajectoryId}::uuid`);
}
