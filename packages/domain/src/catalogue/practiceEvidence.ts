/*
 * Practice-based evidence of a catalogue entry from the organisation's own data (docs/CATALOGUE.md):
 * which families used it according to their signed gezinsplan, and how the leefgebieden it
 * addresses changed between the metingen around that use. Pure: the server gathers the rows.
 *
 * The definition, step by step:
 *  1. A use is an action of a signed plan version that names the entry (interventionId). Its start
 *     is the plan startDate of the first signed version holding that action with this entry; its end
 *     is the day the action was marked done (the latest progress row, when that says "done"), or else
 *     its due date in the latest signed version holding it. An action whose latest status is
 *     "vervallen" was not carried out: it is no use.
 *  2. A family's use runs from its earliest start to its latest end, over all its actions and
 *     trajectories that name the entry; its metingen are those on the instrument of its earliest use.
 *  3. The meting "before" is the family-level meting with the latest date on or before the start;
 *     when there is none, the nulmeting (round 0). The meting "after" is the earliest one dated on or
 *     after the end, of a later round than "before".
 *  4. Families with both are compared per leefgebied the entry addresses (when both metingen scored
 *     it): the mean change (after − before; higher scores are better on every shipped scale) and the
 *     shares improved, same and declined. Families without both count as "in gebruik, nog geen nameting".
 *  5. No figure rests on fewer than 5 families, and the counts shown never let a group under 5 be
 *     found by subtraction (see suppressCounts and domainFigure).
 */
import type { ActionStatus } from "../trajectory/planContract.ts";
import { z } from "zod";
import { EVIDENCE_MIN_FAMILIES } from "./catalogueLabels.ts";

/** One action naming the entry, in one signed plan version. */
export interface PlanUse {
  familyId: string;
  trajectoryId: string;
  versionNumber: number;
  /** The version's plan startDate. */
  startDate: string;
  instrumentKey: string;
  actionId: string;
  dueDate: string;
  /** The action's status as written in that version. */
  status: ActionStatus;
}

/** A row of the progress log of an action of the plan in force. */
export interface ProgressEntry {
  trajectoryId: string;
  actionId: string;
  status: ActionStatus;
  on: string;
  /** When it was recorded (ISO timestamp), to find the latest. */
  recordedAt: string;
}

/** A family-level meting. */
export interface EvidenceMeting {
  familyId: string;
  instrumentKey: string;
  round: number;
  measuredOn: string | null;
  scores: Readonly<Record<string, number>>;
}

export interface FamilyUse {
  familyId: string;
  start: string;
  end: string;
  instrumentKey: string;
}

const actionKey = (trajectoryId: string, actionId: string) => `${trajectoryId}|${actionId}`;

function latestProgress(progress: readonly ProgressEntry[]): Map<string, ProgressEntry> {
  const latest = new Map<string, ProgressEntry>();
  for (const p of progress) {
    const k = actionKey(p.trajectoryId, p.actionId);
    const prev = latest.get(k);
    if (!prev || p.recordedAt >= prev.recordedAt) latest.set(k, p);
  }
  return latest;
}

/** Steps 1 and 2: the period of use per family. */
export function familyUses(uses: readonly PlanUse[], progress: readonly ProgressEntry[]): FamilyUse[] {
  const byAction = new Map<string, PlanUse[]>();
  for (const u of uses) {
    const k = actionKey(u.trajectoryId, u.actionId);
    byAction.set(k, [...(byAction.get(k) ?? []), u]);
  }
  const latest = latestProgress(progress);
  const perFamily = new Map<string, FamilyUse>();
  for (const [k, versions] of byAction) {
    const ordered = [...versions].sort((a, b) => a.versionNumber - b.versionNumber);
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    if (!first || !last) continue;
    const done = latest.get(k);
    const status = done?.status ?? last.status;
    if (status === "cancelled") continue;
    const start = first.startDate;
    const rawEnd = done?.status === "done" ? done.on : last.dueDate;
    const end = rawEnd < start ? start : rawEnd;
    const prev = perFamily.get(first.familyId);
    if (!prev) perFamily.set(first.familyId, { familyId: first.familyId, start, end, instrumentKey: first.instrumentKey });
    else {
      if (start < prev.start) {
        prev.start = start;
        prev.instrumentKey = first.instrumentKey;
      }
      if (end > prev.end) prev.end = end;
    }
  }
  return [...perFamily.values()].sort((a, b) => a.familyId.localeCompare(b.familyId));
}

/** Step 3: the metingen around one family's use; null where there is none. */
export function metingenAround(use: FamilyUse, metingen: readonly EvidenceMeting[]): { before: EvidenceMeting | null; after: EvidenceMeting | null } {
  const own = metingen.filter((m) => m.familyId === use.familyId && m.instrumentKey === use.instrumentKey);
  const dated = own.filter((m): m is EvidenceMeting & { measuredOn: string } => m.measuredOn !== null);
  let before: EvidenceMeting | null = null;
  for (const m of dated) {
    if (m.measuredOn > use.start) continue;
    if (!before || m.measuredOn > (before.measuredOn ?? "") || (m.measuredOn === before.measuredOn && m.round > before.round)) before = m;
  }
  before ??= own.find((m) => m.round === 0) ?? null;
  let after: EvidenceMeting | null = null;
  for (const m of dated) {
    if (m.measuredOn < use.end || (before && m.round <= before.round)) continue;
    if (!after || m.measuredOn < (after.measuredOn ?? "") || (m.measuredOn === after.measuredOn && m.round < after.round)) after = m;
  }
  return { before, after };
}

