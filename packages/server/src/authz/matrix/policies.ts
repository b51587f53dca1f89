/**
 * Who may do what, stated a second time and independently of authz/rules.ts: each operation of the
 * API belongs to one policy class, and the class alone says the exact answer for every role and
 * every place the record lives. Nothing here calls can() or authorize(); when this file and the
 * rule registry disagree, the matrix test fails and a person decides which one is wrong.
 *
 * The matrix users all belong to the first organisation; coach, teamleider and ondersteuning work
 * in its first team. The worlds "own", "consented" and "non-consented" are families of that team
 * (the last two differ only in what they shared with the ketenpartner's organisation); "other team"
 * is a family of the organisation's second team, "other organisation" one of another tenant.
 */
import type { Role } from "@ploegwerk/domain";
import { TARGETS, type Target } from "./world.ts";

export const MATRIX_ROLES = ["coach", "teamleider", "ondersteuning", "ketenpartner", "analist", "onderzoeker", "beheerder"] as const satisfies readonly Role[];
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** The exact answer of one cell: a status, and for errors the problem code (and reason, when it matters). */
export interface Expected {
  status: number;
  code?: string;
  reason?: string;
}

export interface Policy {
  /** The class, as the test names print it. */
  name: string;
  /** The places this operation is tried against. */
  targets: readonly Target[];
  expect(role: MatrixRole, target: Target): Expected;
}

export const FORBIDDEN: Expected = { status: 403, code: "forbidden" };
export const NOT_FOUND: Expected = { status: 404, code: "not_found" };
export const UNAUTHENTICATED: Expected = { status: 401, code: "unauthenticated" };
const ok = (status: number): Expected => ({ status });

const TEAM_ROLES: readonly MatrixRole[] = ["coach", "teamleider", "ondersteuning"];
/** Who works the file: ondersteuning reads along but does not write. */
const FILE_WRITERS: readonly MatrixRole[] = ["coach", "teamleider"];
/** The families of the matrix users' own team. */
const inOwnTeam = (t: Target): boolean => t === "own" || t === "consented" || t === "nonConsented";
const isTeamRole = (r: MatrixRole) => TEAM_ROLES.includes(r);

/** Family-bound operations are tried in every place; organisation-wide ones in the own organisation (and the other one, when they name a record: pass ["own", "otherOrg"]). */
const FAMILY_TARGETS = TARGETS;
const ORG_ONLY: readonly Target[] = ["own"];

function policy(name: string, targets: readonly Target[], expect: (role: MatrixRole, target: Target) => Expected): Policy {
  return { name, targets, expect };
}

/** Anyone logged in, about themselves (session, account, security of the own account). */
export const self = (status: number) => policy(`self ${status}`, ORG_ONLY, () => ok(status));

/** What every colleague of the organisation may look up: teams and instrument definitions. */
export const organisationDirectory = policy("organisation directory", ORG_ONLY, () => ok(200));

/** Colleagues' names, for the team's pickers and the beheerder; not for chain partners, analists (no persons) or researchers. */
export const staffDirectory = policy("staff directory", ORG_ONLY, (role) => (["coach", "teamleider", "ondersteuning", "beheerder"].includes(role) ? ok(200) : FORBIDDEN));

/** Reading the family file: the family's team (coach, teamleider, ondersteuning); to anyone else it does not exist. */
export const teamRead = policy("team read", FAMILY_TARGETS, (role, target) => (isTeamRole(role) && inOwnTeam(target) ? ok(200) : NOT_FOUND));

/** Changing the family file: coach and teamleider of the team; ondersteuning sees it but may not; outside the team it does not exist. */
export const teamWrite = (status: number) =>
  policy(`team write ${status}`, FAMILY_TARGETS, (role, target) => {
    if (!isTeamRole(role) || !inOwnTeam(target)) return NOT_FOUND;
    return FILE_WRITERS.includes(role) ? ok(status) : FORBIDDEN;
  });

/**
 * Handing out or administering the file as a whole (AVG inzage export, the correction history, the
 * AVG register): the file holders, coach and teamleider; ondersteuning reads along in the file but
 * does not; outside the team it does not exist.
 */
export const teamFileHolders = (status: number) =>
  policy(`team file holders ${status}`, FAMILY_TARGETS, (role, target) => {
    if (!isTeamRole(role) || !inOwnTeam(target)) return NOT_FOUND;
    return FILE_WRITERS.includes(role) ? ok(status) : FORBIDDEN;
  });

