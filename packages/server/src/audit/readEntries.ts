/**
 * Turns the reads one request noted into audit rows. The dossier lookups only know that a
 * family (or trajectory) was opened; the route says what was looked at in it. So the action
 * and the record come from the route's template, in one table here instead of in every
 * handler: GET /families/:familyId/measurements/:measurementId is measurement.viewed of that
 * measurement, …/handover-letter.pdf is document.generated, and so on. A new endpoint under a
 * dossier is logged from day one (as family.viewed or trajectory.viewed) even before it gets
 * a line in SECTION_ACTIONS.
 */
import type { AuditEntry } from "./audit.ts";
import type { ReadAction, ReadNote } from "./requestContext.ts";

/** The first path segment after the dossier's id → what was read. */
const SECTION_ACTIONS: Readonly<Record<string, ReadAction>> = {
  measurements: "measurement.viewed",
  trajectories: "trajectory.viewed",
  plan: "plan.viewed",
  meetings: "meeting.viewed",
  "weekly-reports": "weekly_report.viewed",
  "family-group-conferences": "family_group_conference.viewed",
  escalations: "escalation.viewed",
  leverages: "leverage.viewed",
  closing: "closing.viewed",
  "aftercare-checkins": "aftercare_checkin.viewed",
  consents: "consent.viewed",
  costs: "costs.viewed",
  "costs.csv": "costs.exported",
};

const DOSSIERS: Readonly<Record<string, { entityType: string; action: ReadAction }>> = {
  familyId: { entityType: "family", action: "family.viewed" },
  trajectoryId: { entityType: "trajectory", action: "trajectory.viewed" },
};

export interface ReadRoute {
  method: string;
  /** The route's template, e.g. /api/v1/families/:familyId/measurements/:measurementId. */
  url: string;
  params: Readonly<Record<string, string>>;
}

interface RouteRead {
  dossierId: string;
  action: ReadAction;
  entityType: string;
  entityId: string;
}

/** What the route reads, for the dossier named in its path; null for a route outside a dossier. */
export function routeRead(route: ReadRoute): RouteRead | null {
  const segments = route.url.split("/").filter(Boolean);
  const at = segments.findIndex((s) => s.startsWith(":") && s.slice(1) in DOSSIERS);
  const param = segments[at]?.slice(1);
  const dossier = param ? DOSSIERS[param] : undefined;
  const dossierId = param ? route.params[param] : undefined;
  if (!dossier || !dossierId) return null;
  const rest = segments.slice(at + 1);
  const last = rest[rest.length - 1];
  if (last?.endsWith(".pdf")) {
    // The document itself, with its parameters filled in: "plan/versions/3.pdf".
    const fill = (s: string) => {
      if (!s.startsWith(":")) return s;
      const name = s.slice(1).replace(/\.pdf$/, "");
      return `${route.params[name] ?? name}${s.endsWith(".pdf") ? ".pdf" : ""}`;
    };
    const path = rest.map(fill).join("/");
    return { dossierId, action: "document.generated", entityType: "document", entityId: path };
  }
  const action = (rest[0] && SECTION_ACTIONS[rest[0]]) || dossier.action;
  const recordParam = last?.startsWith(":") && last.endsWith("Id") ? last.slice(1) : undefined;
  const recordId = recordParam ? route.params[recordParam] : undefined;
  if (recordId && rest.length > 0) return { dossierId, action, entityType: action.slice(0, action.indexOf(".")), entityId: recordId };
  return { dossierId, action, entityType: dossier.entityType, entityId: dossierId };
}

/**
 * One row per family the route is about (however many lookups it took), one per other note;
 * nothing for a family this request already wrote an audit row for.
 */
export function readEntries(notes: readonly ReadNote[], route: ReadRoute, writtenFamilies: ReadonlySet<string>): AuditEntry[] {
  const read = routeRead(route);
  const routeLabel = `${route.method} ${route.url}`;
  // Families whose lookup was the route's own dossier (a trajectory route notes its family too).
  const routeFamilies = new Set(notes.filter((n) => read && n.familyId && n.entityId === read.dossierId).map((n) => n.familyId));
  const entries = new Map<string, AuditEntry>();
  for (const note of notes) {
    if (note.familyId && writtenFamilies.has(note.familyId)) continue;
    const details = { ...note.details, route: routeLabel };
    if (read && note.familyId && routeFamilies.has(note.familyId)) {
      entries.set(`route|${note.familyId}`, { kind: "read", action: read.action, entityType: read.entityType, entityId: read.entityId, familyId: note.familyId, details });
    } else {
      entries.set(`${note.familyId}|${note.action}|${note.entityType}|${note.entityId}`, { kind: "read", action: note.action, entityType: note.entityType, entityId: note.entityId, familyId: note.familyId, details });
    }
  }
  return [...entries.values()];
}