/** A count that may be hidden to protect small groups. */
export const EvidenceCount = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type EvidenceCount = z.infer<typeof EvidenceCount>;

export const SUPPRESSION_REASONS = ["fewer_than_5", "small_difference"] as const;

export const DomainEvidence = z.object({
  domain: z.string(),
  /** Families with a before and an after meting that both score this leefgebied; null when hidden. */
  n: z.number().int().nullable(),
  /** Mean of (after − before), 2 decimals. */
  meanChange: z.number().nullable(),
  /** Shares of n (0–1, 3 decimals). */
  improved: z.number().nullable(),
  same: z.number().nullable(),
  declined: z.number().nullable(),
  suppressed: z.boolean(),
  /** fewer_than_5: under 5 families; small_difference: shown beside the count of all compared families it would reveal a group under 5. */
  reason: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type DomainEvidence = z.infer<typeof DomainEvidence>;

export const PracticeEvidence = z.object({
  /** Families in the reader's scope whose signed plan used the entry. */
  used: EvidenceCount,
  /** … with a meting before and after the use. */
  withBoth: EvidenceCount,
  /** … without (yet): "in gebruik, nog geen nameting". */
  withoutAfter: EvidenceCount,
  domains: z.array(DomainEvidence),
  minFamilies: z.number().int(),
});
export type PracticeEvidence = z.infer<typeof PracticeEvidence>;

const isSmall = (n: number) => n > 0 && n < EVIDENCE_MIN_FAMILIES;
const shown = (value: number): EvidenceCount => ({ value, suppressed: false });
const hidden: EvidenceCount = { value: null, suppressed: true };

/**
 * The three counts, where used = withBoth + withoutAfter. A group of 1–4 families is never shown,
 * and neither is a pair of counts whose difference is such a group: when one part is small, only
 * the other part is shown (not the total); when both are, only the total (if it is 5 or more).
 */
export function suppressCounts(used: number, withBoth: number): { used: EvidenceCount; withBoth: EvidenceCount; withoutAfter: EvidenceCount } {
  const withoutAfter = used - withBoth;
  if (isSmall(used)) return { used: hidden, withBoth: hidden, withoutAfter: hidden };
  const smallBoth = isSmall(withBoth);
  const smallWithout = isSmall(withoutAfter);
  if (!smallBoth && !smallWithout) return { used: shown(used), withBoth: shown(withBoth), withoutAfter: shown(withoutAfter) };
  if (smallBoth && smallWithout) return { used: shown(used), withBoth: hidden, withoutAfter: hidden };
  return smallBoth ? { used: hidden, withBoth: hidden, withoutAfter: shown(withoutAfter) } : { used: hidden, withBoth: shown(withBoth), withoutAfter: hidden };
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
};

/** One leefgebied's figures over `changes` (after − before per family); `withBoth` as shown beside it. */
export function domainFigure(domain: string, changes: readonly number[], withBoth: EvidenceCount, withBothActual: number): DomainEvidence {
  const n = changes.length;
  const none = { meanChange: null, improved: null, same: null, declined: null };
  if (n === 0) return { domain, n: 0, ...none, suppressed: false, reason: null };
  if (n < EVIDENCE_MIN_FAMILIES) return { domain, n: null, ...none, suppressed: true, reason: "fewer_than_5" };
  // Shown beside "met voor- en nameting", n must not reveal the 1–4 families without a score here.
  if (!withBoth.suppressed && isSmall(withBothActual - n)) return { domain, n: null, ...none, suppressed: true, reason: "small_difference" };
  const up = changes.filter((c) => c > 0).length;
  const down = changes.filter((c) => c < 0).length;
  return {
    domain,
    n,
    meanChange: round(changes.reduce((s, c) => s + c, 0) / n, 2),
    improved: round(up / n, 3),
    same: round((n - up - down) / n, 3),
    declined: round(down / n, 3),
    suppressed: false,
    reason: null,
  };
}

/** Steps 1–5 for one entry addressing `domains`. */
export function practiceEvidence(input: { domains: readonly string[]; uses: readonly PlanUse[]; progress: readonly ProgressEntry[]; metingen: readonly EvidenceMeting[] }): PracticeEvidence {
  const families = familyUses(input.uses, input.progress);
  const pairs = families.map((f) => metingenAround(f, input.metingen)).filter((p): p is { before: EvidenceMeting; after: EvidenceMeting } => p.before !== null && p.after !== null);
  const counts = suppressCounts(families.length, pairs.length);
  const domains = input.domains.map((d) => {
    const changes = pairs.flatMap(({ before, after }) => {
      const b = before.scores[d];
      const a = after.scores[d];
      return typeof b === "number" && typeof a === "number" ? [a - b] : [];
    });
    return domainFigure(d, changes, counts.withBoth, pairs.length);
  });
  return { ...counts, domains, minFamilies: EVIDENCE_MIN_FAMILIES };
}

export const EVIDENCE_SCOPES = ["organisation", "teams"] as const;

/** GET /interventions/:id/evidence: the figures over the families the reader may count. */
export const InterventionEvidence = PracticeEvidence.extend({
  interventionId: z.string(),
  /** organisation: every family (analist, beheerder); teams: the families of the reader's teams. */
  scope: z.enum(EVIDENCE_SCOPES),
});
export type InterventionEvidence = z.infer<typeof InterventionEvidence>;
