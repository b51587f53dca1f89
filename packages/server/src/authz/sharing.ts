/**
 * What a ketenpartner may see of a family, decided by the categories its active consent records
 * name (domain sharedCategories). Part of the one policy module: the shared-family use cases ask
 * here, and a part of the file without a category that allows it is left out of the answer.
 */
import { forbidden, type ConsentCategory } from "@ploegwerk/domain";
import type { Actor } from "./actor.ts";
import { authorize } from "./rules.ts";

export const SHARED_PARTS = ["basis", "trajectory", "plan", "planActions", "meetings", "measurements", "measurementJustifications", "weeklyReports"] as const;
export type SharedPart = (typeof SHARED_PARTS)[number];

/** Each part of the file and the categories that open it (any one suffices). */
const PART_NEEDS: Readonly<Record<SharedPart, readonly ConsentCategory[]>> = {
  basis: ["basis"],
  trajectory: ["trajectory"],
  plan: ["plan"],
  // The actions the partner itself carries out: named on its own, and part of the whole plan.
  planActions: ["plan_actions", "plan"],
  meetings: ["meetings"],
  measurements: ["measurements"],
  measurementJustifications: ["measurement_justifications"],
  weeklyReports: ["weekly_reports"],
};

export function mayViewPart(categories: ReadonlySet<ConsentCategory>, part: SharedPart): boolean {
  return PART_NEEDS[part].some((c) => categories.has(c));
}

/** The partner organisation of a ketenpartner actor; anyone else is refused. */
export function partnerOf(actor: Actor): string {
  authorize(actor, "shared.read");
  if (actor.kind !== "user" || !actor.partnerOrganisationId) throw forbidden();
  return actor.partnerOrganisationId;
}

/** Updating an action's progress: the partner owns the action and may see it. */
export function mayProgressAction(categories: ReadonlySet<ConsentCategory>, owner: { kind: string; partnerOrganisationId?: string | null }, partnerId: string): boolean {
  return mayViewPart(categories, "planActions") && owner.kind === "partnerContact" && owner.partnerOrganisationId === partnerId;
}
