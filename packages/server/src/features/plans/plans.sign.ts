import { PLAN_SIGN_PHASES, signPlan, staleVersion, todayInNetherlands, type PlanVersionDetail, type SignPlanRequest } from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { audit } from "../../audit/audit.ts";
import type { Db } from "../../db/database.ts";
import { SYSTEM_ID, familyPlanContext, loadForPlanWrite, userIdOf } from "./plans.context.ts";
import { listPlanRows, signConceptRow } from "./plans.queries.ts";
import { getPlanVersion } from "./plans.service.ts";
import { renamed } from "./plans.store.ts";
import { planHistory } from "./plans.versions.ts";

/** Signature fields are the request's own; content problems point into the version's content. */
const signRequestPath = (name: string): string => (name.startsWith("signature.") ? name.slice("signature.".length) : name === "signature" ? "signedBy" : `content.${name}`);

/**
 * The family signs the latest concept, which makes it definitive and, from then on, immutable and
 * the plan in force. The user recording the signature is the actor.
 */
export async function signPlanVersion(db: Db, opts: { actor: Actor; trajectoryId: string; number: number; input: SignPlanRequest }): Promise<PlanVersionDetail> {
  const { actor, trajectoryId, number } = opts;
  const { version, ...signature } = opts.input;
  await db.transaction(async (tx) => {
    const found = await loadForPlanWrite(tx, actor, trajectoryId, PLAN_SIGN_PHASES, { nl: "Het gezinsplan ondertekenen", en: "Signing the family plan" });
    const { organisationId, familyId } = found.trajectory;
    const history = planHistory(await listPlanRows(tx, organisationId, trajectoryId));
    const entry = history.entries.find((e) => e.version.number === number);
    const ctx = await familyPlanContext(tx, organisationId, familyId, entry?.version.content.instrumentKey ?? found.trajectory.instrumentKey);
    const result = signPlan(history.versions, number, { ...signature, recordedBy: userIdOf(actor) ?? SYSTEM_ID }, ctx, todayInNetherlands());
    if (!result.ok) throw renamed(result.error, signRequestPath);
    if (entry?.row.version !== version) throw staleVersion();
    const row = await signConceptRow(tx, { organisationId, trajectoryId, number, version }, result.version.signature);
    if (!row) throw staleVersion();
    const signed = result.version.signature;
    await audit(tx, actor, {
      action: "plan.signed",
      entityType: "plan",
      entityId: trajectoryId,
      familyId,
      details: { number, signedOn: signed?.signedOn, method: signed?.method, signers: signed?.signedBy.length },
    });
  });
  return getPlanVersion(db, { actor, trajectoryId, number });
}
