/**
 * The trajectory of a family (BRIEF §2): the aanmelding with its checks and decision, the phase
 * history (tijdpad), the gezinsplan versions, and the records kept while working with the family.
 * Shapes the domain package owns (plan content, stability check, nazorgplan, decisions) are stored
 * as jsonb and validated with the domain's zod schemas on the way in and out.
 */
import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { PgColumn } from "drizzle-orm/pg-core";
import { families, organisations, users } from "./foundation.ts";

const orgId = () => uuid("organisation_id").notNull();
const id = (name = "id") => uuid(name).notNull().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: "string" });
const trajectoryId = () => uuid("trajectory_id").notNull();

/** One trajectory per referral; a family referred again after closing gets a new one. */
export const trajectories = pgTable(
  "trajectories",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    /** The current phase, kept in step with the last phase_transitions row in the same transaction. */
    phase: text("phase").notNull(),
    phaseSince: day("phase_since").notNull(),
    // The aanmelding (aanmeldformulier)
    receivedOn: day("received_on").notNull(),
    referrerKind: text("referrer_kind").notNull(),
    referrerOrganisation: text("referrer_organisation").notNull(),
    referrerName: text("referrer_name").notNull(),
    referrerContact: text("referrer_contact"),
    reason: text("reason").notNull(),
    /** Problems the referrer saw, per leefgebied of `instrumentKey`: { domainKey: description }. */
    instrumentKey: text("instrument_key").notNull(),
    problems: jsonb("problems").$type<Record<string, string>>().notNull().default({}),
    urgency: text("urgency").notNull(),
    safetyConcerns: text("safety_concerns"),
    /** Agencies already involved: [{ organisation, contactName, contact }]. */
    agencies: jsonb("agencies").$type<{ organisation: string; contactName: string | null; contact: string | null }[]>().notNull().default([]),
    /** none | drang | dwang, with what it means for the family. */
    coercion: text("coercion").notNull().default("none"),
    coercionNote: text("coercion_note"),
    // The go/no-go decision
    decision: text("decision"),
    decisionOn: day("decision_on"),
    decisionReason: text("decision_reason"),
    decidedById: uuid("decided_by_id"),
    /** When the family signed the toestemmingsformulier (consent details come with the privacy work). */
    consentSignedOn: day("consent_signed_on"),
    /** Eropaf and extension decisions (domain EropafDecision / ExtensionDecision), oldest first. */
    eropaf: jsonb("eropaf").$type<unknown[]>().notNull().default([]),
    extensions: jsonb("extensions").$type<unknown[]>().notNull().default([]),
    /** The introductiegesprek the overdrachtsbrief announces. */
    introductionAt: timestamp("introduction_at", { withTimezone: true, mode: "date" }),
    introductionPlace: text("introduction_place"),
    createdById: uuid("created_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("trajectories_family_idx").on(t.organisationId, t.familyId),
    /** At most one trajectory per family that is not closed: one family, one plan, one regisseur. */
    uniqueIndex("trajectories_one_open_key").on(t.organisationId, t.familyId).where(sql`phase <> 'closed'`),
    index("trajectories_phase_idx").on(t.organisationId, t.phase),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.decidedById], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.createdById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Every record of a trajectory belongs to it (same organisation) and goes when the trajectory goes. */
const ofTrajectory = (organisationId: PgColumn, trajectoryId: PgColumn) =>
  foreignKey({ columns: [organisationId, trajectoryId], foreignColumns: [trajectories.organisationId, trajectories.id] }).onDelete("cascade");

/** The checks the team runs on an aanmelding (child safety, police, sociale dienst, jeugdzorg, housing). */
export const referralChecks = pgTable(
  "referral_checks",
  {
    organisationId: orgId(),
    trajectoryId: trajectoryId(),
    kind: text("kind").notNull(),
    /** no_concerns | concerns | not_known (not known at that agency). */
    result: text("result").notNull(),
    note: text("note"),
    checkedOn: day("checked_on").notNull(),
    checkedById: uuid("checked_by_id"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.trajectoryId, t.kind] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.checkedById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Terugkoppeling to the referrer: on the decision and on the start of uitvoering. */
export const referrerFeedback = pgTable(
  "referrer_feedback",
  {
    organisationId: orgId(),
    trajectoryId: trajectoryId(),
    /** decision | start */
    subject: text("subject").notNull(),
    sentOn: day("sent_on").notNull(),
    channel: text("channel").notNull(),
    note: text("note"),
    sentById: uuid("sent_by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.trajectoryId, t.subject] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.sentById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** The tijdpad: every phase transition, never updated or deleted. */
export const phaseTransitions = pgTable(
  "phase_transitions",
  {
    organisationId: orgId(),
    trajectoryId: trajectoryId(),
    seq: integer("seq").notNull(),
    fromPhase: text("from_phase"),
    toPhase: text("to_phase").notNull(),
    kind: text("kind").notNull(),
    on: day("on").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    byId: uuid("by_id"),
    byName: text("by_name").notNull(),
    reason: text("reason"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.trajectoryId, t.seq] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.byId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Gezinsplan versions: concepts, then a definitive version signed by the family; signed ones never change. */
export const planVersions = pgTable(
  "plan_versions",
  {
    organisationId: orgId(),
    trajectoryId: trajectoryId(),
    number: integer("number").notNull(),
    /** concept | definitive */
    status: text("status").notNull(),
    /** Domain PlanContent. */
    content: jsonb("content").$type<unknown>().notNull(),
    /** Domain DeviationReason[] against the previous signed version. */
    deviations: jsonb("deviations").$type<unknown[]>().notNull().default([]),
    /** Domain PlanSignature, set when the family signs. */
    signature: jsonb("signature").$type<unknown>(),
    createdOn: day("created_on").notNull(),
    createdById: uuid("created_by_id"),
    /** Optimistic concurrency for concept edits. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.trajectoryId, t.number] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.createdById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Progress on the actions of the plan in force, outside the signed versions (domain ActionProgress). */
export const actionProgress = pgTable(
  "action_progress",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    actionId: uuid("action_id").notNull(),
    status: text("status").notNull(),
    cancelReason: text("cancel_reason"),
    on: day("on").notNull(),
    byId: uuid("by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("action_progress_trajectory_idx").on(t.organisationId, t.trajectoryId, t.actionId),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.byId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Weekoverzichten: one per ISO week per trajectory. */
export const weeklyReports = pgTable(
  "weekly_reports",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    year: smallint("year").notNull(),
    week: smallint("week").notNull(),
    activities: text("activities").notNull(),
    choices: text("choices"),
    bottlenecks: text("bottlenecks"),
    childSafety: text("child_safety"),
    writtenById: uuid("written_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("weekly_reports_week_key").on(t.organisationId, t.trajectoryId, t.year, t.week),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.writtenById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** MDO's (kind mdo): the coach chairs; partners and family are invited; agreements become plan actions. */
export const meetings = pgTable(
  "meetings",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    kind: text("kind").notNull().default("mdo"),
    /** planned | held | cancelled */
    status: text("status").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true, mode: "date" }).notNull(),
    location: text("location"),
    chairId: uuid("chair_id"),
    /** [{ kind: member|networkPerson|user|partnerContact, ref, name, organisation, attended }]. */
    participants: jsonb("participants").$type<unknown[]>().notNull().default([]),
    familyPresent: boolean("family_present"),
    /** [{ goalId, text }]: the plan's open goals by default. */
    agenda: jsonb("agenda").$type<unknown[]>().notNull().default([]),
    decisions: text("decisions"),
    /** [{ id, description, goalId, owner, dueDate }]: become actions in a new plan version. */
    agreements: jsonb("agreements").$type<unknown[]>().notNull().default([]),
    /** The plan version the agreements were put into. */
    agreementsPlanVersion: integer("agreements_plan_version"),
    minutes: text("minutes"),
    cancelReason: text("cancel_reason"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("meetings_trajectory_idx").on(t.organisationId, t.trajectoryId, t.scheduledAt),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.chairId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Eigen Kracht-conferenties. */
export const familyGroupConferences = pgTable(
  "family_group_conferences",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    /** discussed | started | held | called_off */
    status: text("status").notNull(),
    statusReason: text("status_reason"),
    coordinator: text("coordinator"),
    heldOn: day("held_on"),
    /** The network plan's agreements: [{ id, description, owner, dueDate }]. */
    agreements: jsonb("agreements").$type<unknown[]>().notNull().default([]),
    followUp4wOn: day("follow_up_4w_on"),
    followUp4wNote: text("follow_up_4w_note"),
    followUp3mOn: day("follow_up_3m_on"),
    followUp3mNote: text("follow_up_3m_note"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
  ],
);

/** Organisations that signed the mandate agreement (convenant), per tenant. */
export const covenantSignatories = pgTable(
  "covenant_signatories",
  {
    organisationId: orgId(),
    id: id(),
    partnerOrganisation: text("partner_organisation").notNull(),
    signedOn: day("signed_on").notNull(),
    contact: text("contact"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("covenant_signatories_partner_key").on(t.organisationId, t.partnerOrganisation),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

/** Opschaling: a partner refused the coach's dwingend advies; the team lead decides. */
export const escalations = pgTable(
  "escalations",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    partnerOrganisation: text("partner_organisation").notNull(),
    advice: text("advice").notNull(),
    refusal: text("refusal").notNull(),
    raisedOn: day("raised_on").notNull(),
    raisedById: uuid("raised_by_id"),
    /** open | resolved */
    status: text("status").notNull(),
    outcome: text("outcome"),
    resolvedOn: day("resolved_on"),
    resolvedById: uuid("resolved_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
    foreignKey({ columns: [t.organisationId, t.raisedById], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.resolvedById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** Dwang en drang register. */
export const leverages = pgTable(
  "leverages",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    /** drang | dwang */
    kind: text("kind").notNull(),
    /** uitkering | woningtoewijzing | leerplicht | politie | veilig_thuis | raadsmelding | other */
    lever: text("lever").notNull(),
    party: text("party").notNull(),
    condition: text("condition").notNull(),
    startsOn: day("starts_on").notNull(),
    endsOn: day("ends_on"),
    outcome: text("outcome"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
  ],
);

/** Stabilisatiecheck (domain StabilityCheck) and nazorgplan (domain AftercarePlan), one each per trajectory. */
export const closingRecords = pgTable(
  "closing_records",
  {
    organisationId: orgId(),
    trajectoryId: trajectoryId(),
    stabilityCheck: jsonb("stability_check").$type<unknown>(),
    aftercarePlan: jsonb("aftercare_plan").$type<unknown>(),
    version: integer("version").notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.trajectoryId] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
  ],
);

/** Nazorg contact moments; a relapse signal re-activates the coach. */
export const aftercareCheckins = pgTable(
  "aftercare_checkins",
  {
    organisationId: orgId(),
    id: id(),
    trajectoryId: trajectoryId(),
    heldOn: day("held_on").notNull(),
    byName: text("by_name").notNull(),
    note: text("note"),
    relapse: boolean("relapse").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    ofTrajectory(t.organisationId, t.trajectoryId),
  ],
);
