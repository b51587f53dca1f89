import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";
import type { IsoDay } from "./calendar.ts";
import { ACTION_STATUSES, type ActionStatus, type PlanContent } from "./planContract.ts";

/*
 * Progress on actions (bezig, gedaan, vervallen) is logged per action, next to the plan versions:
 * marking an action done does not change what the family signed, so it needs no new version and no
 * new signature. A version's own statuses are those when it was written; the log applies on top,
 * and a new version starts from the effective statuses.
 */

export const ActionProgress = z.object({
  actionId: Id,
  status: z.enum(ACTION_STATUSES),
  cancelReason: z.string().trim().max(1000).nullable().default(null),
  on: IsoDate,
  by: Id,
});
export type ActionProgress = z.infer<typeof ActionProgress>;

/** Field errors for a progress entry on the plan in force. */
export function validateActionProgress(entry: ActionProgress, plan: PlanContent): InvalidParam[] {
  const errors: InvalidParam[] = [];
  if (!plan.goals.some((g) => g.actions.some((a) => a.id === entry.actionId))) {
    errors.push({ name: "actionId", reason: "not an action of the plan in force" });
  }
  if (entry.status === "cancelled" && !(entry.cancelReason ?? "").trim()) {
    errors.push({ name: "cancelReason", reason: "a cancelled (vervallen) action needs a reason" });
  }
  return errors;
}

export interface EffectiveAction {
  goalId: string;
  actionId: string;
  dueDate: IsoDay;
  status: ActionStatus;
  cancelReason: string | null;
}

/**
 * Every action of the plan with its current status: the latest progress entry (by date, then by
 * order given) made on or after the version, else the version's own status.
 */
export function effectiveActions(plan: PlanContent, progress: readonly ActionProgress[], since: IsoDay | null = null): EffectiveAction[] {
  const latest = new Map<string, ActionProgress>();
  for (const p of progress) {
    if (since !== null && p.on < since) continue;
    const prev = latest.get(p.actionId);
    if (!prev || p.on >= prev.on) latest.set(p.actionId, p);
  }
  return plan.goals.flatMap((g) =>
    g.actions.map((a) => {
      const p = latest.get(a.id);
      return { goalId: g.id, actionId: a.id, dueDate: a.dueDate, status: p?.status ?? a.status, cancelReason: p ? p.cancelReason : a.cancelReason };
    }),
  );
}

/** Plan content with the effective statuses written in: the starting point for the next version. */
export function withEffectiveStatuses(plan: PlanContent, progress: readonly ActionProgress[], since: IsoDay | null = null): PlanContent {
  const byId = new Map(effectiveActions(plan, progress, since).map((a) => [a.actionId, a]));
  return {
    ...plan,
    goals: plan.goals.map((g) => ({
      ...g,
      actions: g.actions.map((a) => {
        const e = byId.get(a.id);
        return e ? { ...a, status: e.status, cancelReason: e.cancelReason } : a;
      }),
    })),
  };
}

/** Open work: actions not done and not cancelled. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === "open" || status === "in_progress";
}
