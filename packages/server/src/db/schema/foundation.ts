/** Organisations, users, the family file, instruments and measurements (issue order 1). */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const orgId = () => uuid("organisation_id").notNull();
const id = (name = "id") => uuid(name).notNull().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const organisations = pgTable(
  "organisations",
  {
    organisationId: uuid("organisation_id").notNull().default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    /** Domain OrganisationSettings (two-factor per role, retention periods); validated on the way in and out. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId] }), unique("organisations_slug_key").on(t.slug)],
);

export const teams = pgTable(
  "teams",
  {
    organisationId: orgId(),
    id: id(),
    name: text("name").notNull(),
    district: text("district"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("teams_name_key").on(t.organisationId, t.name),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

export const users = pgTable(
  "users",
  {
    organisationId: orgId(),
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    teamId: uuid("team_id"),
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    /** For a ketenpartner: the chain partner organisation they work for (consent names it as recipient). */
    partnerOrganisationId: uuid("partner_organisation_id"),
    /** TOTP secret, encrypted with the server's key (AES-256-GCM); null until two-factor is set up. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true, mode: "date" }),
    /** The last TOTP time step used, so a code cannot be replayed. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true, mode: "date" }),
    /** Subject at the organisation's OpenID Connect provider, when the account logs in that way. */
    oidcSubject: text("oidc_subject"),
    /** Argon2 hash of the PIN that ends family mode ('Wat telt' on the coach's tablet); null until set. */
    familyModePinHash: text("family_mode_pin_hash"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("users_email_key").on(t.organisationId, t.email),
    index("users_email_idx").on(t.email),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    organisationId: orgId(),
    /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    userAgent: text("user_agent"),
    /** True between the password and the second factor: such a session opens nothing but the TOTP step. */
    mfaPending: boolean("mfa_pending").notNull().default(false),
    /** Set while the session is in family mode for this family: it opens nothing but that family's own view until the coach's PIN ends it. */
    familyModeFamilyId: uuid("family_mode_family_id"),
    familyModePinFailures: integer("family_mode_pin_failures").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.tokenHash] }),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete("cascade"),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    organisationId: orgId(),
    id: bigint("id", { mode: "number" }).generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Null for the system (CLI, seed); actorLabel always says who. */
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    familyId: uuid("family_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** read | write | auth: reads of personal data are logged beside changes (NEN 7513). */
    kind: text("kind").notNull().default("write"),
    actorRole: text("actor_role"),
    /** The actor's own organisation when that is a chain partner. */
    actorPartnerOrganisationId: uuid("actor_partner_organisation_id"),
    purpose: text("purpose"),
    /** Position in the organisation's hash chain (1, 2, …); null for rows not yet chained. */
    seq: bigint("seq", { mode: "number" }),
    /** SHA-256 over the row's content and the previous row's hash (hex). */
    hash: text("hash"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("audit_events_family_idx").on(t.organisationId, t.familyId, t.occurredAt),
    uniqueIndex("audit_events_seq_idx").on(t.organisationId, t.seq),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

export const families = pgTable(
  "families",
  {
    organisationId: orgId(),
    id: id(),
    caseNumber: text("case_number").notNull(),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    city: text("city"),
    district: text("district"),
    neighbourhood: text("neighbourhood"),
    /** CBS wijkcode (WK + 6 digits) and buurtcode (BU + 8 digits), where known: analists see wijken by code. */
    districtCode: text("district_code"),
    neighbourhoodCode: text("neighbourhood_code"),
    teamId: uuid("team_id").notNull(),
    coachId: uuid("coach_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("families_case_number_key").on(t.organisationId, t.caseNumber),
    index("families_team_idx").on(t.organisationId, t.teamId),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }),
    foreignKey({ columns: [t.organisationId, t.coachId], foreignColumns: [users.organisationId, users.id] }),
  ],
);

export const members = pgTable(
  "members",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    givenName: text("given_name").notNull(),
    surname: text("surname").notNull(),
    role: text("role").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    bsn: text("bsn"),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("members_family_idx").on(t.organisationId, t.familyId),
    index("members_match_idx").on(t.organisationId, t.dateOfBirth),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
  ],
);

export const networkPersons = pgTable(
  "network_persons",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    name: text("name").notNull(),
    relation: text("relation").notNull(),
    contact: text("contact"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("network_persons_family_idx").on(t.organisationId, t.familyId),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
  ],
);

export const instruments = pgTable(
  "instruments",
  {
    organisationId: orgId(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").notNull(),
    builtin: boolean("builtin").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.key, t.version] }),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

export const measurements = pgTable(
  "measurements",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    /** Null for a family-level meting; set for a meting of one member. */
    memberId: uuid("member_id"),
    instrumentKey: text("instrument_key").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    round: smallint("round").notNull(),
    /** Null when an imported research file gave no date. */
    measuredOn: date("measured_on", { mode: "string" }),
    measuredById: uuid("measured_by_id"),
    measuredByName: text("measured_by_name"),
    source: text("source").notNull().default("interview"),
    note: text("note"),
    /**
     * Position i holds the score (or null) of the i-th domain of the instrument version the
     * measurement was taken with (versions never change); see domain/outcomes/scoreColumns.ts.
     */
    scores: smallint("scores").array().$type<(number | null)[]>().notNull(),
    justifications: text("justifications").array().$type<(string | null)[]>().notNull(),
    /** Derived from the scores with the same instrument version, written in the same statement. */
    problemCount: smallint("problem_count").notNull(),
    srNum: integer("sr_num"),
    srDen: integer("sr_den"),
    srLevel: smallint("sr_level"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("measurements_round_key").on(t.organisationId, t.familyId, t.instrumentKey, t.memberId, t.round).nullsNotDistinct(),
    index("measurements_instrument_idx").on(t.organisationId, t.instrumentKey, t.round),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.memberId], foreignColumns: [members.organisationId, members.id] }),
    foreignKey({
      columns: [t.organisationId, t.instrumentKey, t.instrumentVersion],
      foreignColumns: [instruments.organisationId, instruments.key, instruments.version],
    }),
    foreignKey({ columns: [t.organisationId, t.measuredById], foreignColumns: [users.organisationId, users.id] }),
  ],
);