/** Booking one's own hours and costs on the family (and taking them back): every team role of the team, ondersteuning too. */
export const teamBook = (status: number) => policy(`team book ${status}`, FAMILY_TARGETS, (role, target) => (isTeamRole(role) && inOwnTeam(target) ? ok(status) : NOT_FOUND));

/** The team lead's call (verlenging, opschaling afhandelen): others of the team see the file but may not. */
export const teamLeadWrite = (status: number) =>
  policy(`team lead write ${status}`, FAMILY_TARGETS, (role, target) => {
    if (!isTeamRole(role) || !inOwnTeam(target)) return NOT_FOUND;
    return role === "teamleider" ? ok(status) : FORBIDDEN;
  });

/** Registering a new family in the target's team: nothing to hide yet, so outside one's team it is a 403. */
export const teamRegister = (status: number) =>
  policy(`register in team ${status}`, FAMILY_TARGETS, (role, target) => (FILE_WRITERS.includes(role) && inOwnTeam(target) ? ok(status) : FORBIDDEN));

/** Organisation-wide lists of the team's families (scoped: the body may hold only the own team's families). */
export const teamList = policy("team list", ORG_ONLY, (role) => (isTeamRole(role) ? ok(200) : FORBIDDEN));

/** Searching the organisation for a family like the one being registered (duplicate check), with the target's member as input. */
export const teamSearch = policy("team search", FAMILY_TARGETS, (role) => (isTeamRole(role) ? ok(200) : FORBIDDEN));

/** A team's caseload overview, asked for the target's team. */
export const teamOverview = policy("team overview", FAMILY_TARGETS, (role, target) => (isTeamRole(role) && inOwnTeam(target) ? ok(200) : FORBIDDEN));

/** Aggregated outcome figures: the team roles (over their families), beheerder and analist (the whole organisation). */
export const outcomeFigures = policy("outcome figures", ORG_ONLY, (role) => (["coach", "teamleider", "ondersteuning", "beheerder", "analist"].includes(role) ? ok(200) : FORBIDDEN));

/**
 * The per-family outcome list names case numbers with their scores: dossier data. The issue: "analists
 * never see a person", "beheerders … do not read dossiers unless also assigned". Team roles only.
 */
export const outcomePerFamily = policy("outcomes per family", ORG_ONLY, (role) => (isTeamRole(role) ? ok(200) : FORBIDDEN));

/** The organisation's collaboration registers (chain partners, covenant): the team roles and beheerder read them. */
export const registerRead = policy("register read", ORG_ONLY, (role) => (["coach", "teamleider", "ondersteuning", "beheerder"].includes(role) ? ok(200) : FORBIDDEN));

/** Keeping those registers: teamleider and beheerder; a record of another organisation does not exist. */
export const registerManage = (status: number, targets: readonly Target[] = ORG_ONLY) =>
  policy(`register manage ${status}`, targets, (role, target) => {
    if (role !== "teamleider" && role !== "beheerder") return FORBIDDEN;
    return target === "otherOrg" ? NOT_FOUND : ok(status);
  });

/** Accounts, teams, security settings, instruments, the audit log: the beheerder only. */
export const admin = (status: number, targets: readonly Target[] = ORG_ONLY) =>
  policy(`admin ${status}`, targets, (role, target) => {
    if (role !== "beheerder") return FORBIDDEN;
    return target === "otherOrg" ? NOT_FOUND : ok(status);
  });

/** A ketenpartner's own list of families that shared with their organisation. */
export const partnerList = policy("partner list", ORG_ONLY, (role) => (role === "ketenpartner" ? ok(200) : FORBIDDEN));

/** A ketenpartner on a family: there only with active consent for their organisation; any other role is refused. */
export const partnerAccess = (status: number) =>
  policy(`partner access ${status}`, FAMILY_TARGETS, (role, target) => {
    if (role !== "ketenpartner") return FORBIDDEN;
    return target === "consented" ? ok(status) : NOT_FOUND;
  });

/** A ketenpartner on an action of the plan its organisation does not carry out: not there, even with consent. */
export const partnerForeignAction = policy("partner, action not its own", FAMILY_TARGETS, (role) => (role === "ketenpartner" ? NOT_FOUND : FORBIDDEN));

