import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { Phase } from "./phases.ts";
import { ACTION_STATUSES, ActionOwner, DeviationReason, PlanContent, PlanSignature, SavePlan } from "./planContract.ts";

/*
 * The gezinsplan over HTTP (/api/v1/trajectories/:trajectoryId/plan): request bodies and answers.
 * The plan's own shapes (content, signature, deviations) live in planContract.ts.
 */

/** Phases in which the plan may be drafted and changed: it may be drafted "in grote lijnen" during the informatiefase. */
export const PLAN_EDIT_PHASES = ["intake", "planning", "execution", "closing"] as const satisfies readonly Phase[];
/** Phases in which the family signs and progress on the plan in force is recorded. */
export const PLAN_SIGN_PHASES = ["planning", "execution", "closing"] as const satisfies readonly Phase[];

/**
 * Saving the plan: the domain's SavePlan plus the edit counter of the concept as it was read.
 * `version` is required when the latest version is a concept (it is edited in place); a save on top
 * of a signed version (or the first save) is guarded by `basedOn` alone.
 */
export const SavePlanRequest = SavePlan.extend({
  version: Version.nullable().default(null),
});
export type SavePlanRequest = z.infer<typeof SavePlanRequest>;
export type SavePlanRequestInput = z.input<typeof SavePlanRequest>;

/**
 * The family signs the latest concept. `version` is the concept's edit counter the family read:
 * if anyone changed the concept since, the signature is refused (409 stale_version), so the family
 * never signs text it did not see. The user recording it is the signature's `recordedBy`.
 */
export const SignPlanRequest = PlanSignature.omit({ recordedBy: true }).extend({ version: Version });
export type SignPlanRequest = z.infer<typeof SignPlanRequest>;

/** Progress on one action of the plan in force; `on` defaults to today. */
export const ActionProgressInput = z.object({
  status: z.enum(ACTION_STATUSES),
  cancelReason: z.string().trim().max(1000).nullable().default(null),
  on: IsoDate.optional(),
});
export type ActionProgressInput = z.infer<typeof ActionProgressInput>;

export const PlanVersionSummary = z.object({
  number: z.number().int(),
  status: z.enum(["concept", "definitive"]),
  basedOn: z.number().int().nullable(),
  createdOn: z.string(),
  createdBy: Id.nullable(),
  /** Who signed, when and how; null for a concept. */
  signature: PlanSignature.nullable(),
  /** The latest signed version: the plan the family and partners work from. */
  inForce: z.boolean(),
  latest: z.boolean(),
  goalCount: z.number().int(),
  actionCount: z.number().int(),
  /** Edit counter of a concept (optimistic concurrency); send it back when saving or signing. */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

/** An action of the plan in force with its status after the progress log. */
export const EffectiveActionView = z.object({
  goalId: Id,
  actionId: Id,
  description: z.string(),
  owner: ActionOwner,
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  cancelReason: z.string().nullable(),
  /** Open or in progress and past its due date. */
  overdue: z.boolean(),
});
export type EffectiveActionView = z.infer<typeof EffectiveActionView>;

export const ActionProgressView = z.object({
  id: Id,
  actionId: Id,
  status: z.enum(ACTION_STATUSES),
  cancelReason: z.string().nullable(),
  on: z.string(),
  byId: Id.nullable(),
  createdAt: z.string(),
});
export type ActionProgressView = z.infer<typeof ActionProgressView>;

export const PlanOverview = z.object({
  trajectoryId: Id,
  phase: z.string(),
  /** Whether the phase allows saving the plan / signing and recording progress. */
  editable: z.boolean(),
  signable: z.boolean(),
  latest: z.number().int().nullable(),
  inForce: z.number().int().nullable(),
  versions: z.array(PlanVersionSummary),
  /** The open (open or in progress) actions of the plan in force, oldest due date first. */
  openActions: z.array(EffectiveActionView),
});
export type PlanOverview = z.infer<typeof PlanOverview>;

export const PlanVersionDetail = PlanVersionSummary.extend({
  content: PlanContent,
  deviations: z.array(DeviationReason),
  /** For the version in force: every action with its effective status; null for other versions. */
  actions: z.array(EffectiveActionView).nullable(),
  /** For the version in force: the progress log applied to it, oldest first; null for other versions. */
  progress: z.array(ActionProgressView).nullable(),
});
export type PlanVersionDetail = z.infer<typeof PlanVersionDetail>;

export const PlanDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

const PlanValueSchema = z.union([z.string(), z.number(), z.null(), z.array(z.string()).readonly(), ActionOwner]);
export const PlanChangeView = z.object({
  entity: z.enum(["plan", "overallGoal", "participation", "goal", "action"]),
  kind: z.enum(["added", "removed", "changed"]),
  id: z.string(),
  goalId: z.string().nullable(),
  fields: z.array(z.object({ field: z.string(), before: PlanValueSchema, after: PlanValueSchema })),
});

export const PlanDiffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(PlanChangeView),
});
export type PlanDiffView = z.infer<typeof PlanDiffView>;

export const ActionProgressRecorded = z.object({
  entry: ActionProgressView,
  action: EffectiveActionView,
});
export type ActionProgressRecorded = z.infer<typeof ActionProgressRecorded>;
