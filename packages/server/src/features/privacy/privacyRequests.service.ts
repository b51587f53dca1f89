/**
 * The AVG register of a family: record a request, list them, decide one. A granted request for
 * erasure erases (or pseudonymises, when the law still requires keeping) through erasure.ts, the
 * same code the bewaartermijnen use, in the decision's own transaction. Every step is audited.
 */
import {
  conflict,
  decisionProblem,
  decisionText,
  invalid,
  notFound,
  staleVersion,
  todayInNetherlands,
  type NewPrivacyRequest,
  type PrivacyRequest,
  type PrivacyRequestDecision,
} from "@ploegwerk/domain";
import { and, eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, familyScope, type Action } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { members, privacyRequests } from "../../db/schema.ts";
import { findFamilyRow } from "../families/families.queries.ts";
import { FAMILY } from "../families/families.service.ts";
import { eraseFamily, eraseMember } from "./erasure.ts";
import { countOpenTrajectories, lockRequest, privacyRequestRows, toPrivacyRequest } from "./privacyRequests.queries.ts";

const REQUEST = { nl: "AVG-verzoek", en: "AVG request" };

/** The family as the actor may see it (404 outside their scope), and the action allowed on it (403). */
async function familyFor(db: Db, actor: Actor, familyId: string, action: Action) {
  const found = await findFamilyRow(db, actor.organisationId, familyId, familyScope(actor));
  if (!found) throw notFound(FAMILY);
  authorize(actor, action, { teamId: found.family.teamId, familyId });
  return found.family;
}

export async function listPrivacyRequests(db: Db, opts: { actor: Actor; familyId: string }): Promise<PrivacyRequest[]> {
  await familyFor(db, opts.actor, opts.familyId, "privacy.export");
  return (await privacyRequestRows(db, opts.actor.organisationId, { familyId: opts.familyId })).map(toPrivacyRequest);
}

async function getRequest(db: Db, organisationId: string, requestId: string): Promise<PrivacyRequest> {
  const [row] = await privacyRequestRows(db, organisationId, { requestId });
  if (!row) throw notFound(REQUEST);
  return toPrivacyRequest(row);
}

export async function recordPrivacyRequest(db: Db, opts: { actor: Actor; familyId: string; input: NewPrivacyRequest; today?: string }): Promise<PrivacyRequest> {
  const { actor, familyId, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  const id = await db.transaction(async (tx) => {
    await familyFor(tx, actor, familyId, "privacy.manage");
    const params: { name: string; reason: string }[] = [];
    if (input.receivedOn > today) params.push({ name: "receivedOn", reason: "a date in the future; record the request once it has come in" });
    if (input.memberId) {
      const [m] = await tx.select({ id: members.id }).from(members).where(and(eq(members.organisationId, actor.organisationId), eq(members.familyId, familyId), eq(members.id, input.memberId)));
      if (!m) params.push({ name: "memberId", reason: "not a member of this family" });
    }
    if (params.length > 0) throw invalid({ nl: "Het verzoek is niet compleet of klopt niet.", en: "The request is incomplete or wrong." }, params);
    const [row] = await tx
      .insert(privacyRequests)
      .values({
        organisationId: actor.organisationId,
        familyId,
        memberId: input.memberId,
        kind: input.kind,
        requestedBy: input.requestedBy,
        receivedOn: input.receivedOn,
        description: input.description,
        status: "open",
        recordedById: actor.kind === "user" ? actor.userId : null,
      })
      .returning({ id: privacyRequests.id });
    if (!row) throw new Error("privacy request insert returned nothing");
    // Who asked stays out of the log: the register holds it, the log says what happened.
    await audit(tx, actor, { action: "privacy_request.recorded", entityType: "privacy_request", entityId: row.id, familyId, details: { kind: input.kind, memberId: input.memberId, receivedOn: input.receivedOn } });
    return row.id;
  });
  return getRequest(db, actor.organisationId, id);
}

export async function decidePrivacyRequest(db: Db, opts: { actor: Actor; familyId: string; requestId: string; input: PrivacyRequestDecision; today?: string }): Promise<PrivacyRequest> {
  const { actor, familyId, requestId, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  await db.transaction(async (tx) => {
    await familyFor(tx, actor, familyId, "privacy.manage");
    const request = await lockRequest(tx, actor.organisationId, familyId, requestId);
    if (!request) throw notFound(REQUEST);
    const problem = decisionProblem(
      { kind: request.kind as PrivacyRequest["kind"], status: request.status as PrivacyRequest["status"], receivedOn: request.receivedOn, recordedById: request.recordedById },
      input,
      { deciderId: actor.kind === "user" ? actor.userId : null, today },
    );
    if (problem) throw problem;
    if (request.version !== input.version) throw staleVersion();

    let erased: Record<string, number> | null = null;
    if (input.erasure) {
      if (request.memberId === null && (await countOpenTrajectories(tx, actor.organisationId, familyId)) > 0) {
        throw conflict(
          { nl: "Het gezin wordt nog begeleid. Sluit eerst het traject af; daarna kunt u de gegevens verwijderen.", en: "The family is still being coached. Close the trajectory first; then the data can be erased." },
          "family_has_open_trajectory",
        );
      }
      erased = request.memberId
        ? await eraseMember(tx, actor.organisationId, familyId, request.memberId, input.erasure.action)
        : await eraseFamily(tx, actor.organisationId, familyId, input.erasure.action);
    }
    await tx
      .update(privacyRequests)
      .set({ status: input.status, decidedOn: input.decidedOn, decision: decisionText(input), decidedById: actor.kind === "user" ? actor.userId : null, version: sql`${privacyRequests.version} + 1` })
      .where(and(eq(privacyRequests.organisationId, actor.organisationId), eq(privacyRequests.id, requestId)));
    await audit(tx, actor, {
      action: "privacy_request.decided",
      entityType: "privacy_request",
      entityId: requestId,
      familyId,
      details: { kind: request.kind, status: input.status, decidedOn: input.decidedOn, erasure: input.erasure },
    });
    if (input.erasure && erased) {
      const pseudonymised = input.erasure.action === "pseudonymise";
      await audit(tx, actor, {
        action: request.memberId ? (pseudonymised ? "member.pseudonymised" : "member.purged") : pseudonymised ? "family.pseudonymised" : "family.purged",
        entityType: request.memberId ? "member" : "family",
        entityId: request.memberId ?? familyId,
        familyId,
        details: { cause: "request", requestId, legalGround: input.erasure.legalGround, rows: erased },
      });
    }
  });
  return getRequest(db, actor.organisationId, requestId);
}
