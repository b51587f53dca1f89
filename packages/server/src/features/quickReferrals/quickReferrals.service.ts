/**
 * Quick referrals (snelle verwijzingen): a professional sends a resident to a catalogue entry or to
 * the team; the receiving side picks it up, finishes or declines it; the referrer follows it in
 * "Mijn verwijzingen", and a referrer outside the system (who phoned it in) is owed feedback until
 * it is recorded. Only the referrer and the receiving side see the referral (and so the resident);
 * to anyone else it does not exist. Every change writes an audit row; reads are noted for the log.
 */
import {
  checkQuickReferralMove,
  conflict,
  invalid,
  notFound,
  staleVersion,
  validateNewQuickReferral,
  type InvalidParam,
  type NewQuickReferral,
  type QuickReferral,
  type QuickReferralCounts,
  type QuickReferralFeedbackInput,
  type QuickReferralList,
  type QuickReferralListQuery,
  type QuickReferralTransitionInput,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import { noteRead } from "../../audit/requestContext.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize, can, quickReferralInbox } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { feedbackOwedOf, madeBy, presentQuickReferral, receives, referralTarget } from "./quickReferrals.present.ts";
import {
  findInterventionForReferral,
  findQuickReferralRow,
  findTeam,
  inboxCounts,
  insertQuickReferral,
  listQuickReferralRows,
  referrerDetails,
  updateQuickReferralRow,
  type QuickReferralRow,
} from "./quickReferrals.queries.ts";

export const QUICK_REFERRAL = { nl: "Verwijzing", en: "Referral" };

const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

/** The referral as the actor may see it: the referrer or the receiving side; anyone else gets a 404. */
export async function loadVisibleQuickReferral(db: Db, actor: Actor, id: string): Promise<QuickReferralRow> {
  const row = await findQuickReferralRow(db, actor.organisationId, id);
  if (!row || !(receives(actor, row) || madeBy(actor, row))) throw notFound(QUICK_REFERRAL);
  return row;
}

/** The referral for a change by the receiving side: visible, and the actor receives it (403 for the referrer alone). */
export async function loadForReceiver(db: Db, actor: Actor, id: string): Promise<QuickReferralRow> {
  const row = await loadVisibleQuickReferral(db, actor, id);
  authorize(actor, "quickReferral.receive", referralTarget(row));
  return row;
}

async function reread(db: Db, actor: Actor, id: string): Promise<QuickReferral> {
  const row = await findQuickReferralRow(db, actor.organisationId, id);
  if (!row) throw new Error("quick referral vanished after a change");
  return presentQuickReferral(row, actor);
}

/** Where the referral goes and who receives it: the entry's chain partner, or a team. */
async function resolveTarget(db: Db, actor: Actor, input: NewQuickReferral, errors: InvalidParam[]) {
  const t = input.target;
  if (t.kind === "team") {
    if (!(await findTeam(db, actor.organisationId, t.teamId))) errors.push({ name: "target.teamId", reason: "not a team of this organisation" });
    return { targetKind: "team" as const, interventionId: null, teamId: t.teamId };
  }
  const entry = await findInterventionForReferral(db, actor.organisationId, t.interventionId);
  if (!entry || !entry.active) {
    errors.push({ name: "target.interventionId", reason: "not an active entry of the catalogue" });
    return { targetKind: "intervention" as const, interventionId: t.interventionId, teamId: null };
  }
  // A registered chain partner provides it: its ketenpartners receive it, no team does.
  if (entry.providerPartnerId) return { targetKind: "intervention" as const, interventionId: entry.id, teamId: null };
  const teamId = t.teamId ?? (actor.kind === "user" ? actor.teamId : null);
  if (!teamId) errors.push({ name: "target.teamId", reason: "choose the team that picks it up: the provider of this entry is not a registered chain partner" });
  else if (!(await findTeam(db, actor.organisationId, teamId))) errors.push({ name: "target.teamId", reason: "not a team of this organisation" });
  return { targetKind: "intervention" as const, interventionId: entry.id, teamId };
}

export async function createQuickReferral(db: Db, opts: { actor: Actor; input: NewQuickReferral }): Promise<QuickReferral> {
  const { actor, input } = opts;
  authorize(actor, "quickReferral.create");
  if (input.onBehalfOf) authorize(actor, "quickReferral.recordByPhone");
  return db.transaction(async (tx) => {
    const errors = validateNewQuickReferral(input);
    const target = await resolveTarget(tx, actor, input, errors);
    if (errors.length > 0) {
      const consent = errors.some((e) => e.name === "residentConsent");
      throw invalid(
        consent
          ? { nl: "De verwijzing is niet verstuurd: vraag eerst of de inwoner akkoord is. Zie de velden.", en: "The referral was not sent: first ask whether the resident agrees. See the fields." }
          : { nl: "De verwijzing is niet verstuurd; zie de velden.", en: "The referral was not sent; see the fields." },
        errors,
      );
    }
    const referrer = input.onBehalfOf
      ? { referrerUserId: null, referrerName: input.onBehalfOf.name, referrerOrganisation: input.onBehalfOf.organisation, referrerContact: input.onBehalfOf.contact }
      : await ownReferrer(tx, actor);
    const id = await insertQuickReferral(tx, {
      organisationId: actor.organisationId,
      channel: input.channel,
      ...referrer,
      ...target,
      residentName: input.residentName,
      residentContact: input.residentContact,
      reason: input.reason,
      residentConsent: input.residentConsent,
    });
    // No names or free text in the log: which way it went is enough to account for it.
    await audit(tx, actor, {
      action: "quick_referral.created",
      entityType: "quick_referral",
      entityId: id,
      details: { channel: input.channel, targetKind: target.targetKind, interventionId: target.interventionId, teamId: target.teamId, byPhone: input.onBehalfOf !== null },
    });
    return reread(tx, actor, id);
  });
}

/** A referrer with an account, as the referral keeps them: name, organisation, e-mail address for questions. */
async function ownReferrer(db: Db, actor: Actor) {
  const userId = userIdOf(actor);
  const details = userId ? await referrerDetails(db, actor.organisationId, userId) : null;
  if (!userId || !details) return { referrerUserId: null, referrerName: actor.kind === "system" ? actor.label : "", referrerOrganisation: null, referrerContact: null };
  return { referrerUserId: userId, referrerName: details.name, referrerOrganisation: details.partnerName ?? details.organisationName, referrerContact: details.email };
}

export async function listQuickReferrals(db: Db, opts: { actor: Actor; query: QuickReferralListQuery }): Promise<QuickReferralList> {
  const { actor, query } = opts;
  // The lists are for those who refer and receive: the professional roles.
  authorize(actor, "quickReferral.create");
  const { rows, total } = await listQuickReferralRows(
    db,
    actor.organisationId,
    { box: query.box, inbox: quickReferralInbox(actor), userId: userIdOf(actor), status: query.status },
    query.page,
    query.pageSize,
  );
  // One read row for the list, naming the referrals shown (ids, no names).
  if (rows.length > 0) noteRead({ familyId: null, entityType: "quick_referral", entityId: query.box, action: "quick_referrals.listed", details: { status: query.status, page: query.page, ids: rows.map((r) => r.id) } });
  return { items: rows.map((r) => presentQuickReferral(r, actor)), total, page: query.page, pageSize: query.pageSize };
}

export async function getQuickReferral(db: Db, opts: { actor: Actor; id: string }): Promise<QuickReferral> {
  const row = await loadVisibleQuickReferral(db, opts.actor, opts.id);
  noteRead({ familyId: row.familyId, entityType: "quick_referral", entityId: row.id, action: "quick_referral.viewed" });
  return presentQuickReferral(row, opts.actor);
}

const MOVE_AUDIT = { picked_up: "quick_referral.picked_up", completed: "quick_referral.completed", declined: "quick_referral.declined" } as const;

/** Pick up, complete or decline: a guarded move (domain), against the version the receiver saw. */
export async function moveQuickReferral(db: Db, opts: { actor: Actor; id: string; input: QuickReferralTransitionInput }): Promise<QuickReferral> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const row = await loadForReceiver(tx, actor, opts.id);
    const check = checkQuickReferralMove(row.status as QuickReferral["status"], input.to, input.note);
    if (!check.ok) {
      if (check.refusal.code === "reason_required") throw invalid(check.refusal.message, [{ name: "note", reason: "write down why, for the referrer" }], check.refusal.code);
      throw conflict(check.refusal.message, check.refusal.code);
    }
    if (row.version !== input.version) throw staleVersion();
    const now = new Date();
    const values =
      input.to === "picked_up"
        ? { status: input.to, pickedUpById: userIdOf(actor), pickedUpAt: now }
        : { status: input.to, closedAt: now, outcomeNote: input.note };
    if (!(await updateQuickReferralRow(tx, actor.organisationId, row.id, input.version, values))) throw staleVersion();
    await audit(tx, actor, { action: MOVE_AUDIT[input.to], entityType: "quick_referral", entityId: row.id, familyId: row.familyId, details: { from: row.status, to: input.to, note: input.note !== null } });
    return reread(tx, actor, row.id);
  });
}

