import {
  CONSENT_CATEGORIES,
  conflict,
  consentStatus,
  invalid,
  notFound,
  staleVersion,
  todayInNetherlands,
  validateConsent,
  type Consent,
  type ConsentCategory,
  type ConsentChange,
  type ConsentWithdrawal,
  type LegalBasis,
  type MemberRole,
  type NewConsent,
} from "@ploegwerk/domain";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { listMembers } from "../families/families.queries.ts";
import { loadVisibleFamily } from "../families/families.service.ts";
import { findPartnerRow } from "../partners/partners.queries.ts";
import { findConsentRow, insertConsent, listConsentRows, updateConsentRow, type ConsentRow } from "./consents.queries.ts";

const CONSENT = { nl: "Toestemming", en: "Consent" };
const byOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);

type Names = ReadonlyMap<string, string>;

function present(row: ConsentRow, names: Names, today: string): Consent {
  const person = (memberId: string) => ({ memberId, name: names.get(memberId) ?? "(niet meer in het gezin)" });
  return {
    id: row.id,
    familyId: row.familyId,
    givenBy: row.givenByMemberId ? person(row.givenByMemberId) : null,
    onBehalfOf: row.onBehalfOf.map(person),
    recipient: { id: row.recipientId, name: row.recipientName },
    categories: row.categories.filter((c): c is ConsentCategory => (CONSENT_CATEGORIES as readonly string[]).includes(c)),
    purpose: row.purpose,
    legalBasis: row.legalBasis as LegalBasis,
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    withdrawnOn: row.withdrawnOn,
    withdrawnReason: row.withdrawnReason,
    status: consentStatus(row, today),
    version: row.version,
    recordedAt: row.createdAt.toISOString(),
  };
}

async function memberNames(db: Db, organisationId: string, familyId: string) {
  const members = await listMembers(db, organisationId, familyId);
  return { members, names: new Map(members.map((m) => [m.id, `${m.givenName} ${m.surname}`])) };
}

/** The family for a consent write: coach or team lead of its team. */
async function familyForWrite(db: Db, actor: Actor, familyId: string) {
  const { family } = await loadVisibleFamily(db, actor, familyId);
  authorize(actor, "consent.write", { teamId: family.teamId, familyId: family.id });
  return family;
}

export async function listConsents(db: Db, opts: { actor: Actor; familyId: string; today?: string }): Promise<Consent[]> {
  return (await familyConsents(db, opts)).consents;
}

/** The family as the consent reader may see it, with its consent records (for the list and the sharing overview). */
export async function familyConsents(db: Db, opts: { actor: Actor; familyId: string; today?: string }) {
  const found = await loadVisibleFamily(db, opts.actor, opts.familyId);
  authorize(opts.actor, "consent.read", { teamId: found.family.teamId, familyId: found.family.id });
  const { names } = await memberNames(db, opts.actor.organisationId, found.family.id);
  const today = opts.today ?? todayInNetherlands();
  return { found, consents: (await listConsentRows(db, opts.actor.organisationId, found.family.id)).map((r) => present(r, names, today)) };
}

