/**
 * From stored plan rows to the domain's plan versions and to the API's views. Content, deviations
 * and signatures are jsonb: they are parsed with the domain's schemas on the way out.
 */
import {
  DeviationReason,
  PlanContent,
  PlanSignature,
  agreedVersion,
  effectiveActions,
  isOpenStatus,
  latestVersion,
  withEffectiveStatuses,
  type ActionProgress,
  type ActionProgressView,
  type EffectiveActionView,
  type PlanVersion,
  type PlanVersionDetail,
  type PlanVersionSummary,
} from "@ploegwerk/domain";
import { z } from "zod";
import { SYSTEM_ID } from "./plans.context.ts";
import type { PlanRow, ProgressRow } from "./plans.queries.ts";

const Deviations = z.array(DeviationReason);

/** A stored row as the domain's plan version. Versions are numbered consecutively, each made from the one before. */
export function toPlanVersion(row: PlanRow): PlanVersion {
  const base = {
    number: row.number,
    basedOn: row.number > 1 ? row.number - 1 : null,
    createdOn: row.createdOn,
    createdBy: row.createdById ?? SYSTEM_ID,
    content: PlanContent.parse(row.content),
    deviations: Deviations.parse(row.deviations),
  };
  return row.status === "definitive" ? { ...base, status: "definitive", signature: PlanSignature.parse(row.signature) } : { ...base, status: "concept", signature: null };
}

export const toProgress = (r: ProgressRow): ActionProgress => ({
  actionId: r.actionId,
  status: r.status as ActionProgress["status"],
  cancelReason: r.cancelReason,
  on: r.on,
  by: r.byId ?? SYSTEM_ID,
});

export const progressView = (r: ProgressRow): ActionProgressView => ({
  id: r.id,
  actionId: r.actionId,
  status: r.status as ActionProgressView["status"],
  cancelReason: r.cancelReason,
  on: r.on,
  byId: r.byId,
  createdAt: r.createdAt.toISOString(),
});

/** The plan's versions with the one in force and the latest picked out. */
export interface PlanHistory {
  entries: { row: PlanRow; version: PlanVersion }[];
  versions: PlanVersion[];
  latest: PlanVersion | null;
  inForce: PlanVersion | null;
}

export function planHistory(rows: PlanRow[]): PlanHistory {
  const entries = rows.map((row) => ({ row, version: toPlanVersion(row) }));
  const versions = entries.map((e) => e.version);
  return { entries, versions, latest: latestVersion(versions), inForce: agreedVersion(versions) };
}

/** Progress entries count for the version in force from the day it was written (the domain's `since`). */
export function progressSince(progress: readonly ProgressRow[], inForce: PlanVersion): ProgressRow[] {
  return progress.filter((p) => p.on >= inForce.createdOn);
}

/** Every action of `version` with its status after the progress log. */
export function effectiveView(version: PlanVersion, progress: readonly ProgressRow[], today: string): EffectiveActionView[] {
  const byId = new Map(version.content.goals.flatMap((g) => g.actions.map((a) => [a.id, a])));
  return effectiveActions(version.content, progress.map(toProgress), version.createdOn).map((e) => {
    const action = byId.get(e.actionId);
    if (!action) throw new Error(`action ${e.actionId} vanished from version ${version.number}`);
    return { ...e, description: action.description, owner: action.owner, overdue: isOpenStatus(e.status) && e.dueDate < today };
  });
}

export function openActionsOf(history: PlanHistory, progress: readonly ProgressRow[], today: string): EffectiveActionView[] {
  if (!history.inForce) return [];
  return effectiveView(history.inForce, progress, today)
    .filter((a) => isOpenStatus(a.status))
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

export function summariesOf(history: PlanHistory): PlanVersionSummary[] {
  return history.entries.map(({ row, version }) => summaryOf(row, version, history));
}

function summaryOf(row: PlanRow, version: PlanVersion, history: PlanHistory): PlanVersionSummary {
  return {
    number: version.number,
    status: version.status,
    basedOn: version.basedOn,
    createdOn: version.createdOn,
    createdBy: row.createdById,
    signature: version.signature,
    inForce: history.inForce?.number === version.number,
    latest: history.latest?.number === version.number,
    goalCount: version.content.goals.length,
    actionCount: version.content.goals.reduce((n, g) => n + g.actions.length, 0),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function detailOf(number: number, history: PlanHistory, progress: readonly ProgressRow[], today: string): PlanVersionDetail | null {
  const entry = history.entries.find((e) => e.version.number === number);
  if (!entry) return null;
  const { row, version } = entry;
  const summary = summaryOf(row, version, history);
  const applied = summary.inForce ? progressSince(progress, version) : null;
  return {
    ...summary,
    content: version.content,
    deviations: version.deviations,
    actions: applied ? effectiveView(version, applied, today) : null,
    progress: applied ? applied.map(progressView) : null,
  };
}

/**
 * The latest plan content with the progress since the plan in force written in: what an MDO
 * discusses, and what its agreements are added to. Null without any version.
 */
export function workingContent(history: PlanHistory, progress: readonly ProgressRow[]): PlanContent | null {
  const { latest, inForce } = history;
  if (!latest) return null;
  return withEffectiveStatuses(latest.content, progress.map(toProgress), (inForce ?? latest).createdOn);
}
