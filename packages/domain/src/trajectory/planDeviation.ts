import type { InvalidParam } from "../errors.ts";
import type { DeviationReason, PlanContent } from "./planContract.ts";
import { fieldPath } from "./planValidation.ts";

/**
 * Planmatig werken: the signed plan links goals and actions to a timeline, and a deviation from it
 * needs a reason. A deviation is a change of a dated item of the signed plan: a goal's or overall
 * goal's target date, an action's due date (moving, or clearing it), or dropping the goal or action
 * from the plan altogether (mark an action "vervallen" with its reason instead to keep it visible).
 * New items and dates set where there were none are refinements, not deviations.
 */
export interface Deviation {
  entity: "overallGoal" | "goal" | "action";
  id: string;
  change: "targetDate" | "dueDate" | "removed";
  before: string | null;
  after: string | null;
  /** Where to point the user: the changed field in the new content, or "deviations.<id>" for a removal. */
  name: string;
}

export function requiredDeviations(agreed: PlanContent, next: PlanContent): Deviation[] {
  const out: Deviation[] = [];
  const nextOverall = new Map(next.overallGoals.map((g, i) => [g.id, { g, i }]));
  for (const g of agreed.overallGoals) {
    const n = nextOverall.get(g.id);
    if (!n) out.push({ entity: "overallGoal", id: g.id, change: "removed", before: g.targetDate, after: null, name: fieldPath("deviations", g.id) });
    else if (g.targetDate !== null && n.g.targetDate !== g.targetDate) {
      out.push({ entity: "overallGoal", id: g.id, change: "targetDate", before: g.targetDate, after: n.g.targetDate, name: fieldPath("overallGoals", n.i, "targetDate") });
    }
  }

  const nextGoals = new Map(next.goals.map((g, i) => [g.id, { g, i }]));
  const nextActions = new Map(next.goals.flatMap((g, gi) => g.actions.map((a, ai) => [a.id, { a, path: fieldPath("goals", gi, "actions", ai) }] as const)));
  for (const g of agreed.goals) {
    const n = nextGoals.get(g.id);
    if (!n) out.push({ entity: "goal", id: g.id, change: "removed", before: g.targetDate, after: null, name: fieldPath("deviations", g.id) });
    else if (g.targetDate !== null && n.g.targetDate !== g.targetDate) {
      out.push({ entity: "goal", id: g.id, change: "targetDate", before: g.targetDate, after: n.g.targetDate, name: fieldPath("goals", n.i, "targetDate") });
    }
    for (const a of g.actions) {
      const na = nextActions.get(a.id);
      if (!na) out.push({ entity: "action", id: a.id, change: "removed", before: a.dueDate, after: null, name: fieldPath("deviations", a.id) });
      else if (na.a.dueDate !== a.dueDate) {
        out.push({ entity: "action", id: a.id, change: "dueDate", before: a.dueDate, after: na.a.dueDate, name: fieldPath(na.path, "dueDate") });
      }
    }
  }
  return out;
}

const WHAT: Readonly<Record<Deviation["entity"], string>> = { overallGoal: "overall goal", goal: "goal", action: "action" };

/**
 * Field errors for deviations from the agreed (last signed) plan that have no reason. Without a
 * signed version nothing is agreed yet, so nothing deviates.
 */
export function missingDeviationReasons(agreed: PlanContent | null, next: PlanContent, reasons: readonly DeviationReason[]): InvalidParam[] {
  if (agreed === null) return [];
  const given = new Set(reasons.filter((r) => r.reason.trim() !== "").map((r) => r.id));
  return requiredDeviations(agreed, next)
    .filter((d) => !given.has(d.id))
    .map((d) => ({
      name: d.name,
      reason:
        d.change === "removed"
          ? `removing this ${WHAT[d.entity]} from the signed plan needs a reason (planmatig werken)`
          : `changing the ${d.change === "dueDate" ? "due date" : "target date"} from ${d.before} to ${d.after ?? "none"} deviates from the signed plan and needs a reason (planmatig werken)`,
    }));
}
