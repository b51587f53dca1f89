import { z } from "zod";
import { Id, IsoDate } from "./common.ts";

/**
 * The audit log (logboek) as the API shows it. Reads of personal data are logged beside changes
 * and log-ins (NEN 7513): `kind` tells them apart.
 */
export const AUDIT_KINDS = ["read", "write", "auth"] as const;
export const AuditKind = z.enum(AUDIT_KINDS);
export type AuditKind = z.infer<typeof AuditKind>;

/** Why someone opens a dossier, sent as the X-Ploegwerk-Purpose header; stored with the log row. */
export const PURPOSE_HEADER = "x-ploegwerk-purpose";
export const PURPOSE_MAX_LENGTH = 200;

/** Keyset pagination, newest first: pass the `nextBefore` of one page as `before` for the next. */
const Keyset = {
  before: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
};

/** Filters of the beheerder's audit search; `from`/`to` are calendar days in the Netherlands, both included. */
export const AuditSearch = z
  .object({
    actorUserId: Id.optional(),
    familyId: Id.optional(),
    action: z.string().trim().min(1).max(100).optional(),
    kind: AuditKind.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Part of the record's id (text search). */
    entityId: z.string().trim().min(1).max(200).optional(),
    ...Keyset,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before 'from'", path: ["to"] });
export type AuditSearch = z.infer<typeof AuditSearch>;

export const AuditEvent = z.object({
  id: z.number().int(),
  /** Position in the organisation's hash chain. */
  seq: z.number().int().nullable(),
  occurredAt: z.string(),
  kind: AuditKind,
  actor: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorPartnerOrganisationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  familyId: z.string().nullable(),
  purpose: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventPage = z.object({ items: z.array(AuditEvent), nextBefore: z.number().int().nullable() });
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const AccessHistoryQuery = z.object(Keyset);

/** One line of "wie heeft dit dossier ingezien": who, in which role and organisation, when, what and why. */
export const AccessHistoryEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  kind: AuditKind,
  actor: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** The actor's own organisation: a chain partner's name, or the organisation that keeps the file. */
  organisation: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  purpose: z.string().nullable(),
});
export type AccessHistoryEntry = z.infer<typeof AccessHistoryEntry>;

export const AccessHistoryPage = z.object({ items: z.array(AccessHistoryEntry), nextBefore: z.number().int().nullable() });
export type AccessHistoryPage = z.infer<typeof AccessHistoryPage>;
