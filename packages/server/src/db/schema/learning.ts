/**
 * The learning organisation (issue order 4): the "wat werkt" catalogue of interventions with Dutch
 * full-text search, quick referrals (Klantwijzer, Welzijn op Recept), the family's own view
 * ('Wat telt'), hours and costs, the coach's narrative behind the figures, and whether goals were
 * reached.
 */
import { sql, type SQL } from "drizzle-orm";
import { bigint, boolean, customType, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { families, members, organisations, teams, users } from "./foundation.ts";
import { partnerOrganisations } from "./privacy.ts";
import { trajectories } from "./trajectory.ts";

const orgId = () => uuid("organisation_id").notNull();
const id = (name = "id") => uuid(name).notNull().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const day = (name: string) => date(name, { mode: "string" });

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The Dutch search document of an entry: name weighs most, then summary and target group, then the rest. */
const interventionSearch: SQL = sql`
  setweight(to_tsvector('dutch'::regconfig, coalesce(name, '')), 'A') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '') || ' ' || coalesce(target_group, '')), 'B') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(goal, '') || ' ' || coalesce(method, '') || ' ' || coalesce(provider, '')), 'C') ||
  setweight(to_tsvector('dutch'::regconfig, coalesce(theory, '') || ' ' || coalesce(geographic_reach, '') || ' ' || coalesce(cost_includes, '')), 'D')`;

/**
 * A catalogue entry ("wat werkt"): the Wraparound toolkit's six fields, the leefgebieden it
 * addresses, its effectladder level and erkenning, cost, contact and sources.
 */
export const interventions = pgTable(
  "interventions",
  {
    organisationId: orgId(),
    id: id(),
    /** Stable key for exchange with knowledge platforms (import/export), unique per organisation. */
    key: text("key").notNull(),
    name: text("name").notNull(),
    summary: text("summary"),
    /** Doelgroep (free text) and target-group tags for filtering (domain InterventionTargetGroup). */
    targetGroup: text("target_group"),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'::text[]`),
    /** Doel, theoretische onderbouwing, werkwijze, aanbieder, geografisch bereik. */
    goal: text("goal"),
    theory: text("theory"),
    method: text("method"),
    provider: text("provider"),
    /** The registered chain partner that provides it, when it is one (its ketenpartners pick up quick referrals). */
    providerPartnerId: uuid("provider_partner_id"),
    geographicReach: text("geographic_reach"),
    /** Regions for filtering: CBS gemeente/wijk codes or place names. */
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    /** Leefgebieden addressed, as domain keys of instruments (e.g. "inkomen", "huisvesting"). */
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    /** Effectladder 0–4 (NJi). */
    evidenceLevel: smallint("evidence_level"),
    /** Erkenning: domain InterventionRecognition, null when not assessed. */
    recognition: text("recognition"),
    costCents: bigint("cost_cents", { mode: "number" }),
    /** per_participant | per_group_per_year | per_family | free */
    costUnit: text("cost_unit"),
    costIncludes: text("cost_includes"),
    contact: text("contact"),
    /** Domain InterventionSource[]: title, url, year. */
    sources: jsonb("sources").$type<unknown[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    search: tsvector("search").generatedAlwaysAs(interventionSearch),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("interventions_key_key").on(t.organisationId, t.key),
    index("interventions_search_idx").using("gin", t.search),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
    foreignKey({ columns: [t.organisationId, t.providerPartnerId], foreignColumns: [partnerOrganisations.organisationId, partnerOrganisations.id] }),
  ],
);

/**
 * A quick referral (Klantwijzer, Welzijn op Recept): a professional sends a resident to a catalogue
 * entry or to the team; the referrer hears when it is picked up and how it ended.
 */
export const quickReferrals = pgTable(
  "quick_referrals",
  {
    organisationId: orgId(),
    id: id(),
    /** klantwijzer | welzijn_op_recept | other */
    channel: text("channel").notNull(),
    /** The referrer: a user of the system, or an outside professional (huisarts, school) by name and contact. */
    referrerUserId: uuid("referrer_user_id"),
    referrerName: text("referrer_name").notNull(),
    referrerOrganisation: text("referrer_organisation"),
    referrerContact: text("referrer_contact"),
    /** intervention | team */
    targetKind: text("target_kind").notNull(),
    interventionId: uuid("intervention_id"),
    teamId: uuid("team_id"),
    /** The resident, as little as needed to make contact; linked to a family file once known. */
    residentName: text("resident_name").notNull(),
    residentContact: text("resident_contact"),
    familyId: uuid("family_id"),
    reason: text("reason").notNull(),
    /** The resident agreed to the referral (and to their contact details being passed on). */
    residentConsent: boolean("resident_consent").notNull(),
    /** sent | picked_up | completed | declined */
    status: text("status").notNull().default("sent"),
    pickedUpById: uuid("picked_up_by_id"),
    pickedUpAt: at("picked_up_at"),
    closedAt: at("closed_at"),
    outcomeNote: text("outcome_note"),
    /** When the referrer was told (for referrers without an account: by phone or mail, recorded here). */
    feedbackSentAt: at("feedback_sent_at"),
    feedbackNote: text("feedback_note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("quick_referrals_status_idx").on(t.organisationId, t.status, t.createdAt),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
    foreignKey({ columns: [t.organisationId, t.referrerUserId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.interventionId], foreignColumns: [interventions.organisationId, interventions.id] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("set null"),
    foreignKey({ columns: [t.organisationId, t.pickedUpById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/**
 * 'Wat telt': one family member's own view in a conversation — a marker per leefgebied on a line
 * from sad to happy (0–100), what goes well, the leefgebieden to work on, goals in their own words,
 * and a 1–10 satisfaction score — stored beside the coach's scores.
 */
export const watTeltViews = pgTable(
  "wat_telt_views",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    memberId: uuid("member_id").notNull(),
    heldOn: day("held_on").notNull(),
    /** The instrument whose leefgebieden were shown. */
    instrumentKey: text("instrument_key").notNull(),
    /** Domain key → 0–100. */
    markers: jsonb("markers").$type<Record<string, number>>().notNull(),
    goesWell: text("goes_well"),
    /** Leefgebieden the member chose to work on, in order of priority. */
    priorities: text("priorities").array().notNull().default(sql`'{}'::text[]`),
    /** Domain key → the member's goal in their own words. */
    ownGoals: jsonb("own_goals").$type<Record<string, string>>().notNull().default({}),
    satisfaction: smallint("satisfaction"),
    recordedById: uuid("recorded_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("wat_telt_views_family_idx").on(t.organisationId, t.familyId, t.heldOn),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.memberId], foreignColumns: [members.organisationId, members.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.recordedById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Hours a professional spent on a family (minutes, by activity), for cost per family and trajectory. */
export const timeEntries = pgTable(
  "time_entries",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    trajectoryId: uuid("trajectory_id"),
    userId: uuid("user_id").notNull(),
    on: day("on").notNull(),
    minutes: integer("minutes").notNull(),
    /** Domain TimeActivity: huisbezoek, mdo, overleg, administratie, reistijd, overig. */
    activity: text("activity").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("time_entries_family_idx").on(t.organisationId, t.familyId, t.on),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.trajectoryId], foreignColumns: [trajectories.organisationId, trajectories.id] }),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** The cost of help used for a family: an intervention from the catalogue or another expense, with its funding. */
export const costEntries = pgTable(
  "cost_entries",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    trajectoryId: uuid("trajectory_id"),
    interventionId: uuid("intervention_id"),
    on: day("on").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    description: text("description").notNull(),
    /** Domain Funding: wmo, jeugdwet, participatiewet, bijzondere_bijstand, gezinsbudget, zvw, other. */
    funding: text("funding").notNull(),
    createdById: uuid("created_by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("cost_entries_family_idx").on(t.organisationId, t.familyId, t.on),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.trajectoryId], foreignColumns: [trajectories.organisationId, trajectories.id] }),
    foreignKey({ columns: [t.organisationId, t.interventionId], foreignColumns: [interventions.organisationId, interventions.id] }),
    foreignKey({ columns: [t.organisationId, t.createdById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/**
 * The coach's short narrative behind the figures ("om wie gaat het, vindt die dat het beter gaat"),
 * shown when a chart is opened into its families; written without names so it can be shown
 * pseudonymised.
 */
export const outcomeNarratives = pgTable(
  "outcome_narratives",
  {
    organisationId: orgId(),
    familyId: uuid("family_id").notNull(),
    text: text("text").notNull(),
    updatedById: uuid("updated_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.familyId] }),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.updatedById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Whether a goal of the plan in force was reached (bereikt, deels, niet), outside the signed versions; the latest row counts. */
export const goalProgress = pgTable(
  "goal_progress",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: uuid("trajectory_id").notNull(),
    goalId: uuid("goal_id").notNull(),
    /** reached | partly | not_reached */
    status: text("status").notNull(),
    on: day("on").notNull(),
    byId: uuid("by_id"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("goal_progress_goal_idx").on(t.organisationId, t.trajectoryId, t.goalId, t.createdAt),
    foreignKey({ columns: [t.organisationId, t.trajectoryId], foreignColumns: [trajectories.organisationId, trajectories.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.byId], foreignColumns: [users.organisationId, users.id] }),
  ],
);
