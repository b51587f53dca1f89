import type { InvalidParam } from "../errors.ts";
import { isOpenStatus } from "./actionProgress.ts";
import type { MeetingAgendaItem, Agreement } from "./meetingContract.ts";
import type { PlanContent } from "./planContract.ts";
import { fieldPath } from "./planValidation.ts";

/**
 * The agenda an MDO gets when none is given (BRIEF §3: the gezinsplan serves as MDO agenda): the
 * plan's open goals, i.e. goals with an open or in-progress action, and goals without any action
 * yet (they still need agreements). Statuses are taken from `content` as given: pass content with
 * the effective statuses written in (withEffectiveStatuses).
 */
export function openGoalsAgenda(content: PlanContent | null): MeetingAgendaItem[] {
  if (!content) return [];
  return content.goals
    .filter((g) => g.actions.length === 0 || g.actions.some((a) => isOpenStatus(a.status)))
    .map((g) => ({ goalId: g.id, text: g.description.slice(0, 1000) }));
}

export interface AgreementsApplied {
  content: PlanContent;
  /** Agreements whose goal is not in the plan. */
  errors: InvalidParam[];
  /** Maps a field path of the new content that points into an agreement's action back to "agreements.<i>…"; null otherwise. */
  agreementPath(name: string): string | null;
}

/**
 * Adds MDO agreements to plan content as open actions under their goals (the agreement's id
 * becomes the action's id), after the goal's existing actions, in the order given.
 */
export function addAgreements(content: PlanContent, agreements: readonly Agreement[]): AgreementsApplied {
  const errors: InvalidParam[] = [];
  const goalIndex = new Map(content.goals.map((g, i) => [g.id, i]));
  const added = content.goals.map(() => [] as { agreement: Agreement; index: number }[]);
  agreements.forEach((agreement, index) => {
    const gi = goalIndex.get(agreement.goalId);
    if (gi === undefined) errors.push({ name: fieldPath("agreements", index, "goalId"), reason: "not a goal of the family plan" });
    else added[gi]?.push({ agreement, index });
  });

  const prefixes = new Map<string, number>();
  const goals = content.goals.map((g, gi) => {
    const extra = added[gi] ?? [];
    extra.forEach(({ index }, k) => prefixes.set(fieldPath("goals", gi, "actions", g.actions.length + k), index));
    return {
      ...g,
      actions: [
        ...g.actions,
        ...extra.map(({ agreement: a }) => ({ id: a.id, description: a.description, owner: a.owner, dueDate: a.dueDate, status: "open" as const, cancelReason: null, interventionId: null })),
      ],
    };
  });

  return {
    content: { ...content, goals },
    errors,
    agreementPath(name) {
      const m = /^(goals\.\d+\.actions\.\d+)(\..*)?$/.exec(name);
      const index = m?.[1] === undefined ? undefined : prefixes.get(m[1]);
      return index === undefined ? null : `${fieldPath("agreements", index)}${m?.[2] ?? ""}`;
    },
  };
}
