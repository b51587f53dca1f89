import {
  BREAK_GLASS_HOURS,
  conflict,
  DomainError,
  forbidden,
  notFound,
  type BreakGlassGrant,
  type BreakGlassVerdict,
  type OpenBreakGlass,
  type ReviewBreakGlass,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, can } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { findFamilyByCaseNumber, findGrant, insertGrant, listGrants, reviewGrantRow } from "./breakGlass.queries.ts";

const GRANT = { nl: "Doorbraak", en: "Break-the-glass grant" };

type Row = NonNullable<Awaited<ReturnType<typeof findGrant>>>;

function present(r: Row, now: Date): BreakGlassGrant {
  const g = r.grant;
  return {
    id: g.id,
    familyId: g.familyId,
    caseNumber: r.caseNumber,
    user: { id: g.userId, name: r.userName },
    reason: g.reason,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    active: g.expiresAt > now,
    review:
      g.reviewedAt && g.reviewedById && g.verdict
        ? { by: { id: g.reviewedById, name: r.reviewerName ?? "" }, at: g.reviewedAt.toISOString(), verdict: g.verdict as BreakGlassVerdict, note: g.reviewNote }
        : null,
  };
}

/**
 * A team lead opens a family outside their teams, for reading, for BREAK_GLASS_HOURS. The family is
 * named by its case number (the team lead cannot search outside their teams); an unknown number
 * and a family of their own team are told apart, since the team lead may see their own anyway.
 */
export async function openBreakGlass(db: Db, opts: { actor: Actor; input: OpenBreakGlass; now?: Date }): Promise<BreakGlassGrant> {
  const { actor, input } = opts;
  const now = opts.now ?? new Date();
  if (actor.kind !== "user" || actor.role !== "teamleider") throw forbidden({ nl: "Alleen een teamleider kan een dossier openbreken.", en: "Only a team lead can break the glass." });
  return db.transaction(async (tx) => {
    const family = await findFamilyByCaseNumber(tx, actor.organisationId, input.caseNumber);
    if (!family) throw notFound({ nl: `Gezin met dossiernummer ${input.caseNumber}`, en: `Family with case number ${input.caseNumber}` });
    if (!can(actor, "breakGlass.open", { teamId: family.teamId, familyId: family.id })) {
      throw conflict({ nl: "Dit gezin hoort bij uw eigen team; u kunt het dossier gewoon openen.", en: "This family belongs to your own team; you can open the file as usual." }, "not_needed");
    }
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const id = await insertGrant(tx, { organisationId: actor.organisationId, userId: actor.userId, familyId: family.id, reason: input.reason, grantedAt: now, expiresAt });
    await audit(tx, actor, { action: "break_glass.opened", entityType: "family", entityId: family.id, familyId: family.id, details: { grantId: id, reason: input.reason, expiresAt: expiresAt.toISOString(), breakGlass: true } });
    const row = await findGrant(tx, actor.organisationId, id);
    if (!row) throw new Error("grant vanished after insert");
    return present(row, now);
  });
}

export async function listBreakGlass(db: Db, opts: { actor: Actor; unreviewedOnly: boolean; now?: Date }): Promise<BreakGlassGrant[]> {
  authorize(opts.actor, "breakGlass.review");
  const now = opts.now ?? new Date();
  return (await listGrants(db, opts.actor.organisationId, { unreviewedOnly: opts.unreviewedOnly })).map((r) => present(r, now));
}

/** The review of an opening: by another team lead or a beheerder, never by the one who opened it. */
export async function reviewBreakGlass(db: Db, opts: { actor: Actor; grantId: string; input: ReviewBreakGlass; now?: Date }): Promise<BreakGlassGrant> {
  const { actor, input } = opts;
  authorize(actor, "breakGlass.review");
  if (actor.kind !== "user") throw forbidden();
  return db.transaction(async (tx) => {
    const current = await findGrant(tx, actor.organisationId, opts.grantId);
    if (!current) throw notFound(GRANT);
    if (current.grant.userId === actor.userId) {
      throw new DomainError("forbidden", { nl: "U kunt uw eigen doorbraak niet beoordelen; een andere teamleider of de beheerder doet dat.", en: "You cannot review your own break-the-glass; another team lead or the administrator does." }, { reason: "self_review" });
    }
    const updated = await reviewGrantRow(tx, actor.organisationId, current.grant.id, { reviewedById: actor.userId, verdict: input.verdict, reviewNote: input.note });
    if (!updated) throw conflict({ nl: "Deze doorbraak is al beoordeeld.", en: "This grant has already been reviewed." }, "already_reviewed");
    await audit(tx, actor, { action: "break_glass.reviewed", entityType: "break_glass_grant", entityId: current.grant.id, familyId: current.grant.familyId, details: { verdict: input.verdict, openedBy: current.grant.userId } });
    const row = await findGrant(tx, actor.organisationId, current.grant.id);
    if (!row) throw new Error("grant vanished after review");
    return present(row, opts.now ?? new Date());
  });
}
