/**
 * Everything the permission matrix runs against, built once: two tenants, the five worlds, the
 * organisation-level records the admin and register operations aim at, and what reads the
 * current state (versions for edits, fingerprints to prove a refused request changed nothing).
 */
import { randomUUID } from "node:crypto";
import { NewCovenantSignatory } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/database.ts";
import { openBreakGlass } from "../../features/breakGlass/breakGlass.service.ts";
import { addSignatory } from "../../features/escalations/covenant.service.ts";
import { catalogueEntry } from "./catalogue.ts";
import { createTestOrganisation, type TestOrganisation, type TestUser } from "../../testing/factories.ts";
import { buildWorld, freshMaker, type Fresh, type Partner, type Target, type World } from "./world.ts";
import { buildQuickReferralFixtures, type QuickReferralFixtures } from "./quickReferrals.ts";

export interface Fixtures {
  db: Db;
  org: TestOrganisation;
  otherOrg: TestOrganisation;
  worlds: Readonly<Record<Target, World>>;
  /** The ketenpartner's organisation. */
  partner: Partner;
  /** Another chain partner of the first organisation: the recipient of the consents the matrix edits. */
  otherPartner: Partner;
  /** A chain partner the register operations edit (own organisation) and one of the other organisation. */
  editablePartner: Partner;
  foreignPartner: Partner;
  /** Accounts the admin operations aim at: a coach of the other team, and one of the other organisation. */
  victim: TestUser;
  foreignUser: TestUser;
  /** A covenant signatory and an unreviewed break-the-glass grant per organisation, for the refused cells. */
  signatory: Readonly<Record<"own" | "otherOrg", string>>;
  grant: Readonly<Record<"own" | "otherOrg", string>>;
  /** A "wat werkt" catalogue entry per organisation (made before the other organisation's fingerprint is taken). */
  intervention: Readonly<Record<"own" | "otherOrg", string>>;
  fresh: Fresh;
  /** A standing quick referral per place, and fresh ones for allowed moves. */
  quickReferrals: QuickReferralFixtures;
}

const suffix = () => randomUUID().slice(0, 6);

export async function buildFixtures(db: Db): Promise<Fixtures> {
  const org = await createTestOrganisation(db, "Matrixgemeente");
  const otherOrg = await createTestOrganisation(db, "Buurgemeente");
  const partner = await org.partner(`Schuldhulp Noord ${suffix()}`);
  const otherPartner = await org.partner(`GGZ Noord ${suffix()}`, "ggz");
  const editablePartner = await org.partner(`Wijkteam Noord ${suffix()}`, "wijkteam");
  const foreignPartner = await otherOrg.partner(`Schuldhulp Zuid ${suffix()}`);
  const foreignOtherPartner = await otherOrg.partner(`GGZ Zuid ${suffix()}`, "ggz");

  const inOrg = { org, partner, otherPartner };
  const worlds: Record<Target, World> = {
    // The ketenpartner's organisation once had consent here: withdrawn.
    own: await buildWorld(db, { ...inOrg, target: "own", teamId: org.teamId, partnerConsent: "withdrawn" }),
    // … and here it expired.
    otherTeam: await buildWorld(db, { ...inOrg, target: "otherTeam", teamId: org.otherTeamId, partnerConsent: "expired" }),
    otherOrg: await buildWorld(db, { org: otherOrg, target: "otherOrg", teamId: otherOrg.teamId, partner: foreignPartner, otherPartner: foreignOtherPartner, partnerConsent: "active" }),
    consented: await buildWorld(db, { ...inOrg, target: "consented", teamId: org.teamId, partnerConsent: "active" }),
    nonConsented: await buildWorld(db, { ...inOrg, target: "nonConsented", teamId: org.teamId, partnerConsent: "none" }),
  };

  const otherLead = await org.user("teamleider", { team: "other" });
  const foreignLead = await otherOrg.user("teamleider", { team: "other" });
  const victim = await org.user("coach", { team: "other" });
  const foreignUser = await otherOrg.user("coach");
  const fresh = freshMaker(db, org, otherLead, otherPartner);
  const foreignSignatory = await addSignatory(db, { actor: otherOrg.system, input: NewCovenantSignatory.parse({ partnerOrganisation: `Elders ${suffix()}`, signedOn: "2019-01-01" }) });
  const foreignGrant = await openBreakGlass(db, { actor: foreignLead.actor, input: { caseNumber: worlds.otherOrg.caseNumber, reason: "Crisismelding buiten kantoortijd, dossier nodig." } });

  return {
    db,
    org,
    otherOrg,
    worlds,
    partner,
    otherPartner,
    editablePartner,
    foreignPartner,
    victim,
    foreignUser,
    signatory: { own: await fresh.signatory(), otherOrg: foreignSignatory.id },
    grant: { own: await fresh.grant(), otherOrg: foreignGrant.id },
    intervention: { own: (await catalogueEntry(db, org)).id, otherOrg: (await catalogueEntry(db, otherOrg)).id },
    fresh,
    quickReferrals: await buildQuickReferralFixtures(db, { org, otherOrg, worlds, partner, otherPartner }),
  };
}

