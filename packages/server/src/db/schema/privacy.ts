/**
 * Privacy and access (issue order 3): chain partner organisations and the consent that shares a
 * family with them, extra teams of a team lead, break-the-glass access, the audit chain's head,
 * AVG requests, corrections with their history, and retention runs.
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { families, members, organisations, teams, users } from "./foundation.ts";

const orgId = () => uuid("organisation_id").notNull();
const id = (name = "id") => uuid(name).notNull().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const day = (name: string) => date(name, { mode: "string" });

/** A chain partner (ketenpartner) organisation: schuldhulp, woningcorporatie, jeugdhulp, school, … */
export const partnerOrganisations = pgTable(
  "partner_organisations",
  {
    organisationId: orgId(),
    id: id(),
    name: text("name").notNull(),
    /** Domain PartnerKind. */
    kind: text("kind").notNull(),
    contact: text("contact"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique("partner_organisations_name_key").on(t.organisationId, t.name),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

/** Teams a team lead leads besides their own team. */
export const userTeams = pgTable(
  "user_teams",
  {
    organisationId: orgId(),
    userId: uuid("user_id").notNull(),
    teamId: uuid("team_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId, t.teamId] }),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.teamId], foreignColumns: [teams.organisationId, teams.id] }).onDelete("cascade"),
  ],
);

/**
 * Toestemming: a member (for themselves or on behalf of children) lets a recipient organisation see
 * named data categories for a purpose, on a legal basis, from a date until expiry or withdrawal.
 */
export const consents = pgTable(
  "consents",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    givenByMemberId: uuid("given_by_member_id"),
    /** Members the consent was given for (children), besides the giver. */
    onBehalfOf: uuid("on_behalf_of").array().notNull().default(sql`'{}'::uuid[]`),
    recipientId: uuid("recipient_id").notNull(),
    /** Domain ConsentCategory[]. */
    categories: text("categories").array().notNull(),
    purpose: text("purpose").notNull(),
    /** Domain LegalBasis. */
    legalBasis: text("legal_basis").notNull(),
    givenOn: day("given_on").notNull(),
    expiresOn: day("expires_on"),
    withdrawnOn: day("withdrawn_on"),
    withdrawnReason: text("withdrawn_reason"),
    recordedById: uuid("recorded_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("consents_family_idx").on(t.organisationId, t.familyId),
    index("consents_recipient_idx").on(t.organisationId, t.recipientId),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.recipientId], foreignColumns: [partnerOrganisations.organisationId, partnerOrganisations.id] }),
    foreignKey({ columns: [t.organisationId, t.givenByMemberId], foreignColumns: [members.organisationId, members.id] }).onDelete("set null"),
  ],
);

/** Break-the-glass: a team lead opens a family outside their teams, with a reason, for a limited time; reviewed afterwards. */
export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    organisationId: orgId(),
    id: id(),
    userId: uuid("user_id").notNull(),
    familyId: uuid("family_id").notNull(),
    reason: text("reason").notNull(),
    grantedAt: at("granted_at").notNull().defaultNow(),
    expiresAt: at("expires_at").notNull(),
    reviewedById: uuid("reviewed_by_id"),
    reviewedAt: at("reviewed_at"),
    /** Domain BreakGlassVerdict: justified | not_justified. */
    verdict: text("verdict"),
    reviewNote: text("review_note"),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("break_glass_user_idx").on(t.organisationId, t.userId, t.expiresAt),
    foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.organisationId, t.reviewedById], foreignColumns: [users.organisationId, users.id] }),
  ],
);

/** The head of each organisation's audit hash chain: taken FOR UPDATE so rows chain in one order. */
export const auditChainHeads = pgTable(
  "audit_chain_heads",
  {
    organisationId: orgId(),
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId] }), foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] })],
);

/** AVG requests (inzage, correctie, verwijdering, beperking, bezwaar) and how they were handled. */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    organisationId: orgId(),
    id: id(),
    /** Null once the family itself has been erased: the request's record outlives the data. */
    familyId: uuid("family_id"),
    memberId: uuid("member_id"),
    /** Domain PrivacyRequestKind. */
    kind: text("kind").notNull(),
    requestedBy: text("requested_by").notNull(),
    receivedOn: day("received_on").notNull(),
    description: text("description"),
    /** open | granted | refused */
    status: text("status").notNull(),
    decidedOn: day("decided_on"),
    decision: text("decision"),
    recordedById: uuid("recorded_by_id"),
    decidedById: uuid("decided_by_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("privacy_requests_family_idx").on(t.organisationId, t.familyId),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] }),
  ],
);

/** Correction with history: the value before and after, why, and by whom (AVG art. 16). */
export const corrections = pgTable(
  "corrections",
  {
    organisationId: orgId(),
    id: id(),
    familyId: uuid("family_id").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    field: text("field").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason").notNull(),
    requestId: uuid("request_id"),
    byId: uuid("by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index("corrections_family_idx").on(t.organisationId, t.familyId, t.createdAt),
    foreignKey({ columns: [t.organisationId, t.familyId], foreignColumns: [families.organisationId, families.id] }).onDelete("cascade"),
  ],
);

/** What each `retention run` did: counts per record type and action, never the data itself. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    organisationId: orgId(),
    id: id(),
    ranAt: at("ran_at").notNull().defaultNow(),
    dryRun: boolean("dry_run").notNull().default(false),
    /** Domain RetentionReport. */
    report: jsonb("report").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] }), foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.organisationId] })],
);