/** The outside referrer was told (by phone or mail): no longer owed, until the next change. */
export async function recordQuickReferralFeedback(db: Db, opts: { actor: Actor; id: string; input: QuickReferralFeedbackInput }): Promise<QuickReferral> {
  const { actor, input } = opts;
  return db.transaction(async (tx) => {
    const row = await loadForReceiver(tx, actor, opts.id);
    const owed = feedbackOwedOf(row);
    if (owed === null) {
      throw conflict(
        row.referrerUserId !== null
          ? { nl: "De verwijzer heeft een account en ziet de stand zelf; terugkoppeling vastleggen is niet nodig.", en: "The referrer has an account and sees the status themselves; no feedback needs recording." }
          : { nl: "Er is nu geen terugkoppeling nodig: de verwijzer weet al hoe het ervoor staat.", en: "No feedback is owed now: the referrer already knows where it stands." },
        "no_feedback_owed",
      );
    }
    if (row.version !== input.version) throw staleVersion();
    if (!(await updateQuickReferralRow(tx, actor.organisationId, row.id, input.version, { feedbackSentAt: new Date(), feedbackNote: input.note }))) throw staleVersion();
    await audit(tx, actor, { action: "quick_referral.feedback_recorded", entityType: "quick_referral", entityId: row.id, familyId: row.familyId, details: { subject: owed, note: input.note !== null } });
    return reread(tx, actor, row.id);
  });
}

/** The badges of the navigation: waiting in the inbox, feedback owed; zeros for whoever has no inbox. */
export async function quickReferralCounts(db: Db, opts: { actor: Actor }): Promise<QuickReferralCounts> {
  const { actor } = opts;
  const inbox = quickReferralInbox(actor);
  const receivesAny = inbox.all || inbox.teamIds.length > 0 || inbox.partnerOrganisationId !== null;
  const counts = receivesAny ? await inboxCounts(db, actor.organisationId, inbox) : { waiting: 0, feedbackOwed: 0 };
  return { ...counts, receives: receivesAny, refers: can(actor, "quickReferral.create") };
}
