import type { ActionStatus, PlanContent, PlanVersionDetail } from "@ploegwerk/domain";
import { fieldId } from "../../../components/Form.tsx";
import { emptyOwner, ownerDraftOf, ownerFrom, type OwnerDraft } from "../OwnerPicker.tsx";

/*
 * The editor's working copy of the plan: every input as text, owners flattened so switching the
 * kind of owner keeps what was typed. Converted to and from the API's PlanContent.
 */

export interface DraftAction extends OwnerDraft {
  id: string;
  description: string;
  dueDate: string;
  status: ActionStatus;
  cancelReason: string;
  /** The catalogue entry the action uses ("wat werkt"), or null. */
  interventionId: string | null;
}

export interface DraftGoal {
  id: string;
  domain: string;
  memberIds: string[];
  description: string;
  targetDate: string;
  actions: DraftAction[];
}

export interface DraftOverallGoal {
  id: string;
  description: string;
  targetDate: string;
}

export interface DraftLadder {
  /** Local key for React; the API keys a ladder goal by its member. */
  key: string;
  memberId: string;
  currentStep: string;
  targetStep: string;
}

export interface PlanDraft {
  startDate: string;
  instrumentKey: string;
  overallGoals: DraftOverallGoal[];
  participation: DraftLadder[];
  goals: DraftGoal[];
}

export const newId = (): string => crypto.randomUUID();

/** Ids of the form's controls: "plan-goals-0-actions-1-dueDate". */
export const fid = (name: string): string => fieldId("plan", name);

export function emptyAction(defaultCoachId: string | null): DraftAction {
  return { id: newId(), description: "", ...emptyOwner(defaultCoachId), dueDate: "", status: "open", cancelReason: "", interventionId: null };
}

export function emptyGoal(): DraftGoal {
  return { id: newId(), domain: "", memberIds: [], description: "", targetDate: "", actions: [] };
}

export function emptyOverallGoal(): DraftOverallGoal {
  return { id: newId(), description: "", targetDate: "" };
}

export function emptyLadder(): DraftLadder {
  return { key: newId(), memberId: "", currentStep: "", targetStep: "" };
}

export function emptyDraft(startDate: string, instrumentKey: string): PlanDraft {
  return { startDate, instrumentKey, overallGoals: [], participation: [], goals: [] };
}

function draftAction(a: PlanContent["goals"][number]["actions"][number], defaultCoachId: string | null): DraftAction {
  return {
    id: a.id,
    description: a.description,
    ...ownerDraftOf(a.owner, defaultCoachId),
    dueDate: a.dueDate,
    status: a.status,
    cancelReason: a.cancelReason ?? "",
    interventionId: a.interventionId,
  };
}

/**
 * The draft for a version. When the version is the plan in force, the actions start from their
 * effective status (the progress recorded since signing), as the next version should.
 */
export function draftFrom(detail: PlanVersionDetail, defaultCoachId: string | null): PlanDraft {
  const c = detail.content;
  const effective = new Map((detail.actions ?? []).map((a) => [a.actionId, a]));
  return {
    startDate: c.startDate,
    instrumentKey: c.instrumentKey,
    overallGoals: c.overallGoals.map((g) => ({ id: g.id, description: g.description, targetDate: g.targetDate ?? "" })),
    participation: c.participation.map((p) => ({ key: newId(), memberId: p.memberId, currentStep: String(p.currentStep), targetStep: String(p.targetStep) })),
    goals: c.goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      memberIds: [...g.memberIds],
      description: g.description,
      targetDate: g.targetDate ?? "",
      actions: g.actions.map((a) => {
        const e = effective.get(a.id);
        return draftAction(e ? { ...a, status: e.status, cancelReason: e.cancelReason } : a, defaultCoachId);
      }),
    })),
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v);

/** The API's plan content for the draft. */
export function contentOf(d: PlanDraft): PlanContent {
  return {
    startDate: d.startDate,
    instrumentKey: d.instrumentKey,
    overallGoals: d.overallGoals.map((g) => ({ id: g.id, description: g.description.trim(), targetDate: orNull(g.targetDate) })),
    participation: d.participation.map((p) => ({ memberId: p.memberId, currentStep: Number(p.currentStep), targetStep: Number(p.targetStep) })),
    goals: d.goals.map((g) => ({
      id: g.id,
      domain: g.domain,
      memberIds: [...g.memberIds],
      description: g.description.trim(),
      targetDate: orNull(g.targetDate),
      actions: g.actions.map((a) => ({
        id: a.id,
        description: a.description.trim(),
        owner: ownerFrom(a),
        dueDate: a.dueDate,
        status: a.status,
        cancelReason: a.status === "cancelled" ? orNull(a.cancelReason.trim()) : null,
        interventionId: a.interventionId,
      })),
    })),
  };
}
