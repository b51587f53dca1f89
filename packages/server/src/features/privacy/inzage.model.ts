/**
 * The inzage (AVG art. 15) as data: everything stored about a family, the JSON file made from it,
 * and the narrowing to one member (pure). The PDF (pdf/inzage.ts) reads the same data.
 */
import type { InstrumentDefinition } from "@ploegwerk/domain";
import type { families } from "../../db/schema.ts";
import type { familyRecords } from "./inzage.queries.ts";

export type FamilyRecords = Awaited<ReturnType<typeof familyRecords>>;

export interface Inzage extends FamilyRecords {
  generatedAt: Date;
  /** Who made the export (name and role). */
  generatedBy: string;
  organisation: string;
  /** The family, or one member of it. */
  scope: { familyId: string; memberId: string | null };
  family: typeof families.$inferSelect;
  teamName: string;
  coachName: string | null;
  /** Staff the records name by id. */
  staff: { id: string; name: string; role: string }[];
  /** The instrument versions of the metingen: position i of the scores is the i-th leefgebied. */
  instruments: InstrumentDefinition[];
}

/** Columns whose value is the id of a staff member. */
const STAFF_ID_FIELDS = new Set([
  "coachId",
  "chairId",
  "byId",
  "checkedById",
  "sentById",
  "createdById",
  "decidedById",
  "writtenById",
  "raisedById",
  "resolvedById",
  "measuredById",
  "recordedById",
  "actorUserId",
  "referrerUserId",
  "pickedUpById",
  // Hours are booked for a staff member (time_entries.user_id).
  "userId",
]);

/** Every staff id in the records (top-level fields of every row), to look their names up once. */
export function staffIdsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) staffIdsIn(v, into);
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (STAFF_ID_FIELDS.has(k) && typeof v === "string") into.add(v);
      else if (v && typeof v === "object") staffIdsIn(v, into);
    }
  }
  return into;
}

/**
 * Only what concerns one member: their own member record, metingen and requests, the consents they
 * gave or that were given for them, corrections of their data; records of the family as a whole
 * (address, trajectories, plans, MDO's, weekoverzichten, access history) concern them too and stay.
 */
export function scopeToMember(inzage: Inzage, memberId: string): Inzage {
  return {
    ...inzage,
    scope: { familyId: inzage.scope.familyId, memberId },
    members: inzage.members.filter((m) => m.id === memberId),
    measurements: inzage.measurements.filter((m) => m.memberId === null || m.memberId === memberId),
    consents: inzage.consents.filter((c) => c.givenByMemberId === null || c.givenByMemberId === memberId || c.onBehalfOf.includes(memberId)),
    corrections: inzage.corrections.filter((c) => c.entityType !== "member" || c.entityId === memberId),
    privacyRequests: inzage.privacyRequests.filter((r) => r.memberId === null || r.memberId === memberId),
  };
}

export const INZAGE_NOTICE = {
  nl: "Dit bestand bevat alles wat over dit gezin (of dit gezinslid) is vastgelegd in Ploegwerk, zoals het is opgeslagen (AVG artikel 15). Ids verwijzen naar andere onderdelen van het bestand; namen van medewerkers staan onder 'staff'. Controleer vóór het geven of er gegevens van anderen in staan die niet gedeeld mogen worden (AVG artikel 15 lid 4).",
  en: "This file holds everything recorded about this family (or member) in Ploegwerk, as stored (GDPR article 15). Ids refer to other parts of the file; staff names are under 'staff'. Before handing it over, check for data of others that may not be shared (GDPR article 15(4)).",
};

/** The JSON file: the records as stored, without the tenant column, dates as ISO 8601. */
export function inzageJson(inzage: Inzage): string {
  const { generatedAt, accessHistoryTruncated, ...rest } = inzage;
  const document = {
    format: "ploegwerk-inzage",
    formatVersion: 1,
    generatedAt: generatedAt.toISOString(),
    notice: INZAGE_NOTICE,
    ...rest,
    instruments: inzage.instruments.map((d) => ({ key: d.key, version: d.version, name: d.name, domains: d.domains.map((x) => ({ key: x.key, label: x.label })), scale: d.scale })),
    accessHistoryComplete: !accessHistoryTruncated,
  };
  // The tenant id says nothing to the family and is the same on every row.
  return JSON.stringify(document, (key, value: unknown) => (key === "organisationId" ? undefined : value), 2);
}
