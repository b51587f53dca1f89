import type { ActionOwner, PlanContent } from "./planContract.ts";

/*
 * Comparing two plan versions, item by item (by id): what was added, removed or changed, with
 * field-level before/after. The order of goals and actions in the plan is presentation and is
 * not compared; the order of a goal's members is not compared either.
 */

export type PlanEntity = "plan" | "overallGoal" | "participation" | "goal" | "action";
export type PlanValue = string | number | null | readonly string[] | ActionOwner;

export interface FieldChange {
  field: string;
  before: PlanValue;
  after: PlanValue;
}

export interface PlanChange {
  entity: PlanEntity;
  kind: "added" | "removed" | "changed";
  /** The item's id; a member id for a participatieladder goal; "plan" for the plan itself. */
  id: string;
  /** For actions: the goal the action is under (in the newer version, or the older when removed). */
  goalId: string | null;
  /** Changed fields; for an added item every field (before null), for a removed one every field (after null). */
  fields: FieldChange[];
}

type Fields = Readonly<Record<string, PlanValue>>;
interface Item {
  id: string;
  goalId: string | null;
  fields: Fields;
}

const ENTITY_ORDER: readonly PlanEntity[] = ["plan", "overallGoal", "participation", "goal", "action"];

function items(plan: PlanContent): Record<PlanEntity, Item[]> {
  return {
    plan: [{ id: "plan", goalId: null, fields: { startDate: plan.startDate, instrumentKey: plan.instrumentKey } }],
    overallGoal: plan.overallGoals.map((g) => ({ id: g.id, goalId: null, fields: { description: g.description, targetDate: g.targetDate } })),
    participation: plan.participation.map((p) => ({ id: p.memberId, goalId: null, fields: { currentStep: p.currentStep, targetStep: p.targetStep } })),
    goal: plan.goals.map((g) => ({
      id: g.id,
      goalId: null,
      fields: { domain: g.domain, memberIds: [...g.memberIds].sort(), description: g.description, targetDate: g.targetDate },
    })),
    action: plan.goals.flatMap((g) =>
      g.actions.map((a) => ({
        id: a.id,
        goalId: g.id,
        // The catalogue entry only when there is one, so plans without entries compare as before.
        fields: { goalId: g.id, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, cancelReason: a.cancelReason, ...(a.interventionId ? { interventionId: a.interventionId } : {}) },
      })),
    ),
  };
}

/** Stable text for a value: object keys sorted, so owners built in any key order compare equal. */
function canonical(v: PlanValue): string {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const rec = v as Readonly<Record<string, unknown>>;
    return JSON.stringify(Object.keys(rec).sort().map((k) => [k, rec[k] ?? null]));
  }
  return JSON.stringify(v);
}

export function sameValue(a: PlanValue, b: PlanValue): boolean {
  return canonical(a) === canonical(b);
}

const allFields = (fields: Fields, side: "before" | "after"): FieldChange[] =>
  Object.entries(fields).map(([field, v]) => (side === "after" ? { field, before: null, after: v } : { field, before: v, after: null }));

/**
 * The changes from version `a` to version `b`. Deterministic order: plan fields, overall goals,
 * participatieladder goals, goals, actions; within each, the items of `b` in their order (added or
 * changed), then the items removed from `a` in theirs.
 */
export function diffPlans(a: PlanContent, b: PlanContent): PlanChange[] {
  const before = items(a);
  const after = items(b);
  const out: PlanChange[] = [];
  for (const entity of ENTITY_ORDER) {
    const old = new Map(before[entity].map((i) => [i.id, i]));
    const seen = new Set<string>();
    for (const item of after[entity]) {
      seen.add(item.id);
      const prev = old.get(item.id);
      if (!prev) {
        out.push({ entity, kind: "added", id: item.id, goalId: item.goalId, fields: allFields(item.fields, "after") });
        continue;
      }
      // Over the fields of both sides: a field one side leaves out (an unset catalogue entry) is null there.
      const names = [...new Set([...Object.keys(item.fields), ...Object.keys(prev.fields)])];
      const fields = names
        .filter((field) => !sameValue(prev.fields[field] ?? null, item.fields[field] ?? null))
        .map((field) => ({ field, before: prev.fields[field] ?? null, after: item.fields[field] ?? null }));
      if (fields.length > 0) out.push({ entity, kind: "changed", id: item.id, goalId: item.goalId, fields });
    }
    for (const item of before[entity]) {
      if (!seen.has(item.id)) out.push({ entity, kind: "removed", id: item.id, goalId: item.goalId, fields: allFields(item.fields, "before") });
    }
  }
  return out;
}