/** Break-the-glass: a teamleider, for a family outside their teams; one of their own team needs no glass broken. */
export const breakGlassOpen = policy("break the glass", FAMILY_TARGETS, (role, target) => {
  if (role !== "teamleider") return FORBIDDEN;
  if (target === "otherOrg") return NOT_FOUND;
  return target === "otherTeam" ? ok(201) : { status: 409, code: "conflict", reason: "not_needed" };
});

/** Reviewing break-the-glass openings: a teamleider (not their own) or the beheerder. */
export const breakGlassReview = (status: number, targets: readonly Target[] = ORG_ONLY) =>
  policy(`break-the-glass review ${status}`, targets, (role, target) => {
    if (role !== "teamleider" && role !== "beheerder") return FORBIDDEN;
    return target === "otherOrg" ? NOT_FOUND : ok(status);
  });

/** Quick referrals (snelle verwijzingen): the professional roles with an account refer and keep their lists; others have none (403). */
const QUICK_REFERRERS: readonly MatrixRole[] = ["coach", "teamleider", "ondersteuning", "ketenpartner"];
export const quickReferrer = (status: number) => policy(`quick referrer ${status}`, ORG_ONLY, (role) => (QUICK_REFERRERS.includes(role) ? ok(status) : FORBIDDEN));

/**
 * A quick referral where it is received. "own": sent to the matrix users' team, whose coach and
 * team lead receive it; "consented": sent to a catalogue entry the ketenpartner's organisation
 * provides; "nonConsented": to an entry of another chain partner; "other team", "other
 * organisation": to their teams. The referrer is nobody of the matrix (a huisarts phoned it in), so
 * to everyone but the receivers it does not exist.
 */
const receivesQuickReferral = (role: MatrixRole, target: Target): boolean =>
  (target === "own" && (role === "coach" || role === "teamleider")) || (target === "consented" && role === "ketenpartner");
export const quickReferralReceiver = (status: number) =>
  policy(`quick referral receiver ${status}`, FAMILY_TARGETS, (role, target) => (receivesQuickReferral(role, target) ? ok(status) : NOT_FOUND));

/** Turning a received quick referral into an aanmelding: the receiving team; a receiving ketenpartner sees it but may not (403). */
export const quickReferralToAanmelding = (status: number) =>
  policy(`quick referral to aanmelding ${status}`, FAMILY_TARGETS, (role, target) => {
    if (!receivesQuickReferral(role, target)) return NOT_FOUND;
    return FILE_WRITERS.includes(role) ? ok(status) : FORBIDDEN;
  });

/** Counting quick referrals (suppressed aggregate): analist, beheerder and team lead. */
export const quickReferralStatistics = policy("quick referral statistics", ORG_ONLY, (role) => (["teamleider", "beheerder", "analist"].includes(role) ? ok(200) : FORBIDDEN));
/** Pseudonymised research exports of the whole organisation: the onderzoeker only (and no world's data may show in them). */
export const researcher = policy("researcher", ORG_ONLY, (role) => (role === "onderzoeker" ? ok(200) : FORBIDDEN));

/** The "wat werkt" catalogue is knowledge, not dossier data: every role reads it; an entry of another organisation does not exist. */
export const catalogueRead = (targets: readonly Target[] = ORG_ONLY) => policy("catalogue read", targets, (_role, target) => (target === "otherOrg" ? NOT_FOUND : ok(200)));

/** Keeping the catalogue: teamleider, ondersteuning (guards intervention quality) and beheerder. */
export const catalogueManage = (status: number, targets: readonly Target[] = ORG_ONLY) =>
  policy(`catalogue manage ${status}`, targets, (role, target) => {
    if (!["teamleider", "ondersteuning", "beheerder"].includes(role)) return FORBIDDEN;
    return target === "otherOrg" ? NOT_FOUND : ok(status);
  });

/** Practice-based evidence of an entry: an outcome figure, for the roles that read outcome figures. */
export const catalogueEvidence = policy("catalogue evidence", ["own", "otherOrg"], (role, target) => {
  if (!["coach", "teamleider", "ondersteuning", "beheerder", "analist"].includes(role)) return FORBIDDEN;
  return target === "otherOrg" ? NOT_FOUND : ok(200);
});

/** The worlds a role may see; every response is checked against the others. */
export function visibleTargets(role: MatrixRole): ReadonlySet<Target> {
  if (isTeamRole(role)) return new Set<Target>(["own", "consented", "nonConsented"]);
  if (role === "ketenpartner") return new Set<Target>(["consented"]);
  return new Set<Target>();
}