export async function recordConsent(db: Db, opts: { actor: Actor; familyId: string; input: NewConsent; today?: string }): Promise<Consent> {
  const { actor, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  return db.transaction(async (tx) => {
    const family = await familyForWrite(tx, actor, opts.familyId);
    const { members, names } = await memberNames(tx, actor.organisationId, family.id);
    const errors = validateConsent(input, { today, members: members.map((m) => ({ id: m.id, role: m.role as MemberRole, dateOfBirth: m.dateOfBirth })) });
    if (!(await findPartnerRow(tx, actor.organisationId, input.recipientId))) errors.push({ name: "recipientId", reason: "not a registered chain partner organisation" });
    if (errors.length > 0) throw invalid({ nl: "De toestemming is niet vastgelegd; zie invalidParams.", en: "The consent was not recorded; see invalidParams." }, errors);
    const id = await insertConsent(tx, {
      organisationId: actor.organisationId,
      familyId: family.id,
      givenByMemberId: input.givenByMemberId,
      onBehalfOf: input.onBehalfOf,
      recipientId: input.recipientId,
      categories: input.categories,
      purpose: input.purpose,
      legalBasis: input.legalBasis,
      givenOn: input.givenOn,
      expiresOn: input.expiresOn,
      recordedById: byOf(actor),
    });
    await audit(tx, actor, {
      action: "consent.recorded",
      entityType: "consent",
      entityId: id,
      familyId: family.id,
      details: { recipientId: input.recipientId, categories: input.categories, legalBasis: input.legalBasis, givenOn: input.givenOn, expiresOn: input.expiresOn },
    });
    const row = await findConsentRow(tx, actor.organisationId, family.id, id);
    if (!row) throw new Error("consent vanished after insert");
    return present(row, names, today);
  });
}

const withdrawnAlready = () =>
  conflict({ nl: "Deze toestemming is al ingetrokken. Leg nieuwe toestemming vast als het gezin opnieuw toestemming geeft.", en: "This consent has been withdrawn. Record a new consent if the family consents again." }, "consent_withdrawn");

/** Narrowing or widening what is shared, or changing its purpose or expiry; takes effect on the next request. */
export async function changeConsent(db: Db, opts: { actor: Actor; familyId: string; consentId: string; change: ConsentChange; today?: string }): Promise<Consent> {
  const { actor, change } = opts;
  const today = opts.today ?? todayInNetherlands();
  return db.transaction(async (tx) => {
    const family = await familyForWrite(tx, actor, opts.familyId);
    const current = await findConsentRow(tx, actor.organisationId, family.id, opts.consentId);
    if (!current) throw notFound(CONSENT);
    if (current.withdrawnOn !== null) throw withdrawnAlready();
    if (current.version !== change.version) throw staleVersion();
    const { members, names } = await memberNames(tx, actor.organisationId, family.id);
    const errors = validateConsent(
      { givenByMemberId: current.givenByMemberId, onBehalfOf: [], legalBasis: current.legalBasis as LegalBasis, givenOn: current.givenOn, expiresOn: change.expiresOn },
      { today, members: members.map((m) => ({ id: m.id, role: m.role as MemberRole, dateOfBirth: m.dateOfBirth })) },
    ).filter((e) => e.name === "expiresOn");
    if (errors.length > 0) throw invalid({ nl: "De wijziging is niet opgeslagen; zie invalidParams.", en: "The change was not saved; see invalidParams." }, errors);
    const updated = await updateConsentRow(tx, actor.organisationId, current.id, change.version, { categories: change.categories, purpose: change.purpose, expiresOn: change.expiresOn });
    if (!updated) throw staleVersion();
    const added = change.categories.filter((c) => !current.categories.includes(c));
    const removed = current.categories.filter((c) => !(change.categories as readonly string[]).includes(c));
    await audit(tx, actor, {
      action: "consent.changed",
      entityType: "consent",
      entityId: current.id,
      familyId: family.id,
      details: { recipientId: current.recipientId, added, removed, purposeChanged: change.purpose !== current.purpose, expiresOn: { from: current.expiresOn, to: change.expiresOn } },
    });
    const row = await findConsentRow(tx, actor.organisationId, family.id, current.id);
    if (!row) throw new Error("consent vanished after update");
    return present(row, names, today);
  });
}

/** Withdrawal (intrekking) counts from now: the recipient's next request no longer sees the family. */
export async function withdrawConsent(db: Db, opts: { actor: Actor; familyId: string; consentId: string; input: ConsentWithdrawal; today?: string }): Promise<Consent> {
  const { actor, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  return db.transaction(async (tx) => {
    const family = await familyForWrite(tx, actor, opts.familyId);
    const current = await findConsentRow(tx, actor.organisationId, family.id, opts.consentId);
    if (!current) throw notFound(CONSENT);
    if (current.withdrawnOn !== null) throw withdrawnAlready();
    const updated = await updateConsentRow(tx, actor.organisationId, current.id, input.version, { withdrawnOn: today, withdrawnReason: input.reason });
    if (!updated) throw staleVersion();
    await audit(tx, actor, { action: "consent.withdrawn", entityType: "consent", entityId: current.id, familyId: family.id, details: { recipientId: current.recipientId, categories: current.categories } });
    const { names } = await memberNames(tx, actor.organisationId, family.id);
    const row = await findConsentRow(tx, actor.organisationId, family.id, current.id);
    if (!row) throw new Error("consent vanished after update");
    return present(row, names, today);
  });
}
