/**
 * The one rule registry. Every permission the product grants is a line here; handlers and
 * services call `authorize`/`can`, and list queries use the scopes below, so "who may do what"
 * is decided in one place (and tested as a matrix over HTTP).
 */
import { forbidden, type Role } from "@ploegwerk/domain";
import type { Actor } from "./actor.ts";

export type Action =
  | "family.list"
  | "family.create"
  | "family.read"
  | "family.update"
  | "measurement.write"
  | "outcomes.read"
  | "outcomes.readOrganisation"
  | "users.manage"
  | "teams.manage"
  | "instruments.import"
  | "audit.read"
  | "audit.readFamily"
  | "trajectory.read"
  | "trajectory.write"
  | "trajectory.decide"
  | "trajectory.extend"
  | "plan.write"
  | "escalation.resolve"
  | "covenant.read"
  | "covenant.manage"
  | "caseload.read"
  | "partner.read"
  | "partner.manage"
  | "consent.read"
  | "consent.write"
  | "shared.read"
  | "breakGlass.open"
  | "breakGlass.review"
  | "privacy.export"
  | "privacy.manage"
  | "outcomes.readFamilies"
  | "staff.read"
  // Quick referrals (snelle verwijzingen), issue order 4
  | "quickReferral.create"
  | "quickReferral.recordByPhone"
  | "quickReferral.receive"
  | "quickReferral.readOwn"
  | "quickReferral.statistics"
  | "costs.read"
  | "costs.book"
  | "costs.bookForOthers"
  | "costs.report"
  | "costs.reportUnsuppressed"
  | "costs.manageRates"
  | "costs.catalogue"
  | "research.export"
  // The "wat werkt" catalogue (issue order 4)
  | "catalogue.read"
  | "catalogue.manage"
  | "catalogue.evidence";

/** Facts about the record acted on; absent for actions on the organisation as a whole. */
export interface Target {
  teamId?: string | null;
  /** The family acted on, when there is one: a break-the-glass grant opens that family for reading. */
  familyId?: string | null;
  /** The chain partner organisation a record is addressed to (a quick referral to an entry it provides). */
  partnerOrganisationId?: string | null;
  /** The user who made the record (a quick referral's referrer with an account). */
  createdByUserId?: string | null;
}

type Rule = (actor: Extract<Actor, { kind: "user" }>, target: Target) => boolean;

const inOwnTeam: Rule = (actor, target) => target.teamId != null && actor.teamIds.includes(target.teamId);
const always: Rule = () => true;
/** Reading a family outside one's teams after break-the-glass (flagged in the audit log, reviewed). */
const openedByGrant: Rule = (actor, target) => target.familyId != null && actor.breakGlassFamilyIds.includes(target.familyId);
const inTeamOrGrant: Rule = (actor, target) => inOwnTeam(actor, target) || openedByGrant(actor, target);
/** Addressed to the actor's own chain partner organisation. */
const toOwnPartner: Rule = (actor, target) => target.partnerOrganisationId != null && target.partnerOrganisationId === actor.partnerOrganisationId;
/** Made by the actor themselves. */
const madeByActor: Rule = (actor, target) => target.createdByUserId != null && target.createdByUserId === actor.userId;

