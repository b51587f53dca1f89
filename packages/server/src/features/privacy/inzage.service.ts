/**
 * Inzage (AVG art. 15): everything stored about a family, or one member, as JSON or as a readable
 * PDF. Only the family's own team (privacy.export); anyone else gets the usual 404/403. The export
 * is logged as one read row "privacy.exported" once the file is made, instead of the route's
 * generic read row.
 */
import { notFound } from "@ploegwerk/domain";
import { eq } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import { currentAuditContext } from "../../audit/requestContext.ts";
import { actorLabel, type Actor } from "../../authz/actor.ts";
import { authorize, familyScope } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { organisations } from "../../db/schema.ts";
import { inzageDocument } from "../../pdf/inzage.ts";
import { renderPdf } from "../../pdf/render.ts";
import { findFamilyRow } from "../families/families.queries.ts";
import { FAMILY } from "../families/families.service.ts";
import { inzageJson, scopeToMember, staffIdsIn, type Inzage } from "./inzage.model.ts";
import { familyRecords, instrumentsOf, staffNames } from "./inzage.queries.ts";

const MEMBER = { nl: "Gezinslid", en: "Family member" };

export async function buildInzage(db: Db, opts: { actor: Actor; familyId: string; memberId?: string | undefined; now?: Date }): Promise<Inzage> {
  const { actor, familyId } = opts;
  const found = await findFamilyRow(db, actor.organisationId, familyId, familyScope(actor));
  if (!found) throw notFound(FAMILY);
  authorize(actor, "privacy.export", { teamId: found.family.teamId, familyId });
  const records = await familyRecords(db, actor.organisationId, familyId);
  if (opts.memberId && !records.members.some((m) => m.id === opts.memberId)) throw notFound(MEMBER);
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.organisationId, actor.organisationId));
  const staffIds = staffIdsIn([found.family, records]);
  const inzage: Inzage = {
    ...records,
    generatedAt: opts.now ?? new Date(),
    generatedBy: actorLabel(actor),
    organisation: org?.name ?? "",
    scope: { familyId, memberId: null },
    family: found.family,
    teamName: found.teamName,
    coachName: found.coachName,
    staff: await staffNames(db, actor.organisationId, [...staffIds]),
    instruments: await instrumentsOf(db, actor.organisationId, records.measurements),
  };
  return opts.memberId ? scopeToMember(inzage, opts.memberId) : inzage;
}

export type InzageFormat = "json" | "pdf";

export async function exportInzage(
  db: Db,
  opts: { actor: Actor; familyId: string; memberId?: string | undefined; format: InzageFormat; /** "GET /api/v1/…", as every read row names it. */ route?: string },
): Promise<{ body: string | Buffer; caseNumber: string }> {
  const { actor, familyId, memberId, format } = opts;
  const inzage = await buildInzage(db, { actor, familyId, memberId });
  const body = format === "json" ? inzageJson(inzage) : await renderPdf(inzageDocument(inzage));
  await audit(db, actor, {
    kind: "read",
    action: "privacy.exported",
    entityType: memberId ? "member" : "family",
    entityId: memberId ?? familyId,
    familyId,
    details: { format, memberId: memberId ?? null, ...(opts.route ? { route: opts.route } : {}) },
  });
  // This row records the access already: the request's read log adds no second one for the family.
  currentAuditContext()?.writtenFamilies.add(familyId);
  return { body, caseNumber: inzage.family.caseNumber };
}
