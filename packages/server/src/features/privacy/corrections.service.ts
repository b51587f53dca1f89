/** The family's correction history, newest first (AVG art. 16). */
import { notFound, type Correction, type CorrectionEntityType } from "@ploegwerk/domain";
import { and, desc, eq } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import { authorize, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { corrections, users } from "../../db/schema.ts";
import { findFamilyRow } from "../families/families.queries.ts";
import { correctionColumns, parseCorrectionValues } from "./corrections.record.ts";
import { FAMILY } from "../families/families.service.ts";

export async function listCorrections(db: Db, opts: { actor: Actor; familyId: string }): Promise<Correction[]> {
  const { actor, familyId } = opts;
  const found = await findFamilyRow(db, actor.organisationId, familyId, familyScope(actor));
  if (!found) throw notFound(FAMILY);
  authorize(actor, "privacy.export", { teamId: found.family.teamId, familyId });
  const rows = await db
    .select({ c: correctionColumns, byName: users.name })
    .from(corrections)
    .leftJoin(users, and(eq(users.organisationId, corrections.organisationId), eq(users.id, corrections.byId)))
    .where(and(eq(corrections.organisationId, actor.organisationId), eq(corrections.familyId, familyId)))
    .orderBy(desc(corrections.createdAt), desc(corrections.id));
  return rows.map(({ c: stored, byName }) => {
    const c = parseCorrectionValues(stored);
    return {
      id: c.id,
      entityType: c.entityType as CorrectionEntityType,
      entityId: c.entityId,
      field: c.field,
      before: c.before,
      after: c.after,
      reason: c.reason === "" ? null : c.reason,
      requestId: c.requestId,
      by: c.byId ? { id: c.byId, name: byName ?? "" } : null,
      at: c.createdAt.toISOString(),
    };
  });
}