const RULES: Record<Action, Partial<Record<Role, Rule>>> = {
  "family.list": { coach: always, teamleider: always, ondersteuning: always },
  "family.create": { coach: inOwnTeam, teamleider: inOwnTeam },
  "family.read": { coach: inOwnTeam, teamleider: inTeamOrGrant, ondersteuning: inOwnTeam },
  "family.update": { coach: inOwnTeam, teamleider: inOwnTeam },
  "measurement.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "outcomes.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always, analist: always },
  // Analists see the whole organisation's aggregated figures and never a family.
  "outcomes.readOrganisation": { beheerder: always, analist: always },
  // The list per family (case numbers with their scores) is dossier data: the team roles only.
  "outcomes.readFamilies": { coach: always, teamleider: always, ondersteuning: always },
  "users.manage": { beheerder: always },
  "teams.manage": { beheerder: always },
  "instruments.import": { beheerder: always },
  // The whole log is the beheerder's; a family's own team sees its access history (audit.readFamily).
  "audit.read": { beheerder: always },
  // "Wie heeft dit dossier ingezien": the family's own team sees who opened its file.
  "audit.readFamily": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
  // The trajectory: the team works the file; ondersteuning reads along (advice, casuïstiek).
  "trajectory.read": { coach: inOwnTeam, teamleider: inTeamOrGrant, ondersteuning: inOwnTeam },
  "trajectory.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "trajectory.decide": { coach: inOwnTeam, teamleider: inOwnTeam },
  // Extending beyond the planned end and resolving an opschaling are the team lead's call.
  "trajectory.extend": { teamleider: inOwnTeam },
  "plan.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "escalation.resolve": { teamleider: inOwnTeam },
  "covenant.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always },
  "covenant.manage": { teamleider: always, beheerder: always },
  "caseload.read": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
  // Chain partner organisations: the team picks them as owners and consent recipients; the beheerder and team leads keep the list.
  "partner.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always },
  "partner.manage": { teamleider: always, beheerder: always },
  // Consent is part of the family file: the team reads it, coach and team lead record it with the family.
  "consent.read": { coach: inOwnTeam, teamleider: inTeamOrGrant, ondersteuning: inOwnTeam },
  "consent.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  // A ketenpartner reads what families shared with their organisation; what exactly is decided per category (authz/sharing.ts).
  "shared.read": { ketenpartner: always },
  // Break-the-glass: only a team lead, only for a family outside their teams, reviewed by someone else.
  "breakGlass.open": { teamleider: (actor, target) => !inOwnTeam(actor, target) },
  "breakGlass.review": { teamleider: always, beheerder: always },
  "staff.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always },
  // AVG rights: the family's own team exports the whole file (inzage), reads its corrections and
  // requests, and records and decides requests (erasure by someone other than the recorder).
  "privacy.export": { coach: inOwnTeam, teamleider: inOwnTeam },
  "privacy.manage": { coach: inOwnTeam, teamleider: inOwnTeam },
  // Quick referrals: every professional with an account refers; a team member also records one
  // phoned in by an outside professional. The team's coaches and team lead, or the ketenpartners of
  // the chain partner that provides the chosen entry, receive it (pick up, finish, give feedback);
  // the referrer follows their own. Nobody else sees the resident; analists count (suppressed).
  "quickReferral.create": { coach: always, teamleider: always, ondersteuning: always, ketenpartner: always },
  "quickReferral.recordByPhone": { coach: always, teamleider: always, ondersteuning: always },
  "quickReferral.receive": { coach: inOwnTeam, teamleider: inOwnTeam, ketenpartner: toOwnPartner },
  "quickReferral.readOwn": { coach: madeByActor, teamleider: madeByActor, ondersteuning: madeByActor, ketenpartner: madeByActor },
  "quickReferral.statistics": { teamleider: always, beheerder: always, analist: always },
  // Hours and costs (issue order 4). The family's team reads and books them: everyone their own
  // hours and costs; a team lead also books hours for a colleague and takes back others' bookings.
  "costs.read": { coach: inOwnTeam, teamleider: inTeamOrGrant, ondersteuning: inOwnTeam },
  "costs.book": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
  "costs.bookForOthers": { teamleider: inOwnTeam },
  // "Kosten en resultaten": aggregates over the actor's scope (outcomeScope), like the outcome figures.
  "costs.report": { coach: always, teamleider: always, ondersteuning: always, beheerder: always, analist: always },
  // Small numbers are hidden from whoever may not open the families behind the figures (analist, beheerder).
  "costs.reportUnsuppressed": { coach: always, teamleider: always, ondersteuning: always },
  "costs.manageRates": { beheerder: always },
  // The catalogue with its prices, for the cost form: the roles that book costs.
  "costs.catalogue": { coach: always, teamleider: always, ondersteuning: always },
  // Research exports (pseudonymised, the whole organisation): the onderzoeker only. No other role
  // needs them: the team works with the files themselves, analists see aggregates.
  "research.export": { onderzoeker: always },
  // The "wat werkt" catalogue is knowledge, not dossier data: every role reads it (a ketenpartner may
  // be the aanbieder, an onderzoeker studies what is on offer); team lead, ondersteuning (the
  // behavioural scientist who guards intervention quality) and beheerder keep it.
  "catalogue.read": { coach: always, teamleider: always, ondersteuning: always, ketenpartner: always, analist: always, onderzoeker: always, beheerder: always },
  "catalogue.manage": { teamleider: always, ondersteuning: always, beheerder: always },
  // Practice-based evidence is an outcome figure over the organisation's families: the roles of
  // outcomes.read, each over its outcomeScope (team roles their teams, analist and beheerder all).
  "catalogue.evidence": { coach: always, teamleider: always, ondersteuning: always, beheerder: always, analist: always },
};

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  if (actor.kind === "system") return true;
  const rule = RULES[action][actor.role];
  return rule ? rule(actor, target) : false;
}

export function authorize(actor: Actor, action: Action, target: Target = {}): void {
  if (!can(actor, action, target)) throw forbidden();
}

/**
 * Which teams' families an actor may see: "all" (system), a list of team ids, or none.
 * The family queries turn this into a WHERE clause, so a family outside it is simply not found.
 */
export type FamilyScope = { all: true } | { all: false; teamIds: string[]; familyIds?: string[] };

export function familyScope(actor: Actor): FamilyScope {
  if (actor.kind === "system") return { all: true };
  if (!can(actor, "family.list")) return { all: false, teamIds: [] };
  return { all: false, teamIds: [...actor.teamIds], familyIds: [...actor.breakGlassFamilyIds] };
}

/** The scope for aggregate figures: the beheerder sees the whole organisation's outcomes. */
export function outcomeScope(actor: Actor): FamilyScope {
  if (can(actor, "outcomes.readOrganisation")) return { all: true };
  return familyScope(actor);
}

/**
 * Whose quick referrals land in an actor's inbox: the teams they receive for and their chain
 * partner organisation, each as the rules above allow (the system receives everywhere).
 */
export type QuickReferralInbox = { all: true } | { all: false; teamIds: string[]; partnerOrganisationId: string | null };

export function quickReferralInbox(actor: Actor): QuickReferralInbox {
  if (actor.kind === "system") return { all: true };
  const teamIds = actor.teamIds.filter((teamId) => can(actor, "quickReferral.receive", { teamId }));
  const partner = actor.partnerOrganisationId;
  return { all: false, teamIds, partnerOrganisationId: partner && can(actor, "quickReferral.receive", { partnerOrganisationId: partner }) ? partner : null };
}
