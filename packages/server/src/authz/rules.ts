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
  | "trajectory.read"
  | "trajectory.write"
  | "trajectory.decide"
  | "trajectory.extend"
  | "plan.write"
  | "escalation.resolve"
  | "covenant.read"
  | "covenant.manage"
  | "caseload.read";

/** Facts about the record acted on; absent for actions on the organisation as a whole. */
export interface Target {
  teamId?: string | null;
}

type Rule = (actor: Extract<Actor, { kind: "user" }>, target: Target) => boolean;

const inOwnTeam: Rule = (actor, target) => actor.teamId !== null && target.teamId === actor.teamId;
const always: Rule = () => true;

const RULES: Record<Action, Partial<Record<Role, Rule>>> = {
  "family.list": { coach: always, teamleider: always, ondersteuning: always },
  "family.create": { coach: inOwnTeam, teamleider: inOwnTeam },
  "family.read": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
  "family.update": { coach: inOwnTeam, teamleider: inOwnTeam },
  "measurement.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "outcomes.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always },
  "outcomes.readOrganisation": { beheerder: always },
  "users.manage": { beheerder: always },
  "teams.manage": { beheerder: always },
  "instruments.import": { beheerder: always },
  // Team leads get a team-scoped audit view with the read-audit of a later issue.
  "audit.read": { beheerder: always },
  // The trajectory: the team works the file; ondersteuning reads along (advice, casuïstiek).
  "trajectory.read": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
  "trajectory.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "trajectory.decide": { coach: inOwnTeam, teamleider: inOwnTeam },
  // Extending beyond the planned end and resolving an opschaling are the team lead's call.
  "trajectory.extend": { teamleider: inOwnTeam },
  "plan.write": { coach: inOwnTeam, teamleider: inOwnTeam },
  "escalation.resolve": { teamleider: inOwnTeam },
  "covenant.read": { coach: always, teamleider: always, ondersteuning: always, beheerder: always },
  "covenant.manage": { teamleider: always, beheerder: always },
  "caseload.read": { coach: inOwnTeam, teamleider: inOwnTeam, ondersteuning: inOwnTeam },
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
export type FamilyScope = { all: true } | { all: false; teamIds: string[] };

export function familyScope(actor: Actor): FamilyScope {
  if (actor.kind === "system") return { all: true };
  if (!can(actor, "family.list")) return { all: false, teamIds: [] };
  return { all: false, teamIds: actor.teamId ? [actor.teamId] : [] };
}

/** The scope for aggregate figures: the beheerder sees the whole organisation's outcomes. */
export function outcomeScope(actor: Actor): FamilyScope {
  if (can(actor, "outcomes.readOrganisation")) return { all: true };
  return familyScope(actor);
}
