import { planReadinessErrors, type PlanContent } from "@ploegwerk/domain";
import type { TFunction } from "i18next";

/** What the concept still needs before the family can sign it, in words (the same rules as the server's). */
export function readinessProblems(content: PlanContent, t: TFunction): string[] {
  return planReadinessErrors(content).map((e) => {
    const m = /^goals\.(\d+)\.actions$/.exec(e.name);
    if (m) {
      const goal = content.goals[Number(m[1])];
      return t("plan.readiness.goalWithoutAction", { number: Number(m[1]) + 1, goal: goal?.description ?? "" });
    }
    if (/at least one goal/.test(e.reason)) return t("plan.readiness.noGoal");
    return t("plan.readiness.noFamilyAction");
  });
}