const VERSIONED = ["families", "members", "measurements", "trajectories", "meetings", "weekly_reports", "family_group_conferences", "escalations", "leverages", "consents", "users", "privacy_requests", "interventions"] as const;
export type VersionedTable = (typeof VERSIONED)[number];

/** The edit counter of a record as it is now (what a client would have read). */
export async function versionOf(db: Db, table: VersionedTable, id: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(db, sql`select version from ${sql.identifier(table)} where id = ${id}::uuid`);
  if (!row) throw new Error(`no ${table} row ${id}`);
  return Number(row.version);
}

/** The closing record's version: 0 while there is none. */
export async function closingVersionOf(db: Db, trajectoryId: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(db, sql`select version from closing_records where trajectory_id = ${trajectoryId}::uuid`);
  return row ? Number(row.version) : 0;
}

const FAMILY_TABLES = ["members", "network_persons", "measurements", "consents", "break_glass_grants", "privacy_requests", "corrections", "trajectories", "wat_telt_views", "time_entries", "cost_entries", "outcome_narratives", "quick_referrals"] as const;
const TRAJECTORY_TABLES = [
  "referral_checks",
  "referrer_feedback",
  "phase_transitions",
  "plan_versions",
  "action_progress",
  "weekly_reports",
  "meetings",
  "family_group_conferences",
  "escalations",
  "leverages",
  "closing_records",
  "aftercare_checkins",
  "goal_progress",
] as const;
const ORGANISATION_TABLES = ["organisations", "teams", "users", "user_teams", "partner_organisations", "covenant_signatories", "instruments", "break_glass_grants", "interventions", "quick_referrals"] as const;

/**
 * A digest of every stored row of a family's file and (unless only the family is asked for) of its organisation's
 * settings, accounts and registers; not the audit log and sessions, which a refused request may
 * rightly touch.
 */
export async function fingerprint(db: Db, w: World, scope: "family and organisation" | "family" = "family and organisation"): Promise<string> {
  // Every predicate names the organisation first: the tables' keys start with it.
  const org = sql`t.organisation_id = ${w.organisationId}::uuid`;
  const trajectoryIds = sql`(select id from trajectories where organisation_id = ${w.organisationId}::uuid and family_id = ${w.familyId}::uuid)`;
  const parts = [
    sql`select 'families:' || t::text as x from families t where ${org} and t.id = ${w.familyId}::uuid`,
    ...FAMILY_TABLES.map((table) => sql`select ${table + ":"} || t::text from ${sql.identifier(table)} t where ${org} and t.family_id = ${w.familyId}::uuid`),
    ...TRAJECTORY_TABLES.map((table) => sql`select ${table + ":"} || t::text from ${sql.identifier(table)} t where ${org} and t.trajectory_id in ${trajectoryIds}`),
    ...(scope === "family" ? [] : ORGANISATION_TABLES.map((table) => sql`select ${table + ":"} || t::text from ${sql.identifier(table)} t where t.organisation_id = ${w.organisationId}::uuid`)),
  ];
  const [row] = await queryRows<{ digest: string | null }>(db, sql`select md5(string_agg(x, '|' order by x)) as digest from (${sql.join(parts, sql` union all `)}) s`);
  return row?.digest ?? "";
}
