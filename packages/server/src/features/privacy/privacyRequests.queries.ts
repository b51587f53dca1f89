import { answerDueOn, type PrivacyRequest, type PrivacyRequestKind, type PrivacyRequestStatus } from "@ploegwerk/domain";
import { and, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/database.ts";
import { privacyRequests, trajectories, users } from "../../db/schema.ts";

export type PrivacyRequestRow = typeof privacyRequests.$inferSelect;

const recorder = alias(users, "recorder");
const decider = alias(users, "decider");

/** The register entries with the names of who recorded and decided them. */
export async function privacyRequestRows(db: Db, organisationId: string, where: { familyId: string } | { requestId: string }) {
  return db
    .select({ r: privacyRequests, recordedByName: recorder.name, decidedByName: decider.name })
    .from(privacyRequests)
    .leftJoin(recorder, and(eq(recorder.organisationId, privacyRequests.organisationId), eq(recorder.id, privacyRequests.recordedById)))
    .leftJoin(decider, and(eq(decider.organisationId, privacyRequests.organisationId), eq(decider.id, privacyRequests.decidedById)))
    .where(and(eq(privacyRequests.organisationId, organisationId), "familyId" in where ? eq(privacyRequests.familyId, where.familyId) : eq(privacyRequests.id, where.requestId)))
    .orderBy(desc(privacyRequests.receivedOn), desc(privacyRequests.createdAt));
}

export function toPrivacyRequest({ r, recordedByName, decidedByName }: { r: PrivacyRequestRow; recordedByName: string | null; decidedByName: string | null }): PrivacyRequest {
  return {
    id: r.id,
    familyId: r.familyId,
    memberId: r.memberId,
    kind: r.kind as PrivacyRequestKind,
    requestedBy: r.requestedBy,
    receivedOn: r.receivedOn,
    answerDueOn: answerDueOn(r.receivedOn),
    description: r.description,
    status: r.status as PrivacyRequestStatus,
    decidedOn: r.decidedOn,
    decision: r.decision,
    recordedBy: r.recordedById ? { id: r.recordedById, name: recordedByName ?? "" } : null,
    decidedBy: r.decidedById ? { id: r.decidedById, name: decidedByName ?? "" } : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The request of this family, locked for the decision. */
export async function lockRequest(tx: Db, organisationId: string, familyId: string, requestId: string): Promise<PrivacyRequestRow | null> {
  const [row] = await tx
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.organisationId, organisationId), eq(privacyRequests.familyId, familyId), eq(privacyRequests.id, requestId)))
    .for("update");
  return row ?? null;
}

export async function countOpenTrajectories(tx: Db, organisationId: string, familyId: string): Promise<number> {
  const rows = await tx
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.organisationId, organisationId), eq(trajectories.familyId, familyId), ne(trajectories.phase, "closed")));
  return rows.length;
}
